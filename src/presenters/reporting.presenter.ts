import { z } from 'zod';
import { attachmentResponseSchema } from './task-tracking.presenter.ts';
import { TIMELINESS } from '../domain/reporting/workflow/timeliness.ts';
import { SUBMISSION_STATUSES } from '../domain/reporting/workflow/submission-workflow.ts';

const bilingual = z.object({ zh: z.string(), en: z.string() });
const status = z.enum(SUBMISSION_STATUSES);
/** An indicator of a form, named and with its unit, as the form and its entry sheet list it. */
const formItemSchema = z.object({
  indicator: z.string(),
  name: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  cumulative: z.boolean(),
  required: z.boolean(),
});

export const ruleSchema = z.object({
  id: z.string(),
  severity: z.enum(['error', 'warning']),
  expression: z.string(),
  appliesTo: z.array(z.string()).optional(),
  message: bilingual,
  needsComment: z.boolean(),
});

export const reportFormResponseSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  frequency: z.enum(['month', 'quarter', 'year']),
  version: z.number(),
  reporters: z.object({ kinds: z.array(z.string()), units: z.array(z.string()) }),
  deadline: z.object({ monthsAfter: z.number(), day: z.number() }),
  firstPeriod: z.string(),
  plans: z.array(z.string()),
  source: z.object({ plan: z.string().optional(), section: z.string().optional(), quote: z.string() }).nullable(),
  items: z.array(formItemSchema.extend({ synonyms: z.array(z.string()) })),
  rules: z.array(ruleSchema),
});

export const findingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning']),
  indicators: z.array(z.string()),
  message: bilingual,
  facts: z.array(bilingual),
  needsComment: z.boolean(),
});

/** origin: reported, stated in a plan, or synthetic (demo data, never real). */
const periodValue = z.object({
  period: z.string(),
  value: z.string().nullable(),
  origin: z.enum(['reported', 'published', 'plan', 'synthetic']).nullable(),
  /** Submitted by the unit, awaiting review (shown marked 待审); false for approved, stated or demo figures. */
  pending: z.boolean(),
});

export const entrySheetSchema = z.object({
  form: z.object({ code: z.string(), name: z.string(), nameEn: z.string(), frequency: z.string(), version: z.number() }),
  orgUnit: z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable() }),
  period: z.string(),
  submission: z.object({
    status,
    version: z.number(),
    dueDate: z.string(),
    firstSubmittedAt: z.string().nullable(),
    submittedAt: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewComment: z.string().nullable(),
    explanations: z.record(z.string(), z.string()),
    /** Indicators the comment of a returned sheet names: the comment is shown at those cells. */
    commentCells: z.array(z.string()),
    /** The reviewer's comments written at single cells (indicator → text as written), while the sheet is returned. */
    cellComments: z.record(z.string(), z.string()),
  }),
  items: z.array(
    formItemSchema.extend({
      value: z.string().nullable(),
      version: z.number(),
      previous: periodValue,
      lastYear: periodValue,
    }),
  ),
  /** Files the unit sent with the sheet (issue 18). */
  attachments: z.array(attachmentResponseSchema),
  findings: z.array(findingSchema.extend({ key: z.string() })),
  skipped: z.number(),
  missing: z.array(z.string()),
  canSubmit: z.boolean(),
  /** actorName: the user's display name (显示名), null for the system and for labels that are no user's login. */
  history: z.array(
    z.object({ at: z.string(), actor: z.string(), actorName: z.string().nullable(), action: z.string(), after: z.unknown() }),
  ),
});

const unitRef = z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable().optional() });
const formRef = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });

export const standingSchema = z.object({
  orgUnit: unitRef,
  period: z.string(),
  status: status.nullable(),
  dueDate: z.string(),
  timeliness: z.enum(TIMELINESS),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  version: z.number(),
});

export const completenessSchema = z.object({
  form: formRef,
  period: z.string(),
  dueDate: z.string(),
  summary: z.object({
    units: z.number(),
    onTime: z.number(),
    late: z.number(),
    overdue: z.number(),
    pending: z.number(),
    approved: z.number(),
    /** Percentage of units that have submitted, one decimal. */
    completeness: z.string(),
  }),
  units: z.array(standingSchema),
});

