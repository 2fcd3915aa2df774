import type { HomeClass } from './leader-summary.ts';
import { targetRow, type JudgedTargetBase, type TargetRowHead, type TargetRowTrend } from './home-target.ts';
import { indicatorPrecision, writtenDecimals } from '../format/indicator-precision.ts';

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

export { indicatorPrecision, writtenDecimals } from '../format/indicator-precision.ts';

/** The scorecard of every target of every plan, in plan order then the plan's own order. */
export function targetScorecards(
  plans: readonly { plan: { id: string; title: string }; at: string; targets: readonly ScorecardTarget[] }[],
): TargetScorecard[] {
  const precision = indicatorPrecision(plans.flatMap((p) => p.targets));
  return plans.flatMap((p) =>
    p.targets.map((t) => ({
      ...targetRow(p, t),
      current: t.judgement.current,
      dataYear: t.judgement.dataYear,
      decimals: precision.get(t.indicator.code) ?? writtenDecimals(t.judgement.current),
    })),
  );
}
