import { normaliseWeights, weightedGeometric, weightedSum } from './aggregate.ts';
import { competitionRanks, gradeIndex } from './grade.ts';
import { normaliseColumn } from './normalise.ts';
import type { Floor, Normalisation, Scheme, Veto } from './scheme.schema.ts';

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
  /**
   * complete: every scored indicator has a value; partial: scored although some optional indicators are
   * missing (missingPolicy reweight or zero); incomplete: not scored, ranked or graded.
   */
  status: 'complete' | 'partial' | 'incomplete';
  /** Every required or scored (weight > 0) indicator without a value, in scheme order. */
  missing: string[];
  /**
   * The score the grade rests on when it is not `score`: for a partial unit under 'reweight', the score it
   * would get were every missing indicator 0 — the grade its available data support whatever the missing
   * values are. Null when the grade rests on `score`.
   */
  gradedOn: number | null;
  /** Floors the unit misses (below the floor, or no figure): each caps the grade at its maxGrade. */
  floors: Floor[];
  /** 0–100 from the indicators, before bonus and penalty. */
  baseScore: number | null;
  bonus: number;
  penalty: number;
  score: number | null;
  /**
   * Competition rank (1, 2, 2, 4) within the comparison group among the ranked units: complete ones, and
   * partial ones under 'zero' (scored on a lower bound). Null for incomplete units and for partial units
   * under 'reweight', which must not rank as if complete.
   */
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
  /** Scored units only, row-major units × indicators, normalised to [0, 1]; NaN = missing optional value. */
  normalised: Float64Array;
  rows: number;
  cols: number;
  weights: Float64Array;
  /** Bonus − penalty per complete unit (points). */
  offsets: Float64Array;
  vetoed: Uint8Array;
  /** Index of each scored row in `units`. */
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

/**
 * Indicators a unit lacks that count: required ones, and optional ones with a weight in this group that some
 * unit of the group has. An optional indicator no unit of the group has (no form collects it yet) drops out
 * for the whole group alike: it does not set one unit apart from another.
 */
function missingOf(scheme: Scheme, u: EvaluationUnit, weights: Float64Array, available: readonly boolean[]): string[] {
  return scheme.indicators
    .filter((i, j) => (i.required || (weights[j]! > 0 && available[j])) && Number.isNaN(rawValue(u, i.code)))
    .map((i) => i.code);
}

/** Whether a unit missing `missing` is scored at all under the scheme's missing-data policy. */
function isScored(scheme: Scheme, missing: readonly string[]): boolean {
  if (missing.length === 0) return true;
  const required = new Set(scheme.indicators.filter((i) => i.required).map((i) => i.code));
  if (missing.some((c) => required.has(c))) return false;
  return scheme.missingPolicy !== 'exclude';
}

/**
 * Normalises one comparison group. Statistics are taken over its scored units only; under the 'zero'
 * policy a missing scored value is then set to 0 (after normalisation, so that it does not move the others).
 */
export function prepareGroup(
  scheme: Scheme,
  units: EvaluationUnit[],
  group: string | null,
  normalisations?: readonly Normalisation[],
): PreparedGroup & { missing: string[][] } {
  const cols = scheme.indicators.length;
  const weights = groupWeights(scheme, group);
  const available = scheme.indicators.map((i) => units.some((u) => !Number.isNaN(rawValue(u, i.code))));
  const missing = units.map((u) => missingOf(scheme, u, weights, available));
  const scored = units.map((_, k) => k).filter((k) => isScored(scheme, missing[k]!));
  const rows = scored.length;
  const normalised = new Float64Array(rows * cols);
  scheme.indicators.forEach((ind, j) => {
    const col = Float64Array.from(scored, (k) => rawValue(units[k]!, ind.code));
    const spec = normalisations?.[j] ?? ind.normalisation;
    const out = rows > 0 && col.some((x) => !Number.isNaN(x)) ? normaliseColumn(col, spec, ind.direction) : col;
    const zero = scheme.missingPolicy === 'zero' && weights[j]! > 0 && available[j]!;
    for (let r = 0; r < rows; r++) normalised[r * cols + j] = zero && Number.isNaN(out[r]!) ? 0 : out[r]!;
  });
  const offsets = Float64Array.from(scored, (k) => capped(scheme, units[k]!, 'bonus') - capped(scheme, units[k]!, 'penalty'));
  const vetoed = Uint8Array.from(scored, (k) => (vetoesOf(scheme, units[k]!).length > 0 ? 1 : 0));
  return { group, units, normalised, rows, cols, weights, offsets, vetoed, unitIndex: Int32Array.from(scored), missing };
}

/**
 * The same prepared group restricted to the rows `keep` accepts (by index in `units`): the sensitivity
 * analysis ranks only the units the run ranks, on the normalisation the run used.
 */
