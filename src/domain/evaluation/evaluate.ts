import { normaliseWeights, weightedGeometric, weightedSum } from './aggregate.ts';
import { competitionRanks, gradeIndex } from './grade.ts';
import { normaliseColumn } from './normalise.ts';
import type { Normalisation, Scheme, Veto } from './scheme.schema.ts';

export interface EvaluationUnit {
  code: string;
  name: string;
  /** Comparison group code; units without one form the default group with the scheme weights. */
  group?: string;
  /** Raw values by indicator code; null or absent = missing (never read as zero). */
  values: Record<string, number | null | undefined>;
  /** Reported points by bonus/penalty item code. */
  adjustments?: Record<string, number>;
}

export interface Contribution {
  indicator: string;
  raw: number | null;
  normalised: number | null;
  /** Effective weight after sharing out the weight of missing optional values (sums to 1). */
  weight: number;
  /** Points this indicator adds to the 0–100 score (weighted sum only; null for the geometric mean). */
  points: number | null;
}

export interface UnitResult {
  code: string;
  name: string;
  group: string | null;
  status: 'complete' | 'incomplete';
  /** Required indicators without a value (why the unit is incomplete). */
  missing: string[];
  /** 0–100 from the indicators, before bonus and penalty. */
  baseScore: number | null;
  bonus: number;
  penalty: number;
  score: number | null;
  /** Competition rank (1, 2, 2, 4) within the comparison group; null when incomplete. */
  rank: number | null;
  gradeIndex: number | null;
  grade: string | null;
  vetoes: Veto[];
  contributions: Contribution[];
}

/** Everything the sensitivity analysis needs for one comparison group, normalised once. */
export interface PreparedGroup {
  group: string | null;
  units: EvaluationUnit[];
  /** Complete units only, row-major units × indicators, normalised to [0, 1]; NaN = missing optional value. */
  normalised: Float64Array;
  rows: number;
  cols: number;
  weights: Float64Array;
  /** Bonus − penalty per complete unit (points). */
  offsets: Float64Array;
  vetoed: Uint8Array;
  /** Index of each complete row in `units`. */
  unitIndex: Int32Array;
}

const VETO_TEST: Record<Veto['op'], (a: number, b: number) => boolean> = {
  lt: (a, b) => a < b,
  le: (a, b) => a <= b,
  gt: (a, b) => a > b,
  ge: (a, b) => a >= b,
  eq: (a, b) => a === b,
};

const rawValue = (u: EvaluationUnit, code: string): number => {
  const v = u.values[code];
  return v === null || v === undefined || !Number.isFinite(v) ? NaN : v;
};

export function groupWeights(scheme: Scheme, group: string | null): Float64Array {
  const g = group === null ? undefined : scheme.groups.find((x) => x.code === group);
  return normaliseWeights(scheme.indicators.map((i) => g?.weights[i.code] ?? i.weight));
}

function capped(scheme: Scheme, u: EvaluationUnit, kind: 'bonus' | 'penalty'): number {
  let total = 0;
  for (const a of scheme.adjustments)
    if (a.kind === kind) total += Math.min(Math.max(u.adjustments?.[a.code] ?? 0, 0), a.maxPoints);
  return Math.min(total, kind === 'bonus' ? scheme.bonusCap : scheme.penaltyCap);
}

/** Normalises one comparison group (statistics over its complete units only). */
export function prepareGroup(
  scheme: Scheme,
  units: EvaluationUnit[],
  group: string | null,
  normalisations?: readonly Normalisation[],
): PreparedGroup & { missing: string[][] } {
  const cols = scheme.indicators.length;
  const missing = units.map((u) =>
    scheme.indicators.filter((i) => i.required && Number.isNaN(rawValue(u, i.code))).map((i) => i.code),
  );
  const complete = units.map((_, k) => k).filter((k) => missing[k]!.length === 0);
  const rows = complete.length;
  const normalised = new Float64Array(rows * cols);
  scheme.indicators.forEach((ind, j) => {
    const col = Float64Array.from(complete, (k) => rawValue(units[k]!, ind.code));
    const spec = normalisations?.[j] ?? ind.normalisation;
    const out = rows > 0 && col.some((x) => !Number.isNaN(x)) ? normaliseColumn(col, spec, ind.direction) : col;
    for (let r = 0; r < rows; r++) normalised[r * cols + j] = out[r]!;
  });
  const offsets = Float64Array.from(complete, (k) => capped(scheme, units[k]!, 'bonus') - capped(scheme, units[k]!, 'penalty'));
  const vetoed = Uint8Array.from(complete, (k) =>
    scheme.vetoes.some((v) => {
      const x = rawValue(units[k]!, v.indicator);
      return !Number.isNaN(x) && VETO_TEST[v.op](x, v.value);
    })
      ? 1
      : 0,
  );
  return {
    group,
    units,
    normalised,
    rows,
    cols,
    weights: groupWeights(scheme, group),
    offsets,
    vetoed,
    unitIndex: Int32Array.from(complete),
    missing,
  };
}

