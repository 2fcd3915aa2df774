import type { Database } from '../../db/database.ts';
import { AhpError, ahpWeights } from '../../domain/evaluation/ahp.ts';
import { entropyWeights } from '../../domain/evaluation/entropy.ts';
import { prepareGroup, type EvaluationUnit } from '../../domain/evaluation/evaluate.ts';
import { AppError } from '../../errors/app-error.ts';
import type { WeightsResult } from '../../presenters/evaluation.presenter.ts';
import { gatherInput } from './evaluation-input.service.ts';
import { checkedDefinition } from './scheme.service.ts';

/** Weight helpers for the scheme editor: AHP from a pairwise matrix, entropy weights from a year's data. */

export function ahp(matrix: number[][]): WeightsResult {
  try {
    const r = ahpWeights(matrix);
    return { weights: r.weights, lambdaMax: r.lambdaMax, ci: r.consistencyIndex, cr: r.consistencyRatio };
  } catch (e) {
    if (e instanceof AhpError) throw new AppError(e.code, e.messageEn, e.messageZh);
    throw e;
  }
}

/**
 * Entropy weights over the units that have every indicator for the year, each column normalised as the
 * scheme says (1 = best), all units together (comparison groups ignored).
 */
export async function entropy(database: Database, body: { definition: unknown; year: number }): Promise<WeightsResult> {
  const { input: definition, scheme } = await checkedDefinition(database.db, body.definition);
  const input = await gatherInput(database.db, { code: scheme.code, version: 0, definition, parsed: scheme }, body.year);
  const units: EvaluationUnit[] = input.subjects.map((u) => ({
    code: u.code,
    name: u.name,
    values: Object.fromEntries(
      scheme.indicators.map((i) => [i.code, u.values[i.code] === null ? null : Number(u.values[i.code])]),
    ),
  }));
  const all = { ...scheme, indicators: scheme.indicators.map((i) => ({ ...i, required: true })) };
  const p = prepareGroup(all, units, null);
  if (p.rows < 2)
    throw new AppError(
      'NOT_ENOUGH_DATA',
      `the entropy method needs at least two units with every indicator for ${body.year}; ${p.rows} found`,
      `熵权法至少需要两个指标齐全的单位（${body.year} 年仅 ${p.rows} 个）`,
    );
  const matrix = Array.from({ length: p.rows }, (_, r) => Array.from(p.normalised.subarray(r * p.cols, (r + 1) * p.cols)));
  return entropyWeights(matrix);
}
