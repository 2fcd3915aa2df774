import { sql } from 'kysely';
import type { Executor } from './transaction.ts';

/** When the name is locked until, if it is locked now. */
export async function lockedUntil(db: Executor, nameKey: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('login_attempt')
    .select('locked_until')
    .where('name_key', '=', nameKey)
    .where('locked_until', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row?.locked_until ?? undefined;
}

/** Counts one failure; the one that reaches lockAfter locks the name for lockMinutes. Atomic under concurrency. */
export async function recordLoginFailure(db: Executor, nameKey: string, lockAfter: number, lockMinutes: number): Promise<void> {
  await sql`insert into login_attempt as a (name_key, failures, locked_until, last_failed_at)
      values (${nameKey}, 1, case when 1 >= ${lockAfter} then now() + make_interval(mins => ${lockMinutes}) end, now())
    on conflict (name_key) do update set failures = a.failures + 1, last_failed_at = now(),
      locked_until = case when a.failures + 1 >= ${lockAfter} then now() + make_interval(mins => ${lockMinutes}) else a.locked_until end`.execute(
    db,
  );
}

export async function clearLoginFailures(db: Executor, nameKey: string): Promise<void> {
  await db.deleteFrom('login_attempt').where('name_key', '=', nameKey).execute();
}
