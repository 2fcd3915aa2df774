import { sql } from 'kysely';
import type { Executor } from './transaction.ts';

/**
 * Counts one hit for `key` in a fixed window of `windowMs`, in one statement so that concurrent
 * instances never lose a hit: a window that has ended starts again at 1. Returns the hits in the
 * current window and the milliseconds left in it.
 */
export async function countHit(db: Executor, key: string, windowMs: number): Promise<{ hits: number; msLeft: number }> {
  const interval = `${Math.max(1, Math.round(windowMs))} milliseconds`;
  const { rows } = await sql<{ hits: number; ms_left: number }>`
    INSERT INTO rate_limit_counter AS c (key, hits, window_ends)
    VALUES (${key}, 1, now() + ${interval}::interval)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN c.window_ends <= now() THEN 1 ELSE c.hits + 1 END,
      window_ends = CASE WHEN c.window_ends <= now() THEN excluded.window_ends ELSE c.window_ends END
    RETURNING hits, ceil(extract(epoch FROM (window_ends - now())) * 1000)::integer AS ms_left`.execute(db);
  const row = rows[0]!;
  return { hits: row.hits, msLeft: Math.max(0, row.ms_left) };
}

/** Reads the hits of `key` without counting one (0 when its window has ended). */
export async function readHits(db: Executor, key: string): Promise<{ hits: number; msLeft: number }> {
  const { rows } = await sql<{ hits: number; ms_left: number }>`
    SELECT hits, ceil(extract(epoch FROM (window_ends - now())) * 1000)::integer AS ms_left
    FROM rate_limit_counter WHERE key = ${key} AND window_ends > now()`.execute(db);
  const row = rows[0];
  return row ? { hits: row.hits, msLeft: Math.max(0, row.ms_left) } : { hits: 0, msLeft: 0 };
}

/** Forgets counters whose window ended (the scheduler calls it; the table otherwise grows per client address). */
export async function deleteEndedWindows(db: Executor): Promise<number> {
  const res = await db
    .deleteFrom('rate_limit_counter')
    .where('window_ends', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
