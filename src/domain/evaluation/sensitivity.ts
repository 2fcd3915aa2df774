import { GEOMETRIC_FLOOR } from './aggregate.ts';
import type { PreparedGroup } from './evaluate.ts';
import { createPrng, type Prng } from './prng.ts';
import type { Scheme } from './scheme.schema.ts';

export type WeightPerturbation =
  /** wⱼ × (1 + U(−spread, spread)), renormalised. */
  | { kind: 'uniform'; spread: number }
  /** Dirichlet(concentration × wⱼ): mean = the scheme weights, larger concentration = tighter. */
  | { kind: 'dirichlet'; concentration: number };

export interface SensitivityOptions {
  samples: number;
  seed: number;
  perturbation: WeightPerturbation;
  /** Rank interval percentiles, default 5 and 95. */
  lowPercentile?: number;
  highPercentile?: number;
  /** A unit whose modal grade has a lower probability than this is flagged, default 0.8. */
  robustThreshold?: number;
}

export interface UnitSensitivity {
  code: string;
  rankLow: number;
  rankMedian: number;
  rankHigh: number;
  /** Probability of each grade, in scheme order. */
  gradeProbabilities: number[];
  modalGrade: string;
  robust: boolean;
}

/** Draws one perturbed weight vector into `out` (sums to 1). */
export function perturbWeights(base: Float64Array, p: WeightPerturbation, prng: Prng, out: Float64Array): void {
  let total = 0;
  for (let j = 0; j < base.length; j++) {
    const w = base[j]!;
    const x = w === 0 ? 0 : p.kind === 'uniform' ? w * (1 + p.spread * (2 * prng.next() - 1)) : gamma(p.concentration * w, prng);
    out[j] = x;
    total += x;
  }
  for (let j = 0; j < base.length; j++) out[j]! /= total;
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000), with the U^(1/shape) boost for shape < 1. */
function gamma(shape: number, prng: Prng): number {
  if (shape < 1) return gamma(shape + 1, prng) * Math.pow(1 - prng.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = Math.sqrt(-2 * Math.log(1 - prng.next())) * Math.cos(2 * Math.PI * prng.next());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - prng.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * Monte Carlo sensitivity of ranks and grades to the weights (and, when several prepared variants are
 * given, to the normalisation: one is drawn uniformly per sample). The matrices are normalised once;
 * each sample is a matrix–vector product, a native sort of the scores and binary searches for ranks.
 * Bit-for-bit reproducible from the seed.
 */
export function sensitivity(scheme: Scheme, variants: readonly PreparedGroup[], options: SensitivityOptions): UnitSensitivity[] {
  const first = variants[0];
  if (!first) throw new RangeError('no prepared group');
  const { rows, cols } = first;
  const S = options.samples;
  const G = scheme.grades.length;
  const lowest = G - 1;
  const geometric = scheme.aggregation === 'weighted_geometric';
  // Per variant: values with missing = 0 (logs for the geometric mean) and, if anything is missing, a presence mask.
  const mats = variants.map((v) => {
    const x = new Float64Array(rows * cols);
    let mask: Float64Array | null = null;
    for (let k = 0; k < rows * cols; k++) {
      const a = v.normalised[k]!;
      if (Number.isNaN(a)) {
        mask ??= new Float64Array(rows * cols).fill(1);
        mask[k] = 0;
      } else x[k] = geometric ? Math.log(Math.max(a, GEOMETRIC_FLOOR)) : a;
    }
    return { x, mask };
  });
  const prng = createPrng(options.seed);
  const w = new Float64Array(cols);
  const scores = new Float64Array(rows);
  const sorted = new Float64Array(rows);
  const rankCounts = new Int32Array(rows * rows);
  const gradeCounts = new Int32Array(rows * G);
  // Grade thresholds as a typed array: grade g is the first with score ≥ thresholds[g] (else the lowest).
  const thresholds = Float64Array.from(scheme.grades, (g) => g.minScore);
  const offsets = first.offsets;
  const vetoed = first.vetoed;
  for (let s = 0; s < S; s++) {
    perturbWeights(first.weights, options.perturbation, prng, w);
    const vi = variants.length > 1 ? Math.floor(prng.next() * variants.length) : 0;
    const { x, mask } = mats[vi]!;
    for (let r = 0, o = 0; r < rows; r++, o += cols) {
      let acc = 0;
      for (let j = 0; j < cols; j++) acc += x[o + j]! * w[j]!;
      if (mask !== null) {
        let present = 0;
        for (let j = 0; j < cols; j++) present += mask[o + j]! * w[j]!;
        acc /= present;
      }
      const sc = 100 * (geometric ? Math.exp(acc) : acc) + offsets[r]!;
      scores[r] = sc > 0 ? sc : 0; // = finalScore(base, offset)
    }
    sorted.set(scores);
    sorted.sort();
    for (let r = 0; r < rows; r++) {
      const sc = scores[r]!;
      // 0-based competition rank = number of strictly higher scores.
      let lo = 0;
      let hi = rows;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid]! <= sc) lo = mid + 1;
        else hi = mid;
      }
      rankCounts[r * rows + rows - lo]!++;
      let g = 0;
      if (vetoed[r]) g = lowest;
      else while (g < lowest && sc < thresholds[g]!) g++;
      gradeCounts[r * G + g]!++;
    }
  }
  const lowP = (options.lowPercentile ?? 5) / 100;
  const highP = (options.highPercentile ?? 95) / 100;
  const threshold = options.robustThreshold ?? 0.8;
  const percentile = (r: number, p: number): number => {
    const need = Math.max(1, Math.ceil(p * S));
    let cum = 0;
    for (let k = 0; k < rows; k++) {
      cum += rankCounts[r * rows + k]!;
      if (cum >= need) return k + 1;
    }
    return rows;
  };
  return Array.from({ length: rows }, (_, r) => {
    const gradeProbabilities = Array.from({ length: G }, (_, g) => gradeCounts[r * G + g]! / S);
    let modal = 0;
    for (let g = 1; g < G; g++) if (gradeProbabilities[g]! > gradeProbabilities[modal]!) modal = g;
    return {
      code: first.units[first.unitIndex[r]!]!.code,
      rankLow: percentile(r, lowP),
      rankMedian: percentile(r, 0.5),
      rankHigh: percentile(r, highP),
      gradeProbabilities,
      modalGrade: scheme.grades[modal]!.label,
      robust: gradeProbabilities[modal]! >= threshold,
    };
  });
}
