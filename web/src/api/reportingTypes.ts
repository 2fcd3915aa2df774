/*
 * Shapes of the statistical-reporting API (src/presenters/reporting.presenter.ts on the server).
 * Reported figures travel as decimal strings and are never turned into numbers here.
 */

export interface Bilingual {
  zh: string;
  en: string;
}

export type SubmissionStatus = 'draft' | 'submitted' | 'returned' | 'approved';
export type Transition = 'submit' | 'approve' | 'return' | 'reopen';
export type Timeliness = 'on_time' | 'late' | 'overdue' | 'pending' | 'not_due';
export type Frequency = 'month' | 'quarter' | 'year';
export type Severity = 'error' | 'warning';

export interface FormRef {
  code: string;
  name: string;
  nameEn: string;
}

export interface UnitRef {
  code: string;
  name: string;
  nameEn?: string | null;
}

export interface Rule {
  id: string;
  severity: Severity;
  expression: string;
  appliesTo?: string[];
  message: Bilingual;
  needsComment?: boolean;
}

export interface ReportForm extends FormRef {
  frequency: Frequency;
  version: number;
  reporters: { kinds: string[]; units: string[] };
  deadline: { monthsAfter: number; day: number };
  firstPeriod: string;
  plans: string[];
  source: { plan?: string; section?: string; quote: string } | null;
  items: {
    indicator: string;
    name: string;
    nameEn: string;
    unit: string;
    cumulative: boolean;
    required: boolean;
    synonyms: string[];
  }[];
  rules: Rule[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Indicator codes the finding is about. */
  indicators: string[];
  /** Rule message with the figures behind it. */
  message: Bilingual;
  facts: Bilingual[];
  needsComment: boolean;
}

/** A finding on an entry sheet; key identifies its explanation. */
export interface SheetFinding extends Finding {
  key: string;
}

export interface PeriodValue {
  period: string;
  value: string | null;
  /** synthetic = demo data, never a real figure. */
  origin: 'reported' | 'plan' | 'synthetic' | null;
}

export interface SheetItem {
  indicator: string;
  name: string;
  nameEn: string;
  unit: string;
  cumulative: boolean;
  required: boolean;
  value: string | null;
  /** Version of the stored cell (0 = nothing stored yet); sent back as expectedVersion. */
  version: number;
  previous: PeriodValue;
  lastYear: PeriodValue;
}

export interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  after: unknown;
}

export interface EntrySheet {
  form: FormRef & { frequency: string; version: number };
  orgUnit: UnitRef;
  period: string;
  submission: {
    status: SubmissionStatus;
    version: number;
    dueDate: string;
    firstSubmittedAt: string | null;
    submittedAt: string | null;
    reviewedAt: string | null;
    reviewComment: string | null;
    explanations: Record<string, string>;
  };
  items: SheetItem[];
  findings: SheetFinding[];
  skipped: number;
  missing: string[];
  canSubmit: boolean;
  /** Workflow steps, newest first. */
  history: HistoryEntry[];
}

export interface CellWrite {
  indicator: string;
  value: string | null;
  expectedVersion: number;
}

/** One cell of a rejected save (409 VERSION_CONFLICT). */
export interface CellConflict {
  indicator: string;
  yours: string | null;
  theirs: string | null;
  currentVersion: number;
}

export interface Standing {
  orgUnit: UnitRef;
  period: string;
  status: SubmissionStatus | null;
  dueDate: string;
  timeliness: Timeliness;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  reviewComment: string | null;
  version: number;
}

export interface MyWork {
  form: FormRef & { frequency: Frequency };
  rows: Standing[];
}

export interface QueueEntry {
  form: FormRef;
  orgUnit: UnitRef;
  period: string;
  submittedAt: string | null;
  dueDate: string;
  version: number;
}

export interface OverdueEntry extends Standing {
  form: FormRef;
  daysOverdue: number;
}

export interface Completeness {
  form: FormRef;
  period: string;
  dueDate: string;
  summary: {
    units: number;
    onTime: number;
    late: number;
    overdue: number;
    pending: number;
    approved: number;
    /** Percentage of units that have submitted, one decimal, as text. */
    completeness: string;
  };
  units: Standing[];
}

export interface RuleTestInput {
  rules?: Rule[];
  orgUnit?: string;
  period: string;
  values: Record<string, string>;
}

export interface RuleTestResult {
  findings: Finding[];
  skipped: { ruleId: string; indicators: string[]; facts: Bilingual[] }[];
  context: { previous: unknown; lastYear: unknown };
}

export type ImportFormat = 'xlsx' | 'csv' | 'json';

export interface ImportResult {
  importId: number | null;
  fileName: string;
  format: ImportFormat;
  sha256: string;
  dryRun: boolean;
  committed: boolean;
  duplicateOf: number | null;
  sheets: {
    name: string;
    layout: 'wide' | 'long' | 'indicator_rows' | 'units_in_columns' | null;
    status: 'read' | 'ignored';
    reason: Bilingual | null;
    rows: number;
    records: number;
  }[];
  counts: {
    values: number;
    created: number;
    changed: number;
    unchanged: number;
    notApplicable: number;
    skippedRows: number;
    submissions: number;
  };
  /** At most 500; changesTruncated says when there were more. */
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
  problems: {
    sheet: string;
    row: number | null;
    column: string | null;
    value: string | null;
    code: string;
    reason: string;
    reasonZh: string;
  }[];
  /** All problems found; problems may list fewer. */
  problemsTotal?: number;
  notes: { sheet: string; row: number | null; code: string; message: string; messageZh: string }[];
}
