import type { GateWarning } from '../../../domain/reporting/rules/import-gate.ts';
import type { SheetSummary, TableNote, TableProblem } from '../../../domain/reporting/table/table.types.ts';

export type ImportFormat = 'xlsx' | 'csv' | 'json';

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
  /**
   * Soft rules the uploaded figures break (issue 18 item 4): the upload goes through, each sheet named
   * needs a 情况说明 for them before it can be submitted. Up to MAX_PROBLEMS.
   */
  warnings: GateWarning[];
}

/** How many changes the preview lists; the counts cover all of them. */
export const PREVIEW_CHANGES = 500;
/** How many problems an answer lists; problemsTotal counts all of them. */
export const MAX_PROBLEMS = 1000;

/** Problems sorted as they stand in the file: sheet order, then row, then column (A < B < … < AA). */
export function inFileOrder(problems: TableProblem[], sheets: readonly string[]): TableProblem[] {
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
export function rejected(
  base: Omit<ImportResult, 'duplicateOf' | 'counts' | 'changes' | 'changesTruncated' | 'problems' | 'warnings'>,
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
    warnings: [],
  };
}

export function lockedProblem(s: {
  org_unit: string;
  period: string;
  status: string;
  sheet: string;
  row_no: number;
}): TableProblem {
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
