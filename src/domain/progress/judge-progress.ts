import { Decimal } from 'decimal.js';
import { achievement, resolveTarget, trajectoryCheck, trajectoryShare } from './achievement.ts';
import { classify } from './classify.ts';
import { explain, formatNumber } from './explain.ts';
import { cagr, requiredAnnualGrowth } from './growth.ts';
import { escapCurrentStatus, openSdgCagrRatio, unsdProgressChart } from './international-methods.ts';
import { project, type Projection } from './projection.ts';
import { withDefaults, type ProgressThresholds } from './thresholds.ts';
import { judgeEveryYear } from './every-year-judgement.ts';
import { plainJudgement } from './judgement-shell.ts';
import { chainRates } from './rate-series.ts';
import { judgeRelativeGrowth, type ReferenceSeries } from './relative-growth-judgement.ts';
import { halfTimeHalfTask, timeElapsedShare } from './time-elapsed.ts';
import { baselineNote, baselineYearOf, missingBaselineText } from './baseline-source.ts';
import type { ProgressClass, TargetFacts, YearValue } from './types.ts';

export interface JudgeInput {
  facts: TargetFacts;
  /** Observed yearly values (decimal strings); years may be missing. */
  observed: readonly YearValue[];
  asOfYear: number;
  /** Month (1–12) for a within-year time share; ignored when the as-of year has no value yet. */
  asOfMonth?: number;
  thresholds?: Partial<ProgressThresholds>;
  /** For exceeds_growth_of / growth_in_step_with: the other indicator's series for the same subject. */
  reference?: ReferenceSeries;
}

export interface ProgressJudgement {
  /** Year of the value judged: the latest observation at or before the as-of year. */
  dataYear: number | null;
  current: string | null;
  met: boolean | null;
  /** 完成目标的 x % (current ÷ target, or target ÷ current when lower is better). */
  achievementRatio: number | null;
  /** Share of the baseline→target distance covered. */
  progressShare: number | null;
  timeElapsedShare: number;
  halfTimeHalfTask: 'pass' | 'fail' | 'na';
  requiredAnnualGrowth: number | null;
  observedAnnualGrowth: number | null;
  onTrajectory: boolean | null;
  /** Share of the distance the plan's yearly path expects by the data year (used instead of the time share). */
  expectedShare: number | null;
  projection: Projection | null;
  class: ProgressClass;
  methods: {
    unsd: ReturnType<typeof unsdProgressChart>;
    opensdg: ReturnType<typeof openSdgCagrRatio>;
    escap: ReturnType<typeof escapCurrentStatus>;
  };
  explanation: { zh: string; en: string };
}

export function judgeProgress(input: JudgeInput): ProgressJudgement {
  const special = judgeByRule(input);
  if (special) return special;
  if (input.facts.measure === 'annual_change' && isGrowthComparator(input.facts.comparator)) return judgeLevels(asIndex(input));
  return judgeLevels(input);
}

const isGrowthComparator = (c: TargetFacts['comparator']) => c === 'annual_growth' || c === 'cumulative_change';

/** Rules that are not a way from a baseline to a level: floors held every year, growth relative to another series. */
function judgeByRule(input: JudgeInput): ProgressJudgement | null {
  const f = input.facts;
  const latest = input.observed.filter((p) => p.year <= input.asOfYear).sort((a, b) => b.year - a.year)[0];
  const timeShare = timeElapsedShare(f.periodStart, f.periodEnd, latest?.year ?? input.asOfYear);
  const names = { name: f.name ?? { zh: '指标', en: 'The indicator' }, unit: f.unit ?? { zh: '', en: '' } };
  if (f.comparator === 'exceeds_growth_of' || f.comparator === 'growth_in_step_with')
    return judgeRelativeGrowth(f, input.observed, input.reference, input.asOfYear, timeShare, withDefaults(input.thresholds));
  if (f.everyYear) return judgeEveryYear(f, input.observed, input.asOfYear, timeShare, names);
  return null;
}

/**
 * Growth targets on an indicator reported as yearly change rates (单位GDP能耗下降3.2%, 地区生产总值增长8.1%):
 * the rates are chained into an index with the baseline year (or the year before the plan starts) at 100, and
 * the growth target is judged on that index — a 五年累计下降13.5% target becomes an index of 86.5.
 */
