import type { Executor } from './transaction.ts';

/** Queries of target_commentary (issue 19): an owner and a commentary per target per period. */

export async function listCommentary(db: Executor, targetIds: readonly number[], period?: string) {
  if (targetIds.length === 0) return [];
  let q = db
    .selectFrom('target_commentary as c')
    .leftJoin('org_unit as o', 'o.id', 'c.owner_org_unit_id')
    .leftJoin('app_user as a', 'a.id', 'c.author_id')
    .select([
      'c.id',
      'c.target_id',
      'c.period',
      'c.body',
      'c.version',
      'c.updated_at',
      'o.code as owner_code',
      'o.name as owner_name',
      'a.display_name as author_name',
    ])
    .where('c.target_id', 'in', targetIds);
  if (period !== undefined) q = q.where('c.period', '=', period);
  return q.orderBy('c.target_id').orderBy('c.period', 'desc').execute();
}
export type CommentaryRow = Awaited<ReturnType<typeof listCommentary>>[number];

export async function lockCommentary(db: Executor, targetId: number, period: string) {
  return db
    .selectFrom('target_commentary')
    .select(['id', 'body', 'version', 'owner_org_unit_id'])
    .where('target_id', '=', targetId)
    .where('period', '=', period)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertCommentary(
  db: Executor,
  row: { targetId: number; period: string; ownerId: number | null; body: string; authorId: number | null },
) {
  await db
    .insertInto('target_commentary')
    .values({
      target_id: row.targetId,
      period: row.period,
      owner_org_unit_id: row.ownerId,
      body: row.body,
      author_id: row.authorId,
    })
    .execute();
}

export async function updateCommentary(
  db: Executor,
  id: number,
  row: { ownerId: number | null; body: string; authorId: number | null; version: number },
) {
  await db
    .updateTable('target_commentary')
    .set({
      owner_org_unit_id: row.ownerId,
      body: row.body,
      author_id: row.authorId,
      version: row.version,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** Every commentary of a plan's targets for one period, with the target key (the monitoring brief). */
export async function planCommentary(db: Executor, plan: string, period: string) {
  return db
    .selectFrom('target_commentary as c')
    .innerJoin('target as t', 't.id', 'c.target_id')
    .leftJoin('org_unit as o', 'o.id', 'c.owner_org_unit_id')
    .select(['t.key', 'c.period', 'c.body', 'o.name as owner_name'])
    .where('t.plan_id', '=', plan)
    .where('c.period', '=', period)
    .orderBy('t.ordinal')
    .execute();
}
