import { authorize } from '../domain/access/authorize.ts';
import type { Action } from '../domain/access/roles.ts';
import type { AppConfig } from '../config/env.ts';
import type { Database } from '../db/database.ts';
import { parentLinks } from '../repositories/org-unit.repository.ts';
import { userInfo } from 'node:os';
import { SYSTEM_ACTOR, type Actor } from '../services/actor.ts';
import { actorFromToken } from '../services/auth.service.ts';

/**
 * CLI commands that write act as a user, identified by a personal API token (PLANTRACK_TOKEN or
 * --token), and are checked against that user's roles and scope exactly like the API.
 */
export async function cliActor(
  database: Database,
  config: AppConfig,
  need: { action: Action; orgUnit?: string; plan?: string },
  token?: string,
): Promise<Actor> {
  const secret = token ?? config.cliToken;
  if (!secret)
    throw new Error(
      '此命令会写入数据，请用 PLANTRACK_TOKEN 或 --token 提供个人 API 令牌。\nThis command writes: give a personal API token with PLANTRACK_TOKEN or --token.',
    );
  const actor = await actorFromToken(database, secret, null);
  if (!actor) throw new Error('API 令牌无效、已过期或已撤销。\nThe API token is invalid, expired or revoked.');
  if (!actor.tokenScopes?.includes('write')) throw new Error('该 API 令牌只有读取权限。\nThis API token may only read.');
  const parents = await parentLinks(database.db);
  if (!authorize(actor.grants, need.action, { orgUnit: need.orgUnit, plan: need.plan }, (c) => parents.get(c)))
    throw new Error(`用户 ${actor.label} 无权执行此操作。\nUser ${actor.label} may not do this (${need.action}).`);
  return { ...actor, via: 'cli' };
}

/**
 * The operator of a read command (no token needed: they hold the database connection), recorded as
 * `cli:<operating-system user>` when their act is audited, e.g. an export.
 */
export function cliOperator(): Actor {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the entry still says the CLI did it.
  }
  return { ...SYSTEM_ACTOR, label: `cli:${user}`, via: 'cli' };
}
