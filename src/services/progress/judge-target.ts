import { judgeProgress } from '../../domain/progress/judge-progress.ts';
import { baselineNote, chooseBaseline } from '../../domain/progress/baseline-source.ts';
import { classByMethod, methodVerdicts, type ProgressMethod } from '../../domain/progress/method-class.ts';
import { project } from '../../domain/progress/projection.ts';
import { isPercentUnit, shareSeries, type OriginYearValue } from '../../domain/progress/share-series.ts';
import { DEFAULT_THRESHOLDS } from '../../domain/progress/thresholds.ts';
import { CLASS_LABELS, type Direction, type TargetFacts } from '../../domain/progress/types.ts';
import type { Comparator } from '../../domain/model/target.schema.ts';
import { warningLevel } from '../../domain/warnings/warning-level.ts';
import type { TargetDetail, TargetProgress } from '../../presenters/progress.presenter.ts';
import type { ProgressTargetRow } from '../../repositories/progress.repository.ts';
import { freshness } from './freshness.ts';
import type { AsOf, ProgressContext, Subject } from './progress-context.ts';

export interface PlanPeriod {
  periodStart: number;
  periodEnd: number;
}

export function subjectOf(ctx: ProgressContext, t: ProgressTargetRow, members: ReadonlyMap<number, readonly number[]>): Subject {
  if (t.org_unit_id !== null) return { kind: 'org_unit', code: t.org_unit_code!, name: t.org_unit_name!, roots: [t.org_unit_id] };
  // A share that cannot be added up over members (滇中's share of the province's population) is stated
  // for the group's statistical stand-in (滇中城市群) on a plan-office sheet (docs/coverage.md).
  const standIn = ctx.rules.get(t.indicator_code)?.aggregation === 'none' ? ctx.standInOf(t.group_code!) : undefined;
  if (standIn !== undefined) return { kind: 'group', code: t.group_code!, name: t.group_name!, roots: [standIn] };
  return { kind: 'group', code: t.group_code!, name: t.group_name!, roots: members.get(t.group_id!) ?? [] };
}

export function factsOf(t: ProgressTargetRow, plan: PlanPeriod): TargetFacts {
  const opt = (v: string | null) => v ?? undefined;
  return {
    comparator: t.comparator as Comparator,
    direction: t.direction as Direction,
    nature: t.nature as 'expected' | 'binding',
    baseline:
      t.baseline_year !== null && t.baseline_value !== null ? { year: t.baseline_year, value: t.baseline_value } : undefined,
    target: {
      year: t.target_year,
      value: opt(t.target_value),
      min: opt(t.target_min),
      max: opt(t.target_max),
      rate: opt(t.target_rate),
    },
    trajectory: t.trajectory.length ? t.trajectory : undefined,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    name: { zh: t.indicator_name, en: t.indicator_name_en },
    unit: { zh: t.indicator_unit, en: t.indicator_unit },
    everyYear: t.every_year,
    measure: t.indicator_measure === 'annual_change' ? 'annual_change' : 'level',
  };
}

/** Growth relative to another indicator (高于GDP增长, 与GDP增长基本同步) is judged on both series. */
const isRelativeGrowth = (t: ProgressTargetRow) =>
  (t.comparator === 'exceeds_growth_of' || t.comparator === 'growth_in_step_with') && t.reference_code !== null;

/** Whether a target is a share (占比) of an amount, so its figures are numerator ÷ denominator rather than the amount. */
const isShareOfAmount = (t: ProgressTargetRow) => t.comparator === 'share' && !isPercentUnit(t.indicator_unit);

/** Indicator codes whose figures a target is judged on (a share of an amount needs its denominator too). */
export function targetCodes(ctx: ProgressContext, t: ProgressTargetRow): string[] {
  const own = ctx.codesFor(t.indicator_code);
  return (isShareOfAmount(t) || isRelativeGrowth(t)) && t.reference_code !== null
    ? [...own, ...ctx.codesFor(t.reference_code)]
    : own;
}

/**
 * The yearly series a target is judged on: the indicator's own figures, or for a share of an amount
 * (加工贸易占进出口总额 > 10 %) the share computed from numerator and denominator; with no denominator named,
 * nothing (the amount itself is never compared with a percentage).
 */
function judgedSeries(ctx: ProgressContext, t: ProgressTargetRow, subject: Subject, from: number, to: number): OriginYearValue[] {
  if (!isShareOfAmount(t)) return ctx.yearly(subject, t.indicator_code, from, to);
  if (t.reference_code === null) return [];
  return shareSeries(ctx.yearly(subject, t.indicator_code, from, to), ctx.yearly(subject, t.reference_code, from, to));
}

