import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judgeProgress, type JudgeInput, type ProgressJudgement } from './judge-progress.ts';
import type { TargetFacts } from './types.ts';

// Hand-computed cases. A 2021–2025 plan with baseline year 2020 unless stated: time share at the end of
// year Y = (Y − 2020) / 5. k = progress share ÷ time share; ahead ≥ 1.1, on track ≥ 0.9 (binding ≥ 1.0).

const plan = { periodStart: 2021, periodEnd: 2025, direction: 'higher_better', nature: 'expected' } as const;
const facts = (f: Partial<TargetFacts> & Pick<TargetFacts, 'comparator' | 'target'>): TargetFacts => ({ ...plan, ...f });

interface Case {
  name: string;
  input: JudgeInput;
  expect: Partial<Record<keyof ProgressJudgement, unknown>> & { unsd?: string; opensdg?: string; escapStars?: number };
}

const cases: Case[] = [
  {
    // The example. 1120 / 2677 = 0.4184; time 3/5 = 0.6; required √(2677/1120) − 1 = √2.39018 − 1 = 0.5460;
    // observed (1120/800)^(1/3) − 1 = 1.4^(1/3) − 1 = 0.1187; progress (1120−800)/(2677−800) = 320/1877 = 0.1705;
    // k = 0.284 → 滞后; half time passed, 0.17 < 0.5 → fail.
    // UNSD: projected 1120 × 1.4^(2/3) = 1401.6; (1401.6−800)/1877 = 0.3205 → acceleration needed.
    // Open SDG: required (2677/800)^(1/5) − 1 = 0.2732; R = 0.1187/0.2732 = 0.434 → limited. ESCAP ⌊5 × 0.17⌋ = 0.
    name: 'at_least, behind (issue example)',
    input: {
      facts: facts({
        comparator: 'at_least',
        baseline: { year: 2020, value: '800' },
        target: { year: 2025, value: '2677' },
        name: { zh: '进出口', en: 'Trade' },
        unit: { zh: '亿元', en: '100 million yuan' },
      }),
      observed: [
        { year: 2021, value: '900' },
        { year: 2023, value: '1120' },
      ],
      asOfYear: 2023,
    },
    expect: {
      class: 'behind',
      achievementRatio: 0.4184,
      timeElapsedShare: 0.6,
      requiredAnnualGrowth: 0.546,
      observedAnnualGrowth: 0.1187,
      progressShare: 0.1705,
      halfTimeHalfTask: 'fail',
      unsd: 'acceleration_needed',
      opensdg: 'limited_progress',
      escapStars: 0,
    },
  },
  {
    // 160 ≥ 150 in 2023 < 2025 → 提前实现; 160/150 = 1.0667.
    name: 'at_least, achieved early',
    input: {
      facts: facts({ comparator: 'at_least', baseline: { year: 2020, value: '100' }, target: { year: 2025, value: '150' } }),
      observed: [{ year: 2023, value: '160' }],
      asOfYear: 2023,
    },
    expect: { class: 'achieved_early', met: true, achievementRatio: 1.0667, halfTimeHalfTask: 'pass', opensdg: 'achieved' },
  },
  {
    // progress (160−100)/(200−100) = 0.6; time 2/5 = 0.4; k = 1.5 → 快于预期; time < half → na.
    name: 'at_least, ahead',
    input: {
      facts: facts({ comparator: 'at_least', baseline: { year: 2020, value: '100' }, target: { year: 2025, value: '200' } }),
      observed: [{ year: 2022, value: '160' }],
      asOfYear: 2022,
    },
    expect: { class: 'ahead', progressShare: 0.6, timeElapsedShare: 0.4, halfTimeHalfTask: 'na' },
  },
  {
    // progress 0.58; time 0.6; k = 0.9667 ≥ 0.9 → 基本符合预期.
    name: 'at_least, on track (expected)',
    input: {
      facts: facts({ comparator: 'at_least', baseline: { year: 2020, value: '100' }, target: { year: 2025, value: '200' } }),
      observed: [{ year: 2023, value: '158' }],
      asOfYear: 2023,
    },
    expect: { class: 'on_track', progressShare: 0.58, halfTimeHalfTask: 'pass' },
  },
  {
    // Same numbers, binding: k = 0.9667 < 1.0 → 滞后.
    name: 'at_least, binding judged strictly',
    input: {
      facts: facts({
        comparator: 'at_least',
        nature: 'binding',
        baseline: { year: 2020, value: '100' },
        target: { year: 2025, value: '200' },
      }),
      observed: [{ year: 2023, value: '158' }],
      asOfYear: 2023,
    },
    expect: { class: 'behind' },
  },
  {
    // Lower is better: progress (9−10)/(8−10) = 0.5; k = 0.5/0.6 = 0.833 → 滞后; completion 8/9 = 0.8889;
    // required (8/9)^(1/2) − 1 = −0.0572.
    name: 'at_most, lower is better',
    input: {
      facts: facts({
        comparator: 'at_most',
        direction: 'lower_better',
        baseline: { year: 2020, value: '10' },
        target: { year: 2025, value: '8' },
      }),
      observed: [{ year: 2023, value: '9' }],
      asOfYear: 2023,
    },
    expect: { class: 'behind', progressShare: 0.5, achievementRatio: 0.8889, requiredAnnualGrowth: -0.0572 },
  },
  {
    // Range [3, 5] from 2: progress (2.6−2)/(3−2) = 0.6; k = 1 → on track; completion 2.6/3 = 0.8667.
    name: 'range, below the band',
    input: {
      facts: facts({
        comparator: 'range',
        direction: 'in_range',
        baseline: { year: 2020, value: '2' },
        target: { year: 2025, min: '3', max: '5' },
      }),
      observed: [{ year: 2023, value: '2.6' }],
      asOfYear: 2023,
    },
    expect: { class: 'on_track', progressShare: 0.6, achievementRatio: 0.8667 },
  },
  {
    name: 'range, inside the band',
    input: {
      facts: facts({
        comparator: 'range',
        direction: 'in_range',
        baseline: { year: 2020, value: '2' },
        target: { year: 2025, min: '3', max: '5' },
      }),
      observed: [{ year: 2023, value: '4' }],
      asOfYear: 2023,
    },
    expect: { class: 'achieved_early', met: true, achievementRatio: 1 },
  },
  {
    // 年均增长7%: level 100 × 1.07^5 = 140.2552. 2023: 100 × 1.07^3 = 122.5043 → progress 22.5043/40.2552 = 0.5590;
    // k = 0.9317 → on track; observed 7 %; required 7 %.
    name: 'annual_growth 7 %',
    input: {
      facts: facts({ comparator: 'annual_growth', baseline: { year: 2020, value: '100' }, target: { year: 2025, rate: '7' } }),
      observed: [{ year: 2023, value: '122.5043' }],
      asOfYear: 2023,
    },
    expect: { class: 'on_track', progressShare: 0.559, observedAnnualGrowth: 0.07, requiredAnnualGrowth: 0.07 },
  },
  {
    // 单位GDP能耗累计降低13.5% (binding): level 0.5 × 0.865 = 0.4325; progress (0.46−0.5)/(0.4325−0.5) = 0.5926;
    // k = 0.9877 < 1.0 → 滞后. Open SDG: observed (0.46/0.5)^(1/3) − 1 = −0.02741, required (0.865)^(1/5) − 1 = −0.02859,
    // R = −1 × −0.02741 / 0.02859 = 0.959 → substantial.
    name: 'cumulative reduction, binding',
    input: {
      facts: facts({
        comparator: 'cumulative_change',
        direction: 'lower_better',
        nature: 'binding',
        baseline: { year: 2020, value: '0.5' },
        target: { year: 2025, rate: '-13.5' },
      }),
      observed: [{ year: 2023, value: '0.46' }],
      asOfYear: 2023,
    },
    expect: { class: 'behind', progressShare: 0.5926, opensdg: 'substantial_progress' },
  },
  {
    // Same, expected: 0.9877 ≥ 0.9 → on track.
    name: 'cumulative reduction, expected',
    input: {
      facts: facts({
        comparator: 'cumulative_change',
        direction: 'lower_better',
        baseline: { year: 2020, value: '0.5' },
        target: { year: 2025, rate: '-13.5' },
      }),
      observed: [{ year: 2023, value: '0.46' }],
      asOfYear: 2023,
    },
    expect: { class: 'on_track' },
  },
  {
    // Share 30 % from 20 %: progress (26−20)/10 = 0.6; k = 1 → on track.
    name: 'share',
    input: {
      facts: facts({ comparator: 'share', baseline: { year: 2020, value: '20' }, target: { year: 2025, value: '30' } }),
      observed: [{ year: 2023, value: '26' }],
      asOfYear: 2023,
    },
    expect: { class: 'on_track', progressShare: 0.6 },
  },
  {
    // Plan 2022–2025, baseline 2021: time at 2023 = 2/4 = 0.5; progress 0.65; k = 1.3 → ahead, but the yearly path
    // says 170 for 2023 and 165 < 170: a binding target off its path is 滞后.
    name: 'trajectory missed, binding',
    input: {
      facts: facts({
        comparator: 'at_least',
        nature: 'binding',
        periodStart: 2022,
        baseline: { year: 2021, value: '100' },
        target: { year: 2025, value: '200' },
        trajectory: [{ year: 2023, value: '170' }],
      }),
      observed: [{ year: 2023, value: '165' }],
      asOfYear: 2023,
    },
    expect: { class: 'behind', onTrajectory: false, timeElapsedShare: 0.5, progressShare: 0.65 },
  },
  {
    // Expected target with a yearly path: the path expects (170−100)/(200−100) = 0.7 by 2023 instead of the time
    // share 0.5; k = 0.65/0.7 = 0.929 → 基本符合预期 (by time alone it would be 1.3, ahead).
    name: 'trajectory replaces the time share, expected',
    input: {
      facts: facts({
        comparator: 'at_least',
        periodStart: 2022,
        baseline: { year: 2021, value: '100' },
        target: { year: 2025, value: '200' },
        trajectory: [{ year: 2023, value: '170' }],
      }),
      observed: [{ year: 2023, value: '165' }],
      asOfYear: 2023,
    },
    expect: { class: 'on_track', onTrajectory: false, expectedShare: 0.7 },
  },
  {
    // As of 2023 with 2023 missing: judged on 2022 (time 0.4); progress 0.3, k = 0.75 → 滞后.
    name: 'missing years',
    input: {
      facts: facts({ comparator: 'at_least', baseline: { year: 2020, value: '100' }, target: { year: 2025, value: '200' } }),
      observed: [
        { year: 2021, value: '110' },
        { year: 2022, value: '130' },
      ],
      asOfYear: 2023,
    },
    expect: { class: 'behind', dataYear: 2022, timeElapsedShare: 0.4, progressShare: 0.3 },
  },
  {
    // As of 2024 the newest figure allowed is of 2023 (the year before); 2022 is stale → 数据不足, the figure still shown.
    name: 'a figure older than the year before the as-of year → 数据不足',
    input: {
      facts: facts({ comparator: 'at_least', baseline: { year: 2020, value: '100' }, target: { year: 2025, value: '200' } }),
      observed: [
        { year: 2021, value: '110' },
        { year: 2022, value: '190' },
      ],
      asOfYear: 2024,
    },
    expect: { class: 'insufficient_data', dataYear: 2022, current: '190', progressShare: null },
  },
  {
    // Only the 2020 baseline is known (stored as a plan figure): at 2021 it is recent enough, but it is no progress.
    name: 'only the baseline figure → 数据不足',
    input: {
      facts: facts({ comparator: 'at_least', baseline: { year: 2020, value: '717.9' }, target: { year: 2025, value: '2680' } }),
      observed: [{ year: 2020, value: '717.9' }],
      asOfYear: 2021,
    },
    expect: { class: 'insufficient_data', dataYear: 2020 },
  },
  {
    // Baseline 2021 = 77.33; a 2020 figure of 11.2 must not start the growth: 2021→2023 77.33→100, CAGR = √(100/77.33) − 1 = 13.72 %.
    name: 'growth is measured from the baseline year, not from an earlier figure',
    input: {
      facts: facts({ comparator: 'at_least', baseline: { year: 2021, value: '77.33' }, target: { year: 2025, value: '160' } }),
      observed: [
        { year: 2020, value: '11.2' },
        { year: 2021, value: '77.33' },
        { year: 2023, value: '100' },
      ],
      asOfYear: 2023,
    },
    expect: { dataYear: 2023, observedAnnualGrowth: 0.13718 },
  },
  {
    name: 'no data → 数据不足',
    input: {
      facts: facts({ comparator: 'at_least', baseline: { year: 2020, value: '100' }, target: { year: 2025, value: '200' } }),
      observed: [],
      asOfYear: 2023,
    },
    expect: { class: 'insufficient_data' },
  },
  {
    name: 'qualitative → 数据不足',
    input: {
      facts: facts({ comparator: 'qualitative', target: { year: 2025 } }),
      observed: [{ year: 2023, value: '1' }],
      asOfYear: 2023,
    },
    expect: { class: 'insufficient_data' },
  },
  {
    name: 'no baseline, unmet → 数据不足',
    input: {
      facts: facts({ comparator: 'at_least', target: { year: 2025, value: '200' } }),
      observed: [{ year: 2023, value: '150' }],
      asOfYear: 2023,
    },
    expect: { class: 'insufficient_data', achievementRatio: 0.75 },
  },
  {
    name: 'target year reached and missed → 滞后',
    input: {
      facts: facts({ comparator: 'at_least', baseline: { year: 2020, value: '100' }, target: { year: 2025, value: '200' } }),
      observed: [{ year: 2025, value: '199' }],
      asOfYear: 2025,
    },
    expect: { class: 'behind', timeElapsedShare: 1 },
  },
  {
    name: 'target year reached and met → 基本符合预期',
    input: {
      facts: facts({ comparator: 'at_least', baseline: { year: 2020, value: '100' }, target: { year: 2025, value: '200' } }),
      observed: [{ year: 2025, value: '200' }],
      asOfYear: 2025,
    },
    expect: { class: 'on_track', met: true },
  },
  {
    // exactly + lower is better behaves as at_most: (7−10)/(4−10) = 0.5, mid-2023: time (2 + 6/12)/5 = 0.5 → k = 1.
    name: 'exactly, lower is better, within-year time share',
    input: {
      facts: facts({
        comparator: 'exactly',
        direction: 'lower_better',
        baseline: { year: 2020, value: '10' },
        target: { year: 2025, value: '4' },
      }),
      observed: [{ year: 2023, value: '7' }],
      asOfYear: 2023,
      asOfMonth: 6,
    },
    expect: { class: 'on_track', progressShare: 0.5, timeElapsedShare: 0.5, halfTimeHalfTask: 'pass' },
  },
];

