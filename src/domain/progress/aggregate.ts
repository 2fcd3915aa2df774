import { Decimal } from 'decimal.js';
import { evaluateFormula, formulaReferences, parseFormula, type FormulaNode } from '../formula/formula.ts';
import { formatPeriod, labelledPeriod, type Period } from '../period/period.ts';

/**
 * Aggregation of figures in two directions, in decimal arithmetic:
 * - over time: months and quarters into a quarter or a year (累计 = year-to-date series vs flows);
 * - over units: members of a group or children of an org unit, by the indicator's rule (sum,
 *   average, weighted average, ratio-of-sums for derived indicators).
 */

export type Origin = 'reported' | 'published' | 'plan' | 'synthetic';
export type AggregationKind = 'sum' | 'average' | 'weighted_average' | 'ratio' | 'none';

/** Least trustworthy first: a combined figure carries the weakest origin of what went into it. */
const ORIGIN_WEAKNESS: Record<Origin, number> = { synthetic: 0, plan: 1, published: 2, reported: 3 };

export function weakestOrigin(origins: readonly Origin[]): Origin | null {
  return origins.length === 0 ? null : origins.reduce((a, b) => (ORIGIN_WEAKNESS[b] < ORIGIN_WEAKNESS[a] ? b : a));
}

export interface PeriodFigure {
  period: string;
  value: string;
  /** 累计: year-to-date from January to the end of the period. */
  cumulative: boolean;
  origin: Origin;
}

export interface CollapsedFigure {
  value: string;
  /** The last sub-period that went into it (the period itself when stated directly). */
  lastPeriod: string;
  /** Not the whole period: a year-to-date figure before December, or a flow with months missing. */
  partial: boolean;
  origin: Origin;
}

/**
 * One figure for a year or a quarter from whatever periods a unit reported for it:
 * 1. a figure stated for the period itself (non-cumulative first; a cumulative annual is the same);
 * 2. a cumulative (year-to-date) series: its latest figure within the period — December / Q4 for a
 *    year, the quarter's last month for a quarter (then still year-to-date) — partial before the end;
 * 3. a flow series: the sum of its months (else of its quarters) for additive indicators, partial when
 *    some are missing; for levels (stocks, rates, shares) the latest value, partial before the end.
 */
export function collapsePeriod(points: readonly PeriodFigure[], target: Period, additive: boolean): CollapsedFigure | null {
  // Most units of a large tree have nothing for a given code: skip the period arithmetic for them.
  if (points.length === 0) return null;
  const label = formatPeriod(target);
  const { bounds } = labelledPeriod(label)!;
  const direct = points.filter((p) => p.period === label).sort((a, b) => Number(a.cumulative) - Number(b.cumulative))[0];
  if (direct) return { value: direct.value, lastPeriod: direct.period, partial: false, origin: direct.origin };

  const inside: { p: PeriodFigure; period: Period; bounds: { start: string; end: string } }[] = [];
  for (const p of points) {
    const l = labelledPeriod(p.period);
    if (l && l.period.kind !== 'year' && l.bounds.start >= bounds.start && l.bounds.end <= bounds.end)
      inside.push({ p, period: l.period, bounds: l.bounds });
  }

  const cumulative = inside.filter((x) => x.p.cumulative).sort((a, b) => (a.bounds.end < b.bounds.end ? 1 : -1));
  const latest = cumulative[0];
  if (latest)
    return {
      value: latest.p.value,
      lastPeriod: latest.p.period,
      partial: latest.bounds.end < bounds.end,
      origin: latest.p.origin,
    };

  const flows = inside.filter((x) => !x.p.cumulative);
  if (flows.length === 0) return null;
  const months = flows.filter((x) => x.period.kind === 'month');
  const used = months.length ? months : flows;
  used.sort((a, b) => (a.bounds.end < b.bounds.end ? -1 : 1));
  const last = used[used.length - 1]!;
  if (!additive)
    return { value: last.p.value, lastPeriod: last.p.period, partial: last.bounds.end < bounds.end, origin: last.p.origin };
  const expected = months.length ? (target.kind === 'year' ? 12 : 3) : target.kind === 'year' ? 4 : 1;
  const distinct = new Set(used.map((x) => x.p.period)).size;
  return {
    value: used.reduce((s, x) => s.plus(x.p.value), new Decimal(0)).toString(),
    lastPeriod: last.p.period,
    partial: distinct < expected,
    origin: weakestOrigin(used.map((x) => x.p.origin))!,
  };
}

export interface AggregationRule {
  code: string;
  aggregation: AggregationKind;
  /** weighted_average: the code of the weight indicator. */
  weight?: string | null;
  /** ratio: the derived indicator's formula over other codes, e.g. "REVENUE * 10000 / LAND_AREA_MU". */
  formula?: string | null;
}

/** Codes a rule needs from each member: the indicator, its weight, its formula's inputs. */
export function ruleInputs(rule: AggregationRule): string[] {
  const out = new Set([rule.code]);
  if (rule.aggregation === 'weighted_average' && rule.weight) out.add(rule.weight);
  if (rule.aggregation === 'ratio' && rule.formula) for (const c of formulaReferences(parseFormula(rule.formula))) out.add(c);
  return [...out];
}

/** One member's figures: indicator code → decimal string. */
export type Figures = ReadonlyMap<string, string>;

