import type { HomeClass } from './leader-summary.ts';
import { targetRow, type JudgedTargetBase, type TargetRowHead, type TargetRowTrend } from './home-target.ts';
import { indicatorPrecision, writtenDecimals } from '../format/indicator-precision.ts';

/**
 * The scorecard row of every target on the homes (issue 19): the latest judged figure, the class and
 * warning, the trend arrow and the sparkline; figures shown to the indicator's precision.
 */

/** A target's year and figures as the plan states them (decimal strings). */
interface StatedGoal {
  year: number;
  value: string | null;
  min: string | null;
  max: string | null;
  rate: string | null;
  text: string | null;
}

/** What a scorecard reads of one judged target (a subset of the progress API's target). */
export interface ScorecardTarget extends JudgedTargetBase {
  baseline: { value: string } | null;
  target: StatedGoal;
  /** Where the plan states it (its section heading): tells apart targets of one indicator and subject. */
  source: { section: string | null };
  judgement: { class: HomeClass; current: string | null; dataYear: number | null };
}

export interface TargetScorecard extends TargetRowHead, TargetRowTrend {
  /** The judged figure (decimal string, as computed) and its year; null without a figure. */
  current: string | null;
  dataYear: number | null;
  /** Decimals the indicator's figures are shown with. */
  decimals: number;
  /** What the target asks, so that several targets of one indicator and subject read apart (2025年超110 / 超160 / 年均增长10%). */
  goal: StatedGoal & { comparator: string };
  section: string | null;
}

export { indicatorPrecision, writtenDecimals } from '../format/indicator-precision.ts';

/** Targets with the same indicator together, indicators in the order first named, targets in their own order. */
function byIndicator<T extends { indicator: { code: string } }>(targets: readonly T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const t of targets) {
    const list = groups.get(t.indicator.code);
    if (list) list.push(t);
    else groups.set(t.indicator.code, [t]);
  }
  return [...groups.values()].flat();
}

/** A plan's scorecards grouped for its table: each indicator once, with its targets (one row per target). */
export interface ScorecardGroup<C> {
  indicator: { code: string; name: string; unit: string };
  cards: C[];
}

export function scorecardGroups<C extends { plan: { id: string }; indicator: { code: string; name: string; unit: string } }>(
  cards: readonly C[],
): { plan: C['plan']; groups: ScorecardGroup<C>[] }[] {
  const plans = new Map<string, { plan: C['plan']; groups: Map<string, ScorecardGroup<C>> }>();
  for (const c of cards) {
    let p = plans.get(c.plan.id);
    if (!p) plans.set(c.plan.id, (p = { plan: c.plan, groups: new Map() }));
    let g = p.groups.get(c.indicator.code);
    if (!g) p.groups.set(c.indicator.code, (g = { indicator: c.indicator, cards: [] }));
    g.cards.push(c);
  }
  return [...plans.values()].map((p) => ({ plan: p.plan, groups: [...p.groups.values()] }));
}

/**
 * The scorecard of every target of every plan, in plan order; within a plan, the targets of one
 * indicator together (in the order the plan first names each indicator, then the plan's own order),
 * so that a plan's table shows each indicator once with a row per subject below it.
 * `precision` is the indicator precision the other pages use (over every target the reader sees,
 * see reader-precision.service.ts); without it, over these targets.
 */
export function targetScorecards(
  plans: readonly { plan: { id: string; title: string }; at: string; targets: readonly ScorecardTarget[] }[],
  precision: ReadonlyMap<string, number> = indicatorPrecision(plans.flatMap((p) => p.targets)),
): TargetScorecard[] {
  return plans.flatMap((p) =>
    byIndicator(p.targets).map((t) => ({
      ...targetRow(p, t),
      current: t.judgement.current,
      dataYear: t.judgement.dataYear,
      decimals: precision.get(t.indicator.code) ?? writtenDecimals(t.judgement.current),
      goal: { ...t.target, comparator: t.comparator },
      section: t.source.section,
    })),
  );
}
