import type { Normalisation } from './scheme.schema.ts';

export type Direction = 'higher_better' | 'lower_better';

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * Normalises one indicator column to scores in [0, 1], 1 = best. NaN marks a missing value and stays
 * NaN (it is never turned into a zero); statistics use the present values only.
 */
export function normaliseColumn(values: Float64Array, spec: Normalisation, direction: Direction): Float64Array {
  const out = new Float64Array(values.length).fill(NaN);
  const present: number[] = [];
  for (const v of values) if (!Number.isNaN(v)) present.push(v);
  const lower = direction === 'lower_better';
  switch (spec.method) {
    case 'minmax': {
      const min = Math.min(...present);
      const max = Math.max(...present);
      values.forEach((v, i) => {
        if (Number.isNaN(v)) return;
        out[i] = max === min ? 1 : lower ? (max - v) / (max - min) : (v - min) / (max - min);
      });
      break;
    }
    case 'target': {
      const { target, baseline } = spec;
      values.forEach((v, i) => {
        if (Number.isNaN(v)) return;
        out[i] =
          target === baseline
            ? lower
              ? v <= target
                ? 1
                : 0
              : v >= target
                ? 1
                : 0
            : clamp01((v - baseline) / (target - baseline));
      });
      break;
    }
    case 'zscore': {
      const n = present.length;
      const mean = present.reduce((s, x) => s + x, 0) / n;
      const sd = Math.sqrt(present.reduce((s, x) => s + (x - mean) ** 2, 0) / n);
      values.forEach((v, i) => {
        if (Number.isNaN(v)) return;
        const z = sd === 0 ? 0 : ((lower ? -1 : 1) * (v - mean)) / sd;
        out[i] = clamp01((z + 3) / 6);
      });
      break;
    }
    case 'rank': {
      const sorted = Float64Array.from(present).sort();
      const n = sorted.length;
      values.forEach((v, i) => {
        if (Number.isNaN(v)) return;
        const below = lowerBound(sorted, v);
        const equal = lowerBound(sorted, nextUp(v)) - below;
        const p = n === 1 ? 1 : (below + (equal - 1) / 2) / (n - 1);
        out[i] = lower ? 1 - p : p;
      });
      break;
    }
    case 'bands': {
      values.forEach((v, i) => {
        if (Number.isNaN(v)) return;
        const band = spec.bands.find((b) => (b.from === undefined || v >= b.from) && (b.to === undefined || v < b.to));
        out[i] = band ? band.score : 0;
      });
      break;
    }
  }
  return out;
}

function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The next representable double above x (for counting values equal to x with two lower bounds). */
function nextUp(x: number): number {
  if (x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  const buf = new Float64Array([x]);
  const bits = new BigInt64Array(buf.buffer);
  bits[0] = x > 0 ? bits[0]! + 1n : bits[0]! - 1n;
  return buf[0]!;
}
