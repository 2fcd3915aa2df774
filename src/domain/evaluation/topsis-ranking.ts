import { groupWeights, type EvaluationUnit } from './evaluate.ts';
import { competitionRanks } from './grade.ts';
import type { Scheme } from './scheme.schema.ts';
import { topsis } from './topsis.ts';

export interface TopsisPlace {
  closeness: number;
  rank: number;
}

/**
 * TOPSIS as an alternative ranking of one comparison group, beside the scheme's own score: over the
 * raw values of the given (complete) units, with the group's weights and each indicator's direction.
 * Indicators of weight 0 (veto-only) and indicators some unit lacks are left out, the weights of the
 * rest renormalised: TOPSIS needs a full matrix and a missing value must not count as zero.
 */
export function topsisRanking(scheme: Scheme, group: string | null, units: readonly EvaluationUnit[]): Map<string, TopsisPlace> {
  const weights = groupWeights(scheme, group);
  const value = (u: EvaluationUnit, code: string) => u.values[code];
  const used = scheme.indicators
    .map((ind, j) => ({ ind, w: weights[j]! }))
    .filter(({ ind, w }) => w > 0 && units.every((u) => Number.isFinite(value(u, ind.code))));
  const out = new Map<string, TopsisPlace>();
  if (units.length === 0 || used.length === 0) return out;
  const total = used.reduce((s, x) => s + x.w, 0);
  const { closeness } = topsis(
    units.map((u) => used.map(({ ind }) => value(u, ind.code)!)),
    used.map((x) => x.w / total),
    used.map(({ ind }) => ind.direction === 'higher_better'),
  );
  const ranks = competitionRanks(closeness);
  units.forEach((u, i) => out.set(u.code, { closeness: closeness[i]!, rank: ranks[i]! }));
  return out;
}
