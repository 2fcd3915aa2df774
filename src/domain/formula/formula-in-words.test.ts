import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formulaInWords } from './formula-in-words.ts';

const NAMES = new Map([
  ['REVENUE', '营业收入'],
  ['LAND_AREA_MU', '土地面积'],
  ['URBAN_DISPOSABLE_INCOME', '城镇居民人均可支配收入'],
  ['RURAL_DISPOSABLE_INCOME', '农村居民人均可支配收入'],
]);
const nameOf = (code: string) => NAMES.get(code);

describe('formulaInWords', () => {
  it('names the indicators and writes the operators as a reader does', () => {
    assert.equal(formulaInWords('REVENUE * 10000 / LAND_AREA_MU', nameOf), '营业收入 × 10000 ÷ 土地面积');
    assert.equal(
      formulaInWords('URBAN_DISPOSABLE_INCOME/RURAL_DISPOSABLE_INCOME', nameOf),
      '城镇居民人均可支配收入 ÷ 农村居民人均可支配收入',
    );
  });

  it('keeps numbers, + - and parentheses, and a code it cannot name', () => {
    assert.equal(formulaInWords('(REVENUE - 2.5) * 100 + UNKNOWN_X', nameOf), '(营业收入 - 2.5) × 100 + UNKNOWN_X');
  });
});
