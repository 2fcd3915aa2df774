import type { Database } from '../../db/database.ts';
import { authorize } from '../../domain/access/authorize.ts';
import { canClose, canReply, escalationDue } from '../../domain/tasks/escalation.ts';
import { AppError } from '../../errors/app-error.ts';
import { insertNotifications, type NewNotification } from '../../repositories/notification.repository.ts';
import { parentLinks } from '../../repositories/org-unit.repository.ts';
import {
  ancestorsOf,
  findNotice,
  insertNotice,
  noticeIssuer,
  taskUnits,
  unrepliedNotices,
  updateNotice,
  type NoticeRow,
} from '../../repositories/task-supervision.repository.ts';
import { attachmentsOf } from '../../repositories/attachment.repository.ts';
import { presentNotice } from '../../presenters/task-tracking.presenter.ts';
import { SYSTEM_ACTOR, type Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { recipientFinder } from '../notifications/recipients.ts';
import { readScope } from '../read-scope.ts';
import { cleanText, loadTask, localToday, visibleIn } from './task-context.ts';
import type { Executor } from '../../repositories/transaction.ts';
import { claimOwn } from './task-write.service.ts';

const forbidden = () => new AppError('FORBIDDEN', 'you may not do this here', '无权执行此操作或超出您的管辖范围');
const noticeNotFound = (id: number) => new AppError('NOT_FOUND', `notice ${id} not found`, `未找到督办单${id}`);
const taskLink = (n: { plan_id: string; task_key: string }) => `#/tasks/${n.plan_id}/${n.task_key}`;
const short = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** The plan office issues a 督办单 to one of the task's units; its reporters and reviewers are told. */
export async function issueNotice(
  database: Database,
  actor: Actor,
  plan: string,
  key: string,
  input: { orgUnit: string; text: string; replyBy: string },
) {
  const id = await database.db.transaction().execute((trx) => issueNoticeIn(trx, actor, plan, key, input));
  return noticeResponse(database, id);
}

/** issueNotice inside the caller's transaction (a 督办 from an evaluation result creates the task first); the notice's id. */
export async function issueNoticeIn(
  trx: Executor,
  actor: Actor,
  plan: string,
  key: string,
  input: { orgUnit: string; text: string; replyBy: string },
): Promise<number> {
  const t = await loadTask(trx, actor, plan, key);
  if (!t.may('define_plans')) throw forbidden();
  const unit = t.units.find((u) => u.code === input.orgUnit);
  if (!unit)
    throw new AppError(
      'NOT_TASK_UNIT',
      `${input.orgUnit} is neither lead nor co-unit of this task`,
      `${input.orgUnit}不是该任务的牵头或配合单位`,
    );
  if (input.replyBy < localToday())
    throw new AppError('REPLY_BY_PAST', `the reply date ${input.replyBy} has already passed`, `回复期限${input.replyBy}已过`);
  const body = cleanText(input.text, 'text', '督办内容');
  const id = await insertNotice(trx, {
    taskId: t.id,
    orgUnitId: unit.id,
    body,
    replyBy: input.replyBy,
    issuedBy: actor.userId,
  });
  const recipients = (await recipientFinder(trx))({ orgUnit: unit.code, roles: ['reporter', 'reviewer'], plan });
  await insertNotifications(
    trx,
    recipients.map((userId): NewNotification => ({
      userId,
      kind: 'task_notice',
      title: { zh: `督办：${unit.name}《${short(t.row.text)}》`, en: `Supervision notice to ${unit.code}: ${plan}/${key}` },
      body: {
        zh: `${body}（请于${input.replyBy}前回复）`,
        en: `A supervision notice on task ${plan}/${key} asks ${unit.code} to reply by ${input.replyBy}.`,
      },
      link: `#/tasks/${plan}/${key}`,
      dueOn: input.replyBy,
      dedupeKey: `task-notice:${id}`,
    })),
  );
  await recordAudit(trx, actor, {
    action: 'task.notice.issue',
    entity: 'task_notice',
    entityKey: String(id),
    after: { task: `${plan}/${key}`, orgUnit: unit.code, replyBy: input.replyBy },
  });
  return id;
}

async function noticeResponse(database: Database, id: number) {
  const n = (await findNotice(database.db, id))!;
  return presentNotice(n, await attachmentsOf(database.db, 'notice_reply', [id]));
}

/** A notice as the actor may see it (the task in the read scope), or 404. */
async function visibleNotice(database: Database, actor: Actor, id: number): Promise<NoticeRow> {
  const n = await findNotice(database.db, id);
  if (!n) throw noticeNotFound(id);
  const scope = await readScope(database.db, actor);
  if (
    !visibleIn(
      scope,
      (await taskUnits(database.db, n.task_id)).map((u) => u.id),
    )
  )
    throw noticeNotFound(id);
  return n;
}

/** The noticed unit replies (text and attachments); the issuer is told. */
export async function replyNotice(database: Database, actor: Actor, id: number, input: { text: string; attachments: string[] }) {
  const n = await visibleNotice(database, actor, id);
  const parents = await parentLinks(database.db);
  if (!authorize(actor.grants, 'report', { orgUnit: n.org_unit_code, plan: n.plan_id }, (c) => parents.get(c))) throw forbidden();
  if (!canReply(n.status))
    throw new AppError('NOTICE_NOT_OPEN', `the notice is ${n.status}; it takes no reply`, `督办单状态为${n.status}，不能回复`);
  const text = cleanText(input.text, 'text', '回复内容');
  await database.db.transaction().execute(async (trx) => {
    if (!(await updateNotice(trx, id, n.version, { status: 'replied', replyText: text, repliedBy: actor.userId })))
      throw new AppError('VERSION_CONFLICT', 'the notice was changed meanwhile; reload', '督办单已被他人修改，请刷新');
    await claimOwn(trx, actor, input.attachments, { kind: 'notice_reply', id });
    const issuer = await noticeIssuer(trx, id);
    if (issuer !== null)
      await insertNotifications(trx, [
        {
          userId: issuer,
          kind: 'task_notice',
          title: {
            zh: `督办回复：${n.org_unit_name}《${short(n.task_text)}》`,
            en: `Reply from ${n.org_unit_code}: ${n.plan_id}/${n.task_key}`,
          },
          body: { zh: text, en: `${n.org_unit_code} replied to supervision notice ${id}.` },
          link: taskLink(n),
          dedupeKey: `task-notice-reply:${id}`,
        },
      ]);
    await recordAudit(trx, actor, {
      action: 'task.notice.reply',
      entity: 'task_notice',
      entityKey: String(id),
      before: { status: n.status },
      after: { status: 'replied', attachments: input.attachments },
    });
  });
  return noticeResponse(database, id);
}

/** The plan office closes a notice (answered or moot). */
export async function closeNotice(database: Database, actor: Actor, id: number) {
  const n = await visibleNotice(database, actor, id);
  const parents = await parentLinks(database.db);
  if (!authorize(actor.grants, 'define_plans', { plan: n.plan_id }, (c) => parents.get(c))) throw forbidden();
  if (!canClose(n.status)) throw new AppError('NOTICE_CLOSED', 'the notice is already closed', '督办单已关闭');
  await database.db.transaction().execute(async (trx) => {
    if (!(await updateNotice(trx, id, n.version, { status: 'closed' })))
      throw new AppError('VERSION_CONFLICT', 'the notice was changed meanwhile; reload', '督办单已被他人修改，请刷新');
    await recordAudit(trx, actor, {
      action: 'task.notice.close',
      entity: 'task_notice',
      entityKey: String(id),
      before: { status: n.status },
      after: { status: 'closed' },
    });
  });
  return noticeResponse(database, id);
}

/** For the route's access rule: the notice's unit and plan ({} when there is no such notice). */
export async function noticeResource(database: Database, id: number): Promise<{ orgUnit?: string; plan?: string }> {
  const n = await findNotice(database.db, id);
  return n ? { orgUnit: n.org_unit_code, plan: n.plan_id } : {};
}

export interface EscalationResult {
  today: string;
  escalated: number;
  notifications: number;
}

/**
 * The daily escalation run (scheduler): every open notice past its reply date goes one level up;
 * the unit's superior (reviewers and plan managers over its parent), the plan office (plan
 * managers over the whole tree for the plan) and the unit's reporters are told. Idempotent per
 * day: an escalated notice has a new reply date in the future.
 */
export async function escalateNotices(database: Database, today: string = localToday()): Promise<EscalationResult> {
  const db = database.db;
  const result: EscalationResult = { today, escalated: 0, notifications: 0 };
  const recipients = await recipientFinder(db);
  for (const n of await unrepliedNotices(db, today)) {
    const due = escalationDue({ status: n.status, level: n.level, replyBy: n.reply_by }, today);
    if (!due) continue;
    await db.transaction().execute(async (trx) => {
      if (!(await updateNotice(trx, n.id, n.version, { status: 'escalated', level: due.level, replyBy: due.replyBy }))) return;
      const superior = (await ancestorsOf(trx, n.org_unit_id))[0];
      const users = new Set([
        ...(superior ? recipients({ orgUnit: superior.code, roles: ['reviewer', 'plan_manager'], plan: n.plan_id }) : []),
        ...recipients({ orgUnit: null, roles: ['plan_manager'], plan: n.plan_id }),
        ...recipients({ orgUnit: n.org_unit_code, roles: ['reporter', 'reviewer'], plan: n.plan_id }),
      ]);
      const ids = await insertNotifications(
        trx,
        [...users].map((userId): NewNotification => ({
          userId,
          kind: 'task_escalation',
          title: {
            zh: `督办升级（${due.level}级）：${n.org_unit_name}未按期回复`,
            en: `Notice escalated to level ${due.level}: ${n.org_unit_code} did not reply`,
          },
          body: {
            zh: `${n.org_unit_name}未在${n.reply_by}前回复关于《${short(n.task_text)}》的督办单，已升级，请于${due.replyBy}前回复。`,
            en: `${n.org_unit_code} did not reply by ${n.reply_by} to the notice on ${n.plan_id}/${n.task_key}; now due ${due.replyBy}.`,
          },
          link: taskLink(n),
          dueOn: due.replyBy,
          dedupeKey: `task-escalation:${n.id}:${due.level}`,
        })),
      );
      await recordAudit(trx, SYSTEM_ACTOR, {
        action: 'task.notice.escalate',
        entity: 'task_notice',
        entityKey: String(n.id),
        before: { status: n.status, level: n.level, replyBy: n.reply_by },
        after: { status: 'escalated', level: due.level, replyBy: due.replyBy },
      });
      result.escalated += 1;
      result.notifications += ids.length;
    });
  }
  return result;
}
