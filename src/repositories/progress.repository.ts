import { sql } from 'kysely';
import { targetTouchesUnits } from './target.repository.ts';
import type { Executor } from './transaction.ts';
import { TARGET_STATEMENT_COLUMNS, trajectoryColumn } from './target-columns.ts';

/** Queries behind progress monitoring: plans, targets with their indicators, the unit tree, figures. */

/** Several plans' progress settings at once (the homes judge every plan in one question). */
export async function findProgressPlans(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('plan')
    .select(['id', 'title', 'period_start', 'period_end', 'progress_method'])
    .where('id', 'in', [...ids])
    .execute();
}

export async function findProgressPlan(db: Executor, id: string) {
  return db
    .selectFrom('plan')
    .select(['id', 'title', 'period_start', 'period_end', 'progress_method'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface ProgressTargetFilter {
  plan?: string;
  /** Targets of any of these plans (one read for several plans). */
  plans?: readonly string[];
  key?: string;
  indicator?: string;
  /** Read scope: targets of these units, or of groups with a member among them; null = all. */
  unitIds: readonly number[] | null;
}

export async function progressTargets(db: Executor, f: ProgressTargetFilter) {
  let q = db
    .selectFrom('target as t')
    .innerJoin('indicator as i', 'i.id', 't.indicator_id')
    .leftJoin('plan_section as s', 's.id', 't.section_id')
    .leftJoin('org_unit as u', 'u.id', 't.org_unit_id')
    .leftJoin('org_group as g', 'g.id', 't.group_id')
    .leftJoin('indicator as ri', 'ri.id', 't.reference_indicator_id');
  if (f.unitIds) q = q.where(targetTouchesUnits(f.unitIds));
  if (f.plan) q = q.where('t.plan_id', '=', f.plan);
  if (f.plans) q = q.where('t.plan_id', 'in', f.plans.length ? [...f.plans] : ['']);
  if (f.key) q = q.where('t.key', '=', f.key);
  if (f.indicator) q = q.where('i.code', '=', f.indicator);
  return q
    .select([
      't.id',
      't.plan_id',
      't.key',
      't.ordinal',
      't.indicator_id',
      't.org_unit_id',
      't.group_id',
      't.nature',
      ...TARGET_STATEMENT_COLUMNS,
      't.target_text',
      't.every_year',
      't.source_plan_id',
      't.source_section',
      't.source_quote',
      's.heading as section_heading',
      'i.code as indicator_code',
      'i.name as indicator_name',
      'i.name_en as indicator_name_en',
      'i.unit as indicator_unit',
      'i.direction',
      'i.measure as indicator_measure',
      'ri.code as reference_code',
      'ri.name as reference_name',
      'ri.name_en as reference_name_en',
      'ri.measure as reference_measure',
      'u.code as org_unit_code',
      'u.name as org_unit_name',
      'g.code as group_code',
      'g.name as group_name',
      trajectoryColumn(),
    ])
    .orderBy('t.plan_id')
    .orderBy('t.ordinal')
    .execute();
}
export type ProgressTargetRow = Awaited<ReturnType<typeof progressTargets>>[number];

/** Every indicator's aggregation rule (the catalogue is small: a few hundred rows). */
export async function indicatorRules(db: Executor) {
  return db
    .selectFrom('indicator as i')
    .leftJoin('indicator as w', 'w.id', 'i.weight_indicator_id')
    .select([
      'i.id',
      'i.code',
      'i.name',
      'i.name_en',
      'i.unit',
      'i.direction',
      'i.aggregation',
      'i.formula',
      'w.code as weight_code',
    ])
    .execute();
}

/** The whole org-unit tree (a few hundred units). */
export async function unitTree(db: Executor) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'kind', 'parent_id', 'zone_level', 'zone_kind', 'zone_prefecture_id'])
    .orderBy('code')
    .execute();
}
export type UnitRow = Awaited<ReturnType<typeof unitTree>>[number];

export async function groupsWithMembers(db: Executor, f: { ids?: readonly number[]; kinds?: readonly string[] }) {
  let q = db
    .selectFrom('org_group as g')
    .select([
      'g.id',
      'g.code',
      'g.name',
      'g.kind',
      sql<number[]>`array(select m.org_unit_id from org_group_member m where m.group_id = g.id order by m.org_unit_id)`.as(
        'members',
      ),
    ]);
  if (f.ids) q = q.where('g.id', 'in', f.ids.length ? [...f.ids] : [-1]);
  if (f.kinds) q = q.where('g.kind', 'in', f.kinds.length ? [...f.kinds] : ['-']);
  return q.orderBy('g.code').execute();
}

/**
 * Figures of some units and indicators up to a date (period end) and from a date (period start, if
 * given), reported ones only once approved, each origin separately (the service keeps the
 * highest-priority origin per period).
 */
export async function figures(
  db: Executor,
  unitIds: readonly number[],
  indicatorIds: readonly number[],
  until: string,
  from: string | null = null,
) {
  if (unitIds.length === 0 || indicatorIds.length === 0) return [];
  let q = db
    .selectFrom('data_value')
    .select(['org_unit_id', 'indicator_id', 'period', 'cumulative', 'origin', sql<string>`value::text`.as('value'), 'updated_at'])
    .where('org_unit_id', 'in', [...unitIds])
    .where('indicator_id', 'in', [...indicatorIds])
    .where('period_end', '<=', until)
    .where((eb) => eb.or([eb('origin', '!=', 'reported'), eb('status', '=', 'approved')]));
  if (from !== null) q = q.where('period_start', '>=', from);
  return q.execute();
}
export type FigureRow = Awaited<ReturnType<typeof figures>>[number];

export async function setPlanProgressMethod(db: Executor, planId: string, method: string | null): Promise<void> {
  await db.updateTable('plan').set({ progress_method: method }).where('id', '=', planId).execute();
}

/** A plan's chosen progress method, locked for the rest of the transaction (the change is audited with its old value). */
export async function lockPlanProgressMethod(db: Executor, planId: string) {
  return db.selectFrom('plan').select(['id', 'progress_method']).where('id', '=', planId).forUpdate().executeTakeFirst();
}
