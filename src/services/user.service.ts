import { passwordProblems } from '../domain/access/password-policy.ts';
import { ROLES, type Role } from '../domain/access/roles.ts';
import { AppError } from '../errors/app-error.ts';
import type { Database } from '../db/database.ts';
import { insertToken, listTokens, revokeToken } from '../repositories/credential.repository.ts';
import { codeToIdMap } from '../repositories/org-unit.repository.ts';
import {
  countAdmins,
  findUserById,
  findUserByUsername,
  insertGrant,
  insertUser,
  listUsers,
} from '../repositories/user.repository.ts';
import type { Executor } from '../repositories/transaction.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.service.ts';
import { hashPassword, newSecret, sha256 } from './auth.service.ts';
import { readScope } from './read-scope.ts';

export interface GrantInput {
  role: Role;
  /** Org-unit code of the subtree; omitted = whole tree. */
  orgUnit?: string;
  plans?: string[];
}

export interface NewUser {
  username: string;
  displayName: string;
  orgUnit?: string;
  password: string;
  grants: GrantInput[];
  isDemo?: boolean;
}

/** "reporter@YN-HH" or "plan_manager" or "viewer@YN-KM:plan-a,plan-b" → a grant. */
export function parseGrant(text: string): GrantInput {
  const m = /^([a-z_]+)(?:@([A-Za-z0-9._-]+))?(?::([A-Za-z0-9._,-]+))?$/.exec(text.trim());
  if (!m || !(ROLES as readonly string[]).includes(m[1]!))
    throw new AppError(
      'INVALID_ROLE',
      `invalid role "${text}" (use role[@ORG_UNIT][:plan,plan])`,
      `角色“${text}”无效（格式：角色[@单位代码][:规划,规划]）`,
    );
  return { role: m[1] as Role, orgUnit: m[2], plans: m[3]?.split(',') };
}

export async function createUser(database: Database, actor: Actor, u: NewUser): Promise<number> {
  const problems = passwordProblems(u.password, u.username);
  if (problems.length > 0)
    throw new AppError(
      'WEAK_PASSWORD',
      `password rejected: ${problems.map((p) => p.message).join('; ')}`,
      `密码不符合要求：${problems.map((p) => p.messageZh).join('；')}`,
      problems,
    );
  const passwordHash = await hashPassword(u.password);
  return database.db.transaction().execute(async (trx) => {
    if (await findUserByUsername(trx, u.username))
      throw new AppError('USER_EXISTS', `user "${u.username}" already exists`, `用户“${u.username}”已存在`);
    const units = await codeToIdMap(trx, 'org_unit');
    const unitId = (code: string | undefined) => {
      if (code === undefined) return null;
      const id = units.get(code);
      if (id === undefined) throw new AppError('UNKNOWN_ORG_UNIT', `unknown org unit "${code}"`, `未知组织单位“${code}”`);
      return id;
    };
    const id = await insertUser(trx, {
      username: u.username,
      displayName: u.displayName,
      orgUnitId: unitId(u.orgUnit),
      passwordHash,
      isDemo: u.isDemo ?? false,
    });
    for (const g of u.grants)
      await insertGrant(trx, id, { role: g.role, scopeOrgUnitId: unitId(g.orgUnit), scopePlans: g.plans ?? null });
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'user',
      entityKey: u.username,
      after: { username: u.username, displayName: u.displayName, orgUnit: u.orgUnit ?? null, grants: u.grants },
    });
    return id;
  });
}

export async function hasAdmin(db: Executor): Promise<boolean> {
  return (await countAdmins(db)) > 0;
}

/** A personal API token: the secret is shown once; only its hash is stored. */
export async function createToken(
  database: Database,
  actor: Actor,
  input: { name: string; scopes: ('read' | 'write')[]; expiresAt: Date | null; secret?: string },
): Promise<{ id: number; secret: string }> {
  if (actor.userId === null) throw new AppError('NO_USER', 'tokens belong to a user', '令牌必须属于某个用户');
  const secret = input.secret ?? newSecret('pt');
  const id = await database.db.transaction().execute(async (trx) => {
    const tokenId = await insertToken(trx, {
      userId: actor.userId!,
      name: input.name,
      tokenHash: sha256(secret),
      scopes: input.scopes,
      expiresAt: input.expiresAt,
    });
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'api_token',
      entityKey: String(tokenId),
      after: { name: input.name, scopes: input.scopes },
    });
    return tokenId;
  });
  return { id, secret };
}

export async function revokeOwnToken(database: Database, actor: Actor, tokenId: number): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    if (!(await revokeToken(trx, tokenId, actor.userId)))
      throw new AppError('NOT_FOUND', `token ${tokenId} not found`, `未找到令牌 ${tokenId}`);
    await recordAudit(trx, actor, { action: 'revoke', entity: 'api_token', entityKey: String(tokenId) });
  });
}

/** The signed-in user's own record (GET /auth/me). */
export async function ownAccount(db: Executor, actor: Actor) {
  const user = await findUserById(db, actor.userId!);
  if (!user) throw new AppError('UNAUTHENTICATED', 'The account no longer exists.', '账号已不存在。');
  return user;
}

/** The signed-in user's API tokens, never their secrets. */
export function ownTokens(db: Executor, actor: Actor) {
  return listTokens(db, actor.userId!);
}

/** The users an administrator may see: those of their scope. */
export async function usersInScope(db: Executor, actor: Actor) {
  return listUsers(db, await readScope(db, actor));
}

/** A user by login name, for the CLI's `user token` (an unknown name is an error naming it). */
export async function userNamed(db: Executor, username: string) {
  const user = await findUserByUsername(db, username);
  if (!user) throw new AppError('NOT_FOUND', `Unknown user ${username}.`, `未知用户 ${username}。`);
  return user;
}
