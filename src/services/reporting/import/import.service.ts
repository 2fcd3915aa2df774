import { parsePeriod } from '../../../domain/period/period.ts';
import { duplicateProblem } from '../../../domain/reporting/table/duplicate-problem.ts';
import { withFormMappings } from '../../../domain/reporting/table/form-mappings.ts';
import { createTableInterpreter } from '../../../domain/reporting/table/interpret-table.ts';
import type { SheetRow, TableProblem } from '../../../domain/reporting/table/table.types.ts';
import type { Database } from '../../../db/database.ts';
import { AppError } from '../../../errors/app-error.ts';
import {
  analyseStaging,
  applyStaging,
  createStaging,
  diffStaging,
  insertReportImport,
  lockTouchedSubmissions,
  previousImport,
  stagedChanges,
  stagedDuplicates,
  stagingCounts,
  submissionChanges,
} from '../../../repositories/import-staging.repository.ts';
import type { Executor } from '../../../repositories/transaction.ts';
import type { Actor } from '../../actor.ts';
import { recordAudit, recordAuditBatch } from '../../audit.service.ts';
import { submissionEntityKey } from '../entry-sheet.service.ts';
import { checkFormPeriod, loadFormContext, type FormContext } from '../form-context.ts';
import { formMappings } from '../form-mapping.service.ts';
import { withBulkTransaction } from './bulk-transaction.ts';
import {
  inFileOrder,
  lockedProblem,
  MAX_PROBLEMS,
  PREVIEW_CHANGES,
  rejected,
  type ImportFormat,
  type ImportResult,
} from './import-result.ts';
import { recordChecker } from './record-checker.ts';
import { checkGrowthClaims } from './growth-check.ts';
import { gateStaged, type GateResult } from './rule-gate.ts';
import { stager } from './stager.ts';

export type { ImportFormat, ImportResult } from './import-result.ts';

/** What an import needs: its transaction, reads, staging-table steps and audit, replaceable by fakes in its fast test. */
export interface ImportDeps {
  withBulkTransaction: typeof withBulkTransaction;
  loadFormContext: typeof loadFormContext;
  recordChecker: typeof recordChecker;
  formMappings: typeof formMappings;
  checkGrowthClaims: typeof checkGrowthClaims;
  createStaging: typeof createStaging;
  stager: typeof stager;
  stagedDuplicates: typeof stagedDuplicates;
  previousImport: typeof previousImport;
  gateStaged: typeof gateStaged;
  analyseStaging: typeof analyseStaging;
  lockTouchedSubmissions: typeof lockTouchedSubmissions;
  diffStaging: typeof diffStaging;
  stagingCounts: typeof stagingCounts;
  stagedChanges: typeof stagedChanges;
  submissionChanges: typeof submissionChanges;
  applyStaging: typeof applyStaging;
  insertReportImport: typeof insertReportImport;
  recordAudit: typeof recordAudit;
  recordAuditBatch: typeof recordAuditBatch;
}

const repositories: ImportDeps = {
  withBulkTransaction,
  loadFormContext,
  recordChecker,
  formMappings,
  checkGrowthClaims,
  createStaging,
  stager,
  stagedDuplicates,
  previousImport,
  gateStaged,
  analyseStaging,
  lockTouchedSubmissions,
  diffStaging,
  stagingCounts,
  stagedChanges,
  submissionChanges,
  applyStaging,
  insertReportImport,
  recordAudit,
  recordAuditBatch,
};

export interface ImportRequest {
  form: string;
  fileName: string;
  format: ImportFormat;
  /** The period the upload is for when rows do not state one. */
  period: string | null;
  /** Preview only: compute what would change, write nothing. */
  dryRun: boolean;
  /** The upload's rows, streamed; sha256 of the raw bytes is known once they are consumed. */
  rows: AsyncIterable<SheetRow>;
  sha256: () => string;
}

