import { sql, type Selectable } from 'kysely';
import type { AuditLogTable } from '../db/schema.ts';
import type { AuditEntry } from '../domain/audit/hash-chain.ts';
import type { Executor } from './transaction.ts';

// Serialises appends so that each entry links to the one before it.
const AUDIT_LOCK = 7_400_114;

export async function lockAuditChain(db: Executor): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(db);
}

export async function lastAuditHash(db: Executor): Promise<string | undefined> {
  const row = await db.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.hash;
}

export async function nextAuditIds(db: Executor, count: number): Promise<number[]> {
  const r = await sql<{
    id: string | number;
  }>`select nextval(pg_get_serial_sequence('audit_log', 'id')) as id from generate_series(1, ${count}) order by 1`.execute(db);
  return r.rows.map((row) => Number(row.id));
}

/** Many entries in one statement per chunk: bulk imports audit thousands of submissions at once. */
export async function insertAuditEntries(db: Executor, entries: readonly { entry: AuditEntry; hash: string }[]): Promise<void> {
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
  for (let i = 0; i < entries.length; i += 500) {
    const rows = entries.slice(i, i + 500).map(
      ({ entry: e, hash }) =>
        sql`(${e.id}, ${e.at}, ${e.actorUserId}, ${e.actor}, ${e.via}, ${e.tokenId}, ${e.ip}, ${e.action}, ${e.entity},
          ${e.entityKey}, ${json(e.before)}::jsonb, ${json(e.after)}::jsonb, ${e.prevHash}, ${hash})`,
    );
    await sql`insert into audit_log (id, at, actor_user_id, actor, via, token_id, ip, action, entity, entity_key, before, after, prev_hash, hash)
      overriding system value values ${sql.join(rows)}`.execute(db);
  }
}

type AuditRow = Selectable<AuditLogTable>;

export function toEntry(r: AuditRow): AuditEntry & { hash: string } {
  return {
    id: Number(r.id),
    at: r.at.toISOString(),
    actorUserId: r.actor_user_id,
    actor: r.actor,
    via: r.via as AuditEntry['via'],
    tokenId: r.token_id,
    ip: r.ip,
    action: r.action,
    entity: r.entity,
    entityKey: r.entity_key,
    before: r.before ?? null,
    after: r.after ?? null,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Streams the chain in id order, a page at a time, so verifying a long log stays in bounded memory. */
export async function* auditEntries(db: Executor, pageSize = 5000): AsyncGenerator<AuditEntry & { hash: string }> {
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('id', '>', after).orderBy('id').limit(pageSize).execute();
    for (const r of rows) yield toEntry(r);
    if (rows.length < pageSize) return;
    after = Number(rows.at(-1)!.id);
  }
}

export async function auditHistory(db: Executor, entity: string, entityKey: string, limit: number) {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_key', '=', entityKey)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toEntry);
}

/** The newest entry and the number of entries, read together (one statement, one snapshot). */
export async function auditChainHead(db: Executor): Promise<{ lastId: number; lastHash: string | null; count: number }> {
  const r = await sql<{ last_id: string | number | null; last_hash: string | null; count: string | number }>`
    select (select id from audit_log order by id desc limit 1) as last_id,
           (select hash from audit_log order by id desc limit 1) as last_hash,
           (select count(*) from audit_log) as count`.execute(db);
  const row = r.rows[0]!;
  return { lastId: Number(row.last_id ?? 0), lastHash: row.last_hash, count: Number(row.count) };
}

/** Id of the newest entry (0 when none): a one-row index read, cheap enough to poll. */
export async function newestAuditId(db: Executor): Promise<number> {
  const row = await db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return Number(row?.id ?? 0);
}
