import type { RunCycle } from './cycle.ts';
import {
  evaluate,
  isRanked,
  keepRows,
  prepareGroup,
  type Contribution,
  type EvaluationUnit,
  type UnitResult,
} from './evaluate.ts';
import { explain } from './explain.ts';
import { schemeProvenance, type ElementProvenance } from './scheme-provenance.ts';
import { normaliseWeights } from './aggregate.ts';
import type { Normalisation, Scheme } from './scheme.schema.ts';
import { sensitivity, type UnitSensitivity } from './sensitivity.ts';
import { topsisRanking, type TopsisPlace } from './topsis-ranking.ts';
import { storedSchemeSchema, type StoredScheme, type StoredSchemeInput } from './stored-scheme.schema.ts';

/**
 * One evaluation from its stored input: the scheme version and every unit's values as exact decimal
 * strings (null = missing). Pure and deterministic: the same input, samples and seed give the same
 * result, number for number, so a stored run can be recomputed and compared bit for bit.
 */

export interface RunInputUnit {
  code: string;
  name: string;
  nameEn: string | null;
  group: string | null;
  /** Indicator (and adjustment) code → decimal string; null = no figure for the year. */
  values: Record<string, string | null>;
  /** Codes whose figure rests on synthetic (demo) data, origin 'synthetic'; absent when none (issue 16). */
  synthetic?: string[];
}

export interface RunInput {
  scheme: { code: string; version: number; definition: StoredSchemeInput };
  year: number;
  /** Catalogue units of measure by indicator code (for display; kept so a run is self-contained). */
  units: Record<string, string>;
  subjects: RunInputUnit[];
}

/** A unit's result as stored: the engine's result with exact raw figures, English names and reasons. */
export interface ComputedUnit extends Omit<UnitResult, 'gradeIndex' | 'vetoes' | 'contributions' | 'floors'> {
  nameEn: string | null;
  /** Indicator codes whose figure is synthetic (模拟); absent in runs stored before issue 16 recorded it. */
  synthetic?: string[];
  vetoes: { code: string; reason: string; reasonEn: string | null }[];
  /** Floors missed (each caps the grade). */
  floors: { code: string; indicator: string; min: number; maxGrade: string; reason: string; reasonEn: string | null }[];
  contributions: (Omit<Contribution, 'raw'> & { raw: string | null })[];
  explanation: { zh: string; en: string };
  sensitivity: {
    rankLow: number;
    rankMedian: number;
    rankHigh: number;
    gradeProbabilities: Record<string, number>;
    modalGrade: string;
    robust: boolean;
  } | null;
  /** TOPSIS closeness and rank in the comparison group: the alternative ranking (complete units only). */
  topsis: TopsisPlace | null;
}

export interface ComputedRun {
  indicators: {
    code: string;
    name: string;
    nameEn: string | null;
    unit: string;
    weight: number;
    direction: 'higher_better' | 'lower_better';
    normalisation: string;
  }[];
  grades: { label: string; labelEn: string | null; minScore: number }[];
  groups: { code: string; name: string }[];
  sources: { item: string; plan: string; section: string; quote: string }[];
  /** True when any figure the run used is synthetic: the run is 模拟 wherever it is shown (issue 16). */
  simulated?: boolean;
  /** What backs each element of the scheme (issue 16); absent in runs stored before it was recorded. */
  provenance?: ElementProvenance[];
  /** The run's place in the scheme's evaluation cycle (cycle.ts); absent for a scheme without one. */
  cycle?: RunCycle;
  units: ComputedUnit[];
}

export interface SensitivitySettings {
  samples: number;
  seed: number;
  /** Each weight × (1 + U(−spread, spread)), renormalised; default ±20 %. */
  spread?: number;
}

/** Methods whose result depends on the other units' values; a sensitivity variant may swap them. */
const RELATIVE = new Set<Normalisation['method']>(['minmax', 'zscore', 'rank']);
const VARIANTS: Normalisation[] = [{ method: 'minmax' }, { method: 'rank' }, { method: 'zscore' }];

/** The domain scheme of one comparison group: its normalisation overrides applied. */
export function schemeForGroup(stored: StoredScheme, group: string | null): Scheme {
  const overrides = group === null ? undefined : stored.groupNormalisation[group];
  if (!overrides) return stored;
  return {
    ...stored,
    indicators: stored.indicators.map((i) => (overrides[i.code] ? { ...i, normalisation: overrides[i.code]! } : i)),
  };
}

/**
 * The normalisation variants the sensitivity analysis draws from: the scheme's own, and — when some
 * indicator uses a data-relative method — the same scheme with every such indicator under min–max,
 * rank and z-score in turn. Target and band normalisations are fixed by the plan and never swapped.
 */
export function normalisationVariants(scheme: Scheme): Normalisation[][] {
  const own = scheme.indicators.map((i) => i.normalisation);
  if (!own.some((n) => RELATIVE.has(n.method))) return [own];
  const out = [own];
  for (const v of VARIANTS) {
    const alt = own.map((n) => (RELATIVE.has(n.method) ? v : n));
    if (alt.some((n, j) => n.method !== own[j]!.method)) out.push(alt);
  }
  return out;
}

const toNumber = (s: string | null | undefined): number | null => (s === null || s === undefined ? null : Number(s));

