import type { Database } from '../db/database.ts';
import { pendingMigrations } from '../db/migrate.ts';

/**
 * How long readiness waits for the database. Against several hosts the pool keeps looking for a
 * writable server for up to 30 s during a failover; a load balancer's probe gives up well before that
 * (nginx and Kubernetes default to 1–5 s), so the probe answers "not ready" quickly instead.
 */
export const READY_TIMEOUT_MS = 2_000;

export type Readiness =
  | { status: 'ready' }
  | { status: 'not_ready'; reason: 'migrations_pending'; pending: string[] }
  | { status: 'not_ready'; reason: 'database_unreachable'; message: string };

/** Readiness: the database answers within the timeout and every migration is applied. */
export async function readiness(database: Database, timeoutMs: number = READY_TIMEOUT_MS): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const pending = await Promise.race([pendingMigrations(database), timedOut]);
    return pending.length > 0 ? { status: 'not_ready', reason: 'migrations_pending', pending } : { status: 'ready' };
  } catch (err) {
    return { status: 'not_ready', reason: 'database_unreachable', message: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}
