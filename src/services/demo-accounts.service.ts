import { AppError } from '../errors/app-error.ts';
import type { Database } from '../db/database.ts';
import { findUserByUsername } from '../repositories/user.repository.ts';
import { SYSTEM_ACTOR } from './actor.ts';
import { createToken, createUser, parseGrant } from './user.service.ts';
import { findUserById } from '../repositories/user.repository.ts';

/** Shared by every demo account; README lists them. Never seeded on a PostgreSQL server. */
export const DEMO_PASSWORD = 'PlanTrack-Demo-2025';
/** A fixed admin API token for the embedded demo's CLI (PLANTRACK_TOKEN). */
export const DEMO_ADMIN_TOKEN = 'pt_demo-admin-token-embedded-only';

export const DEMO_ACCOUNTS = [
  { username: 'admin', displayName: '系统管理员', orgUnit: 'YN', grants: ['admin'] },
  { username: 'planner', displayName: '省发展改革委规划处', orgUnit: 'DEPT-FGW', grants: ['plan_manager'] },
  { username: 'ftz.planner', displayName: '省商务厅自贸办', orgUnit: 'DEPT-SWT', grants: ['plan_manager:yunnan-ftz-2021-2025'] },
  { username: 'hh.reviewer', displayName: '红河州统计审核员', orgUnit: 'YN-HH', grants: ['reviewer@YN-HH'] },
  { username: 'hh.reporter', displayName: '红河州填报员', orgUnit: 'YN-HH', grants: ['reporter@YN-HH'] },
  { username: 'mengzi.reporter', displayName: '蒙自经开区填报员', orgUnit: 'ZN-HH-MENGZI', grants: ['reporter@ZN-HH-MENGZI'] },
  { username: 'leader', displayName: '省领导（只读）', orgUnit: 'YN', grants: ['viewer'] },
] as const;

/** Seeds the demo accounts on the embedded database; refuses on a PostgreSQL server. */
export async function seedDemoAccounts(database: Database): Promise<number> {
  if (database.kind !== 'pglite')
    throw new AppError(
      'DEMO_REFUSED',
      'demo accounts are only seeded on the embedded database, never when DATABASE_URL is set',
      '演示账号只在内嵌数据库中创建，设置 DATABASE_URL 时拒绝创建',
    );
  return createDemoAccounts(database);
}

/** The accounts themselves; tests call this directly to get the same users on PostgreSQL. */
export async function createDemoAccounts(database: Database): Promise<number> {
  let created = 0;
  for (const a of DEMO_ACCOUNTS) {
    if (await findUserByUsername(database.db, a.username)) continue;
    const id = await createUser(database, SYSTEM_ACTOR, {
      username: a.username,
      displayName: a.displayName,
      orgUnit: a.orgUnit,
      password: DEMO_PASSWORD,
      grants: a.grants.map(parseGrant),
      isDemo: true,
    });
    created++;
    if (a.username === 'admin') {
      const admin = (await findUserById(database.db, id))!;
      await createToken(
        database,
        { ...SYSTEM_ACTOR, userId: admin.id, label: admin.username },
        { name: '演示用命令行令牌', scopes: ['read', 'write'], expiresAt: null, secret: DEMO_ADMIN_TOKEN },
      );
    }
  }
  return created;
}
