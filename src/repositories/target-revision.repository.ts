import { sql } from 'kysely';
import type { Executor } from './transaction.ts';
import { TARGET_STATEMENT_COLUMNS } from './target-columns.ts';

/** Queries of in-place corrections of published targets and of plan withdrawal (issue 17 item 5, migration 0660). */

/** A target as a correction reads it, locked until the transaction ends. */
export async function lockTarget(db: Executor, plan: string, key: string) {
  return db
    .selectFrom('target as t')
    .innerJoin('indicator as i', 'i.id', 't.indicator_id')
    .leftJoin('indicator as r', 'r.id', 't.reference_indicator_id')
    .leftJoin('org_unit as u', 'u.id', 't.org_unit_id')
    .leftJoin('org_group as g', 'g.id', 't.group_id')
    .select([
      't.id',
      't.version',
      't.org_unit_id',
      ...TARGET_STATEMENT_COLUMNS,
      't.target_text',
      't.every_year',
      'i.unit as indicator_unit',
      'r.code as reference_code',
      'u.code as org_unit_code',
      'g.code as group_code',
    ])
    .where('t.plan_id', '=', plan)
    .where('t.key', '=', key)
    .forUpdate('t')
    .executeTakeFirst();
}
export type LockedTarget = NonNullable<Awaited<ReturnType<typeof lockTarget>>>;

export async function unitIdByCode(db: Executor, code: string): Promise<number | undefined> {
  return (await db.selectFrom('org_unit').select('id').where('code', '=', code).executeTakeFirst())?.id;
}

export async function groupIdByCode(db: Executor, code: string): Promise<number | undefined> {
  return (await db.selectFrom('org_group').select('id').where('code', '=', code).executeTakeFirst())?.id;
}

export interface RevisedTargetRow {
  baselineYear: number | null;
  baselineValue: string | null;
  orgUnitId: number | null;
  groupId: number | null;
  targetYear: number;
  comparator: string;
  value: string | null;
  min: string | null;
  max: string | null;
  rate: string | null;
  everyYear: boolean;
  version: number;
}

export async function updateRevisedTarget(db: Executor, id: number, r: RevisedTargetRow): Promise<void> {
  await db
    .updateTable('target')
    .set({
      baseline_year: r.baselineYear,
      baseline_value: r.baselineValue,
      org_unit_id: r.orgUnitId,
      group_id: r.groupId,
      target_year: r.targetYear,
      comparator: r.comparator,
      target_value: r.value,
      target_min: r.min,
      target_max: r.max,
      target_rate: r.rate,
      every_year: r.everyYear,
      version: r.version,
    })
    .where('id', '=', id)
    .execute();
}

export async function insertRevision(
  db: Executor,
  r: {
    targetId: number;
    plan: string;
    key: string;
    version: number;
    reason: string;
    before: unknown;
    after: unknown;
    authorId: number | null;
    author: string;
  },
): Promise<{ id: number; created_at: Date }> {
  return db
    .insertInto('target_revision')
    .values({
      target_id: r.targetId,
      plan_id: r.plan,
      target_key: r.key,
      version: r.version,
      reason: r.reason,
      before: JSON.stringify(r.before),
      after: JSON.stringify(r.after),
      author_id: r.authorId,
      author: r.author,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** A target's revisions, newest first, with the author's display name where the account still exists. */
export async function listRevisions(db: Executor, plan: string, key: string) {
  return db
    .selectFrom('target_revision as v')
    .leftJoin('app_user as a', 'a.id', 'v.author_id')
    .select(['v.id', 'v.version', 'v.reason', 'v.before', 'v.after', 'v.author', 'a.display_name', 'v.created_at'])
    .where('v.plan_id', '=', plan)
    .where('v.target_key', '=', key)
    .orderBy('v.id', 'desc')
    .execute();
}

export async function lockPlanForWithdrawal(db: Executor, id: string) {
  return db
    .selectFrom('plan')
    .select(['id', 'title', 'withdrawn_at', 'withdrawn_by', 'withdrawn_reason'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function setPlanWithdrawal(db: Executor, id: string, w: { by: string; reason: string } | null): Promise<void> {
  await db
    .updateTable('plan')
    .set(
      w
        ? { withdrawn_at: sql<Date>`now()`, withdrawn_by: w.by, withdrawn_reason: w.reason }
        : { withdrawn_at: null, withdrawn_by: null, withdrawn_reason: null },
    )
    .where('id', '=', id)
    .execute();
}

/** Ids of withdrawn plans (left out of lists, homes and monitoring unless asked for). */
export async function withdrawnPlanIds(db: Executor): Promise<Set<string>> {
  const rows = await db.selectFrom('plan').select('id').where('withdrawn_at', 'is not', null).execute();
  return new Set(rows.map((r) => r.id));
}
