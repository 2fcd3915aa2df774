import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDecimal } from '../../web/src/i18n/format.ts';

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