function sumOf(members: readonly Figures[], code: string): Decimal | null {
  const vs = members.map((m) => m.get(code)).filter((v): v is string => v !== undefined);
  return vs.length === 0 ? null : vs.reduce((s, v) => s.plus(v), new Decimal(0));
}

/**
 * The members' combined figure for one indicator, null when it cannot be formed:
 * - sum: Σ vᵢ over members with a figure;
 * - average: the plain mean of the members' figures;
 * - weighted_average: Σ vᵢ·wᵢ ÷ Σ wᵢ over members with both figure and weight;
 * - ratio: the formula over the sums of its inputs, taken over members that have every input
 *   (亩均营业收入 of a group = Σ revenue ÷ Σ land, never the mean of the members' ratios);
 *   without a formula, or when no member has all inputs, null;
 * - none: not additive; only a single member's figure is passed on.
 */
export function aggregateMembers(rule: AggregationRule, members: readonly Figures[]): string | null {
  const own = members.map((m) => m.get(rule.code)).filter((v): v is string => v !== undefined);
  switch (rule.aggregation) {
    case 'sum':
      return sumOf(members, rule.code)?.toString() ?? null;
    case 'average':
      return own.length === 0
        ? null
        : own
            .reduce((s, v) => s.plus(v), new Decimal(0))
            .dividedBy(own.length)
            .toString();
    case 'weighted_average': {
      if (!rule.weight) return null;
      const both = members.filter((m) => m.has(rule.code) && m.has(rule.weight!));
      const w = sumOf(both, rule.weight);
      if (w === null || w.isZero()) return null;
      const vw = both.reduce((s, m) => s.plus(new Decimal(m.get(rule.code)!).times(m.get(rule.weight!)!)), new Decimal(0));
      return vw.dividedBy(w).toString();
    }
    case 'ratio': {
      if (!rule.formula) return null;
      const tree: FormulaNode = parseFormula(rule.formula);
      const inputs = formulaReferences(tree);
      const complete = members.filter((m) => inputs.every((c) => m.has(c)));
      if (complete.length === 0) return null;
      const sums = new Map(inputs.map((c) => [c, sumOf(complete, c)!.toString()]));
      return evaluateFormula(tree, sums)?.toString() ?? null;
    }
    case 'none':
      return own.length === 1 ? own[0]! : null;
  }
}

/**
 * The figures of a parent from its members for every code the rules need: inputs of a ratio are
 * summed (so that a ratio of ratios is never taken), weights are summed, each rule's own code is
 * aggregated by its rule.
 */
export function combineFigures(rules: ReadonlyMap<string, AggregationRule>, members: readonly Figures[]): Map<string, string> {
  const out = new Map<string, string>();
  const codes = new Set([...rules.values()].flatMap(ruleInputs));
  for (const code of codes) {
    const rule = rules.get(code) ?? { code, aggregation: 'sum' as const };
    const v = aggregateMembers(rule, members);
    if (v !== null) out.set(code, v);
  }
  return out;
}

/** A node of the org-unit tree with its own figures (for one period). */
export interface TreeNode {
  figures: Figures;
  children: readonly TreeNode[];
}

/**
 * Rolls figures up the tree: a unit's own figure wins (what it reports for itself is authoritative);
 * a missing one is formed from its children's rolled-up figures by the indicator's rule.
 */
export function rollUp(node: TreeNode, rules: ReadonlyMap<string, AggregationRule>): Map<string, string> {
  const own = new Map(node.figures);
  if (node.children.length === 0) return own;
  const fromChildren = combineFigures(
    rules,
    node.children.map((c) => rollUp(c, rules)),
  );
  for (const [code, v] of fromChildren) if (!own.has(code)) own.set(code, v);
  return own;
}

/**
 * Trust order among figures stated for the same period: reported over published (a public source's
 * figure stands until the unit's own approved one arrives) over plan-stated over synthetic.
 */
const ORIGIN_PREFERENCE: Record<Origin, number> = { reported: 0, published: 1, plan: 2, synthetic: 3 };

/**
 * Of figures stated for the same slot (`slot` = unit, indicator, period and 累计 flag), only the most
 * trusted origin's: a reported figure replaces the plan's or the demo's for its period.
 */
export function preferredFigures<T extends { origin: Origin }>(figures: readonly T[], slot: (f: T) => string): T[] {
  // Of one origin (nearly always), already in order: a refresh passes ~166,000 keys at a time.
  const first = figures[0]?.origin;
  const sorted = figures.every((f) => f.origin === first)
    ? figures
    : [...figures].sort((a, b) => ORIGIN_PREFERENCE[a.origin] - ORIGIN_PREFERENCE[b.origin]);
  const seen = new Set<string>();
  return sorted.filter((f) => {
    const k = slot(f);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A unit's own figure for a whole year, with what freshness needs to know of its inputs. */
export interface YearFigure extends CollapsedFigure {
  /** Every period with a figure that year, sorted. */
  periods: string[];
  /** Any year-to-date (累计) figure among them. */
  cumulative: boolean;
}

/** One unit's figures of one indicator within `year` (preferred origins only) collapsed to the year. */
export function collapseYear(points: readonly PeriodFigure[], year: number, additive: boolean): YearFigure | null {
  const c = collapsePeriod(points, { kind: 'year', year }, additive);
  if (!c) return null;
  return { ...c, periods: [...new Set(points.map((p) => p.period))].sort(), cumulative: points.some((p) => p.cumulative) };
}
