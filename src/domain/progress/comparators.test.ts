import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { judgeProgress } from './judge-progress.ts';
import type { TargetFacts } from './types.ts';

const period = { periodStart: 2021, periodEnd: 2025 };
const facts = (f: Partial<TargetFacts> & Pick<TargetFacts, 'comparator' | 'target'>): TargetFacts => ({
  direction: 'higher_better',
  nature: 'expected',
  ...period,
  name: { zh: '测试指标', en: 'Test indicator' },
  unit: { zh: '%', en: '%' },
  ...f,
});

describe('floors and ceilings that must hold every year', () => {
  const ceiling = facts({
    comparator: 'at_most',
    direction: 'lower_better',
    everyYear: true,
    target: { year: 2025, value: '5.5' },
    name: { zh: '城镇调查失业率', en: 'Surveyed urban unemployment' },
  });

  test('held in every year so far: 基本符合预期, never 提前实现', () => {
    const j = judgeProgress({
      facts: ceiling,
      observed: [
        { year: 2021, value: '5.1' },
        { year: 2022, value: '5.5' },
        { year: 2023, value: '5.2' },
      ],
      asOfYear: 2023,
    });
    assert.equal(j.class, 'on_track');
    assert.equal(j.met, true);
    assert.match(j.explanation.zh, /每年须不高于5\.5%，2021年5\.1%、2022年5\.5%、2023年5\.2%均已达到，基本符合预期/);
  });

  test('a breach in an earlier year is named, although the latest year holds', () => {
    const j = judgeProgress({
      facts: ceiling,
      observed: [
        { year: 2021, value: '5.1' },
        { year: 2022, value: '5.9' },
        { year: 2023, value: '5.2' },
      ],
      asOfYear: 2023,
    });
    assert.equal(j.class, 'behind');
    assert.equal(j.met, false);
    assert.match(j.explanation.zh, /2022年5\.9%超出上限，滞后/);
  });

  test('同比增长10%以上 each year is checked on the yearly growth of the levels', () => {
    const j = judgeProgress({
      facts: facts({
        comparator: 'annual_growth',
        everyYear: true,
        baseline: { year: 2021, value: '100' },
        target: { year: 2025, rate: '10' },
        unit: { zh: '亿元', en: '100 million yuan' },
      }),
      observed: [
        { year: 2022, value: '112' },
        { year: 2023, value: '120.96' },
      ],
      asOfYear: 2023,
    });
    assert.equal(j.class, 'behind');
    assert.match(j.explanation.zh, /每年增速须不低于10%，2023年8%低于下限/);
  });

  test('no figure for the last whole year: 数据不足, not a class from an old year', () => {
    const j = judgeProgress({ facts: ceiling, observed: [{ year: 2021, value: '5.1' }], asOfYear: 2024 });
    assert.equal(j.class, 'insufficient_data');
    assert.match(j.explanation.zh, /最新数据为2021年，早于2023年/);
  });
});

test('提高N个百分点 / 提高1岁: the level is the baseline plus the increase', () => {
  const f = facts({
    comparator: 'increase_by',
    baseline: { year: 2020, value: '75.5' },
    target: { year: 2025, value: '1' },
    name: { zh: '人均预期寿命', en: 'Life expectancy' },
    unit: { zh: '岁', en: 'years' },
  });
  const met = judgeProgress({ facts: f, observed: [{ year: 2023, value: '76.6' }], asOfYear: 2023 });
  assert.equal(met.met, true);
  assert.equal(met.class, 'achieved_early');
  const short = judgeProgress({ facts: f, observed: [{ year: 2023, value: '75.6' }], asOfYear: 2023 });
  assert.equal(short.met, false);
  assert.equal(short.class, 'behind');
  assert.equal(
    judgeProgress({ ...{ facts: { ...f, baseline: undefined } }, observed: [], asOfYear: 2023 }).class,
    'insufficient_data',
  );
});

