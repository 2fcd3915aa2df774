import type { HomeClass } from './leader-summary.ts';
import type { JudgedTargetBase, TargetRowHead, TargetRowTrend } from './home-target.ts';
import { lowerIsBetter, sparkline, trendOf } from './trend.ts';

/**
 * The scorecard row of every target on the homes (issue 19): the latest judged figure, the class and
 * warning, the trend arrow and the sparkline; figures shown to the indicator's precision.
 */

/** What a scorecard reads of one judged target (a subset of the progress API's target). */
export interface ScorecardTarget extends JudgedTargetBase {
  baseline: { value: string } | null;
  target: { value: string | null; min: string | null; max: string | null; rate: string | null };
  judgement: { class: HomeClass; current: string | null; dataYear: number | null };
}

export interface TargetScorecard extends TargetRowHead, TargetRowTrend {
  /** The judged figure (decimal string, as computed) and its year; null without a figure. */
  current: string | null;
  dataYear: number | null;
  /** Decimals the indicator's figures are shown with. */
  decimals: number;
}

/** Figures are never shown with more decimals than this, whatever a plan wrote. */
const MAX_DECIMALS = 4;

/** Decimals a figure was written with: "2675.78" → 2, "13.5" → 1, "120" → 0. */
export function writtenDecimals(value: string | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const m = /^[-+]?\d*\.(\d+)$/.exec(value.trim());
  return m ? Math.min(MAX_DECIMALS, m[1]!.length) : 0;
}

/**
 * Each indicator's precision: the most decimals any plan writes its baseline or target with (a plan
 * states 地区生产总值 as 2675.78 亿元, 增速 as 7.5 %). The judged figures, often sums or quotients with
 * many decimals, are shown to that precision.
 */
export function indicatorPrecision(targets: readonly ScorecardTarget[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of targets) {
    const written = [t.baseline?.value, t.target.value, t.target.min, t.target.max].map(writtenDecimals);
    out.set(t.indicator.code, Math.max(out.get(t.indicator.code) ?? 0, ...written));
  }
  return out;
}

/** The scorecard of every target of every plan, in plan order then the plan's own order. */
export function targetScorecards(
  plans: readonly { plan: { id: string; title: string }; at: string; targets: readonly ScorecardTarget[] }[],
): TargetScorecard[] {
  const precision = indicatorPrecision(plans.flatMap((p) => p.targets));
  return plans.flatMap((p) =>
    p.targets.map((t) => ({
      plan: p.plan,
      at: p.at,
      key: t.key,
      indicator: t.indicator,
      subject: t.subject,
      class: t.judgement.class,
      level: t.warning.level,
      current: t.judgement.current,
      dataYear: t.judgement.dataYear,
      decimals: precision.get(t.indicator.code) ?? 0,
      trend: trendOf(t.yearly, lowerIsBetter(t.comparator, t.target.rate)),
      spark: sparkline(t.yearly),
    })),
  );
}
