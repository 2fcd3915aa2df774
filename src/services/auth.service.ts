import { createHash, randomBytes } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { AppError } from '../errors/app-error.ts';
import { credentialGrants, findSession, findToken, insertSession, deleteSession } from '../repositories/credential.repository.ts';
import { loginNameKey } from '../domain/access/login-name.ts';
import { clearLoginFailures, lockedUntil, recordLoginFailure } from '../repositories/login-attempt.repository.ts';
import { findUserByUsername } from '../repositories/user.repository.ts';
import type { Database } from '../db/database.ts';
import type { Actor } from './actor.ts';
import { recordAudit } from './audit.service.ts';

export const SESSION_HOURS = 12;
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's recommended minimum). */
export const hashPassword = (password: string) => argonHash(password);

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const newSecret = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;

// Verifying against a fixed hash when the user does not exist keeps response times alike.
const DUMMY_HASH = await argonHash('plantrack-timing-equaliser');

export interface LoginResult {
  sessionSecret: string;
  csrfToken: string;
  expiresAt: Date;
  userId: number;
}

const badCredentials = () => new AppError('BAD_CREDENTIALS', 'wrong user name or password', '用户名或密码错误');

// The same words, status and details for every locked name, known or not: nothing in the answer
// (not even when the lock ends, which would date the failures) tells whether the account exists.
const accountLocked = () =>
  new AppError(
    'ACCOUNT_LOCKED',
    `too many failed sign-ins with this user name; try again in ${LOCK_MINUTES} minutes`,
    `该用户名连续登录失败次数过多，已临时锁定，请 ${LOCK_MINUTES} 分钟后再试`,
    { retryAfterMinutes: LOCK_MINUTES },
  );

/**
 * Checks a password with lockout after repeated failures; opens a server-side session. Failures
 * are counted by the typed name (login_attempt), so a name without an account locks after the same
 * number of failures and answers the same words as one with; an unknown name is verified against a
 * dummy hash so that the time taken does not tell either.
 */
export async function login(
  database: Database,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
): Promise<LoginResult> {
  const nameKey = loginNameKey(input.username);
  if (await lockedUntil(database.db, nameKey)) throw accountLocked();
  const found = await findUserByUsername(database.db, input.username);
  const user = found && !found.disabled_at ? found : undefined;
  const matches = await argonVerify(user?.password_hash ?? DUMMY_HASH, input.password).catch(() => false);
  if (!user || !matches) {
    const actor: Actor = {
      userId: user?.id ?? null,
      label: user?.username ?? nameKey,
      via: 'session',
      tokenId: null,
      ip: input.ip,
      grants: [],
    };
    await database.db.transaction().execute(async (trx) => {
      await recordLoginFailure(trx, nameKey, LOCK_AFTER_FAILURES, LOCK_MINUTES);
      await recordAudit(trx, actor, {
        action: 'login_failed',
        entity: 'user',
        entityKey: user?.username ?? nameKey,
        after: user ? null : { account: found ? 'disabled' : 'none' },
      });
    });
    throw badCredentials();
  }
  const actor: Actor = { userId: user.id, label: user.username, via: 'session', tokenId: null, ip: input.ip, grants: [] };
  const sessionSecret = newSecret('pts');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await database.db.transaction().execute(async (trx) => {
    await clearLoginFailures(trx, nameKey);
    await insertSession(trx, {
      idHash: sha256(sessionSecret),
      userId: user.id,
      csrfToken,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await recordAudit(trx, actor, { action: 'login', entity: 'user', entityKey: user.username });
  });
  return { sessionSecret, csrfToken, expiresAt, userId: user.id };
}

export async function logout(database: Database, sessionSecret: string, actor: Actor): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    await deleteSession(trx, sha256(sessionSecret));
    await recordAudit(trx, actor, { action: 'logout', entity: 'user', entityKey: actor.label });
  });
}

/** The actor behind a session cookie, with the session's CSRF token; null if none is valid. One round trip. */
export async function actorFromSession(database: Database, secret: string, ip: string | null) {
  const session = await findSession(database.db, sha256(secret));
  if (!session) return null;
  const actor: Actor = {
    userId: session.user_id,
    label: session.username,
    via: 'session',
    tokenId: null,
    ip,
    grants: credentialGrants(session.grants),
  };
  return { actor, csrfToken: session.csrf_token };
}

/** The actor behind a personal API token; null if revoked, expired or unknown. One round trip, its use recorded. */
export async function actorFromToken(database: Database, secret: string, ip: string | null): Promise<Actor | null> {
  const token = await findToken(database.db, sha256(secret));
  if (!token) return null;
  return {
    userId: token.user_id,
    label: token.username,
    via: 'token',
    tokenId: token.id,
    ip,
    grants: credentialGrants(token.grants),
    tokenScopes: token.scopes,
  };
}
