/*
 * Types of the statistical-reporting API, inferred from the server's schemas in
 * src/presenters/reporting.presenter.ts and the domain's enumerations: never written here a second
 * time. Reported figures travel as decimal strings and are never turned into numbers here.
 */
import type { EntrySheet, Rule } from '../../../src/presenters/reporting.presenter.ts';
import type { ImportResult, ReportForm, RuleTestResult } from '../../../src/presenters/reporting.presenter.ts';
import type { SubmissionStatus, Transition } from '../../../src/domain/reporting/workflow/submission-workflow.ts';

export type {
  Rule,
  ReportForm,
  Finding,
  EntrySheet,
  Standing,
  Completeness,
  MyWork,
  QueueEntry,
  OverdueEntry,
  RuleTestResult,
  ImportResult,
  FormMappings,
} from '../../../src/presenters/reporting.presenter.ts';
export type { SubmissionStatus, Transition };
export type { Timeliness } from '../../../src/domain/reporting/workflow/timeliness.ts';
export type { Frequency } from '../../../src/domain/reporting/forms/form.schema.ts';

export type Bilingual = RuleTestResult['findings'][number]['message'];
export type Severity = Rule['severity'];
export type FormRef = Pick<ReportForm, 'code' | 'name' | 'nameEn'>;
export type UnitRef = EntrySheet['orgUnit'];
export type SheetFinding = EntrySheet['findings'][number];
export type SheetItem = EntrySheet['items'][number];
export type PeriodValue = SheetItem['previous'];
export type HistoryEntry = EntrySheet['history'][number];
export type ImportFormat = ImportResult['format'];

/* Request bodies and the 409 details of a refused save, declared once on the server. */
export type { CellWrite, RuleTestBody as RuleTestInput } from '../../../src/presenters/reporting-body.schema.ts';
export type { CellConflict } from '../../../src/domain/reporting/workflow/cell-conflict.ts';
