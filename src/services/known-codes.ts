import type { KnownCodes } from '../domain/plan-definition/check-references.ts';
import type { Executor } from '../repositories/transaction.ts';

/** Everything already defined in the database, for checking an import's references. */
export async function loadKnownCodes(db: Executor, excludePlans: ReadonlySet<string>): Promise<KnownCodes> {
  const [units, groups, indicators, targets, plans] = await Promise.all([
    db.selectFrom('org_unit').select('code').execute(),
    db.selectFrom('org_group').select('code').execute(),
    db.selectFrom('indicator').select('code').execute(),
    db.selectFrom('target').select(['plan_id', 'key']).execute(),
    db.selectFrom('plan').select('id').execute(),
  ]);
  return {
    orgUnits: new Set(units.map((r) => r.code)),
    groups: new Set(groups.map((r) => r.code)),
    indicators: new Set(indicators.map((r) => r.code)),
    targetKeys: new Set(targets.filter((t) => !excludePlans.has(t.plan_id)).map((t) => `${t.plan_id}:${t.key}`)),
    planIds: new Set(plans.map((p) => p.id).filter((id) => !excludePlans.has(id))),
  };
}
