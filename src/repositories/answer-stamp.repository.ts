import { sql } from 'kysely';
import type { Executor } from './transaction.ts';

/** What a kept dashboard answer depends on beyond this process's own writes (services/answers/answer-cache.ts). */
export interface AnswerStamp {
  /** The audit log's newest entry and the figures' generation (migration 0700), as one text. */
  stamp: string;
  /** Whether figure changes are queued for the yearly or analytics table: the next answer recomputes them. */
  queued: boolean;
}

/** One round trip: the newest audit entry, the figures' generation and whether anything is queued. */
export async function answerStamp(db: Executor): Promise<AnswerStamp> {
  const { rows } = await sql<{ audit: string | null; figures: string; queued: boolean }>`SELECT
      (SELECT id FROM audit_log ORDER BY id DESC LIMIT 1)::text AS audit,
      -- last_value is 1 both before and after the first nextval; is_called tells them apart.
      (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM figures_generation)::text AS figures,
      EXISTS (SELECT 1 FROM unit_year_dirty) OR EXISTS (SELECT 1 FROM analytics_dirty) AS queued`.execute(db);
  const r = rows[0]!;
  return { stamp: `${r.audit ?? 0}/${r.figures}`, queued: r.queued };
}
