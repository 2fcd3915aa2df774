import { sql } from 'kysely';
import { nameLike } from './name-search.ts';
import type { Executor } from './transaction.ts';

/** The task's units as [{ code, name, role }], lead first, in the plan's order. */
const unitsJson = sql<
  { code: string; name: string; role: 'lead' | 'co' }[]
>`coalesce((select json_agg(json_build_object('code', u.code, 'name', u.name, 'role', tu.role) order by tu.role desc, tu.ordinal)
  from task_unit tu join org_unit u on u.id = tu.org_unit_id where tu.task_id = k.id), '[]'::json)`;
const milestonesJson = sql<
  { dueOn: string; done: boolean }[]
>`coalesce((select json_agg(json_build_object('dueOn', m.due_on::text, 'done', m.done_at is not null) order by m.due_on)
  from task_milestone m where m.task_id = k.id), '[]'::json)`;
const latestPercent = sql<
  number | null
>`(select tu2.percent from task_update tu2 where tu2.task_id = k.id order by tu2.created_at desc, tu2.id desc limit 1)`;
const lastUpdateAt = sql<Date | null>`(select max(tu3.created_at) from task_update tu3 where tu3.task_id = k.id)`;
const openNotices = sql<number>`(select count(*)::int from task_notice n where n.task_id = k.id and n.status in ('open', 'escalated'))`;

export interface TrackedTaskFilter {
  /** Read scope: tasks one of these units leads or co-operates on; null = all. */
  unitIds: readonly number[] | null;
  /** Plans the reader's grants cover; null = all. */
  plans?: readonly string[] | null;
  plan?: string;
  /** Tasks this unit leads or co-operates on (with role: only in that role). */
  orgUnitId?: number;
  role?: 'lead' | 'co';
  q?: string;
  taskId?: number;
}

/** Tasks with what their status is derived from; the caller judges and filters by status. */
export async function listTrackedTasks(db: Executor, f: TrackedTaskFilter) {
  let q = db.selectFrom('task as k').leftJoin('plan_section as s', 's.id', 'k.section_id');
  if (f.unitIds) {
    const ids = f.unitIds.length ? [...f.unitIds] : [-1];
    q = q.where('k.id', 'in', (eb) => eb.selectFrom('task_unit').select('task_id').where('org_unit_id', 'in', ids));
  }
  if (f.plans) q = q.where('k.plan_id', 'in', f.plans.length ? [...f.plans] : ['']);
  if (f.plan) q = q.where('k.plan_id', '=', f.plan);
  if (f.taskId !== undefined) q = q.where('k.id', '=', f.taskId);
  if (f.orgUnitId !== undefined) {
    const { orgUnitId, role } = f;
    q = q.where('k.id', 'in', (eb) =>
      eb
        .selectFrom('task_unit')
        .select('task_id')
        .where('org_unit_id', '=', orgUnitId)
        .$if(role !== undefined, (qb) => qb.where('role', '=', role!)),
    );
  }
  // The text is stored as written (issue 18): （） and () match either way.
  if (f.q) q = q.where(nameLike('k.text', f.q));
  return q
    .select([
      'k.id',
      'k.plan_id',
      'k.key',
      'k.text',
      'k.responsible_text',
      'k.deadline',
      sql<string | null>`k.deadline_on::text`.as('deadline_on'),
      'k.version',
      'k.closed_at',
      'k.close_reason',
      'k.lead_unmatched',
      'k.co_unmatched',
      'k.ordinal',
      'k.source_plan_id',
      'k.source_section',
      'k.source_quote',
      'k.source_start',
      'k.source_end',
      's.key as section_key',
      's.heading as section_heading',
      unitsJson.as('units'),
      milestonesJson.as('milestones'),
      latestPercent.as('latest_percent'),
      lastUpdateAt.as('last_update_at'),
      openNotices.as('open_notices'),
    ])
    .orderBy('k.plan_id')
    .orderBy('k.ordinal')
    .execute();
}
export type TrackedTaskRow = Awaited<ReturnType<typeof listTrackedTasks>>[number];

export async function findTaskId(db: Executor, plan: string, key: string): Promise<number | undefined> {
  const r = await db.selectFrom('task').select('id').where('plan_id', '=', plan).where('key', '=', key).executeTakeFirst();
  return r?.id;
}

/** The task's units with their ids, for access checks. */
export async function taskUnits(db: Executor, taskId: number) {
  return db
    .selectFrom('task_unit as tu')
    .innerJoin('org_unit as u', 'u.id', 'tu.org_unit_id')
    .select(['u.id', 'u.code', 'u.name', 'u.parent_id', 'tu.role'])
    .where('tu.task_id', '=', taskId)
    .orderBy('tu.role', 'desc')
    .orderBy('tu.ordinal')
    .execute();
}

/** Bumps the task's version if it is still `expected`; false when someone else changed it first. */
export async function bumpTaskVersion(db: Executor, taskId: number, expected: number): Promise<boolean> {
  const r = await db
    .updateTable('task')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', taskId)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function closeTask(db: Executor, taskId: number, userId: number | null, reason: string): Promise<void> {
  await db
    .updateTable('task')
    .set({ closed_at: sql<Date>`now()`, closed_by: userId, close_reason: reason })
    .where('id', '=', taskId)
    .execute();
}