export const myWorkSchema = z.array(z.object({ form: formRef.extend({ frequency: z.string() }), rows: z.array(standingSchema) }));

export const reviewQueueSchema = z.array(
  z.object({
    form: formRef,
    orgUnit: unitRef,
    period: z.string(),
    submittedAt: z.string().nullable(),
    dueDate: z.string(),
    version: z.number(),
  }),
);

export const overdueSchema = z.array(standingSchema.extend({ form: formRef, daysOverdue: z.number() }));

export const ruleTestSchema = z.object({
  findings: z.array(findingSchema),
  skipped: z.array(z.object({ ruleId: z.string(), indicators: z.array(z.string()), facts: z.array(bilingual) })),
  context: z.object({ previous: z.unknown(), lastYear: z.unknown() }),
});

const tableProblemSchema = z.object({
  sheet: z.string(),
  row: z.number().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  code: z.string(),
  reason: z.string(),
  reasonZh: z.string(),
  /** For a unit name not recognised: the closest units of the uploader's scope. */
  suggestions: z.array(z.object({ code: z.string(), name: z.string() })).optional(),
  /** For a unit name or heading not recognised: the text a reporter may map once for this form (issue 18). */
  mapText: z.string().optional(),
});

export const formMappingSchema = z.object({
  id: z.number(),
  kind: z.enum(['org_unit', 'indicator']),
  /** As the reporter's file wrote it. */
  text: z.string(),
  target: z.string(),
  targetName: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const formMappingsSchema = z.object({
  mappings: z.array(formMappingSchema),
  /** Units the reader may report for on this form: the choices for a unit mapping. */
  units: z.array(z.object({ code: z.string(), name: z.string() })),
});

export const importResultSchema = z.object({
  importId: z.number().nullable(),
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv', 'json']),
  sha256: z.string(),
  dryRun: z.boolean(),
  committed: z.boolean(),
  /** An earlier upload of the very same bytes. */
  duplicateOf: z.number().nullable(),
  sheets: z.array(
    z.object({
      name: z.string(),
      layout: z.enum(['wide', 'long', 'indicator_rows', 'units_in_columns']).nullable(),
      status: z.enum(['read', 'ignored']),
      reason: bilingual.nullable(),
      rows: z.number(),
      records: z.number(),
    }),
  ),
  counts: z.object({
    values: z.number(),
    created: z.number(),
    changed: z.number(),
    unchanged: z.number(),
    notApplicable: z.number(),
    skippedRows: z.number(),
    submissions: z.number(),
  }),
  changes: z.array(
    z.object({
      orgUnit: z.string(),
      orgUnitName: z.string(),
      indicator: z.string(),
      indicatorName: z.string(),
      unit: z.string(),
      period: z.string(),
      before: z.string().nullable(),
      after: z.string(),
      sheet: z.string(),
      row: z.number(),
      column: z.string(),
    }),
  ),
  changesTruncated: z.boolean(),
  problems: z.array(tableProblemSchema),
  problemsTotal: z.number(),
  notes: z.array(
    z.object({
      sheet: z.string(),
      row: z.number().nullable(),
      code: z.string(),
      message: z.string(),
      messageZh: z.string(),
      mapText: z.string().optional(),
    }),
  ),
  /** Soft rules the uploaded figures break: imported, but each needs a 情况说明 before the sheet can be submitted. */
  warnings: z.array(
    z.object({
      orgUnit: z.string(),
      orgUnitName: z.string(),
      period: z.string(),
      ruleId: z.string(),
      indicators: z.array(z.string()),
      message: bilingual,
      needsComment: z.boolean(),
      sheet: z.string(),
      row: z.number(),
      column: z.string(),
    }),
  ),
});

export type Rule = z.infer<typeof ruleSchema>;
export type ReportForm = z.infer<typeof reportFormResponseSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type EntrySheet = z.infer<typeof entrySheetSchema>;
export type Standing = z.infer<typeof standingSchema>;
export type Completeness = z.infer<typeof completenessSchema>;
export type MyWork = z.infer<typeof myWorkSchema>[number];
export type QueueEntry = z.infer<typeof reviewQueueSchema>[number];
export type OverdueEntry = z.infer<typeof overdueSchema>[number];
export type RuleTestResult = z.infer<typeof ruleTestSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
export type FormMappings = z.infer<typeof formMappingsSchema>;
