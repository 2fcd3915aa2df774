import { createHash } from 'node:crypto';
import { authorize } from '../../../domain/access/authorize.ts';
import { parsePeriod } from '../../../domain/period/period.ts';
import { duplicateProblem } from '../../../domain/reporting/table/duplicate-problem.ts';
import { createTableInterpreter } from '../../../domain/reporting/table/interpret-table.ts';
import type {
  SheetRow,
  SheetSummary,
  TableNote,
  TableProblem,
  TableRecord,
} from '../../../domain/reporting/table/table.types.ts';
import type { Database } from '../../../db/database.ts';
import { AppError } from '../../../errors/app-error.ts';
import {
  analyseStaging,
  applyStaging,
  createStaging,
  diffStaging,
  insertStaged,
  lockTouchedSubmissions,
  previousImport,
  STAGING_COPY,
  stagedChanges,
  stagedDuplicates,
  stagingCounts,
  stagingFields,
  submissionChanges,
  type StagedValue,
} from '../../../repositories/import-staging.repository.ts';
import { parentLinks } from '../../../repositories/org-unit.repository.ts';
import { reportingUnits } from '../../../repositories/submission.repository.ts';
import type { Executor } from '../../../repositories/transaction.ts';
import type { Actor } from '../../actor.ts';
import { recordAudit, recordAuditBatch } from '../../audit.service.ts';
import { submissionEntityKey } from '../entry-sheet.service.ts';
import { checkFormPeriod, loadFormContext, todayIso, type FormContext } from '../form-context.ts';
import { copyField, withBulkTransaction, type CopyTarget } from './bulk-transaction.ts';

export type ImportFormat = 'xlsx' | 'csv' | 'json';

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

export interface ImportResult {
  importId: number | null;
  fileName: string;
  format: ImportFormat;
  sha256: string;
  dryRun: boolean;
  committed: boolean;
  duplicateOf: number | null;
  sheets: SheetSummary[];
  counts: {
    values: number;
    created: number;
    changed: number;
    unchanged: number;
    notApplicable: number;
    skippedRows: number;
    submissions: number;
  };
  changes: {
    orgUnit: string;
    orgUnitName: string;
    indicator: string;
    indicatorName: string;
    unit: string;
    period: string;
    before: string | null;
    after: string;
    sheet: string;
    row: number;
    column: string;
  }[];
  changesTruncated: boolean;
  problems: TableProblem[];
  problemsTotal: number;
  notes: TableNote[];
}

/** How many changes the preview lists; the counts cover all of them. */
export const PREVIEW_CHANGES = 500;
const MAX_PROBLEMS = 1000;
const STAGE_BATCH = 5000;

/**
 * One upload, all or nothing: read and interpret the rows, check every figure (unit, scope, period,
 * lock), stage them, compare with what is stored, and — unless it is a dry run or anything is
 * wrong — write the changed figures as drafts with one audit entry per submission and one for the
 * upload. Equal figures are left alone, so the same file twice changes nothing.
 */