export async function listMilestones(db: Executor, taskId: number) {
  return db
    .selectFrom('task_milestone')
    .select(['id', 'title', sql<string>`due_on::text`.as('due_on'), 'done_at', 'created_at'])
    .where('task_id', '=', taskId)
    .orderBy('due_on')
    .orderBy('id')
    .execute();
}

export async function insertMilestone(
  db: Executor,
  m: { taskId: number; title: string; dueOn: string; createdBy: number | null },
) {
  const r = await db
    .insertInto('task_milestone')
    .values({ task_id: m.taskId, title: m.title, due_on: m.dueOn, created_by: m.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Marks these milestones of the task done (those already done keep their time); returns how many matched. */
export async function markMilestonesDone(db: Executor, taskId: number, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db
    .updateTable('task_milestone')
    .set({ done_at: sql<Date>`coalesce(done_at, now())` })
    .where('task_id', '=', taskId)
    .where('id', 'in', [...ids])
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function insertUpdate(
  db: Executor,
  u: { taskId: number; orgUnitId: number; body: string; percent: number; authorId: number | null },
) {
  const r = await db
    .insertInto('task_update')
    .values({ task_id: u.taskId, org_unit_id: u.orgUnitId, body: u.body, percent: u.percent, author_id: u.authorId })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  return r;
}

export async function insertContribution(
  db: Executor,
  c: { taskId: number; orgUnitId: number; body: string; authorId: number | null },
) {
  return db
    .insertInto('task_contribution')
    .values({ task_id: c.taskId, org_unit_id: c.orgUnitId, body: c.body, author_id: c.authorId })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** Progress updates and contributions of a task, oldest first, with unit and author. */
export async function listTimeline(db: Executor, taskId: number) {
  const updates = await db
    .selectFrom('task_update as x')
    .innerJoin('org_unit as u', 'u.id', 'x.org_unit_id')
    .leftJoin('app_user as a', 'a.id', 'x.author_id')
    .select(['x.id', 'x.body', 'x.percent', 'x.created_at', 'u.code', 'u.name', 'a.display_name as author'])
    .where('x.task_id', '=', taskId)
    .orderBy('x.created_at')
    .orderBy('x.id')
    .execute();
  const contributions = await db
    .selectFrom('task_contribution as x')
    .innerJoin('org_unit as u', 'u.id', 'x.org_unit_id')
    .leftJoin('app_user as a', 'a.id', 'x.author_id')
    .select(['x.id', 'x.body', 'x.created_at', 'u.code', 'u.name', 'a.display_name as author'])
    .where('x.task_id', '=', taskId)
    .orderBy('x.created_at')
    .orderBy('x.id')
    .execute();
  return { updates, contributions };
}

export async function insertNotice(
  db: Executor,
  n: { taskId: number; orgUnitId: number; body: string; replyBy: string; issuedBy: number | null },
) {
  const r = await db
    .insertInto('task_notice')
    .values({ task_id: n.taskId, org_unit_id: n.orgUnitId, body: n.body, reply_by: n.replyBy, issued_by: n.issuedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

const noticeColumns = [
  'n.id',
  'n.task_id',
  'n.body',
  'n.status',
  'n.level',
  'n.issued_at',
  'n.reply_text',
  'n.replied_at',
  'n.escalated_at',
  'n.closed_at',
  'n.version',
  'u.id as org_unit_id',
  'u.code as org_unit_code',
  'u.name as org_unit_name',
  'u.parent_id as org_unit_parent_id',
  'k.plan_id',
  'k.key as task_key',
  'k.text as task_text',
  'i.display_name as issued_by_name',
  'r.display_name as replied_by_name',
] as const;

function noticeQuery(db: Executor) {
  return db
    .selectFrom('task_notice as n')
    .innerJoin('org_unit as u', 'u.id', 'n.org_unit_id')
    .innerJoin('task as k', 'k.id', 'n.task_id')
    .leftJoin('app_user as i', 'i.id', 'n.issued_by')
    .leftJoin('app_user as r', 'r.id', 'n.replied_by')
    .select([...noticeColumns, sql<string>`n.reply_by::text`.as('reply_by')]);
}
export type NoticeRow = Awaited<ReturnType<ReturnType<typeof noticeQuery>['executeTakeFirstOrThrow']>>;

export async function findNotice(db: Executor, id: number): Promise<NoticeRow | undefined> {
  return noticeQuery(db).where('n.id', '=', id).executeTakeFirst();
}

export async function listNotices(db: Executor, taskId: number): Promise<NoticeRow[]> {
  return noticeQuery(db).where('n.task_id', '=', taskId).orderBy('n.issued_at').orderBy('n.id').execute();
}

/** Open or escalated notices whose reply date has passed: candidates for escalation. */
export async function unrepliedNotices(db: Executor, today: string): Promise<NoticeRow[]> {
  return noticeQuery(db)
    .where('n.status', 'in', ['open', 'escalated'])
    .where(sql<boolean>`n.reply_by < ${today}::date`)
    .orderBy('n.id')
    .execute();
}

/** Who issued the notice (null: the system, by escalation). */
export async function noticeIssuer(db: Executor, id: number): Promise<number | null> {
  const row = await db.selectFrom('task_notice').select('issued_by').where('id', '=', id).executeTakeFirstOrThrow();
  return row.issued_by;
}

/** Moves a notice on if it is still at `expectedVersion`; false when it changed meanwhile. */
export async function updateNotice(
  db: Executor,
  id: number,
  expectedVersion: number,
  set: {
    status: 'replied' | 'escalated' | 'closed';
    level?: number;
    replyBy?: string;
    replyText?: string;
    repliedBy?: number | null;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('task_notice')
    .set((eb) => ({
      status: set.status,
      version: eb('version', '+', 1),
      ...(set.level !== undefined ? { level: set.level, escalated_at: sql<Date>`now()` } : {}),
      ...(set.replyBy !== undefined ? { reply_by: set.replyBy } : {}),
      ...(set.replyText !== undefined
        ? { reply_text: set.replyText, replied_by: set.repliedBy ?? null, replied_at: sql<Date>`now()` }
        : {}),
      ...(set.status === 'closed' ? { closed_at: sql<Date>`now()` } : {}),
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ids of the org units above this one, nearest first. */
export async function ancestorsOf(db: Executor, orgUnitId: number): Promise<{ id: number; code: string }[]> {
  const out: { id: number; code: string }[] = [];
  let current: number | null = orgUnitId;
  const seen = new Set<number>();
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    const row: { parent_id: number | null } | undefined = await db
      .selectFrom('org_unit')
      .select('parent_id')
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.parent_id ?? null;
    if (current !== null) {
      const p = await db.selectFrom('org_unit').select(['id', 'code']).where('id', '=', current).executeTakeFirstOrThrow();
      out.push(p);
    }
  }
  return out;
}

/** A plan's tasks as a task list: text, units in order, kept free-text names, deadline. */
export async function planTaskList(db: Executor, plan: string) {
  return db
    .selectFrom('task as k')
    .select([
      'k.id',
      'k.key',
      'k.ordinal',
      'k.text',
      'k.deadline',
      sql<string | null>`k.deadline_on::text`.as('deadline_on'),
      'k.lead_unmatched',
      'k.co_unmatched',
      'k.version',
      unitsJson.as('units'),
    ])
    .where('k.plan_id', '=', plan)
    .orderBy('k.ordinal')
    .orderBy('k.id')
    .execute();
}
export type PlanTaskListRow = Awaited<ReturnType<typeof planTaskList>>[number];

/** Every org unit's code, name and kind: what imported unit names are matched against. */
export async function orgUnitCatalogue(db: Executor) {
  return db.selectFrom('org_unit').select(['id', 'code', 'name', 'kind']).orderBy('id').execute();
}

export interface TaskListWrite {
  text: string;
  deadline: string | null;
  deadlineOn: string | null;
  leadUnmatched: string[];
  coUnmatched: string[];
  lead: number[];
  co: number[];
}

/** Rewrites a task from an imported row: text, deadline, units; bumps its version. */
export async function rewriteTask(db: Executor, taskId: number, w: TaskListWrite): Promise<void> {
  await db
    .updateTable('task')
    .set((eb) => ({
      text: w.text,
      deadline: w.deadline,
      deadline_on: w.deadlineOn,
      lead_unmatched: w.leadUnmatched,
      co_unmatched: w.coUnmatched,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', taskId)
    .execute();
  await db.deleteFrom('task_unit').where('task_id', '=', taskId).execute();
  await insertTaskUnits(db, taskId, w);
}

async function insertTaskUnits(db: Executor, taskId: number, w: Pick<TaskListWrite, 'lead' | 'co'>) {
  const units = [
    ...w.lead.map((u, ordinal) => ({ task_id: taskId, org_unit_id: u, role: 'lead' as const, ordinal })),
    ...w.co.map((u, ordinal) => ({ task_id: taskId, org_unit_id: u, role: 'co' as const, ordinal })),
  ];
  if (units.length) await db.insertInto('task_unit').values(units).execute();
}

/** A task that came from an imported list: the row itself is its quote (there is no plan sentence). */
export async function insertListedTask(
  db: Executor,
  plan: string,
  key: string,
  ordinal: number,
  w: TaskListWrite,
): Promise<number> {
  const { id } = await db
    .insertInto('task')
    .values({
      plan_id: plan,
      key,
      text: w.text,
      deadline: w.deadline,
      deadline_on: w.deadlineOn,
      lead_unmatched: w.leadUnmatched,
      co_unmatched: w.coUnmatched,
      source_plan_id: plan,
      source_section: null,
      source_quote: w.text,
      source_start: null,
      source_end: null,
      section_id: null,
      responsible_text: null,
      ordinal,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertTaskUnits(db, id, w);
  return id;
}
