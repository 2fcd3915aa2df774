/** Smallest normalised value used by the geometric mean, so that one zero does not erase a unit. */
export const GEOMETRIC_FLOOR = 1e-6;

/** Σ wⱼ f(xⱼ) / Σ wⱼ over present (non-NaN) values: missing indicators drop out and the others' weights renormalise. NaN if no weight is left. */
function meanOverPresent(values: Float64Array, weights: Float64Array, f: (x: number) => number): number {
  let s = 0;
  let w = 0;
  for (let j = 0; j < values.length; j++) {
    const x = values[j]!;
    if (Number.isNaN(x)) continue;
    s += weights[j]! * f(x);
    w += weights[j]!;
  }
  return w > 0 ? s / w : NaN;
}

/** Σ wⱼ xⱼ over present values, weights renormalised over present values. Returns NaN if no weight is left. */
export function weightedSum(values: Float64Array, weights: Float64Array): number {
  return meanOverPresent(values, weights, (x) => x);
}

/** Π xⱼ^wⱼ over present values (xⱼ floored at GEOMETRIC_FLOOR), weights renormalised over present values. */
export function weightedGeometric(values: Float64Array, weights: Float64Array): number {
  return Math.exp(meanOverPresent(values, weights, (x) => Math.log(Math.max(x, GEOMETRIC_FLOOR))));
}

/** Weights scaled to sum to 1. */
export function normaliseWeights(weights: ArrayLike<number>): Float64Array {
  let total = 0;
  for (let j = 0; j < weights.length; j++) total += weights[j]!;
  if (!(total > 0)) throw new RangeError('weights must have a positive sum');
  return Float64Array.from(weights, (w) => w / total);
}