export function computeRun(input: RunInput, settings: SensitivitySettings): ComputedRun {
  const stored = storedSchemeSchema.parse(input.scheme.definition);
  const groupOrder = [...stored.groups.map((g) => g.code), null];
  const byGroup = new Map<string | null, RunInputUnit[]>();
  for (const u of input.subjects) {
    const g = u.group !== null && stored.groups.some((x) => x.code === u.group) ? u.group : null;
    byGroup.set(g, [...(byGroup.get(g) ?? []), { ...u, group: g }]);
  }
  const adjustmentCodes = stored.adjustments.map((a) => a.code);
  const units: ComputedUnit[] = [];
  for (const group of groupOrder) {
    const members = byGroup.get(group);
    if (!members?.length) continue;
    const scheme = schemeForGroup(stored, group);
    const evalUnits: EvaluationUnit[] = members.map((u) => ({
      code: u.code,
      name: u.name,
      group: group ?? undefined,
      values: Object.fromEntries(scheme.indicators.map((i) => [i.code, toNumber(u.values[i.code])])),
      adjustments: Object.fromEntries(
        adjustmentCodes.filter((c) => toNumber(u.values[c]) !== null).map((c) => [c, toNumber(u.values[c])!]),
      ),
    }));
    const results = evaluate(scheme, evalUnits);
    const places = topsisRanking(
      scheme,
      group,
      evalUnits.filter((_, k) => results[k]!.status === 'complete'),
    );
    const sens = new Map<string, UnitSensitivity>();
    if (settings.samples > 0) {
      // Only the units the run ranks take part: a partial unit under 'reweight' has no rank to perturb.
      const ranked = (k: number) => isRanked(scheme, results[k]!.status);
      const variants = normalisationVariants(scheme).map((n) => keepRows(prepareGroup(scheme, evalUnits, group, n), ranked));
      if (variants[0]!.rows > 0)
        for (const s of sensitivity(scheme, variants, {
          samples: settings.samples,
          seed: settings.seed,
          perturbation: { kind: 'uniform', spread: settings.spread ?? 0.2 },
        }))
          sens.set(s.code, s);
    }
    results.forEach((r, k) => units.push(computedUnit(r, members[k]!, scheme, sens.get(r.code), places.get(r.code))));
  }
  units.sort((a, b) => {
    const ga = groupOrder.indexOf(a.group);
    const gb = groupOrder.indexOf(b.group);
    if (ga !== gb) return ga - gb;
    const ra = a.rank ?? Infinity;
    const rb = b.rank ?? Infinity;
    if (ra !== rb) return ra - rb;
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
  const weights = normaliseWeights(stored.indicators.map((i) => i.weight));
  return {
    indicators: stored.indicators.map((i, j) => ({
      code: i.code,
      name: i.name,
      nameEn: i.nameEn ?? null,
      unit: input.units[i.code] ?? '',
      weight: weights[j]!,
      direction: i.direction,
      normalisation: i.normalisation.method,
    })),
    grades: stored.grades.map((g) => ({ label: g.label, labelEn: g.labelEn ?? null, minScore: g.minScore })),
    groups: stored.groups.map((g) => ({ code: g.code, name: g.name })),
    sources: stored.sources.map((s) => ({ item: s.item, plan: s.plan, section: s.section, quote: s.quote })),
    provenance: schemeProvenance(stored),
    simulated: units.some((u) => (u.synthetic ?? []).length > 0),
    units,
  };
}

/** One unit's engine result with the input's exact figures and English name; its sensitivity by grade label. */
export function computedUnit(
  r: UnitResult,
  u: RunInputUnit,
  scheme: Scheme,
  s: UnitSensitivity | undefined,
  place?: TopsisPlace,
): ComputedUnit {
  return {
    code: r.code,
    name: r.name,
    nameEn: u.nameEn,
    synthetic: u.synthetic ?? [],
    group: r.group,
    status: r.status,
    missing: r.missing,
    gradedOn: r.gradedOn,
    floors: r.floors.map((f) => ({
      code: f.code,
      indicator: f.indicator,
      min: f.min,
      maxGrade: f.maxGrade,
      reason: f.reason,
      reasonEn: f.reasonEn ?? null,
    })),
    baseScore: r.baseScore,
    bonus: r.bonus,
    penalty: r.penalty,
    score: r.score,
    rank: r.rank,
    grade: r.grade,
    vetoes: r.vetoes.map((v) => ({ code: v.code, reason: v.reason, reasonEn: v.reasonEn ?? null })),
    contributions: r.contributions.map((c) => ({
      indicator: c.indicator,
      // The exact reported figure, not its float.
      raw: c.raw === null ? null : (u.values[c.indicator] ?? null),
      normalised: c.normalised,
      weight: c.weight,
      points: c.points,
    })),
    explanation: { zh: explain(r, scheme, 'zh'), en: explain({ ...r, name: u.nameEn ?? r.name }, scheme, 'en') },
    sensitivity: s
      ? {
          rankLow: s.rankLow,
          rankMedian: s.rankMedian,
          rankHigh: s.rankHigh,
          gradeProbabilities: Object.fromEntries(scheme.grades.map((g, i) => [g.label, s.gradeProbabilities[i]!])),
          modalGrade: s.modalGrade,
          robust: s.robust,
        }
      : null,
    topsis: place ?? null,
  };
}
