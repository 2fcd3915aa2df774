import type { ReportProgress, ReportTarget, ReportTargetDetail } from './report-input.ts';

/** A plan answer shaped like the progress API's (issue-6 contract), for the layout tests. */
const target = (over: Partial<ReportTarget> & Pick<ReportTarget, 'key' | 'ordinal'>): ReportTarget => ({
  indicator: { code: 'TRADE', name: '进出口总额', unit: '亿元' },
  subject: { kind: 'org_unit', code: 'YN-FTZ', name: '云南自贸试验区' },
  nature: 'expected',
  comparator: 'at_least',
  baseline: { year: 2020, value: '800', origin: 'plan', note: null },
  target: { year: 2025, value: '2000', min: null, max: null, rate: null, text: null },
  judgement: {
    dataYear: 2023,
    current: '1120',
    currentOrigin: 'reported',
    achievementRatio: 0.56,
    progressShare: 0.2667,
    halfTimeHalfTask: 'fail',
    requiredAnnualGrowth: 0.3363,
    observedAnnualGrowth: 0.1187,
    projection: { year: 2025, value: 1400.456, low: 1300.1, high: 1500.9, method: 'cagr' },
    class: 'behind',
    classLabel: { zh: '滞后', en: 'behind' },
    explanation: {
      zh: '2023年进出口总额1,120亿元，完成2025年目标的56%，时序进度60%，需年均增长33.6%，近三年年均增长11.9%，判定滞后',
      en: 'Behind.',
    },
  },
  freshness: {
    lastUpdated: '2024-07-10T08:00:00.000Z',
    lastPeriod: '2023',
    stale: true,
    owes: {
      orgUnit: 'YN-KM',
      orgUnitName: '昆明市',
      form: 'PREFECTURE_ANNUAL',
      formName: '州市区域协调发展主要指标年报',
      formNameEn: 'Prefecture annual regional-development indicators',
      period: '2024',
      dueDate: '2025-03-31',
    },
  },
  warning: { level: 'red', reasons: [{ zh: '判定滞后', en: 'behind' }] },
  ...over,
});

export const FIXTURE_PROGRESS: ReportProgress = {
  plan: { id: 'yunnan-ftz-2021-2025', title: '中国（云南）自由贸易试验区发展规划', periodStart: 2021, periodEnd: 2025 },
  at: '2024Q2',
  method: 'official',
  timeElapsedShare: 0.6,
  summary: {
    total: 3,
    byClass: { achieved_early: 0, ahead: 1, on_track: 0, behind: 1, insufficient_data: 1 },
    halfTimeFail: 1,
    warnings: { red: 1, yellow: 1, green: 1 },
  },
  targets: [
    target({ key: 'trade', ordinal: 1 }),
    target({
      key: 'fdi',
      ordinal: 2,
      indicator: { code: 'FDI', name: '实际利用外资', unit: '亿美元' },
      nature: 'binding',
      judgement: {
        ...target({ key: 'x', ordinal: 0 }).judgement,
        current: '12.345678',
        currentOrigin: 'synthetic',
        achievementRatio: 1.0123,
        halfTimeHalfTask: 'pass',
        requiredAnnualGrowth: null,
        observedAnnualGrowth: -0.052,
        projection: null,
        class: 'ahead',
        classLabel: { zh: '快于预期', en: 'ahead' },
        explanation: { zh: '实际利用外资快于预期', en: 'ahead' },
      },
      freshness: { lastUpdated: '2024-07-01T00:00:00.000Z', lastPeriod: '2024Q2', stale: false, owes: null },
      warning: { level: 'green', reasons: [] },
    }),
    target({
      key: 'green',
      ordinal: 3,
      indicator: { code: 'ENERGY', name: '单位GDP能耗', unit: '' },
      comparator: 'cumulative_change',
      target: { year: 2025, value: null, min: null, max: null, rate: '-13.5', text: null },
      judgement: {
        ...target({ key: 'x', ordinal: 0 }).judgement,
        dataYear: null,
        current: null,
        currentOrigin: null,
        achievementRatio: null,
        halfTimeHalfTask: 'na',
        requiredAnnualGrowth: null,
        observedAnnualGrowth: null,
        projection: null,
        class: 'insufficient_data',
        classLabel: { zh: '数据不足', en: 'insufficient data' },
        explanation: { zh: '单位GDP能耗数据不足', en: 'no data' },
      },
      freshness: { lastUpdated: null, lastPeriod: null, stale: true, owes: null },
      warning: { level: 'yellow', reasons: [{ zh: '缺少数据', en: 'missing data' }] },
    }),
  ],
};

export const FIXTURE_DETAIL: ReportTargetDetail = {
  ...FIXTURE_PROGRESS.targets[0]!,
  series: [
    { period: '2021', value: '900', origin: 'reported' },
    { period: '2022', value: '1000', origin: 'reported' },
    { period: '2023', value: '1120', origin: 'reported' },
  ],
  yearly: [
    { year: 2021, value: '900', origin: 'reported' },
    { year: 2022, value: '1000', origin: 'reported' },
    { year: 2023, value: '1120', origin: 'reported' },
  ],
  trajectory: [],
  band: [
    { year: 2023, value: 1120, low: 1120, high: 1120 },
    { year: 2024, value: 1250, low: 1200, high: 1310 },
    { year: 2025, value: 1400.456, low: 1300.1, high: 1500.9 },
  ],
};
