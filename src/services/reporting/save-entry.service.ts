import { isEditable, type SubmissionStatus } from '../../domain/reporting/workflow/submission-workflow.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { updateSubmission } from '../../repositories/submission.repository.ts';
import type { Actor } from '../actor.ts';
import { conflictError, writeDraftValue, type DraftWrite } from '../data-entry.service.ts';
import { readEntrySheet } from './entry-sheet.service.ts';
import { openReportingSheet } from './form-context.ts';

export interface EntryChanges {
  /** Cells to save; value null clears the cell. expectedVersion is the version the editor loaded (0 = new). */
  values: { indicator: string; value: string | null; expectedVersion: number }[];
  /** Explanations of soft findings, by finding key; an empty text removes one. */
  explanations?: Record<string, string>;
}

export const lockedError = (status: SubmissionStatus) =>
  new AppError(
    'LOCKED',
    `the submission is ${status} and cannot be edited`,
    status === 'approved' ? '该报表已审核通过并锁定，如需修改请审核员重新打开' : '该报表已提交，等待审核，不能修改',
  );

/**
 * Autosave of the data-entry grid: every changed cell of one submission in one transaction.
 * A version conflict on any cell rejects the whole save and lists each conflict with both values.
 */
export async function saveEntry(
  database: Database,
  actor: Actor,
  formCode: string,
  unitCode: string,
  period: string,
  changes: EntryChanges,
) {
  return database.db.transaction().execute(async (trx) => {
    const { ctx, unit, submission } = await openReportingSheet(trx, actor, formCode, unitCode, period);
    if (!isEditable(submission.status as SubmissionStatus)) throw lockedError(submission.status as SubmissionStatus);
    const conflicts: Extract<DraftWrite, { ok: false }>['conflict'][] = [];
    for (const change of changes.values) {
      const item = ctx.form.items.find((i) => i.indicator === change.indicator);
      const info = ctx.indicators.get(change.indicator);
      if (!item || !info)
        throw new AppError(
          'NOT_ON_FORM',
          `${change.indicator} is not an indicator of form ${formCode}`,
          `指标${change.indicator}不在报表${ctx.form.name}中`,
        );
      const key = {
        unitId: unit.id,
        indicatorId: info.id,
        orgUnit: unit.code,
        indicator: item.indicator,
        period,
        cumulative: item.cumulative,
      };
      const result = await writeDraftValue(trx, actor, key, change.value, change.expectedVersion);
      if (!result.ok) conflicts.push(result.conflict);
    }
    if (conflicts.length) throw conflictError(conflicts);
    if (changes.explanations) {
      const merged = { ...(submission.explanations as Record<string, string>) };
      for (const [k, v] of Object.entries(changes.explanations)) {
        if (v.trim()) merged[k] = v.trim();
        else delete merged[k];
      }
      await updateSubmission(trx, submission.id, submission.version, { explanations: merged });
    }
    return readEntrySheet(trx, actor, formCode, unitCode, period);
  });
}