describe('growth targets fed by the yearly rates statistics publish', () => {
  test('五年累计下降13.5% from yearly decline rates: judged on the chained index', () => {
    const j = judgeProgress({
      facts: facts({
        comparator: 'cumulative_change',
        direction: 'lower_better',
        nature: 'binding',
        measure: 'annual_change',
        target: { year: 2025, rate: '-13.5' },
        name: { zh: '单位地区生产总值能源消耗', en: 'Energy use per unit of GDP' },
      }),
      observed: [
        { year: 2021, value: '-3' },
        { year: 2022, value: '-2.5' },
        { year: 2023, value: '-3.2' },
      ],
      asOfYear: 2023,
    });
    // 100 × 0.97 × 0.975 × 0.968 = 91.5486; the way to 86.5 is 62.6 % covered at 60 % of the time.
    assert.equal(j.current, '91.5486');
    assert.equal(j.class, 'on_track');
    assert.ok(Math.abs(j.progressShare! - 8.4514 / 13.5) < 1e-9);
    assert.match(j.explanation.zh, /指数，基期=100/);
  });

  test('年均增长9% from yearly growth rates, well short: 滞后', () => {
    const j = judgeProgress({
      facts: facts({
        comparator: 'annual_growth',
        measure: 'annual_change',
        target: { year: 2025, rate: '9' },
      }),
      observed: [
        { year: 2021, value: '7.5' },
        { year: 2022, value: '4.3' },
        { year: 2023, value: '4.4' },
      ],
      asOfYear: 2023,
    });
    assert.equal(j.class, 'behind');
    assert.ok(Math.abs(j.observedAnnualGrowth! - (Math.cbrt(1.075 * 1.043 * 1.044) - 1)) < 1e-9);
  });

  test('a gap in the rates stops the chain at the year before it', () => {
    const j = judgeProgress({
      facts: facts({ comparator: 'annual_growth', measure: 'annual_change', target: { year: 2025, rate: '5' } }),
      observed: [
        { year: 2021, value: '6' },
        { year: 2023, value: '6' },
      ],
      asOfYear: 2023,
    });
    assert.equal(j.dataYear, 2021);
    assert.equal(j.class, 'insufficient_data');
  });
});

describe('growth relative to another indicator, judged on both series', () => {
  const gdp = {
    name: { zh: '地区生产总值', en: 'GDP' },
    measure: 'annual_change' as const,
    observed: [
      { year: 2021, value: '7.3' },
      { year: 2022, value: '4.3' },
      { year: 2023, value: '4.4' },
    ],
  };
  const income = (comparator: 'exceeds_growth_of' | 'growth_in_step_with') =>
    facts({
      comparator,
      measure: 'annual_change',
      target: { year: 2025 },
      name: { zh: '居民人均可支配收入', en: 'Disposable income per head' },
    });

  test('高于GDP增长: met on the average over the common years, with both rates in the sentence', () => {
    const j = judgeProgress({
      facts: income('exceeds_growth_of'),
      observed: [
        { year: 2021, value: '10.2' },
        { year: 2022, value: '5.2' },
        { year: 2023, value: '5.9' },
      ],
      reference: gdp,
      asOfYear: 2023,
    });
    assert.equal(j.class, 'on_track');
    assert.match(j.explanation.zh, /2021—2023年年均增长7\.1%，地区生产总值年均增长5\.3%，基本符合预期/);
  });

  test('与GDP增长基本同步: a gap beyond the tolerance is 滞后, within it on track', () => {
    const faster = [
      { year: 2021, value: '10.2' },
      { year: 2022, value: '5.2' },
      { year: 2023, value: '5.9' },
    ];
    assert.equal(
      judgeProgress({ facts: income('growth_in_step_with'), observed: faster, reference: gdp, asOfYear: 2023 }).class,
      'behind',
    );
    assert.equal(
      judgeProgress({
        facts: income('growth_in_step_with'),
        observed: faster,
        reference: gdp,
        asOfYear: 2023,
        thresholds: { inStepTolerance: 2 },
      }).class,
      'on_track',
    );
  });

  test('levels on one side and rates on the other compare alike; no reference figures: 数据不足', () => {
    const j = judgeProgress({
      facts: { ...income('exceeds_growth_of'), measure: 'level', baseline: { year: 2020, value: '100' } },
      observed: [{ year: 2021, value: '105' }],
      reference: gdp,
      asOfYear: 2022,
    });
    assert.equal(j.class, 'behind');
    assert.equal(j.dataYear, 2021);
    const none = judgeProgress({ facts: income('exceeds_growth_of'), observed: [{ year: 2021, value: '9' }], asOfYear: 2022 });
    assert.equal(none.class, 'insufficient_data');
  });
});
