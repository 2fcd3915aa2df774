/**
 * Entropy weight method. For an m×n matrix of non-negative (already normalised, larger = better)
 * values: pᵢⱼ = xᵢⱼ / Σᵢ xᵢⱼ, eⱼ = −(1/ln m) Σᵢ pᵢⱼ ln pᵢⱼ (0 ln 0 = 0), dⱼ = 1 − eⱼ, wⱼ = dⱼ / Σ dⱼ.
 * When every column is constant (Σ d = 0) the weights are equal.
 */
export function entropyWeights(matrix: readonly (readonly number[])[]): { weights: number[]; entropy: number[] } {
  const m = matrix.length;
  if (m < 2) throw new RangeError('the entropy method needs at least two units');
  const n = matrix[0]!.length;
  const entropy: number[] = [];
  for (let j = 0; j < n; j++) {
    let total = 0;
    let constant = true;
    for (let i = 0; i < m; i++) {
      const x = matrix[i]![j]!;
      if (!(x >= 0)) throw new RangeError('the entropy method needs non-negative values without gaps');
      total += x;
      if (x !== matrix[0]![j]) constant = false;
    }
    let h = 0;
    if (total > 0)
      for (let i = 0; i < m; i++) {
        const p = matrix[i]![j]! / total;
        if (p > 0) h -= p * Math.log(p);
      }
    // A constant column is e = 1 exactly: computed, Σ p ln p rounds to 1 ± 2⁻⁵², which gave the indicator a weight
    // of about ±3e-15 instead of 0 (a negative one is refused by a scheme, weight ≥ 0). The clamp keeps e ≤ 1 for
    // columns that are constant only up to rounding.
    entropy.push(total > 0 && !constant ? Math.min(1, h / Math.log(m)) : 1);
  }
  const d = entropy.map((e) => 1 - e);
  const sum = d.reduce((s, x) => s + x, 0);
  return { weights: sum > 0 ? d.map((x) => x / sum) : d.map(() => 1 / n), entropy };
}
