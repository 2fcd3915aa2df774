import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explain, formatPercent } from './explain.ts';

test('percent format', () => {
  assert.equal(formatPercent(0.6), '60%');
  assert.equal(formatPercent(0.4184), '41.8%');
});

test('a lower-is-better sentence says 下降', () => {
  const e = explain({
    dataYear: 2023,
    targetYear: 2025,
    name: { zh: '单位GDP能耗', en: 'Energy per unit of GDP' },
    unit: { zh: '吨标准煤/万元', en: 'tce per 10,000 yuan' },
    current: '0.46',
    met: false,
    completionRatio: 0.94,
    timeShare: 0.6,
    requiredAnnualGrowth: -0.0303,
    observedAnnualGrowth: -0.0274,
    growthSinceYear: 2020,
    cls: 'behind',
  });
  assert.equal(
    e.zh,
    '2023年单位GDP能耗0.46吨标准煤/万元，完成2025年目标的94%，时序进度60%，需年均下降3%，2020年以来年均下降2.7%，判定滞后。',
  );
  assert.match(e.en, /3% a year decrease.*2\.7% a year decrease since 2020: behind\.$/);
});