function asIndex(input: JudgeInput): JudgeInput {
  const f = input.facts;
  const start = { year: f.baseline?.year ?? f.periodStart - 1, value: '100' };
  const index = chainRates(start, input.observed).slice(1);
  return {
    ...input,
    facts: {
      ...f,
      measure: 'level',
      baseline: start,
      trajectory: undefined,
      unit: { zh: '（指数，基期=100）', en: '(index, baseline = 100)' },
    },
    observed: index,
  };
}

function judgeLevels(input: JudgeInput): ProgressJudgement {
  const t = withDefaults(input.thresholds);
  const f = input.facts;
  const targetYear = f.target.year;
  // Figures before the target's own baseline year say nothing about the way from the baseline: growth,
  // projection and the value judged all start at the baseline (a 2021 baseline is never grown from 2020).
  const seen = input.observed.filter((p) => p.year <= input.asOfYear && (!f.baseline || p.year >= f.baseline.year));
  const points = new Map<number, string>();
  if (f.baseline) points.set(f.baseline.year, f.baseline.value);
  for (const p of seen) points.set(p.year, p.value);
  const series = [...points].map(([year, value]) => ({ year, value })).sort((a, b) => a.year - b.year);
  const latestObserved = [...seen].sort((a, b) => b.year - a.year)[0];

  const dataYear = latestObserved?.year ?? null;
  const month = dataYear === input.asOfYear ? input.asOfMonth : undefined;
  const timeShare = timeElapsedShare(f.periodStart, f.periodEnd, dataYear ?? input.asOfYear, month);
  const resolved = resolveTarget(f);
  const names = { name: f.name ?? { zh: '指标', en: 'The indicator' }, unit: f.unit ?? { zh: '', en: '' } };

  const unusable = latestObserved ? unusableFigure(latestObserved.year, f, input.asOfYear) : null;
  if (resolved && latestObserved && unusable) {
    return plainJudgement({
      dataYear,
      current: latestObserved.value,
      met: null,
      timeElapsedShare: timeShare,
      class: 'insufficient_data',
      explanation: staleExplanation(unusable, latestObserved, names, input.asOfYear),
    });
  }

  const missingBaseline = f.baseline
    ? null
    : missingBaselineText(baselineYearOf(f.baselineYear, f.periodStart), names.name, f.subjectName);
  // A growth or increase target is a level only once a baseline is known.
  const stated = f.comparator === 'increase_by' ? f.target.value : f.target.rate;
  const noBaseline = !resolved && NEEDS_BASELINE.has(f.comparator) && stated !== undefined ? missingBaseline : null;
  if (!resolved || !latestObserved) {
    return plainJudgement({
      dataYear,
      current: latestObserved?.value ?? null,
      met: null,
      timeElapsedShare: timeShare,
      class: 'insufficient_data',
      explanation: {
        zh: f.shareWithoutDenominator
          ? `${names.name.zh}是总量，占比目标未指明分母指标，无法计算占比，判定数据不足。`
          : noBaseline
            ? `${names.name.zh}目标以基期计算，${noBaseline.zh}，判定数据不足。`
            : `${names.name.zh}${latestObserved ? '目标无法量化' : `截至${input.asOfYear}年无监测数据`}，判定数据不足。`,
        en: f.shareWithoutDenominator
          ? `${names.name.en} is an amount and the share target names no denominator, so no share can be computed: insufficient data.`
          : noBaseline
            ? `${names.name.en}: the target is measured from a baseline; ${noBaseline.en}: insufficient data.`
            : `${names.name.en}: ${latestObserved ? 'the target cannot be measured' : `no data up to ${input.asOfYear}`}: insufficient data.`,
      },
    });
  }

  const current = latestObserved.value;
  const a = achievement(resolved, current, f.baseline?.value);
  const onTrajectory = trajectoryCheck(f, resolved, latestObserved.year, current);
  const expectedShare = trajectoryShare(f, resolved, latestObserved.year);
  // The level aimed at: the target level, or the nearest bound of a band.
  const c = new Decimal(current);
  const aim =
    resolved.sense === 'band'
      ? c.lt(resolved.min!)
        ? resolved.min!
        : c.gt(resolved.max!)
          ? resolved.max!
          : null
      : resolved.level!;
  const yearsLeft = targetYear - latestObserved.year;
  const required = aim === null || yearsLeft <= 0 ? null : requiredAnnualGrowth(current, aim, yearsLeft);
  const from = series[0]!;
  const observedGrowth = from.year < latestObserved.year ? cagr(from.value, current, latestObserved.year - from.year) : null;
  const projection = project(series, targetYear, t.projectionZ);

  const cls = classify(
    {
      met: a.met,
      progressShare: a.progressShare,
      timeShare,
      asOfYear: latestObserved.year,
      targetYear,
      nature: f.nature,
      onTrajectory,
      expectedShare,
    },
    t,
  );

  const baseNum = f.baseline ? Number(f.baseline.value) : null;
  const aimForBase =
    resolved.sense === 'band' && f.baseline
      ? new Decimal(f.baseline.value).lt(resolved.min!)
        ? resolved.min!
        : resolved.max!
      : (resolved.level ?? null);
  // Open SDG direction: +1 when moving up is better, −1 when moving down is (for a band: towards the bound from the baseline).
  const sign: 1 | -1 =
    resolved.sense === 'down' ||
    (resolved.sense === 'band' && f.baseline !== undefined && aimForBase !== null && aimForBase.lt(f.baseline.value))
      ? -1
      : 1;
  const methods = {
    unsd:
      baseNum !== null && aimForBase !== null && projection
        ? unsdProgressChart(baseNum, aimForBase.toNumber(), projection.value, t)
        : null,
    opensdg: openSdgCagrRatio(
      f.baseline ? cagr(f.baseline.value, current, latestObserved.year - f.baseline.year) : null,
      f.baseline && aimForBase !== null ? cagr(f.baseline.value, aimForBase, targetYear - f.baseline.year) : null,
      sign,
      a.met,
      t,
    ),
    escap: escapCurrentStatus(a.progressShare),
  };

  return {
    dataYear,
    current,
    met: a.met,
    achievementRatio: a.completionRatio,
    progressShare: a.progressShare,
    timeElapsedShare: timeShare,
    halfTimeHalfTask: halfTimeHalfTask(timeShare, a.met ? 1 : a.progressShare),
    requiredAnnualGrowth: a.met ? null : required,
    observedAnnualGrowth: observedGrowth,
    onTrajectory,
    expectedShare,
    projection,
    class: cls,
    methods,
    explanation: explain({
      dataYear: latestObserved.year,
      targetYear,
      ...names,
      current,
      met: a.met,
      completionRatio: a.completionRatio,
      timeShare,
      requiredAnnualGrowth: a.met ? null : required,
      observedAnnualGrowth: observedGrowth,
      growthSinceYear: observedGrowth === null ? null : from.year,
      asOfYear: input.asOfYear,
      cls,
      baselineNote: f.baseline && f.baselineOrigin ? baselineNote({ ...f.baseline, origin: f.baselineOrigin }) : null,
      missingBaseline: cls === 'insufficient_data' && a.progressShare === null ? missingBaseline : null,
    }),
  };
}

