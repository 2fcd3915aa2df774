import { sql } from 'kysely';
import type { Executor } from './transaction.ts';

type Reason = { zh: string; en: string };

// Arbitrary constant: serialises warning refreshes (scheduler, CLI, approvals) across processes.
const REFRESH_LOCK_KEY = 7_400_606;

export async function lockWarningRefresh(trx: Executor): Promise<void> {
  await sql`select pg_advisory_xact_lock(${REFRESH_LOCK_KEY})`.execute(trx);
}

/** Plans in force (a withdrawn plan is no longer monitored; its episodes stay as they were). */
export async function planIds(db: Executor): Promise<string[]> {
  return (await db.selectFrom('plan').select('id').where('withdrawn_at', 'is', null).orderBy('id').execute()).map((r) => r.id);
}

/** Which of the plans given are withdrawn (their open warnings close at the next refresh). */
export async function withdrawnPlanIds(db: Executor, plans: readonly string[]): Promise<Set<string>> {
  if (plans.length === 0) return new Set();
  const rows = await db.selectFrom('plan').select('id').where('id', 'in', plans).where('withdrawn_at', 'is not', null).execute();
  return new Set(rows.map((r) => r.id));
}

/** Plans that still have an open warning episode, withdrawn ones included. */
export async function plansWithOpenEpisodes(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('warning_episode').select('plan_id').distinct().where('ended_at', 'is', null).execute();
  return rows.map((r) => r.plan_id);
}

/** (plan, key) → target id, for the plans given. */
export async function targetIdsByKey(db: Executor, plans: readonly string[]): Promise<Map<string, number>> {
  if (plans.length === 0) return new Map();
  const rows = await db.selectFrom('target').select(['id', 'plan_id', 'key']).where('plan_id', 'in', plans).execute();
  return new Map(rows.map((r) => [`${r.plan_id}/${r.key}`, r.id]));
}

export async function openEpisodes(db: Executor, plans: readonly string[]) {
  if (plans.length === 0) return [];
  return db
    .selectFrom('warning_episode')
    .select(['id', 'plan_id', 'target_key', 'level', 'reasons'])
    .where('plan_id', 'in', plans)
    .where('ended_at', 'is', null)
    .orderBy('id')
    .execute();
}

export async function insertEpisode(
  db: Executor,
  e: {
    planId: string;
    targetKey: string;
    targetId: number | null;
    level: 'red' | 'yellow';
    reasons: Reason[];
    orgUnitId: number | null;
    period: string;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('warning_episode')
    .values({
      plan_id: e.planId,
      target_key: e.targetKey,
      target_id: e.targetId,
      level: e.level,
      peak_level: e.level,
      reasons: JSON.stringify(e.reasons),
      org_unit_id: e.orgUnitId,
      started_period: e.period,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateEpisodeLevel(db: Executor, id: number, level: 'red' | 'yellow', reasons: Reason[]): Promise<void> {
  await db
    .updateTable('warning_episode')
    .set({
      level,
      reasons: JSON.stringify(reasons),
      peak_level: sql<'red' | 'yellow'>`case when ${level} = 'red' then 'red' else peak_level end`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export async function closeEpisode(db: Executor, id: number, period: string, endReason: Reason): Promise<void> {
  await db
    .updateTable('warning_episode')
    .set({
      ended_at: sql<Date>`now()`,
      ended_period: period,
      end_reason: JSON.stringify(endReason),
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export interface EpisodeFilter {
  plan?: string;
  openOnly?: boolean;
  /** Responsible units to include; null = all (group targets, with no unit, only then). */
  unitIds: readonly number[] | null;
}

export async function listEpisodes(db: Executor, f: EpisodeFilter) {
  let q = db
    .selectFrom('warning_episode as w')
    .leftJoin('org_unit as u', 'u.id', 'w.org_unit_id')
    .leftJoin('target as t', 't.id', 'w.target_id')
    .leftJoin('indicator as i', 'i.id', 't.indicator_id')
    .select([
      'w.id',
      'w.plan_id',
      'w.target_key',
      'w.level',
      'w.peak_level',
      'w.reasons',
      'w.started_at',
      'w.started_period',
      'w.ended_at',
      'w.ended_period',
      'w.end_reason',
      'u.code as org_unit_code',
      'u.name as org_unit_name',
      'i.code as indicator_code',
      'i.name as indicator_name',
      'i.name_en as indicator_name_en',
    ]);
  if (f.plan !== undefined) q = q.where('w.plan_id', '=', f.plan);
  if (f.openOnly) q = q.where('w.ended_at', 'is', null);
  if (f.unitIds) q = f.unitIds.length ? q.where('w.org_unit_id', 'in', f.unitIds) : q.where(sql<boolean>`false`);
  return q.orderBy('u.code').orderBy('w.started_at', 'desc').orderBy('w.id', 'desc').limit(5000).execute();
}

/** The latest approval, to notice new approved figures without hooking the review workflow. */
/**
 * What a warning judgement rests on besides the figures' values, as one comparable text: the latest
 * approval, the latest target revision and the withdrawn plans. The scheduler refreshes warnings when
 * it changes, so a corrected target or a withdrawn plan does not wait for the daily run.
 */
export async function judgementInputsSignature(db: Executor): Promise<string> {
  const r = await db
    .selectNoFrom([
      sql<Date | null>`(select max(reviewed_at) from report_submission where status = 'approved')`.as('approved'),
      sql<number | null>`(select max(id) from target_revision)`.as('revision'),
      sql<string | null>`(select string_agg(id, ',' order by id) from plan where withdrawn_at is not null)`.as('withdrawn'),
    ])
    .executeTakeFirstOrThrow();
  return JSON.stringify([r.approved ? new Date(r.approved).toISOString() : null, r.revision, r.withdrawn]);
}
