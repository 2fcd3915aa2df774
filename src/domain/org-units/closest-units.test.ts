import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bigramOverlap, closestUnits, editDistance } from './closest-units.ts';
import { unitNameKey } from './unit-name-key.ts';

const unit = (code: string, ...names: string[]) => ({ unit: { code }, keys: names.map(unitNameKey) });
const ZONES = [
  unit('ZN-KM-HIGHTECH', '昆明高新技术产业开发区', '昆明高新区'),
  unit('ZN-QJ-ETDZ', '曲靖经济技术开发区', '曲靖经开区'),
  unit('ZN-HH-MENGZI', '蒙自经济技术开发区', '蒙自经开区'),
  unit('ZN-CX-HIGHTECH', '楚雄高新技术产业开发区', '楚雄高新区'),
];

describe('closest units ("did you mean")', () => {
  it('finds a slip of the input method by edit distance', () => {
    assert.deepEqual(closestUnits(unitNameKey('昆明高兴区'), ZONES).map((u) => u.code)[0], 'ZN-KM-HIGHTECH');
  });
  it('finds a name with a word added by overlap, and ranks the closer first', () => {
    const codes = closestUnits(unitNameKey('红河州蒙自经开区管委会'), ZONES).map((u) => u.code);
    assert.equal(codes[0], 'ZN-HH-MENGZI');
  });
  it('suggests nothing for a name like none of the units', () => {
    assert.deepEqual(closestUnits(unitNameKey('大理州财政局'), ZONES), []);
  });
  it('keeps at most the limit', () => {
    assert.ok(closestUnits(unitNameKey('高新区'), ZONES, 1).length === 1);
  });
  it('measures', () => {
    assert.equal(editDistance('昆明高兴区', '昆明高新区'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(bigramOverlap('ab', 'ab'), 1);
    assert.equal(bigramOverlap('ab', 'cd'), 0);
  });
});

describe('unit name key', () => {
  it('reads Traditional as Simplified and full-width as half-width, punctuation dropped', () => {
    assert.equal(unitNameKey('昆明高新區'), unitNameKey('昆明高新区'));
    assert.equal(unitNameKey('中國（雲南）自由貿易試驗區昆明片區'), unitNameKey('中国(云南)自由贸易试验区昆明片区'));
    assert.equal(unitNameKey('ＺＮ－ＫＭ'), unitNameKey('zn-km'));
  });
});
