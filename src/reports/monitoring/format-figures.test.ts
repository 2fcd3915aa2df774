import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chineseNumeral, dateZh, figureText, percentText, periodZh, targetText } from './format-figures.ts';
import { FIXTURE_PROGRESS } from './monitoring-report.fixture.ts';

describe('monitoring report figures', () => {
  it('prints ratios as the API explanations do, and — when missing', () => {
    assert.equal(percentText(0.419), '41.9%');
    assert.equal(percentText(0.6), '60%');
    assert.equal(percentText(-0.052), '-5.2%');
    assert.equal(percentText(null), '—');
  });
  it('prints decimals exactly as given and marks synthetic figures 模拟', () => {
    assert.equal(figureText('12.345678', 'reported'), '12.345678');
    assert.equal(figureText('12.345678', 'synthetic'), '12.345678（模拟）');
    assert.equal(figureText(null, null), '—');
  });
  it("shows a figure to its indicator's precision in the zh-CN format when given (issue 19)", () => {
    assert.equal(figureText('617.123635440671', 'reported', 2), '617.12');
    assert.equal(figureText('123456.5', 'synthetic', 1), '123,456.5（模拟）');
  });
  it('states targets in the plan’s words', () => {
    const [trade, , energy] = FIXTURE_PROGRESS.targets;
    assert.equal(targetText(trade!), '2025年不低于2000亿元');
    assert.equal(targetText(energy!), '2025年累计降低13.5%');
  });
  it('writes periods, dates and section numerals in Chinese', () => {
    assert.equal(periodZh('2024Q2'), '2024年第二季度');
    assert.equal(periodZh('2024-06'), '2024年6月');
    assert.equal(periodZh('2024'), '2024年');
    assert.equal(dateZh('2026-11-23'), '2026年11月23日');
    assert.deepEqual([1, 5, 10, 12, 21].map(chineseNumeral), ['一', '五', '十', '十二', '二十一']);
  });
});
