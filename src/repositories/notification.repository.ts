import { sql } from 'kysely';
import type { NotificationTable } from '../db/schema.ts';
import type { Executor } from './transaction.ts';

export type NotificationKind = NotificationTable['kind'];

export interface NewNotification {
  userId: number;
  kind: NotificationKind;
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  link: string | null;
  dueOn?: string | null;
  dedupeKey: string;
  /** Already read when stored (the digest's own record). */
  read?: boolean;
}

/** Inserts what is new; a (recipient, dedupe key) seen before is skipped. Returns the ids inserted. */
export async function insertNotifications(db: Executor, rows: readonly NewNotification[]): Promise<number[]> {
  const out: number[] = [];
  // Batches keep the statement under the bind-parameter limit.
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await db
      .insertInto('notification')
      .values(
        rows.slice(i, i + 500).map((n) => ({
          user_id: n.userId,
          kind: n.kind,
          title_zh: n.title.zh,
          title_en: n.title.en,
          body_zh: n.body.zh,
          body_en: n.body.en,
          link: n.link,
          due_on: n.dueOn ?? null,
          dedupe_key: n.dedupeKey,
          read_at: n.read ? sql<Date>`now()` : null,
        })),
      )
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
      .returning('id')
      .execute();
    out.push(...inserted.map((r) => r.id));
  }
  return out;
}

export async function listNotifications(db: Executor, userId: number, opts: { unreadOnly: boolean; limit: number }) {
  let q = db
    .selectFrom('notification')
    .select(['id', 'kind', 'title_zh', 'title_en', 'body_zh', 'body_en', 'link', 'due_on', 'created_at', 'read_at', 'emailed_at'])
    .where('user_id', '=', userId);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
}

export async function countUnread(db: Executor, userId: number): Promise<number> {
  const r = await db
    .selectFrom('notification')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return r.n;
}

/** Marks one of the user's notifications read; false when it is not theirs or does not exist. */
export async function markRead(db: Executor, userId: number, id: number): Promise<boolean> {
  const r = await db
    .updateTable('notification')
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function markAllRead(db: Executor, userId: number): Promise<number> {
  const r = await db
    .updateTable('notification')
    .set({ read_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Unread, not yet e-mailed notifications of users who have an e-mail address, for the digest. */
export async function pendingForDigest(db: Executor) {
  return db
    .selectFrom('notification as n')
    .innerJoin('app_user as u', 'u.id', 'n.user_id')
    .select([
      'n.id',
      'n.user_id',
      'u.username',
      'u.display_name',
      'u.email',
      'n.kind',
      'n.title_zh',
      'n.title_en',
      'n.body_zh',
      'n.body_en',
      'n.link',
      'n.due_on',
    ])
    .where('n.kind', '!=', 'digest')
    .where('n.emailed_at', 'is', null)
    .where('n.read_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .orderBy('n.user_id')
    .orderBy('n.created_at')
    .orderBy('n.id')
    .execute();
}

export async function markEmailed(db: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('notification')
    .set({ emailed_at: sql<Date>`now()` })
    .where('id', 'in', ids)
    .execute();
}

export async function deleteNotification(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('notification').where('id', '=', id).execute();
}

/** Every active user's grants with the scope's unit code, to find who answers for a unit. */
export async function activeGrants(db: Executor) {
  return db
    .selectFrom('user_role as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .leftJoin('org_unit as o', 'o.id', 'r.scope_org_unit_id')
    .select(['r.user_id', 'r.role', 'o.code as scope_code', 'r.scope_plan_ids'])
    .where('u.disabled_at', 'is', null)
    .orderBy('r.user_id')
    .execute();
}

export async function setUserEmail(db: Executor, username: string, email: string | null): Promise<boolean> {
  const r = await db.updateTable('app_user').set({ email }).where('username', '=', username).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
