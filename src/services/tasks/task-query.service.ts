import type { Database } from '../../db/database.ts';
import { TASK_STATUSES, type TaskStatus } from '../../domain/tasks/task-status.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import { attachmentsOf, type AttachmentRow } from '../../repositories/attachment.repository.ts';
import { findOrgUnit } from '../../repositories/org-unit.repository.ts';
import { listMilestones, listNotices, listTimeline, listTrackedTasks } from '../../repositories/task-supervision.repository.ts';
import { findUserById } from '../../repositories/user.repository.ts';
import {
  presentNotice,
  presentTimelineEntry,
  presentTrackedTask,
  type TaskDetail,
  type TimelineEntry,
  type TrackedTask,
} from '../../presenters/task-tracking.presenter.ts';
import { canReply } from '../../domain/tasks/escalation.ts';
import type { Actor } from '../actor.ts';
import { readScope } from '../read-scope.ts';
import { loadTask, localToday } from './task-context.ts';
import { assertPlanReadable, taskReadScope } from './task-read-scope.ts';

export interface TrackedTaskQuery {
  plan?: string;
  orgUnit?: string;
  role?: 'lead' | 'co';
  status?: TaskStatus;
  overdue?: boolean;
  q?: string;
  limit: number;
  offset: number;
}

/** Tasks with their derived status, filtered by plan, unit, role, status and overdue; scope-filtered. */
export async function listTrackedTasksFor(database: Database, actor: Actor, f: TrackedTaskQuery) {
  const db = database.db;
  const today = localToday();
  let orgUnitId: number | undefined;
  if (f.orgUnit !== undefined) {
    const u = await findOrgUnit(db, f.orgUnit);
    if (!u) throw notFound('org unit', f.orgUnit);
    orgUnitId = u.id;
  }
  const scope = await taskReadScope(db, actor);
  assertPlanReadable(scope, f.plan);
  const rows = await listTrackedTasks(db, { ...scope, plan: f.plan, orgUnitId, role: f.role, q: f.q });
  const all = rows
    .map((r) => presentTrackedTask(r, today))
    .filter((t) => (f.status === undefined || t.status === f.status) && (f.overdue === undefined || t.overdue === f.overdue));
  return { items: all.slice(f.offset, f.offset + f.limit), total: all.length, limit: f.limit, offset: f.offset };
}

function groupBy<T>(rows: readonly T[], key: (r: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
}

/** One task with milestones, the timeline of updates and contributions, notices, and what the actor may do. */
export async function taskDetail(database: Database, actor: Actor, plan: string, key: string): Promise<TaskDetail> {
  const db = database.db;
  const today = localToday();
  const t = await loadTask(db, actor, plan, key);
  const [milestones, timeline, notices] = await Promise.all([
    listMilestones(db, t.id),
    listTimeline(db, t.id),
    listNotices(db, t.id),
  ]);
  const [updateFiles, contributionFiles, replyFiles] = await Promise.all([
    attachmentsOf(
      db,
      'task_update',
      timeline.updates.map((u) => u.id),
    ),
    attachmentsOf(
      db,
      'task_contribution',
      timeline.contributions.map((c) => c.id),
    ),
    attachmentsOf(
      db,
      'notice_reply',
      notices.map((n) => n.id),
    ),
  ]);
  const byOwner = (rows: AttachmentRow[]) => groupBy(rows, (a) => a.owner_id!);
  const uf = byOwner(updateFiles);
  const cf = byOwner(contributionFiles);
  const rf = byOwner(replyFiles);
  const entries: TimelineEntry[] = [
    ...timeline.updates.map((u) => presentTimelineEntry('update', u, uf.get(u.id) ?? [])),
    ...timeline.contributions.map((c) => presentTimelineEntry('contribution', c, cf.get(c.id) ?? [])),
  ].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  const lead = t.units.filter((u) => u.role === 'lead');
  const co = t.units.filter((u) => u.role === 'co');
  return {
    task: presentTrackedTask(t.row, today),
    milestones: milestones.map((m) => ({
      id: m.id,
      title: m.title,
      dueOn: m.due_on,
      doneAt: m.done_at ? new Date(m.done_at).toISOString() : null,
      overdue: !m.done_at && m.due_on < today,
    })),
    timeline: entries,
    notices: notices.map((n) => presentNotice(n, rf.get(n.id) ?? [])),
    can: {
      update: t.row.closed_at ? [] : lead.filter((u) => t.may('report', u.code)).map((u) => u.code),
      contribute: t.row.closed_at ? [] : co.filter((u) => t.may('report', u.code)).map((u) => u.code),
      reply: notices.filter((n) => canReply(n.status) && t.may('report', n.org_unit_code)).map((n) => n.id),
      manage: t.may('define_plans'),
    },
  };
}

/**
 * A unit's board: the tasks it leads and those it co-operates on, with counts by status and the
 * notices it has to answer. Without a unit: the signed-in user's own org unit.
 */
export async function taskBoard(database: Database, actor: Actor, orgUnitCode: string | undefined) {
  const db = database.db;
  const today = localToday();
  let code = orgUnitCode;
  if (code === undefined) {
    const user = actor.userId === null ? undefined : await findUserById(db, actor.userId);
    code = user?.org_unit_code ?? undefined;
    if (!code)
      throw new AppError(
        'NO_ORG_UNIT',
        'you belong to no org unit; name one with ?orgUnit=',
        '您未归属任何组织单位，请用 ?orgUnit= 指定',
      );
  }
  const unit = await findOrgUnit(db, code);
  if (!unit) throw notFound('org unit', code);
  const scope = await readScope(db, actor);
  if (scope !== null && !scope.includes(unit.id)) throw notFound('org unit', code);
  const rows = await listTrackedTasks(db, { unitIds: scope, orgUnitId: unit.id });
  const tasks = rows.map((r) => presentTrackedTask(r, today));
  const isLead = (t: TrackedTask) => t.lead.some((u) => u.code === code);
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, tasks.filter((t) => t.status === s).length])) as Record<
    TaskStatus,
    number
  >;
  const notices = (await Promise.all(rows.map((r) => listNotices(db, r.id))))
    .flat()
    .filter((n) => n.org_unit_code === code && canReply(n.status));
  return {
    orgUnit: { code: unit.code, name: unit.name },
    today,
    asLead: tasks.filter(isLead),
    asCo: tasks.filter((t) => !isLead(t)),
    counts,
    overdue: tasks.filter((t) => t.overdue).length,
    openNotices: notices.map((n) => presentNotice(n, [])),
  };
}
