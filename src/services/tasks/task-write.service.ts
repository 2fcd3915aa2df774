import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { claimAttachments, type AttachmentOwnerKind } from '../../repositories/attachment.repository.ts';
import {
  bumpTaskVersion,
  closeTask as closeTaskRow,
  insertContribution,
  insertMilestone,
  insertUpdate,
  listMilestones,
  markMilestonesDone,
} from '../../repositories/task-supervision.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { cleanText, loadTask, localToday, type LoadedTask } from './task-context.ts';
import { taskDetail } from './task-query.service.ts';

const forbidden = () => new AppError('FORBIDDEN', 'you may not do this here', '无权执行此操作或超出您的管辖范围');

function versionConflict(t: LoadedTask, expected: number) {
  return new AppError(
    'VERSION_CONFLICT',
    `the task was changed meanwhile (version ${t.row.version}, you had ${expected}); reload and try again`,
    `任务已被他人修改（当前版本${t.row.version}，您提交的是${expected}），请刷新后重试`,
    { currentVersion: t.row.version },
  );
}

function assertOpen(t: LoadedTask) {
  if (t.row.closed_at)
    throw new AppError('TASK_CLOSED', 'the task is closed (已销号); nothing more can be posted', '任务已销号，不能再提交');
}

/** Attachments named by id must be the actor's own fresh uploads; all or nothing. */
export async function claimOwn(
  trx: Executor,
  actor: Actor,
  ids: readonly string[],
  owner: { kind: AttachmentOwnerKind; id: number },
): Promise<void> {
  const unique = [...new Set(ids)];
  const n = await claimAttachments(trx, unique, actor.userId, owner);
  if (n !== unique.length)
    throw new AppError(
      'ATTACHMENT_NOT_AVAILABLE',
      'an attachment is unknown, not your upload, or already attached elsewhere',
      '附件不存在、不是您上传的，或已用于其他记录',
      { attachments: unique },
    );
}

/** Which unit a lead or co post is for: the one named, or the first the actor may report for. */
export function postingUnit(t: LoadedTask, role: 'lead' | 'co', named: string | undefined) {
  const units = t.units.filter((u) => u.role === role);
  if (named !== undefined) {
    const u = units.find((x) => x.code === named);
    if (!u)
      throw new AppError(
        role === 'lead' ? 'NOT_LEAD_UNIT' : 'NOT_CO_UNIT',
        `${named} is not a ${role === 'lead' ? 'lead' : 'co-operating'} unit of this task`,
        `${named}不是该任务的${role === 'lead' ? '牵头' : '配合'}单位`,
      );
    return u;
  }
  const u = units.find((x) => t.may('report', x.code)) ?? units[0];
  if (!u) throw forbidden();
  return u;
}

/** The task, for a change only the plan office may make (milestones, 销号) and only while it is open. */
async function taskForPlanOffice(trx: Executor, actor: Actor, plan: string, key: string) {
  const t = await loadTask(trx, actor, plan, key);
  if (!t.may('define_plans')) throw forbidden();
  assertOpen(t);
  return t;
}

/** The open task and the lead or co unit a post is for, which the actor must be allowed to report for. */
async function taskForPosting(
  trx: Executor,
  actor: Actor,
  plan: string,
  key: string,
  role: 'lead' | 'co',
  named: string | undefined,
) {
  const t = await loadTask(trx, actor, plan, key);
  const unit = postingUnit(t, role, named);
  if (!t.may('report', unit.code)) throw forbidden();
  assertOpen(t);
  return { t, unit };
}

