/**
 * Analytic Hierarchy Process weights (Saaty, "The Analytic Hierarchy Process", McGraw-Hill 1980;
 * Saaty 1990, "How to make a decision", EJOR 48:9–26): the principal right eigenvector of a
 * positive reciprocal pairwise matrix, λmax, CI = (λmax − n)/(n − 1) and CR = CI / RI(n).
 */

/** Saaty's random consistency index for n = 1…10. */
export const RANDOM_INDEX = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49] as const;
export const MAX_CONSISTENCY_RATIO = 0.1;

export interface AhpResult {
  weights: number[];
  lambdaMax: number;
  consistencyIndex: number;
  consistencyRatio: number;
}

export class AhpError extends Error {
  constructor(
    readonly code: 'AHP_NOT_RECIPROCAL' | 'AHP_INCONSISTENT' | 'AHP_SIZE',
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${messageEn} / ${messageZh}`);
    this.name = 'AhpError';
  }
}

/** Principal eigenvector by power iteration, λmax as the mean of (A w)ᵢ / wᵢ. Does not judge consistency. */
export function ahpEigen(matrix: readonly (readonly number[])[]): AhpResult {
  const n = matrix.length;
  if (n < 1 || n > RANDOM_INDEX.length)
    throw new AhpError('AHP_SIZE', `判断矩阵阶数须为 1–${RANDOM_INDEX.length}`, `matrix order must be 1–${RANDOM_INDEX.length}`);
  for (let i = 0; i < n; i++) {
    if (matrix[i]!.length !== n) throw new AhpError('AHP_SIZE', '判断矩阵须为方阵', 'the pairwise matrix must be square');
    for (let j = 0; j < n; j++) {
      const a = matrix[i]![j]!;
      if (!(a > 0) || Math.abs(a * matrix[j]![i]! - 1) > 1e-9)
        throw new AhpError(
          'AHP_NOT_RECIPROCAL',
          `判断矩阵须为正互反矩阵：a[${i + 1}][${j + 1}] × a[${j + 1}][${i + 1}] ≠ 1`,
          `the pairwise matrix must be positive and reciprocal: a[${i + 1}][${j + 1}] × a[${j + 1}][${i + 1}] ≠ 1`,
        );
    }
  }
  let w = new Array<number>(n).fill(1 / n);
  for (let iter = 0; iter < 1000; iter++) {
    const next = matrix.map((row) => row.reduce((s, a, j) => s + a * w[j]!, 0));
    const total = next.reduce((s, x) => s + x, 0);
    for (let i = 0; i < n; i++) next[i]! /= total;
    const delta = next.reduce((m, x, i) => Math.max(m, Math.abs(x - w[i]!)), 0);
    w = next;
    if (delta < 1e-15) break;
  }
  const aw = matrix.map((row) => row.reduce((s, a, j) => s + a * w[j]!, 0));
  const lambdaMax = aw.reduce((s, x, i) => s + x / w[i]!, 0) / n;
  const consistencyIndex = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
  const consistencyRatio = n <= 2 ? 0 : consistencyIndex / RANDOM_INDEX[n - 1]!;
  return { weights: w, lambdaMax, consistencyIndex, consistencyRatio };
}

/** AHP weights; refuses a matrix whose consistency ratio is 0.1 or more. */
export function ahpWeights(matrix: readonly (readonly number[])[]): AhpResult {
  const r = ahpEigen(matrix);
  if (r.consistencyRatio >= MAX_CONSISTENCY_RATIO) {
    const cr = r.consistencyRatio.toFixed(3);
    throw new AhpError(
      'AHP_INCONSISTENT',
      `判断矩阵一致性比率 CR = ${cr} ≥ 0.1，一致性不可接受，请修改两两比较判断`,
      `the pairwise matrix is not consistent enough: CR = ${cr} ≥ 0.1; revise the pairwise judgements`,
    );
  }
  return r;
}