export function keepRows(p: PreparedGroup, keep: (unitIndex: number) => boolean): PreparedGroup {
  const rows: number[] = [];
  for (let r = 0; r < p.rows; r++) if (keep(p.unitIndex[r]!)) rows.push(r);
  const normalised = new Float64Array(rows.length * p.cols);
  rows.forEach((r, i) => normalised.set(p.normalised.subarray(r * p.cols, (r + 1) * p.cols), i * p.cols));
  return {
    ...p,
    normalised,
    rows: rows.length,
    offsets: Float64Array.from(rows, (r) => p.offsets[r]!),
    vetoed: Uint8Array.from(rows, (r) => p.vetoed[r]!),
    unitIndex: Int32Array.from(rows, (r) => p.unitIndex[r]!),
  };
}

function vetoesOf(scheme: Scheme, u: EvaluationUnit): Veto[] {
  return scheme.vetoes.filter((v) => {
    const x = rawValue(u, v.indicator);
    return !Number.isNaN(x) && VETO_TEST[v.op](x, v.value);
  });
}

/** Floors of the unit's group that it misses: below the floor, or no figure to show it is above. */
export function missedFloors(scheme: Scheme, u: EvaluationUnit, group: string | null): Floor[] {
  return scheme.floors.filter((f) => {
    if (f.group !== undefined && f.group !== group) return false;
    const x = rawValue(u, f.indicator);
    return Number.isNaN(x) || x < f.min;
  });
}

/** Whether a unit of this status is ranked among its group (see UnitResult.rank). */
export function isRanked(scheme: Scheme, status: UnitResult['status']): boolean {
  return status === 'complete' || (status === 'partial' && scheme.missingPolicy === 'zero');
}

/** Score = 100 × aggregate + bonus − penalty, floored at 0. */
export function finalScore(base: number, offset: number): number {
  return Math.max(0, 100 * base + offset);
}

/**
 * Evaluates every unit: normalise within its comparison group, aggregate, add capped bonus and
 * subtract capped penalty, rank within the group, grade. A unit missing a required value (or, under
 * 'exclude', any scored value) is 'incomplete': no score, rank or grade. A partial unit under 'reweight'
 * is scored on its present indicators, not ranked, and graded on the score it would get were every missing
 * indicator 0. A veto forces the lowest grade; a missed floor caps the grade at the floor's maxGrade.
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
    const rowOf = new Map<number, number>();
    p.unitIndex.forEach((k, r) => rowOf.set(k, r));
    const statusOf = (k: number): UnitResult['status'] =>
      !rowOf.has(k) ? 'incomplete' : p.missing[k]!.length > 0 ? 'partial' : 'complete';
    const scores = new Float64Array(members.length).fill(NaN);
    const base: (number | null)[] = members.map(() => null);
    const lowerBound: (number | null)[] = members.map(() => null);
    for (let r = 0; r < p.rows; r++) {
      const k = p.unitIndex[r]!;
      const row = p.normalised.subarray(r * p.cols, (r + 1) * p.cols);
      const b = aggregate(row, p.weights);
      base[k] = b;
      scores[k] = finalScore(b, p.offsets[r]!);
      if (statusOf(k) === 'partial' && scheme.missingPolicy === 'reweight') {
        // Missing scored values at 0, weights not shared out: the score the data guarantee.
        const counted = new Set(p.missing[k]);
        const zeroed = row.map((x, j) => (counted.has(scheme.indicators[j]!.code) ? 0 : x));
        lowerBound[k] = finalScore(aggregate(zeroed, p.weights), p.offsets[r]!);
      }
    }
    const ranks = competitionRanks(scores.map((x, k) => (isRanked(scheme, statusOf(k)) ? x : NaN)));
    members.forEach((u, k) => {
      const r = rowOf.get(k);
      const status = statusOf(k);
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
      const scored = r !== undefined;
      const vetoes = scored ? vetoesOf(scheme, u) : [];
      const floors = scored ? missedFloors(scheme, u, group) : [];
      const score = scored ? scores[k]! : null;
      const gradedOn = lowerBound[k] ?? null;
      let gi = score === null ? null : vetoes.length > 0 ? lowest : gradeIndex(gradedOn ?? score, scheme.grades);
      for (const f of floors)
        gi = Math.max(
          gi!,
          scheme.grades.findIndex((g) => g.label === f.maxGrade),
        );
      results.set(u, {
        code: u.code,
        name: u.name,
        group,
        status,
        missing: p.missing[k]!,
        gradedOn,
        floors,
        baseScore: base[k] === null ? null : 100 * base[k]!,
        bonus: scored ? capped(scheme, u, 'bonus') : 0,
        penalty: scored ? capped(scheme, u, 'penalty') : 0,
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
