/**
 * Types of the spreadsheet table interpreter: rows in, records, problems and notes out. The
 * interpreter is pure and streams; readers (src/spreadsheets) turn .xlsx and .csv into SheetRows.
 */

/** An indicator the upload may report, with the headings reporters use for it. */
export interface TableItem {
  indicator: string;
  name: string;
  nameEn: string;
  unit: string;
  synonyms: string[];
  /** 累计: figures are cumulative from January; picks the 本年累计 column over 本月 when a table has both. */
  cumulative?: boolean;
}

/** A reporting unit an upload may name, by code, name or alias. */
export interface TableUnit {
  code: string;
  name: string;
  aliases?: string[];
  /** False when the uploader may not report for the unit: it is then never suggested ("did you mean"). */
  inScope?: boolean;
}

/** One spreadsheet row; row is 1-based as in Excel; cells[0] is column A; numbers already rendered as decimal strings. */
export interface SheetRow {
  sheet: string;
  row: number;
  cells: (string | null)[];
}

/** Which figure a cell gives, and where: shared by a record and a stated growth rate. */
export interface FigureCell {
  sheet: string;
  row: number;
  /** Excel letters, e.g. 'D'. */
  column: string;
  /** Unit code. */
  orgUnit: string;
  /** Indicator code. */
  indicator: string;
  /** A year-to-date (累计) figure, else the period's own (当月/本期); both may be given and both are kept. */
  cumulative: boolean;
  /** Canonical, e.g. 2024-06, 2024Q2, 2024. */
  period: string;
}

export interface TableRecord extends FigureCell {
  /** Decimal string in the indicator's unit; null when the cell says "not applicable" (—, 无, /). Blank cells yield no record. */
  value: string | null;
  raw: string;
  fromUnit: string | null;
  exact: boolean;
}

/**
 * A stated 同比 (year-on-year growth, %) of one figure (issue 18): not a figure to store, it is
 * checked against last year's figure once the file is read. `figure` is the same row's figure of
 * that indicator and kind in the indicator's unit, when the file gives it.
 */
export interface GrowthClaim extends FigureCell {
  /** Percent as a decimal string, e.g. "8.3" for 8.3%. */
  stated: string;
  figure: string | null;
}

export interface TableProblem {
  sheet: string;
  row: number | null;
  column: string | null;
  value: string | null;
  code: string;
  reason: string;
  reasonZh: string;
  /** For a name not recognised: the closest units of the uploader's scope, so one can be chosen and remembered. */
  suggestions?: { code: string; name: string }[];
  /** For a unit name or indicator heading not recognised: the text a reporter may map once for this form. */
  mapText?: string;
}

export interface TableNote {
  sheet: string;
  row: number | null;
  code: string;
  message: string;
  messageZh: string;
  /** For a column whose heading names no indicator: the name a reporter may map to one, once for this form. */
  mapText?: string;
}

/** wide: units in rows, indicators in columns; units_in_columns: the transpose (indicators in rows, units in columns). */
export type TableLayout = 'wide' | 'long' | 'indicator_rows' | 'units_in_columns';

export interface SheetSummary {
  name: string;
  layout: TableLayout | null;
  status: 'read' | 'ignored';
  reason: { zh: string; en: string } | null;
  rows: number;
  records: number;
}

export interface InterpreterOptions {
  items: TableItem[];
  units: TableUnit[];
  frequency: 'month' | 'quarter' | 'year';
  /** The period the upload is for; rows/columns may state their own. null = each row must state one. */
  period: string | null;
  /**
   * Indicators PlanTrack knows that are not on this form: a column naming one is an error (the
   * figures would otherwise be silently dropped), not a column to ignore.
   */
  otherIndicators?: Pick<TableItem, 'indicator' | 'name' | 'nameEn' | 'synonyms'>[];
  /**
   * Report a figure given twice (default true). The importer turns this off and finds duplicates
   * in its staging table instead, so that a million figures need no key map in memory.
   */
  detectDuplicates?: boolean;
}

export interface TableOutcome {
  problems: TableProblem[];
  /** Every problem found, including those beyond the stored cap. */
  problemsTotal: number;
  notes: TableNote[];
  sheets: SheetSummary[];
  /** The 同比 cells read, up to a cap (GROWTH_CLAIMS_MAX); `growthTotal` counts them all. */
  growth: GrowthClaim[];
  growthTotal: number;
}

export interface TableInterpreter {
  /** Feeds one row (sheets in order, rows in order); returns the records the row yields. */
  push(row: SheetRow): TableRecord[];
  finish(): TableOutcome;
}
