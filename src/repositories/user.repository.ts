import { sql } from 'kysely';
import type { Role, RoleGrant } from '../domain/access/roles.ts';
import { credentialGrants } from './credential.repository.ts';
import type { Executor } from './transaction.ts';

/** A user with the code and name of the unit they belong to. */
function userQuery(db: Executor) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('org_unit as o', 'o.id', 'u.org_unit_id')
    .selectAll('u')
    .select(['o.code as org_unit_code', 'o.name as org_unit_name']);
}

export async function findUserByUsername(db: Executor, username: string) {
  return userQuery(db).where('u.username', '=', username).executeTakeFirst();
}
export type UserRow = NonNullable<Awaited<ReturnType<typeof findUserByUsername>>>;

export async function findUserById(db: Executor, id: number): Promise<UserRow | undefined> {
  return userQuery(db).where('u.id', '=', id).executeTakeFirst();
}

export async function grantsOf(db: Executor, userId: number): Promise<RoleGrant[]> {
  const rows = await db
    .selectFrom('user_role as r')
    .leftJoin('org_unit as o', 'o.id', 'r.scope_org_unit_id')
    .select(['r.role', 'o.code', 'r.scope_plan_ids'])
    .where('r.user_id', '=', userId)
    .orderBy('r.id')
    .execute();
  return credentialGrants(rows);
}

export async function insertUser(
  db: Executor,
  u: { username: string; displayName: string; orgUnitId: number | null; passwordHash: string; isDemo: boolean },
): Promise<number> {
  const { id } = await db
    .insertInto('app_user')
    .values({
      username: u.username,
      display_name: u.displayName,
      org_unit_id: u.orgUnitId,
      password_hash: u.passwordHash,
      is_demo: u.isDemo,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertGrant(
  db: Executor,
  userId: number,
  g: { role: Role; scopeOrgUnitId: number | null; scopePlans: string[] | null },
) {
  await db
    .insertInto('user_role')
    .values({ user_id: userId, role: g.role, scope_org_unit_id: g.scopeOrgUnitId, scope_plan_ids: g.scopePlans })
    .execute();
}

export async function countAdmins(db: Executor): Promise<number> {
  const r = await db
    .selectFrom('user_role')
    .select(sql<number>`count(distinct user_id)::int`.as('n'))
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return r.n;
}

export async function listUsers(db: Executor, orgUnitIds: readonly number[] | null) {
  let q = db
    .selectFrom('app_user as u')
    .leftJoin('org_unit as o', 'o.id', 'u.org_unit_id')
    .select(['u.id', 'u.username', 'u.display_name', 'o.code as org_unit_code', 'u.disabled_at', 'u.is_demo'])
    .orderBy('u.id');
  if (orgUnitIds) q = q.where('u.org_unit_id', 'in', orgUnitIds.length ? [...orgUnitIds] : [-1]);
  return q.execute();
}

/**
 * Display names (显示名) of the users whose audit labels are given, by label: the history panels name
 * people as 蒙自经开区填报员 rather than by their login. Labels that are no user's login are left out.
 */
export async function displayNamesByUsername(db: Executor, usernames: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(usernames)];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('app_user').select(['username', 'display_name']).where('username', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.username, r.display_name]));
}
