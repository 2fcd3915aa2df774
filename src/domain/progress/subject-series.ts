import { collapsePeriod, rollUp, weakestOrigin, type AggregationRule, type Origin, type PeriodFigure, type TreeNode } from './aggregate.ts';
import type { Period } from '../period/period.ts';

/** A unit with its own figures per indicator code (any periods) and its children. */
export interface SeriesNode {
  points: ReadonlyMap<string, readonly PeriodFigure[]>;
  children: readonly SeriesNode[];
}

export interface SubjectFigure {
  value: string;
  origin: Origin;
  partial: boolean;
  lastPeriod: string;
}

/**
 * The figure of a subject (an org unit with its subtree, or a group of such units) for one year or
 * quarter: each unit's periods are collapsed first (累计 → latest year-to-date figure, flows summed),
 * then missing unit figures are rolled up from children by the indicator's rule. The origin is the
 * weakest of every figure found in the subject for the codes involved; partial if any of them is.
 * `flow(code)` tells whether non-cumulative sub-periods of a code add up (else they are levels).
 */
export function subjectFigure(
  root: SeriesNode,
  target: Period,
  rule: AggregationRule,
  rules: ReadonlyMap<string, AggregationRule>,
  codes: readonly string[],
  flow: (code: string) => boolean,
): SubjectFigure | null {
  const origins: Origin[] = [];
  let partial = false;
  let lastPeriod: string | null = null;
  const toTree = (n: SeriesNode): TreeNode => {
    const figures = new Map<string, string>();
    for (const code of codes) {
      const c = collapsePeriod(n.points.get(code) ?? [], target, flow(code));
      if (!c) continue;
      figures.set(code, c.value);
      origins.push(c.origin);
      partial ||= c.partial;
      if (lastPeriod === null || c.lastPeriod > lastPeriod) lastPeriod = c.lastPeriod;
    }
    return { figures, children: n.children.map(toTree) };
  };
  const value = rollUp(toTree(root), new Map([...rules, [rule.code, rule]])).get(rule.code);
  if (value === undefined) return null;
  return { value, origin: weakestOrigin(origins)!, partial, lastPeriod: lastPeriod! };
}
