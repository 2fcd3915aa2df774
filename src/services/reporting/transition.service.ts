import { workflowNotice } from '../../domain/notifications/workflow-notice.ts';
import { periodLabel } from '../../domain/period/period-label.ts';
import { checkCellComments, overallComment } from '../../domain/reporting/workflow/cell-comments.ts';
import { checkTransition, type SubmissionStatus, type Transition } from '../../domain/reporting/workflow/submission-workflow.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import {
  ensureSubmission,
  setReportedStatus,
  updateSubmission,
  type SubmissionPatch,
} from '../../repositories/submission.repository.ts';
import { insertNotifications } from '../../repositories/notification.repository.ts';
import { findUserById } from '../../repositories/user.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { recipientFinder } from '../notifications/recipients.ts';
import { evaluateSubmission, readEntrySheet, submissionEntityKey, unexplained } from './entry-sheet.service.ts';
import { checkFormPeriod, itemKeys, loadFormContext, resolveReportingUnit } from './form-context.ts';
import { ProgressContext } from '../progress/progress-context.ts';

/** What a transition needs: the repositories and reads it calls, replaceable by fakes in its fast test. */
export interface TransitionDeps {
  loadFormContext: typeof loadFormContext;
  resolveReportingUnit: typeof resolveReportingUnit;
  ensureSubmission: typeof ensureSubmission;
  evaluateSubmission: typeof evaluateSubmission;
  updateSubmission: typeof updateSubmission;
  setReportedStatus: typeof setReportedStatus;
  findUserById: typeof findUserById;
  recipientFinder: typeof recipientFinder;
  insertNotifications: typeof insertNotifications;
  recordAudit: typeof recordAudit;
  readEntrySheet: typeof readEntrySheet;
  /**
   * After an approval, a correction's return or a reopening commits: recomputes the yearly and
   * analytics tables (issue 22), so the next reader of progress finds nothing to recompute.
   */
  refreshProgress?: (db: Database['db']) => Promise<unknown>;
}

const repositories: TransitionDeps = {
  loadFormContext,
  resolveReportingUnit,
  ensureSubmission,
  evaluateSubmission,
  updateSubmission,
  setReportedStatus,
  findUserById,
  recipientFinder,
  insertNotifications,
  recordAudit,
  readEntrySheet,
  refreshProgress: (db) => ProgressContext.refreshYears(db),
};

export interface TransitionInput {
  /** The submission version the caller saw: a stale screen cannot approve what it did not see. */
  version: number;
  comment?: string | null;
  /** Return / reopen: the reviewer's comments at single cells (indicator → text), kept as written. */
  cellComments?: Record<string, string>;
}

/**
 * Moves a submission along draft → submitted → approved / returned. Submitting re-runs the rules:
 * a hard finding, a missing required figure or an unexplained soft finding refuses it with 422.
 * Every transition is audited, and the figures follow the submission's status.
 */
