import type { GradeBand } from './scheme.schema.ts';

/** Index of the grade for a score: the first band (best first) whose minScore the score reaches; else the lowest. */
export function gradeIndex(score: number, bands: readonly GradeBand[]): number {
  for (let g = 0; g < bands.length; g++) if (score >= bands[g]!.minScore) return g;
  return bands.length - 1;
}

/** Competition ranks (1, 2, 2, 4): rank = 1 + number of strictly higher scores. NaN scores get no rank. */
export function competitionRanks(scores: ArrayLike<number>): (number | null)[] {
  const present = Float64Array.from(Array.from(scores).filter((s) => !Number.isNaN(s))).sort();
  const n = present.length;
  return Array.from(scores, (s) => (Number.isNaN(s) ? null : 1 + n - upperBound(present, s)));
}

/** First index whose value is > x in an ascending array. */
export function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