/** Judges one target as of a period: observed yearly series, engine, chosen method, freshness, warning. */
export function judgeTarget(
  ctx: ProgressContext,
  t: ProgressTargetRow,
  subject: Subject,
  plan: PlanPeriod,
  asOf: AsOf,
  method: ProgressMethod,
  ref: string,
): { progress: TargetProgress; yearly: OriginYearValue[] } {
  const from = Math.min(t.baseline_year ?? plan.periodStart - 1, plan.periodStart - 1);
  const yearly = judgedSeries(ctx, t, subject, from, Math.min(asOf.year, Math.max(t.target_year, plan.periodEnd)));
  const shareOfAmount = isShareOfAmount(t);
  const stated = factsOf(t, plan);
  // Without the plan's baseline, an approved figure of the baseline year for the subject serves, marked as such.
  const baseline = chooseBaseline(
    { baseline: stated.baseline, statedYear: t.baseline_year, periodStart: plan.periodStart },
    yearly,
  );
  const j = judgeProgress({
    facts: {
      ...stated,
      baseline: baseline ? { year: baseline.year, value: baseline.value } : undefined,
      baselineOrigin: baseline?.origin,
      baselineYear: t.baseline_year ?? undefined,
      subjectName: subject.name,
      ...(shareOfAmount
        ? {
            unit: { zh: '%', en: '%' },
            name: t.reference_code
              ? { zh: `${t.indicator_name}占比`, en: `${t.indicator_name_en} as a share` }
              : { zh: t.indicator_name, en: t.indicator_name_en },
            shareWithoutDenominator: t.reference_code === null,
          }
        : {}),
    },
    observed: yearly.map(({ year, value }) => ({ year, value })),
    asOfYear: asOf.year,
    asOfMonth: asOf.month,
    reference: isRelativeGrowth(t)
      ? {
          observed: ctx.yearly(subject, t.reference_code!, from, asOf.year).map(({ year, value }) => ({ year, value })),
          measure: t.reference_measure === 'annual_change' ? 'annual_change' : 'level',
          name: { zh: t.reference_name!, en: t.reference_name_en! },
        }
      : undefined,
  });
  const cls = classByMethod(j, method);
  const used = yearly.find((y) => y.year === j.dataYear);
  const fresh = freshness(ctx, subject, t.indicator_code, ref);
  const { overdue, ...freshnessOut } = fresh;
  const warning = warningLevel({
    class: j.class,
    nature: t.nature as 'expected' | 'binding',
    direction: t.direction as Direction,
    progressShare: j.progressShare,
    timeElapsedShare: j.timeElapsedShare,
    halfTimeHalfTask: j.halfTimeHalfTask,
    yearly: yearly.filter((y) => !y.partial),
    stale: fresh.stale,
    overdue,
    synthetic: used?.origin === 'synthetic',
  });
  const progress: TargetProgress = {
    key: t.key,
    ordinal: t.ordinal,
    indicator: { code: t.indicator_code, name: t.indicator_name, nameEn: t.indicator_name_en, unit: t.indicator_unit },
    subject: { kind: subject.kind, code: subject.code, name: subject.name },
    nature: t.nature as 'expected' | 'binding',
    comparator: t.comparator,
    baseline: baseline
      ? { year: baseline.year, value: baseline.value, origin: baseline.origin, note: baselineNote(baseline) }
      : null,
    target: {
      year: t.target_year,
      value: t.target_value,
      min: t.target_min,
      max: t.target_max,
      rate: t.target_rate,
      text: t.target_text,
    },
    source: { plan: t.source_plan_id, section: t.source_section, quote: t.source_quote },
    judgement: {
      dataYear: j.dataYear,
      current: j.current,
      currentOrigin: used?.origin ?? null,
      currentPartial: used?.partial ?? false,
      achievementRatio: j.achievementRatio,
      progressShare: j.progressShare,
      timeElapsedShare: j.timeElapsedShare,
      halfTimeHalfTask: j.halfTimeHalfTask,
      requiredAnnualGrowth: j.requiredAnnualGrowth,
      observedAnnualGrowth: j.observedAnnualGrowth,
      projection: j.projection
        ? {
            year: t.target_year,
            value: j.projection.value,
            low: j.projection.low,
            high: j.projection.high,
            method: j.projection.method,
          }
        : null,
      class: cls,
      classLabel: CLASS_LABELS[cls],
      officialClass: j.class,
      methods: j.methods,
      methodClass: methodVerdicts(j),
      explanation: j.explanation,
    },
    freshness: freshnessOut,
    warning: { level: warning.level, reasons: warning.reasons },
  };
  return { progress, yearly };
}

/** The projection band from the last data year to the target year (one point a year). */
export function band(
  yearly: readonly { year: number; value: string }[],
  baseline: { year: number; value: string } | null,
  targetYear: number,
): TargetDetail['band'] {
  const pts = new Map<number, string>();
  if (baseline) pts.set(baseline.year, baseline.value);
  for (const y of yearly) pts.set(y.year, y.value);
  const series = [...pts].map(([year, value]) => ({ year, value })).sort((a, b) => a.year - b.year);
  const last = series[series.length - 1];
  if (!last) return [];
  const out: TargetDetail['band'] = [];
  for (let year = last.year; year <= targetYear; year++) {
    if (year === last.year) {
      const v = Number(last.value);
      out.push({ year, value: v, low: v, high: v });
      continue;
    }
    const p = project(series, year, DEFAULT_THRESHOLDS.projectionZ);
    if (p) out.push({ year, value: p.value, low: p.low, high: p.high });
  }
  return out;
}
