import type { KnownCodes } from '../domain/plan-definition/check-references.ts';
import { definedCodes } from '../repositories/plan.repository.ts';
import type { Executor } from '../repositories/transaction.ts';

/** Everything already defined in the database, for checking an import's references. */
export async function loadKnownCodes(db: Executor, excludePlans: ReadonlySet<string>): Promise<KnownCodes> {
  const { units, groups, indicators, targets, plans } = await definedCodes(db);
  return {
    orgUnits: new Set(units.map((r) => r.code)),
    groups: new Set(groups.map((r) => r.code)),
    indicators: new Set(indicators.map((r) => r.code)),
    targetKeys: new Set(targets.filter((t) => !excludePlans.has(t.plan_id)).map((t) => `${t.plan_id}:${t.key}`)),
    planIds: new Set(plans.map((p) => p.id).filter((id) => !excludePlans.has(id))),
  };
}
