import { normaliseText } from '../../text/normalise.ts';
import { columnLetter } from './column-letter.ts';
import type { SheetPlan } from './plan-sheet.ts';
import type { RowReader } from './read-table-row.ts';
import type { TableSink } from './table-sink.ts';
import type { SheetRow, SheetSummary } from './table.types.ts';

/** Rows of a sheet searched for its table heading. */
export const HEADING_SEARCH_ROWS = 20;

/** What the interpreter knows of the sheet it is reading. */
export interface SheetState {
  index: number;
  summary: SheetSummary;
  phase: 'seek' | 'heading' | 'data' | 'ignored';
  /** Rows above the heading (at most HEADING_SEARCH_ROWS), then the wide table's heading rows. */
  above: SheetRow[];
  heading: SheetRow[];
  /** Columns whose heading names the unit column, while a wide heading is being stacked. */
  headingOrgColumns: number[];
  /** Rows above the heading that were sheet-level statements ("单位：万元"). */
  lineRows: Set<number>;
  sheetUnit: string | null;
  orgLine: { row: number; column: number; text: string } | null;
  period: string | null;
  plan: SheetPlan | null;
  /** The unit of an indicator-row sheet. */
  orgUnit: number | null;
  /** A period stated in a title row above the heading ("2024年1-6月开发区主要经济指标"). */
  titlePeriod: { period: string; row: number; text: string } | null;
  /** A transposed table's sub-heading row (本月 | 累计 under each unit) may still come. */
  subheadingOpen: boolean;
  reader: RowReader | null;
}

export function newSheetState(index: number, summary: SheetSummary, period: string | null): SheetState {
  return {
    index,
    summary,
    phase: 'seek',
    above: [],
    heading: [],
    headingOrgColumns: [],
    lineRows: new Set(),
    sheetUnit: null,
    orgLine: null,
    period,
    plan: null,
    orgUnit: null,
    titlePeriod: null,
    subheadingOpen: true,
    reader: null,
  };
}

/** A cell's text, normalised and trimmed; '' for an empty cell. */
export const cellText = (cell: string | null | undefined): string => (cell ? normaliseText(cell).trim() : '');
export const isBlankRow = (row: SheetRow): boolean => row.cells.every((c) => cellText(c) === '');

/** Marks the sheet as not read, saying why. */
export function ignoreSheet(state: SheetState, en: string, zh: string): void {
  state.phase = 'ignored';
  state.summary.status = 'ignored';
  state.summary.reason = { en, zh };
  state.above = [];
  state.heading = [];
}

/** Ignores a sheet whose first rows held no table heading. */
export function ignoreNoHeading(state: SheetState): void {
  if (state.above.every(isBlankRow)) return ignoreSheet(state, 'empty sheet', '空工作表');
  ignoreSheet(
    state,
    `no table heading (such as 单位名称 or 指标名称) in the first ${HEADING_SEARCH_ROWS} rows`,
    `前${HEADING_SEARCH_ROWS}行中未找到表头（如“单位名称”“指标名称”）`,
  );
}

/** A problem of the sheet as a whole or of one of its cells above the data. */
export function sheetProblem(
  sink: TableSink,
  state: SheetState,
  at: { row: number | null; column: number | null; value: string | null },
  code: string,
  en: string,
  zh: string,
): void {
  sink.problem({
    sheet: state.summary.name,
    row: at.row,
    column: at.column === null ? null : columnLetter(at.column),
    value: at.value,
    code,
    reason: en,
    reasonZh: zh,
  });
}