/** Score = 100 × aggregate + bonus − penalty, floored at 0. */
export function finalScore(base: number, offset: number): number {
  return Math.max(0, 100 * base + offset);
}

/**
 * Evaluates every unit: normalise within its comparison group, aggregate, add capped bonus and
 * subtract capped penalty, rank within the group, grade (a veto forces the lowest grade).
 * A unit missing a required value is 'incomplete': no score, rank or grade.
 */
export function evaluate(scheme: Scheme, units: readonly EvaluationUnit[]): UnitResult[] {
  const byGroup = new Map<string | null, EvaluationUnit[]>();
  for (const u of units) {
    const g = u.group ?? null;
    if (g !== null && !scheme.groups.some((x) => x.code === g)) throw new RangeError(`unknown comparison group ${g}`);
    const list = byGroup.get(g);
    if (list) list.push(u);
    else byGroup.set(g, [u]);
  }
  const results = new Map<EvaluationUnit, UnitResult>();
  const lowest = scheme.grades.length - 1;
  const aggregate = scheme.aggregation === 'weighted_sum' ? weightedSum : weightedGeometric;
  for (const [group, members] of byGroup) {
    const p = prepareGroup(scheme, members, group);
    const scores = new Float64Array(members.length).fill(NaN);
    const rowOf = new Map<number, number>();
    p.unitIndex.forEach((k, r) => rowOf.set(k, r));
    const base: (number | null)[] = members.map(() => null);
    for (let r = 0; r < p.rows; r++) {
      const row = p.normalised.subarray(r * p.cols, (r + 1) * p.cols);
      const b = aggregate(row, p.weights);
      base[p.unitIndex[r]!] = b;
      scores[p.unitIndex[r]!] = finalScore(b, p.offsets[r]!);
    }
    const ranks = competitionRanks(scores);
    members.forEach((u, k) => {
      const r = rowOf.get(k);
      const row = r === undefined ? null : p.normalised.subarray(r * p.cols, (r + 1) * p.cols);
      let presentWeight = 0;
      if (row) row.forEach((x, j) => (presentWeight += Number.isNaN(x) ? 0 : p.weights[j]!));
      const contributions: Contribution[] = scheme.indicators.map((ind, j) => {
        const raw = rawValue(u, ind.code);
        const x = row ? row[j]! : NaN;
        const weight = row && !Number.isNaN(x) ? p.weights[j]! / presentWeight : 0;
        return {
          indicator: ind.code,
          raw: Number.isNaN(raw) ? null : raw,
          normalised: Number.isNaN(x) ? null : x,
          weight,
          points: scheme.aggregation === 'weighted_sum' && row && !Number.isNaN(x) ? 100 * weight * x : null,
        };
      });
      const complete = r !== undefined;
      const vetoes = complete
        ? scheme.vetoes.filter((v) => {
            const x = rawValue(u, v.indicator);
            return !Number.isNaN(x) && VETO_TEST[v.op](x, v.value);
          })
        : [];
      const score = complete ? scores[k]! : null;
      const gi = score === null ? null : vetoes.length > 0 ? lowest : gradeIndex(score, scheme.grades);
      results.set(u, {
        code: u.code,
        name: u.name,
        group,
        status: complete ? 'complete' : 'incomplete',
        missing: p.missing[k]!,
        baseScore: base[k] === null ? null : 100 * base[k]!,
        bonus: complete ? capped(scheme, u, 'bonus') : 0,
        penalty: complete ? capped(scheme, u, 'penalty') : 0,
        score,
        rank: ranks[k]!,
        gradeIndex: gi,
        grade: gi === null ? null : scheme.grades[gi]!.label,
        vetoes,
        contributions,
      });
    });
  }
  return units.map((u) => results.get(u)!);
}