const NEEDS_BASELINE = new Set<TargetFacts['comparator']>(['annual_growth', 'cumulative_change', 'increase_by']);

/**
 * Why the latest figure cannot carry a class, or null when it can.
 * - `stale`: it is older than the year before the as-of year (at 2024 or 2024Q2 a 2023 figure is the newest a
 *   statistics office has published; a 2022 or older one says nothing about where the target stands now).
 * - `baseline_only`: it is of the baseline year or earlier, so it shows where the plan started, not progress.
 */
export function unusableFigure(
  dataYear: number,
  f: Pick<TargetFacts, 'baseline'>,
  asOfYear: number,
): 'stale' | 'baseline_only' | null {
  if (dataYear < asOfYear - 1) return 'stale';
  if (f.baseline && dataYear <= f.baseline.year) return 'baseline_only';
  return null;
}

function staleExplanation(
  why: 'stale' | 'baseline_only',
  latest: YearValue,
  names: { name: { zh: string; en: string }; unit: { zh: string; en: string } },
  asOfYear: number,
): { zh: string; en: string } {
  const v = formatNumber(latest.value);
  const unitEn = names.unit.en ? ` ${names.unit.en}` : '';
  if (why === 'stale')
    return {
      zh: `最新数据为${latest.year}年（${names.name.zh}${v}${names.unit.zh}），早于${asOfYear - 1}年，判定数据不足。`,
      en: `${names.name.en}: latest figure: ${latest.year} (${v}${unitEn}), older than ${asOfYear - 1}: insufficient data.`,
    };
  return {
    zh: `最新数据为${latest.year}年基期值（${names.name.zh}${v}${names.unit.zh}），基期以来暂无数据，判定数据不足。`,
    en: `${names.name.en}: latest figure: ${latest.year}, the baseline (${v}${unitEn}); no figure since the baseline: insufficient data.`,
  };
}
