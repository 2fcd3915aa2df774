import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatToPrecision, indicatorPrecision, writtenDecimals } from './indicator-precision.ts';

describe("an indicator's precision", () => {
  it('is the most decimals any plan writes the indicator with, at most four', () => {
    const t = (code: string, baseline: string | null, value: string | null, min: string | null = null) => ({
      indicator: { code },
      baseline: baseline === null ? null : { value: baseline },
      target: { value, min, max: null },
    });
    const p = indicatorPrecision([t('GDP', '2675.78', '3000'), t('GDP', '2500.1', null, '2600'), t('RATE', null, '7.123456')]);
    assert.equal(p.get('GDP'), 2);
    assert.equal(p.get('RATE'), 4);
    assert.equal(p.get('NONE'), undefined);
    // A rate-only target (单位GDP能耗累计降低13.5%) gives no precision: 0.45 must not show as 0.
    assert.equal(
      indicatorPrecision([{ indicator: { code: 'ENERGY' }, baseline: null, target: { value: null, min: null, max: null } }]).get(
        'ENERGY',
      ),
      undefined,
    );
    assert.equal(writtenDecimals('120'), 0);
    assert.equal(writtenDecimals(null), 0);
  });
  it('formats a computed figure to it in the zh-CN format, grouping from five digits', () => {
    assert.equal(formatToPrecision('617.123635440671', 2, 'zh-CN'), '617.12');
    assert.equal(formatToPrecision('2675.7', 2, 'zh-CN'), '2675.70');
    assert.equal(formatToPrecision('123456.789', 1, 'zh-CN'), '123,456.8');
    assert.equal(formatToPrecision(13.5, 0, 'en'), '14');
    assert.equal(formatToPrecision(null, 2, 'zh-CN'), '');
    assert.equal(formatToPrecision('n/a', 2, 'zh-CN'), 'n/a');
  });
});
