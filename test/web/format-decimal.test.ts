import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDecimal, formatFixed } from '../../web/src/i18n/format.ts';

describe('formatDecimal', () => {
  it('keeps the precision a figure was written with', () => {
    assert.equal(formatDecimal('2675.78', 'zh'), '2675.78');
    assert.equal(formatDecimal('13.50', 'zh'), '13.50');
    assert.equal(formatDecimal('120000', 'en'), '120,000');
    assert.equal(formatDecimal('0.000125', 'zh'), '0.000125');
  });
  it('shows a computed quotient to two decimals, or four significant digits below 1', () => {
    assert.equal(formatDecimal('617.12363544067100000', 'zh'), '617.12');
    assert.equal(formatDecimal('0.012345678901', 'zh'), '0.01235');
    assert.equal(formatDecimal('-3.3333333333333', 'en'), '-3.33');
  });
  it('returns text that is not a number unchanged', () => {
    assert.equal(formatDecimal('约3', 'zh'), '约3');
    assert.equal(formatDecimal(null, 'zh'), '');
  });
});

describe('formatFixed (an indicator precision)', () => {
  it('shows a figure to the decimals of its indicator, in the zh-CN number format', () => {
    assert.equal(formatFixed('2675.784321', 2, 'zh'), '2675.78');
    assert.equal(formatFixed('123456.5', 1, 'zh'), '123,456.5');
    assert.equal(formatFixed('7', 1, 'zh'), '7.0');
    assert.equal(formatFixed('12.5', 0, 'zh'), '13');
  });
  it('returns text that is not a number unchanged, and nothing for nothing', () => {
    assert.equal(formatFixed('约3', 2, 'zh'), '约3');
    assert.equal(formatFixed(null, 2, 'zh'), '');
  });
});
