import type { Database } from '../../db/database.ts';
import type { ComputedRun, RunInput } from '../../domain/evaluation/compute-run.ts';
import {
  runPublishedNotice,
  supervisionReason,
  supervisionReasonText,
  supervisionTask,
  unitResultNotice,
  type ResultRun,
  type SupervisionReason,
} from '../../domain/evaluation/results-use.ts';
import { schemeOwners } from '../../domain/evaluation/scheme-plans.ts';
import { storedSchemeSchema } from '../../domain/evaluation/stored-scheme.schema.ts';
import { ROLES } from '../../domain/access/roles.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import { findRun, insertSupervision, supervisionsOfRun } from '../../repositories/evaluation.repository.ts';
import { insertNotifications, type NewNotification } from '../../repositories/notification.repository.ts';
import { findUnitByCode } from '../../repositories/org-unit-alias.repository.ts';
import { findTaskId, insertListedTask, planTaskList } from '../../repositories/task-supervision.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { recipientFinder } from '../notifications/recipients.ts';
import { issueNoticeIn } from '../tasks/notice.service.ts';

/**
 * Results used (issue 16 item 4): publishing tells each evaluated unit its result; the plan office turns a
 * bottom-graded, vetoed or floor-capped unit into a 督办 task in one step (grade-history.service.ts: a
 * unit's grades across published runs).
 */

type StoredRun = NonNullable<Awaited<ReturnType<typeof findRun>>>;

function resultRun(run: Pick<StoredRun, 'id' | 'year' | 'input' | 'results'>): ResultRun {
  const computed = run.results as ComputedRun;
  const def = storedSchemeSchema.parse((run.input as RunInput).scheme.definition);
  return {
    id: run.id,
    year: run.year,
    scheme: { code: def.code, name: def.name, nameEn: def.nameEn ?? null },
    grades: computed.grades,
    simulated: computed.simulated ?? computed.units.some((u) => (u.synthetic ?? []).length > 0),
  };
}

/** The scheme's plans a notice or task belongs to (undefined = every plan: a scheme citing none). */
const plansOf = (definition: unknown) => schemeOwners(definition).filter((p): p is string => p !== null);

/**
 * Inside the publishing transaction: every evaluated unit's people — users whose grant lies within a subtree
 * holding the unit (reporters, reviewers, viewers and the unit's plan managers), for the scheme's plans — get
 * the unit's result with its explanation; plan managers over the whole province get one notice for the run
 * (not one per unit). The publisher is not told. Returns how many notices were stored.
 */
export async function notifyPublished(trx: Executor, actor: Actor, run: StoredRun): Promise<number> {
  const computed = run.results as ComputedRun;
  const r = resultRun(run);
  const plans = plansOf((run.input as RunInput).scheme.definition);
  const find = await recipientFinder(trx);
  const forPlans = (q: Omit<Parameters<typeof find>[0], 'plan'>) =>
    new Set(plans.length ? plans.flatMap((plan) => find({ ...q, plan })) : find(q));
  const rows: NewNotification[] = [];
  const notice = (userId: number, n: ReturnType<typeof unitResultNotice>) => {
    if (userId !== actor.userId)
      rows.push({ userId, kind: 'evaluation_published', title: n.title, body: n.body, link: n.link, dedupeKey: n.dedupeKey });
  };
  let toSupervise = 0;
  for (const u of computed.units) {
    if (supervisionReason(u, computed.grades)) toSupervise++;
    const peers = computed.units.filter((p) => p.group === u.group && p.rank !== null).length;
    const n = unitResultNotice(r, u, peers);
    for (const userId of forPlans({ orgUnit: u.code, roles: ROLES, wholeTree: 'exclude' })) notice(userId, n);
  }
  const summary = runPublishedNotice(r, { units: computed.units.length, toSupervise });
  for (const userId of forPlans({ orgUnit: null, roles: ['plan_manager'], wholeTree: 'only' })) notice(userId, summary);
  return (await insertNotifications(trx, rows)).length;
}

