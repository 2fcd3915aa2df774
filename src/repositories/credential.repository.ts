import { sql, type ExpressionBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Role, RoleGrant } from '../domain/access/roles.ts';
import type { DB } from '../db/schema.ts';
import type { Executor } from './transaction.ts';

/**
 * The credential's user and grants come with it, in the same statement: every authenticated request
 * waits for them, and three round trips one after another were most of a kept dashboard answer's time
 * (issue 22). Same grants as user.repository.ts's grantsOf.
 */
function userAndGrants(eb: ExpressionBuilder<DB & { u: DB['app_user'] }, 'u'>) {
  return [
    'u.username',
    jsonArrayFrom(
      eb
        .selectFrom('user_role as r')
        .leftJoin('org_unit as o', 'o.id', 'r.scope_org_unit_id')
        .select(['r.role', 'o.code', 'r.scope_plan_ids'])
        .whereRef('r.user_id', '=', 'u.id')
        .orderBy('r.id'),
    ).as('grants'),
  ] as const;
}

/** The grants as the rest of the app takes them. */
export function credentialGrants(
  rows: readonly { role: string; code: string | null; scope_plan_ids: string[] | null }[],
): RoleGrant[] {
  return rows.map((r) => ({ role: r.role as Role, scopeOrgUnit: r.code, scopePlans: r.scope_plan_ids }));
}

export async function insertSession(
  db: Executor,
  s: { idHash: string; userId: number; csrfToken: string; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db
    .insertInto('user_session')
    .values({
      id_hash: s.idHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

/** A live session (not expired, user not disabled). */
export async function findSession(db: Executor, idHash: string) {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['s.user_id', 's.csrf_token', 's.expires_at'])
    .select((eb) => userAndGrants(eb))
    .where('s.id_hash', '=', idHash)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function deleteSession(db: Executor, idHash: string): Promise<void> {
  await db.deleteFrom('user_session').where('id_hash', '=', idHash).execute();
}

export async function insertToken(
  db: Executor,
  t: { userId: number; name: string; tokenHash: string; scopes: string[]; expiresAt: Date | null },
): Promise<number> {
  const { id } = await db
    .insertInto('api_token')
    .values({ user_id: t.userId, name: t.name, token_hash: t.tokenHash, scopes: t.scopes, expires_at: t.expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A token not revoked and not expired. */
function live(eb: ExpressionBuilder<DB, 'api_token'>) {
  return eb.and([
    eb('api_token.revoked_at', 'is', null),
    eb.or([eb('api_token.expires_at', 'is', null), eb('api_token.expires_at', '>', sql<Date>`now()`)]),
  ]);
}

/** A token that may be used: live, its owner not disabled. */
function usable(eb: ExpressionBuilder<DB, 'api_token'>) {
  return eb.and([
    live(eb),
    eb.exists(
      eb
        .selectFrom('app_user as owner')
        .select('owner.id')
        .whereRef('owner.id', '=', 'api_token.user_id')
        .where('owner.disabled_at', 'is', null),
    ),
  ]);
}

/**
 * A usable token with its user and grants; its use is recorded in the same statement, to the minute:
 * a token that already says so is left alone, so a stream of reads with one token commits nothing (a
 * write per request cost a WAL flush each). A refused token records no use.
 */
export async function findToken(db: Executor, tokenHash: string) {
  return (
    db
      .with('touched', (d) =>
        d
          .updateTable('api_token')
          .set({ last_used_at: sql<Date>`now()` })
          .where('token_hash', '=', tokenHash)
          .where(usable)
          .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<Date>`now() - interval '1 minute'`)]))
          .returning('id'),
      )
      .selectFrom('api_token')
      .innerJoin('app_user as u', 'u.id', 'api_token.user_id')
      .select(['api_token.id', 'api_token.user_id', 'api_token.scopes'])
      .select((eb) => userAndGrants(eb))
      .where('api_token.token_hash', '=', tokenHash)
      // `usable`, with the owner the join already reads (every authenticated request comes here).
      .where(live)
      .where('u.disabled_at', 'is', null)
      .executeTakeFirst()
  );
}

export async function revokeToken(db: Executor, id: number, userId: number | null): Promise<boolean> {
  let q = db
    .updateTable('api_token')
    .set({ revoked_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('revoked_at', 'is', null);
  if (userId !== null) q = q.where('user_id', '=', userId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function listTokens(db: Executor, userId: number) {
  return db
    .selectFrom('api_token')
    .select(['id', 'name', 'scopes', 'created_at', 'expires_at', 'revoked_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
}
