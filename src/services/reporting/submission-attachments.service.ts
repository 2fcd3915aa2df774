import { isEditable, type SubmissionStatus } from '../../domain/reporting/workflow/submission-workflow.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { claimOwn } from '../tasks/task-write.service.ts';
import { readEntrySheet, submissionEntityKey } from './entry-sheet.service.ts';
import { openReportingSheet } from './form-context.ts';

/**
 * Attaches the reporter's own fresh uploads (POST /attachments) to a sheet, so that the reviewer
 * sees them on the review view (issue 18: 台账, scans of a 情况说明). Only while the sheet can still
 * be edited; all or nothing; audited.
 */
export async function attachToSubmission(
  database: Database,
  actor: Actor,
  formCode: string,
  unitCode: string,
  period: string,
  attachmentIds: readonly string[],
) {
  return database.db.transaction().execute(async (trx) => {
    const { submission: row } = await openReportingSheet(trx, actor, formCode, unitCode, period);
    if (!isEditable(row.status as SubmissionStatus))
      throw new AppError(
        'LOCKED',
        'the sheet is submitted or approved; files can no longer be attached',
        '报表已提交或已审核，不能再添加附件',
      );
    await claimOwn(trx, actor, attachmentIds, { kind: 'report_submission', id: row.id });
    await recordAudit(trx, actor, {
      action: 'attach',
      entity: 'report_submission',
      entityKey: submissionEntityKey(formCode, unitCode, period),
      after: { attachments: [...new Set(attachmentIds)] },
    });
    return readEntrySheet(trx, actor, formCode, unitCode, period);
  });
}
