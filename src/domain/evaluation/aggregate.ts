/** Smallest normalised value used by the geometric mean, so that one zero does not erase a unit. */
export const GEOMETRIC_FLOOR = 1e-6;

/** Σ wⱼ xⱼ over present values, weights renormalised over present values. Returns NaN if no weight is left. */
export function weightedSum(values: Float64Array, weights: Float64Array): number {
  let s = 0;
  let w = 0;
  for (let j = 0; j < values.length; j++) {
    const x = values[j]!;
    if (Number.isNaN(x)) continue;
    s += weights[j]! * x;
    w += weights[j]!;
  }
  return w > 0 ? s / w : NaN;
}

/** Π xⱼ^wⱼ over present values (xⱼ floored at GEOMETRIC_FLOOR), weights renormalised over present values. */
export function weightedGeometric(values: Float64Array, weights: Float64Array): number {
  let s = 0;
  let w = 0;
  for (let j = 0; j < values.length; j++) {
    const x = values[j]!;
    if (Number.isNaN(x)) continue;
    s += weights[j]! * Math.log(Math.max(x, GEOMETRIC_FLOOR));
    w += weights[j]!;
  }
  return w > 0 ? Math.exp(s / w) : NaN;
}

/** Weights scaled to sum to 1. */
export function normaliseWeights(weights: ArrayLike<number>): Float64Array {
  let total = 0;
  for (let j = 0; j < weights.length; j++) total += weights[j]!;
  if (!(total > 0)) throw new RangeError('weights must have a positive sum');
  return Float64Array.from(weights, (w) => w / total);
}