for (const c of cases) {
  test(c.name, () => {
    const r = judgeProgress(c.input);
    const { unsd, opensdg, escapStars, ...fields } = c.expect;
    for (const [k, v] of Object.entries(fields)) {
      const got = r[k as keyof ProgressJudgement];
      if (typeof v === 'number') {
        assert.equal(typeof got, 'number', `${k} is ${String(got)}`);
        assert.ok(Math.abs((got as number) - v) < 5e-4, `${k}: ${String(got)} ≠ ${v}`);
      } else assert.deepEqual(got, v, k);
    }
    if (unsd !== undefined) assert.equal(r.methods.unsd?.category, unsd);
    if (opensdg !== undefined) assert.equal(r.methods.opensdg?.category, opensdg);
    if (escapStars !== undefined) assert.equal(r.methods.escap?.stars, escapStars);
    assert.ok(r.explanation.zh.length > 0 && r.explanation.en.length > 0);
  });
}

test('the explanation is built from the numbers', () => {
  const r = judgeProgress(cases[0]!.input);
  assert.equal(
    r.explanation.zh,
    '2023年进出口1,120亿元，完成2025年目标的41.8%，时序进度60%，需年均增长54.6%，2020年以来年均增长11.9%，判定滞后。',
  );
  assert.match(r.explanation.en, /^Trade was 1,120 100 million yuan in 2023, 41\.8% of the 2025 target/);
  assert.match(r.explanation.en, /: behind\.$/);
});

test('a missing as-of year is named in the explanation', () => {
  const r = judgeProgress(cases.find((c) => c.name === 'missing years')!.input);
  assert.match(r.explanation.zh, /^2022年指标130，.*2023年数据暂缺，判定滞后。$/);
  assert.match(r.explanation.en, /no value yet for 2023: behind\.$/);
});

test('a stale or baseline-only figure is named with its year', () => {
  const stale = judgeProgress(cases.find((c) => c.name.startsWith('a figure older'))!.input);
  assert.equal(stale.explanation.zh, '最新数据为2022年（指标190），早于2023年，判定数据不足。');
  assert.match(stale.explanation.en, /latest figure: 2022 .*older than 2023: insufficient data\.$/);
  const base = judgeProgress(cases.find((c) => c.name.startsWith('only the baseline'))!.input);
  assert.match(base.explanation.zh, /^最新数据为2020年基期值/);
  assert.match(base.explanation.en, /latest figure: 2020, the baseline/);
});