/** The plan office adds a milestone (a dated checkpoint) to a task; optimistic concurrency on the task. */
export async function addMilestone(
  database: Database,
  actor: Actor,
  plan: string,
  key: string,
  input: { title: string; dueOn: string; version: number },
) {
  await database.db.transaction().execute(async (trx) => {
    const t = await taskForPlanOffice(trx, actor, plan, key);
    const title = cleanText(input.title, 'title', '里程碑名称');
    if (!(await bumpTaskVersion(trx, t.id, input.version))) throw versionConflict(t, input.version);
    const id = await insertMilestone(trx, { taskId: t.id, title, dueOn: input.dueOn, createdBy: actor.userId });
    await recordAudit(trx, actor, {
      action: 'task.milestone.add',
      entity: 'task',
      entityKey: `${plan}/${key}`,
      after: { milestone: id, title, dueOn: input.dueOn },
    });
  });
  return taskDetail(database, actor, plan, key);
}

/** A progress update by a lead unit: text, percent, attachments, milestones it reports done. */
export async function postUpdate(
  database: Database,
  actor: Actor,
  plan: string,
  key: string,
  input: { orgUnit?: string; text: string; percent: number; attachments: string[]; milestonesDone: number[] },
) {
  await database.db.transaction().execute(async (trx) => {
    const { t, unit } = await taskForPosting(trx, actor, plan, key, 'lead', input.orgUnit);
    const body = cleanText(input.text, 'text', '进展说明');
    const known = new Set((await listMilestones(trx, t.id)).map((m) => m.id));
    const unknown = input.milestonesDone.filter((id) => !known.has(id));
    if (unknown.length)
      throw new AppError(
        'UNKNOWN_MILESTONE',
        `milestone(s) ${unknown.join(', ')} are not of this task`,
        `里程碑${unknown.join('、')}不属于该任务`,
      );
    const row = await insertUpdate(trx, {
      taskId: t.id,
      orgUnitId: unit.id,
      body,
      percent: input.percent,
      authorId: actor.userId,
    });
    await claimOwn(trx, actor, input.attachments, { kind: 'task_update', id: row.id });
    await markMilestonesDone(trx, t.id, input.milestonesDone);
    await recordAudit(trx, actor, {
      action: 'task.update',
      entity: 'task',
      entityKey: `${plan}/${key}`,
      after: {
        update: row.id,
        orgUnit: unit.code,
        percent: input.percent,
        attachments: input.attachments,
        milestonesDone: input.milestonesDone,
      },
    });
  });
  return taskDetail(database, actor, plan, key);
}

/** A co-unit's contribution: what it did for the task, with attachments. */
export async function postContribution(
  database: Database,
  actor: Actor,
  plan: string,
  key: string,
  input: { orgUnit?: string; text: string; attachments: string[] },
) {
  await database.db.transaction().execute(async (trx) => {
    const { t, unit } = await taskForPosting(trx, actor, plan, key, 'co', input.orgUnit);
    const body = cleanText(input.text, 'text', '配合情况');
    const row = await insertContribution(trx, { taskId: t.id, orgUnitId: unit.id, body, authorId: actor.userId });
    await claimOwn(trx, actor, input.attachments, { kind: 'task_contribution', id: row.id });
    await recordAudit(trx, actor, {
      action: 'task.contribution',
      entity: 'task',
      entityKey: `${plan}/${key}`,
      after: { contribution: row.id, orgUnit: unit.code, attachments: input.attachments },
    });
  });
  return taskDetail(database, actor, plan, key);
}

/** 销号: the plan office closes a task with a reason; optimistic concurrency on the task. */
export async function closeTask(
  database: Database,
  actor: Actor,
  plan: string,
  key: string,
  input: { reason: string; version: number },
) {
  await database.db.transaction().execute(async (trx) => {
    const t = await taskForPlanOffice(trx, actor, plan, key);
    const reason = cleanText(input.reason, 'reason', '销号理由');
    if (!(await bumpTaskVersion(trx, t.id, input.version))) throw versionConflict(t, input.version);
    await closeTaskRow(trx, t.id, actor.userId, reason);
    await recordAudit(trx, actor, {
      action: 'task.close',
      entity: 'task',
      entityKey: `${plan}/${key}`,
      before: { version: t.row.version },
      after: { closed: localToday(), reason },
    });
  });
  return taskDetail(database, actor, plan, key);
}
