import type { Prng } from '../../evaluation/prng.ts';
import type { Season } from './indicator-profiles.ts';

/**
 * Shares of a year's flow by month, Chinese pattern: January–February weak (Spring Festival),
 * a rush at the end of each quarter and the strongest month in December (year-end settlement,
 * investment completed before the books close). Each row sums to 1.
 */
const PATTERNS: Readonly<Record<Season, readonly number[]>> = {
  output: [0.062, 0.056, 0.083, 0.08, 0.082, 0.092, 0.082, 0.083, 0.09, 0.083, 0.088, 0.119],
  investment: [0.035, 0.04, 0.075, 0.078, 0.088, 0.102, 0.084, 0.086, 0.1, 0.088, 0.096, 0.128],
  trade: [0.075, 0.062, 0.082, 0.083, 0.084, 0.086, 0.086, 0.085, 0.086, 0.084, 0.087, 0.1],
  lumpy: [0.05, 0.04, 0.09, 0.06, 0.07, 0.12, 0.06, 0.07, 0.11, 0.06, 0.08, 0.19],
};

/** This year's monthly shares: the pattern with ±`wobble` noise per month, renormalised to 1. */
export function monthlyShares(season: Season, rng: Prng, wobble: number): number[] {
  const raw = PATTERNS[season].map((w) => w * (1 + wobble * (2 * rng.next() - 1)));
  const total = raw.reduce((s, w) => s + w, 0);
  return raw.map((w) => w / total);
}

/** Shares per period of a year at a frequency: 12 months, 4 quarters (sums of their months) or 1. */
export function periodShares(monthly: readonly number[], frequency: 'month' | 'quarter' | 'year'): number[] {
  if (frequency === 'month') return [...monthly];
  if (frequency === 'year') return [1];
  return [0, 1, 2, 3].map((q) => monthly[3 * q]! + monthly[3 * q + 1]! + monthly[3 * q + 2]!);
}
