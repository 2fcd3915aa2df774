import {
  collapsePeriod,
  type CollapsedFigure,
  combineFigures,
  weakestOrigin,
  type AggregationRule,
  type Origin,
  type PeriodFigure,
} from './aggregate.ts';
import type { Period } from '../period/period.ts';
import { attributeFigure, type MonthDelta } from '../projects/attribute-figure.ts';

/** A unit with its own figures per indicator code (any periods) and its children. */
export interface SeriesNode {
  points: ReadonlyMap<string, readonly PeriodFigure[]>;
  /** Own figures already collapsed to the asked period (precomputed years); they stand for `points`. */
  collapsed?: ReadonlyMap<string, CollapsedFigure>;
  children: readonly SeriesNode[];
  /**
   * 跨区域流转: transfer deltas by code of the unit and its subtree (src/domain/projects). They are
   * added to the unit's own figure, which holds transferred projects at 100 %; a rolled-up figure
   * gets them through the children instead.
   */
  transfers?: ReadonlyMap<string, readonly MonthDelta[]>;
  /**
   * The node's subtree already rolled up for the period (an analytics row per code, each computed by
   * this same function): it stands for the node's figures and its children's, which are not walked.
   */
  rolled?: ReadonlyMap<string, SubjectFigure>;
}

export interface SubjectFigure {
  value: string;
  origin: Origin;
  partial: boolean;
  lastPeriod: string;
}

interface Meta {
  origins: Origin[];
  partial: boolean;
  lastPeriod: string;
}

const merge = (ms: readonly Meta[]): Meta => ({
  origins: ms.flatMap((m) => m.origins),
  partial: ms.some((m) => m.partial),
  lastPeriod:
    ms
      .map((m) => m.lastPeriod)
      .sort()
      .at(-1) ?? '',
});

/**
 * The figure of a subject (an org unit with its subtree, or a group of such units) for one year or
 * quarter: each unit's periods are collapsed first (累计 → latest year-to-date figure, flows summed),
 * then a unit's missing figures are rolled up from its children by the indicator's rule (its own
 * figure wins). The origin is the weakest of the figures actually used; partial if any of them is.
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
  // Only the codes involved: combining the whole catalogue at every node would be wasted work.
  const allRules = new Map(
    codes.map((c): [string, AggregationRule] => [c, c === rule.code ? rule : (rules.get(c) ?? { code: c, aggregation: 'sum' })]),
  );
  const none = new Map<string, { value: string; meta: Meta }>();
  const walk = (n: SeriesNode): Map<string, { value: string; meta: Meta }> => {
    if (n.rolled) {
      const given = new Map<string, { value: string; meta: Meta }>();
      for (const code of codes) {
        const f = n.rolled.get(code);
        if (f) given.set(code, { value: f.value, meta: { origins: [f.origin], partial: f.partial, lastPeriod: f.lastPeriod } });
      }
      return given;
    }
    if (n.children.length === 0 && n.points.size === 0 && !n.collapsed?.size && !n.transfers?.size) return none;
    const own = new Map<string, { value: string; meta: Meta }>();
    for (const code of codes) {
      let c = n.collapsed?.get(code) ?? collapsePeriod(n.points.get(code) ?? [], target, flow(code));
      const deltas = flow(code) ? n.transfers?.get(code) : undefined;
      if (deltas && (c || n.children.length === 0)) c = attributeFigure(c, deltas, target, n.points.get(code) ?? []);
      if (c) own.set(code, { value: c.value, meta: { origins: [c.origin], partial: c.partial, lastPeriod: c.lastPeriod } });
    }
    if (codes.every((c) => own.has(c))) return own;
    // A leaf forms a derived (ratio) figure from its own inputs, as a one-member group would.
    // Children without any figure change no rule's result (every rule skips members lacking a code).
    const kids = n.children.length === 0 ? (own.size > 0 ? [own] : []) : n.children.map(walk).filter((k) => k.size > 0);
    if (kids.length === 0) return own;
    const combined = combineFigures(
      allRules,
      kids.map((k) => new Map([...k].map(([c, v]) => [c, v.value]))),
    );
    for (const code of codes) {
      const v = combined.get(code);
      if (v === undefined || own.has(code)) continue;
      const inputs = code === rule.code ? codes : [code];
      own.set(code, {
        value: v,
        meta: merge(kids.flatMap((k) => inputs.map((c) => k.get(c)?.meta).filter((m): m is Meta => !!m))),
      });
    }
    return own;
  };
  return asFigure(walk(root).get(rule.code));
}

function asFigure(out: { value: string; meta: Meta } | undefined): SubjectFigure | null {
  if (!out) return null;
  return {
    value: out.value,
    origin: weakestOrigin(out.meta.origins) ?? 'synthetic',
    partial: out.meta.partial,
    lastPeriod: out.meta.lastPeriod,
  };
}