export async function transitionSubmission(
  database: Database,
  actor: Actor,
  formCode: string,
  unitCode: string,
  period: string,
  transition: Transition,
  input: TransitionInput,
  deps: TransitionDeps = repositories,
) {
  let visibleChange = false;
  const sheet = await database.db.transaction().execute(async (trx) => {
    const ctx = await deps.loadFormContext(trx, formCode);
    const unit = await deps.resolveReportingUnit(trx, actor, ctx.form, unitCode);
    const dates = checkFormPeriod(ctx.form, period);
    const row = await deps.ensureSubmission(trx, {
      formId: ctx.id,
      unitId: unit.id,
      period,
      formVersion: ctx.version,
      dueDate: dates.due,
    });
    const from = row.status as SubmissionStatus;
    const cells = checkCellComments(
      input.cellComments,
      ctx.form.items.map((i) => i.indicator),
    );
    if (!cells.ok)
      throw new AppError(
        'NOT_ON_FORM',
        `comments at indicators not on the form: ${cells.unknown.join(', ')}`,
        `意见所在指标不在该报表中：${cells.unknown.join('、')}`,
        { unknown: cells.unknown },
      );
    if (Object.keys(cells.comments).length && transition !== 'return' && transition !== 'reopen')
      throw new AppError(
        'INVALID_REQUEST',
        'comments at cells go with a return or a reopening',
        '只有退回或重新打开时才能对单元格填写意见',
      );
    // A return may say why at the cells alone: the overall comment then lists them under their names.
    const comment =
      transition === 'return' || transition === 'reopen'
        ? overallComment(input.comment, cells.comments, (code) => ctx.indicators.get(code)?.name ?? code)
        : (input.comment ?? null);
    if (row.version !== input.version)
      throw new AppError(
        'VERSION_CONFLICT',
        `the submission changed since you loaded it (version ${row.version}, yours ${input.version}); reload`,
        '该报表已被他人更新，请刷新后再操作',
        { currentVersion: row.version, status: from },
      );
    const check = checkTransition(from, transition, comment);
    if (!check.ok) throw new AppError(check.code, check.en, check.zh);
    visibleChange = check.to === 'approved' || from === 'approved';
    const now = new Date();
    const patch: SubmissionPatch = { status: check.to };
    if (transition === 'submit') {
      const { evaluation, missing } = await deps.evaluateSubmission(trx, ctx, unit.id, period);
      const errors = evaluation.findings.filter((f) => f.severity === 'error');
      const pending = unexplained(evaluation, row.explanations as Record<string, string>);
      if (missing.length || errors.length || pending.length)
        throw new AppError(
          'SUBMISSION_INVALID',
          'the submission cannot be submitted yet: fill the required figures, fix the errors and explain the warnings',
          '暂不能提交：请填写必填指标、改正错误并对预警作出说明',
          { missing, errors, unexplained: pending },
        );
      Object.assign(patch, {
        first_submitted_at: row.first_submitted_at ?? now,
        submitted_at: now,
        submitted_by: actor.userId,
        form_version: ctx.version,
        review_cell_comments: {},
      });
    } else {
      Object.assign(patch, { reviewed_at: now, reviewed_by: actor.userId });
      if (transition !== 'approve') patch.review_comment = comment!;
      patch.review_cell_comments = transition === 'approve' ? {} : cells.comments;
    }
    await deps.updateSubmission(trx, row.id, row.version, patch);
    await deps.setReportedStatus(trx, unit.id, period, itemKeys(ctx), check.to);
    const notified = await notifyOtherSide(trx, actor, deps, {
      transition,
      form: { code: ctx.form.code, name: ctx.form.name, nameEn: ctx.form.nameEn },
      unit: { code: unit.code, name: unit.name, nameEn: unit.name_en },
      period,
      comment: transition === 'submit' || transition === 'approve' ? null : comment,
      version: row.version + 1,
    });
    await deps.recordAudit(trx, actor, {
      action: transition,
      entity: 'report_submission',
      entityKey: submissionEntityKey(formCode, unitCode, period),
      before: { status: from, version: row.version },
      // Who was told is part of the record: the inbox notices are written in the same transaction.
      after: {
        status: check.to,
        ...(comment?.trim() ? { comment: comment.trim() } : {}),
        ...(Object.keys(cells.comments).length ? { cellComments: cells.comments } : {}),
        notified,
      },
    });
    return deps.readEntrySheet(trx, actor, formCode, unitCode, period);
  });
  if (visibleChange) await deps.refreshProgress?.(database.db);
  return sheet;
}

/**
 * Tells the other side of the workflow (issue 18): the reviewers over the unit of a submission, the
 * unit's reporters of a return, reopening or approval; never the actor. Returns how many were told.
 */
async function notifyOtherSide(
  trx: Executor,
  actor: Actor,
  deps: TransitionDeps,
  e: {
    transition: Transition;
    form: { code: string; name: string; nameEn: string };
    unit: { code: string; name: string; nameEn: string | null };
    period: string;
    comment: string | null;
    version: number;
  },
): Promise<number> {
  const user = actor.userId === null ? undefined : await deps.findUserById(trx, actor.userId);
  const notice = workflowNotice({
    ...e,
    periodLabel: { zh: periodLabel(e.period, 'zh'), en: periodLabel(e.period, 'en') },
    actorName: user?.display_name ?? actor.label,
  });
  const recipients = (await deps.recipientFinder(trx))({ orgUnit: e.unit.code, roles: [notice.audience] });
  const inserted = await deps.insertNotifications(
    trx,
    recipients
      .filter((id) => id !== actor.userId)
      .map((userId) => ({
        userId,
        kind: notice.kind,
        title: notice.title,
        body: notice.body,
        link: notice.link,
        dedupeKey: notice.dedupeKey,
      })),
  );
  return inserted.length;
}