/**
 * One upload, all or nothing: read and interpret the rows, check every figure (unit, scope, period,
 * lock), stage them, compare with what is stored, and — unless it is a dry run or anything is
 * wrong — write the changed figures as drafts with one audit entry per submission and one for the
 * upload. Equal figures are left alone, so the same file twice changes nothing.
 */
export async function importValues(
  database: Database,
  actor: Actor,
  req: ImportRequest,
  deps: ImportDeps = repositories,
): Promise<ImportResult> {
  const outcome = await deps.withBulkTransaction(database, async (db, copy) => {
    const ctx = await deps.loadFormContext(db, req.form);
    if (req.period !== null) checkPeriodText(ctx, req.period);
    const checker = await deps.recordChecker(db, actor, ctx);
    // Names reporters mapped once for this form read as the catalogue's own names and aliases.
    const mapped = withFormMappings(
      ctx.form.items.map((item) => {
        const i = ctx.indicators.get(item.indicator)!;
        return {
          indicator: i.code,
          name: i.name,
          nameEn: i.nameEn,
          unit: i.unit,
          synonyms: [...i.synonyms, ...item.synonyms],
          cumulative: item.cumulative,
        };
      }),
      checker.units,
      await deps.formMappings(db, ctx.id),
    );
    const interpreter = createTableInterpreter({
      items: mapped.items,
      units: mapped.units,
      frequency: ctx.form.frequency,
      period: req.period,
      // Found in the staging table instead (stagedDuplicates): no per-figure key map in memory.
      detectDuplicates: false,
    });
    await deps.createStaging(db);
    const stage = deps.stager(db, copy);
    const problems: TableProblem[] = [];
    let problemsTotal = 0;
    let notApplicable = 0;
    for await (const row of req.rows) {
      for (const record of interpreter.push(row)) {
        if (record.value === null) {
          notApplicable++;
          continue;
        }
        const checked = checker.check(record);
        if ('problem' in checked) {
          if (problems.length < MAX_PROBLEMS) problems.push(checked.problem);
          problemsTotal++;
        } else await stage.add(checked.value);
      }
    }
    await stage.flush();
    const finished = interpreter.finish();
    // 同比 cells are checked against last year's figures: notes, never stored, never a rejection.
    const read = {
      ...finished,
      notes: [
        ...finished.notes,
        ...(await deps.checkGrowthClaims(db, ctx, checker.unitId, finished.growth, finished.growthTotal)),
      ],
    };
    const duplicates = await deps.stagedDuplicates(db, MAX_PROBLEMS);
    const allProblems = inFileOrder(
      [
        ...read.problems,
        ...problems,
        ...duplicates.rows.map((d) =>
          duplicateProblem({
            at: { sheet: d.sheet, row: d.row_no, column: d.col, value: d.raw },
            first: { sheet: d.first_sheet, cell: d.first_cell },
            unit: { code: d.unit_code, name: d.unit_name },
            item: { name: d.item_name, nameEn: d.item_name_en },
            period: d.period,
          }),
        ),
      ],
      read.sheets.map((sh) => sh.name),
    ).slice(0, MAX_PROBLEMS);
    problemsTotal += read.problemsTotal + duplicates.total;
    const base = {
      importId: null,
      fileName: req.fileName,
      format: req.format,
      sha256: req.sha256(),
      dryRun: req.dryRun,
      committed: false,
      sheets: read.sheets,
      notes: read.notes,
      problemsTotal,
    };
    const duplicateOf = await deps.previousImport(db, ctx.id, base.sha256);
    const skippedRows = read.notes.filter((n) => n.code === 'total_row_skipped').length;
    if (problemsTotal > 0) return { result: rejected(base, duplicateOf, allProblems, notApplicable, skippedRows), commit: false };
    // Hard rules at the door: impossible figures are refused here, not stored as drafts.
    const sheets = read.sheets.map((sh) => sh.name);
    const gate: GateResult =
      ctx.form.rules.length > 0 ? await deps.gateStaged(db, ctx, { sheets }) : { problems: [], warnings: [] };
    if (gate.problems.length > 0) {
      const ruleProblems = inFileOrder(gate.problems, sheets).slice(0, MAX_PROBLEMS);
      return {
        result: rejected(
          { ...base, problemsTotal: gate.problemsTotal ?? gate.problems.length },
          duplicateOf,
          ruleProblems,
          notApplicable,
          skippedRows,
        ),
        commit: false,
      };
    }

    await deps.analyseStaging(db);
    // Lock first, then compare: entry-sheet saves lock the submission too, so nothing changes in between.
    const touched = await deps.lockTouchedSubmissions(db, ctx.id, ctx.version);
    if (touched.locked.length > 0) {
      const lockedProblems = touched.locked.map((s) => lockedProblem(s));
      return {
        result: rejected(
          { ...base, problemsTotal: lockedProblems.length },
          duplicateOf,
          lockedProblems,
          notApplicable,
          skippedRows,
        ),
        commit: false,
      };
    }
    await deps.diffStaging(db);
    const counts = await deps.stagingCounts(db);
    const changes = await deps.stagedChanges(db, PREVIEW_CHANGES + 1);
    const result: ImportResult = {
      ...base,
      duplicateOf,
      counts: { ...counts, notApplicable, skippedRows, submissions: touched.submissions },
      changes: changes.slice(0, PREVIEW_CHANGES).map((c) => ({
        orgUnit: c.org_unit,
        orgUnitName: c.org_unit_name,
        indicator: c.indicator,
        indicatorName: c.indicator_name,
        unit: c.unit,
        period: c.period,
        before: c.before,
        after: c.after,
        sheet: c.sheet,
        row: c.row_no,
        column: c.col,
      })),
      changesTruncated: changes.length > PREVIEW_CHANGES,
      problems: [],
      warnings: gate.warnings.slice(0, MAX_PROBLEMS),
    };
    // Nothing to change: roll back the draft submissions created above, so an identical re-upload leaves no trace.
    if (req.dryRun || counts.created + counts.changed === 0) return { result, commit: false };
    await auditSubmissions(deps, db, actor, ctx, req.fileName, base.sha256);
    await deps.applyStaging(db);
    const importId = await deps.insertReportImport(db, {
      formId: ctx.id,
      fileName: req.fileName,
      sha256: base.sha256,
      format: req.format,
      valuesRead: counts.values,
      valuesChanged: counts.created + counts.changed,
      submissions: touched.submissions,
      createdBy: actor.userId,
    });
    await deps.recordAudit(db, actor, {
      action: 'import',
      entity: 'report_import',
      entityKey: String(importId),
      after: { form: ctx.form.code, fileName: req.fileName, sha256: base.sha256, format: req.format, counts: result.counts },
    });
    return { result: { ...result, importId, committed: true }, commit: true };
  });
  return outcome;
}

function checkPeriodText(ctx: FormContext, period: string): void {
  if (!parsePeriod(period)) throw new AppError('INVALID_PERIOD', `"${period}" is not a period`, `“${period}”不是有效的报告期`);
  checkFormPeriod(ctx.form, period);
}

/** One audit entry per touched submission, with the figures it gains before and after. */
async function auditSubmissions(
  deps: ImportDeps,
  db: Executor,
  actor: Actor,
  ctx: FormContext,
  fileName: string,
  sha256: string,
) {
  let page: Parameters<typeof recordAuditBatch>[2][number][] = [];
  for await (const s of deps.submissionChanges(db)) {
    page.push({
      action: 'import',
      entity: 'report_submission',
      entityKey: submissionEntityKey(ctx.form.code, s.org_unit, s.period),
      before: s.before,
      after: { values: s.after, fileName, sha256 },
    });
    if (page.length >= 2000) {
      await deps.recordAuditBatch(db, actor, page);
      page = [];
    }
  }
  await deps.recordAuditBatch(db, actor, page);
}
