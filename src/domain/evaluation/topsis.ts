/**
 * TOPSIS (Hwang & Yoon 1981): vector-normalise each column rᵢⱼ = xᵢⱼ / √(Σᵢ xᵢⱼ²), weight vᵢⱼ = wⱼ rᵢⱼ,
 * ideal A⁺ = best of each column and anti-ideal A⁻ = worst (by direction), Euclidean distances
 * Sᵢ⁺, Sᵢ⁻, closeness Cᵢ = Sᵢ⁻ / (Sᵢ⁺ + Sᵢ⁻) (1 = the ideal; 0.5 when every unit is alike).
 */
export function topsis(
  matrix: readonly (readonly number[])[],
  weights: readonly number[],
  benefit: readonly boolean[],
): { closeness: number[]; distanceToIdeal: number[]; distanceToAntiIdeal: number[] } {
  const m = matrix.length;
  const n = weights.length;
  const norms = Array.from({ length: n }, (_, j) => Math.sqrt(matrix.reduce((s, row) => s + row[j]! ** 2, 0)));
  const v = matrix.map((row) => row.map((x, j) => (norms[j]! > 0 ? (weights[j]! * x) / norms[j]! : 0)));
  const best: number[] = [];
  const worst: number[] = [];
  for (let j = 0; j < n; j++) {
    const col = v.map((row) => row[j]!);
    const hi = Math.max(...col);
    const lo = Math.min(...col);
    best.push(benefit[j] ? hi : lo);
    worst.push(benefit[j] ? lo : hi);
  }
  const dist = (row: number[], ref: number[]) => Math.sqrt(row.reduce((s, x, j) => s + (x - ref[j]!) ** 2, 0));
  const distanceToIdeal = v.map((row) => dist(row, best));
  const distanceToAntiIdeal = v.map((row) => dist(row, worst));
  const closeness = Array.from({ length: m }, (_, i) => {
    const t = distanceToIdeal[i]! + distanceToAntiIdeal[i]!;
    return t > 0 ? distanceToAntiIdeal[i]! / t : 0.5;
  });
  return { closeness, distanceToIdeal, distanceToAntiIdeal };
}
