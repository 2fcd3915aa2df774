/**
 * Evaluation engine speed (issue 7): one evaluation of 2,000 units × 40 indicators, and the Monte Carlo
 * sensitivity with 10,000 weight samples (target < 10 s on a 2-core machine), against a plain
 * reference loop over the same normalised arrays (per sample: weighted sums, then a comparator sort of
 * unit indices and a walk to assign tied ranks and grades).
 */
import { performance } from 'node:perf_hooks';
import { evaluate, prepareGroup, type EvaluationUnit } from '../src/domain/evaluation/evaluate.ts';
import { gradeIndex } from '../src/domain/evaluation/grade.ts';
import { createPrng } from '../src/domain/evaluation/prng.ts';
import { schemeSchema, type Scheme } from '../src/domain/evaluation/scheme.schema.ts';
import { perturbWeights, sensitivity } from '../src/domain/evaluation/sensitivity.ts';

const UNITS = 2000;
const INDICATORS = 40;
const SAMPLES = 10_000;
const SPREAD = 0.2;

function build(): { scheme: Scheme; units: EvaluationUnit[] } {
  const prng = createPrng(2025);
  const scheme = schemeSchema.parse({
    code: 'bench',
    name: '基准',
    indicators: Array.from({ length: INDICATORS }, (_, j) => ({
      code: `i${j}`,
      name: `指标${j}`,
      weight: 1 + prng.next(),
      direction: j % 3 === 0 ? 'lower_better' : 'higher_better',
    })),
    grades: [
      { label: 'A', minScore: 60 },
      { label: 'B', minScore: 50 },
      { label: 'C', minScore: 40 },
      { label: 'D', minScore: 0 },
    ],
  });
  const units = Array.from({ length: UNITS }, (_, u) => ({
    code: `u${u}`,
    name: `单位${u}`,
    values: Object.fromEntries(scheme.indicators.map((ind) => [ind.code, 100 * prng.next()])),
  }));
  return { scheme, units };
}

/**
 * The plain loop: same normalised arrays and weight draws; per sample a comparator sort of unit indices,
 * a walk assigning tied ranks, and the same rank and grade histograms. Returns the rank histogram.
 */
function reference(scheme: Scheme, p: ReturnType<typeof prepareGroup>, seed: number, samples: number): Int32Array {
  const prng = createPrng(seed);
  const w = new Float64Array(p.cols);
  const rankCounts = new Int32Array(p.rows * p.rows);
  const gradeCounts = new Int32Array(p.rows * scheme.grades.length);
  for (let s = 0; s < samples; s++) {
    perturbWeights(p.weights, { kind: 'uniform', spread: SPREAD }, prng, w);
    const scores: number[] = [];
    for (let r = 0; r < p.rows; r++) {
      let acc = 0;
      for (let j = 0; j < p.cols; j++) acc += p.normalised[r * p.cols + j]! * w[j]!;
      scores.push(Math.max(0, 100 * acc + p.offsets[r]!));
    }
    const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
    const ranks: number[] = new Array<number>(p.rows);
    order.forEach((i, k) => (ranks[i] = k > 0 && scores[i] === scores[order[k - 1]!] ? ranks[order[k - 1]!]! : k + 1));
    for (let r = 0; r < p.rows; r++) {
      rankCounts[r * p.rows + ranks[r]! - 1]!++;
      gradeCounts[r * scheme.grades.length + gradeIndex(scores[r]!, scheme.grades)]!++;
    }
  }
  return rankCounts;
}

/** Median rank per unit from a rank histogram (nearest-rank, as in sensitivity.ts). */
function medians(rankCounts: Int32Array, rows: number, samples: number): number[] {
  const need = Math.ceil(0.5 * samples);
  return Array.from({ length: rows }, (_, r) => {
    let cum = 0;
    for (let k = 0; k < rows; k++) if ((cum += rankCounts[r * rows + k]!) >= need) return k + 1;
    return rows;
  });
}

export async function evaluation(): Promise<Record<string, number>> {
  const { scheme, units } = build();
  let t = performance.now();
  evaluate(scheme, units);
  const evaluateSeconds = (performance.now() - t) / 1000;

  const p = prepareGroup(scheme, units, null);
  t = performance.now();
  const s = sensitivity(scheme, [p], { samples: SAMPLES, seed: 1, perturbation: { kind: 'uniform', spread: SPREAD } });
  const sensitivitySeconds = (performance.now() - t) / 1000;

  t = performance.now();
  const refCounts = reference(scheme, p, 1, SAMPLES);
  const referenceSeconds = (performance.now() - t) / 1000;
  const refMedians = medians(refCounts, p.rows, SAMPLES);

  return {
    units: UNITS,
    indicators: INDICATORS,
    samples: SAMPLES,
    evaluateSeconds,
    sensitivitySeconds,
    referenceSeconds,
    speedup: referenceSeconds / sensitivitySeconds,
    nonRobustUnits: s.filter((u) => !u.robust).length,
    /** 1 when the fast path and the reference loop give every unit the same median rank. */
    agreesWithReference: s.every((u, r) => u.rankMedian === refMedians[r]) ? 1 : 0,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await evaluation());