/** What a 督办 from a run result created (the reply date is checked by the notice service). */
export interface SupervisionResult {
  task: { plan: string; key: string };
  noticeId: number;
  reason: SupervisionReason;
}

/**
 * One step from a result to 督办: for a unit of a published run whose result calls for it (bottom grade,
 * veto, floor), creates a task in the scheme's plan (the unit leading, the reply date as its deadline)
 * and issues its 督办单 through the task supervision service (the unit's reporters and reviewers are told),
 * linked to the run and unit; audited. A second 督办 of the same unit from the same run is refused.
 */
export async function superviseFromRun(
  database: Database,
  actor: Actor,
  runId: number,
  input: { unit: string; replyBy: string; text?: string },
): Promise<SupervisionResult> {
  return database.db.transaction().execute(async (trx) => {
    const run = await findRun(trx, runId);
    if (!run) throw notFound('evaluation run', String(runId));
    if (run.status !== 'published')
      throw new AppError('RUN_NOT_PUBLISHED', `run ${runId} is not published yet`, `评价结果 ${runId} 尚未发布，不能据此督办`);
    const computed = run.results as ComputedRun;
    const unit = computed.units.find((u) => u.code === input.unit);
    if (!unit) throw notFound('unit in evaluation run', input.unit);
    const reason = supervisionReason(unit, computed.grades);
    if (!reason)
      throw new AppError(
        'NOT_SUPERVISABLE',
        `${unit.code} is neither graded lowest, vetoed nor below a plan floor in run ${runId}`,
        `${unit.name}在本次评价中未评为最低等级、未触发一票否决、也未低于规划底线，无需督办`,
      );
    const plan = plansOf((run.input as RunInput).scheme.definition)[0];
    if (!plan)
      throw new AppError(
        'NO_PLAN',
        `run ${runId}'s scheme cites no plan to hold the task`,
        '该评价方案未关联规划，无法建立督办任务',
      );
    const orgUnit = await findUnitByCode(trx, unit.code);
    if (!orgUnit) throw notFound('org unit', unit.code);
    const r = resultRun(run);
    const task = supervisionTask(r, unit, reason);
    if ((await findTaskId(trx, plan, task.key)) !== undefined)
      throw new AppError(
        'ALREADY_SUPERVISED',
        `${unit.code} has a 督办 task from run ${runId} already`,
        `${unit.name}已据本次评价督办`,
        {
          task: { plan, key: task.key },
        },
      );
    const ordinal = Math.max(-1, ...(await planTaskList(trx, plan)).map((t) => t.ordinal)) + 1;
    const taskId = await insertListedTask(trx, plan, task.key, ordinal, {
      text: task.text,
      deadline: input.replyBy,
      deadlineOn: input.replyBy,
      lead: [orgUnit.id],
      co: [],
      leadUnmatched: [],
      coUnmatched: [],
    });
    const noticeId = await issueNoticeIn(trx, actor, plan, task.key, {
      orgUnit: unit.code,
      text: input.text?.trim() ? input.text : task.notice,
      replyBy: input.replyBy,
    });
    await insertSupervision(trx, { runId, orgUnitId: orgUnit.id, taskId, noticeId, reason, userId: actor.userId });
    await recordAudit(trx, actor, {
      action: 'supervise',
      entity: 'evaluation_run',
      entityKey: String(runId),
      after: {
        unit: unit.code,
        reason,
        grade: unit.grade,
        task: `${plan}/${task.key}`,
        notice: noticeId,
        replyBy: input.replyBy,
      },
    });
    return { task: { plan, key: task.key }, noticeId, reason };
  });
}

/** A run's 督办 tasks by unit code (for the run view). */
export async function runSupervisions(db: Executor, runId: number) {
  const rows = await supervisionsOfRun(db, runId);
  return new Map(
    rows.map((r) => [
      r.unit_code,
      { plan: r.plan_id, key: r.task_key, reason: r.reason, reasonText: supervisionReasonText(r.reason) },
    ]),
  );
}