export async function importValues(database: Database, actor: Actor, req: ImportRequest): Promise<ImportResult> {
  const outcome = await withBulkTransaction(database, async (db, copy) => {
    const ctx = await loadFormContext(db, req.form);
    if (req.period !== null) checkPeriodText(ctx, req.period);
    const checker = await recordChecker(db, actor, ctx);
    const interpreter = createTableInterpreter({
      items: ctx.form.items.map((item) => {
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
      units: checker.units,
      frequency: ctx.form.frequency,
      period: req.period,
      // Found in the staging table instead (stagedDuplicates): no per-figure key map in memory.
      detectDuplicates: false,
    });
    await createStaging(db);
    const stage = stager(db, copy);
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
    const read = interpreter.finish();
    const duplicates = await stagedDuplicates(db, MAX_PROBLEMS);
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
    const duplicateOf = await previousImport(db, ctx.id, base.sha256);
    const skippedRows = read.notes.filter((n) => n.code === 'total_row_skipped').length;
    if (problemsTotal > 0) return { result: rejected(base, duplicateOf, allProblems, notApplicable, skippedRows), commit: false };

    await analyseStaging(db);
    // Lock first, then compare: entry-sheet saves lock the submission too, so nothing changes in between.
    const touched = await lockTouchedSubmissions(db, ctx.id, ctx.version);
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
    await diffStaging(db);
    const counts = await stagingCounts(db);
    const changes = await stagedChanges(db, PREVIEW_CHANGES + 1);
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
    };
    // Nothing to change: roll back the draft submissions created above, so an identical re-upload leaves no trace.
    if (req.dryRun || counts.created + counts.changed === 0) return { result, commit: false };
    await auditSubmissions(db, actor, ctx, req.fileName, base.sha256);
    await applyStaging(db);
    const imported = await db
      .insertInto('report_import')
      .values({
        form_id: ctx.id,
        file_name: req.fileName,
        sha256: base.sha256,
        format: req.format,
        values_read: counts.values,
        values_changed: counts.created + counts.changed,
        submissions: touched.submissions,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(db, actor, {
      action: 'import',
      entity: 'report_import',
      entityKey: String(imported.id),
      after: { form: ctx.form.code, fileName: req.fileName, sha256: base.sha256, format: req.format, counts: result.counts },
    });
    return { result: { ...result, importId: imported.id, committed: true }, commit: true };
  });
  return outcome;
}

/** Problems sorted as they stand in the file: sheet order, then row, then column (A < B < … < AA). */
function inFileOrder(problems: TableProblem[], sheets: readonly string[]): TableProblem[] {
  const sheetIndex = (name: string) => {
    const i = sheets.indexOf(name);
    return i < 0 ? sheets.length : i;
  };
  const columnRank = (c: string | null) => (c === null ? '' : c.padStart(3, ' '));
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        sheetIndex(a.p.sheet) - sheetIndex(b.p.sheet) ||
        (a.p.row ?? 0) - (b.p.row ?? 0) ||
        columnRank(a.p.column).localeCompare(columnRank(b.p.column)) ||
        a.i - b.i,
    )
    .map((x) => x.p);
}

/** The answer for a rejected upload: problems only, nothing staged counts. */
function rejected(
  base: Omit<ImportResult, 'duplicateOf' | 'counts' | 'changes' | 'changesTruncated' | 'problems'>,
  duplicateOf: number | null,
  problems: TableProblem[],
  notApplicable: number,
  skippedRows: number,
): ImportResult {
  return {
    ...base,
    duplicateOf,
    counts: { values: 0, created: 0, changed: 0, unchanged: 0, notApplicable, skippedRows, submissions: 0 },
    changes: [],
    changesTruncated: false,
    problems,
  };
}

function lockedProblem(s: { org_unit: string; period: string; status: string; sheet: string; row_no: number }): TableProblem {
  const zh = s.status === 'approved' ? '已审核通过并锁定，需审核员重新打开后才能导入' : '已提交待审核，不能导入修改';
  return {
    sheet: s.sheet,
    row: s.row_no,
    column: null,
    value: null,
    code: 'submission_locked',
    reason: `${s.org_unit} ${s.period} is ${s.status} and cannot be changed by an import`,
    reasonZh: `${s.org_unit} ${s.period}的报表${zh}`,
  };
}

function checkPeriodText(ctx: FormContext, period: string): void {
  if (!parsePeriod(period))
    throw new AppError(400, 'INVALID_PERIOD', `"${period}" is not a period`, `“${period}”不是有效的报告期`);
  checkFormPeriod(ctx.form, period);
}

/**
 * Per-record checks that need the database: the unit reports this form and lies inside the
 * actor's reporting scope, and the period is open. Answers are cached per unit and period.
 */
async function recordChecker(db: Executor, actor: Actor, ctx: FormContext) {
  const units = await reportingUnits(db, ctx.form.reporters);
  const parents = await parentLinks(db);
  const byCode = new Map(units.map((u) => [u.code, u]));
  const allowed = new Map<string, boolean>();
  const today = todayIso();
  const periods = new Map<string, { start: string; end: string; due: string; kind: string } | TableProblem['reason'][]>();
  const itemOf = new Map(ctx.form.items.map((i) => [i.indicator, i]));
  let seq = 0;
  const problem = (r: TableRecord, code: string, reason: string, reasonZh: string): { problem: TableProblem } => ({
    problem: { sheet: r.sheet, row: r.row, column: r.column, value: r.raw, code, reason, reasonZh },
  });
  return {
    units: units.map((u) => ({ code: u.code, name: u.name, aliases: u.name_en ? [u.name_en] : [] })),
    check(r: TableRecord): { value: StagedValue } | { problem: TableProblem } {
      const unit = byCode.get(r.orgUnit);
      const item = itemOf.get(r.indicator);
      const info = ctx.indicators.get(r.indicator);
      if (!unit || !item || !info)
        return problem(
          r,
          'not_on_form',
          `${r.orgUnit}/${r.indicator} is not on this form`,
          `${r.orgUnit}/${r.indicator}不在本报表中`,
        );
      let may = allowed.get(unit.code);
      if (may === undefined) {
        may = authorize(actor.grants, 'report', { orgUnit: unit.code }, (c) => parents.get(c));
        allowed.set(unit.code, may);
      }
      if (!may)
        return problem(
          r,
          'outside_scope',
          `you may not report figures for ${unit.name} (${unit.code})`,
          `您无权为${unit.name}（${unit.code}）填报数据`,
        );
      let dates = periods.get(r.period);
      if (dates === undefined) {
        try {
          dates = { ...checkFormPeriod(ctx.form, r.period, today), kind: ctx.form.frequency };
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          dates = [err.message, err.messageZh];
        }
        periods.set(r.period, dates);
      }
      if (Array.isArray(dates)) return problem(r, 'period_not_open', dates[0]!, dates[1]!);
      return {
        value: {
          seq: ++seq,
          sheet: r.sheet,
          row: r.row,
          column: r.column,
          unitId: unit.id,
          indicatorId: info.id,
          period: r.period,
          periodKind: dates.kind,
          periodStart: dates.start,
          periodEnd: dates.end,
          dueDate: dates.due,
          cumulative: item.cumulative,
          value: r.value!,
          raw: r.raw,
        },
      };
    },
  };
}

/**
 * Buffers staged rows and writes them in batches: COPY on PostgreSQL, multi-row INSERT on PGlite.
 * For COPY each row becomes its text line at once, so a batch is one compact string rather than
 * thousands of objects (that is what keeps a 100 MB upload's memory flat).
 */
function stager(db: Executor, copy: CopyTarget | null) {
  let lines: string[] = [];
  let values: StagedValue[] = [];
  const flush = async () => {
    if (copy && lines.length) {
      const chunk = lines.join('');
      lines = [];
      // One chunk per batch: a CopyData message per row would cost more than the row itself.
      await copy.copy(STAGING_COPY, [chunk]);
    } else if (values.length) {
      const batch = values;
      values = [];
      await insertStaged(db, batch);
    }
  };
  return {
    async add(v: StagedValue) {
      if (copy) lines.push(`${stagingFields(v).map(copyField).join('\t')}\n`);
      else values.push(v);
      if (lines.length + values.length >= STAGE_BATCH) await flush();
    },
    flush,
  };
}

/** One audit entry per touched submission, with the figures it gains before and after. */
async function auditSubmissions(db: Executor, actor: Actor, ctx: FormContext, fileName: string, sha256: string) {
  let page: Parameters<typeof recordAuditBatch>[2][number][] = [];
  for await (const s of submissionChanges(db)) {
    page.push({
      action: 'import',
      entity: 'report_submission',
      entityKey: submissionEntityKey(ctx.form.code, s.org_unit, s.period),
      before: s.before,
      after: { values: s.after, fileName, sha256 },
    });
    if (page.length >= 2000) {
      await recordAuditBatch(db, actor, page);
      page = [];
    }
  }
  await recordAuditBatch(db, actor, page);
}

/** sha256 of bytes as they stream past. */
export function sha256Tap() {
  const hash = createHash('sha256');
  let digest: string | null = null;
  return {
    update: (chunk: Buffer) => hash.update(chunk),
    digest: () => (digest ??= hash.digest('hex')),
  };
}
