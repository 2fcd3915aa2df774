import { z } from 'zod';
import { COMPARATORS } from '../model/target.schema.ts';
import { normaliseText } from '../text/normalise.ts';

/**
 * What the extractor proposes for a person to confirm. Every candidate carries the exact original
 * character offsets of the sentence it came from, its confidence (0–1) and the rules that fired.
 */

/** Original offsets [start, end) in the document as received (UTF-16 code units). */
export const spanSchema = z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) });
export type Span = z.infer<typeof spanSchema>;

/** A figure of a year, as text (decimal strings are checked when the reviewed plan is built). */
export const yearFigureSchema = z.strictObject({ year: z.number().int(), value: z.string() });

/**
 * What a target aims at, as a draft states it: the extractor's candidates, the reviewer's edits and
 * the gold sets all say it with these fields (targetValueSchema checks them against the comparator).
 */
export const draftAimFields = {
  year: z.number().int(),
  comparator: z.enum(COMPARATORS),
  value: z.string().optional(),
  min: z.string().optional(),
  max: z.string().optional(),
  rate: z.string().optional(),
};

export const MATCH_KINDS = ['name', 'synonym', 'alias', 'new'] as const;

export const indicatorRefSchema = z.strictObject({
  /** Catalogue code; absent when the indicator is proposed as new. */
  code: z.string().optional(),
  /** Catalogue name, or the proposed name of a new indicator. */
  name: z.string(),
  /** The words of the text that name it. */
  mention: z.string(),
  matchedBy: z.enum(MATCH_KINDS),
  /** Catalogue unit, when matched. */
  unit: z.string().optional(),
});
export type IndicatorRef = z.infer<typeof indicatorRefSchema>;

export const unitRefSchema = z.strictObject({
  /** Catalogue code of the org unit or group; absent when proposed as new. */
  code: z.string().optional(),
  kind: z.enum(['org_unit', 'group']).optional(),
  name: z.string(),
  mention: z.string(),
});
export type UnitRef = z.infer<typeof unitRefSchema>;

export const scopeRefSchema = unitRefSchema.extend({
  /** sentence: named in the sentence; plan: the plan's own subject, by default. */
  from: z.enum(['sentence', 'plan']),
});
export type ScopeRef = z.infer<typeof scopeRefSchema>;

export const targetCandidateSchema = z.strictObject({
  id: z.string(),
  indicator: indicatorRefSchema,
  scope: scopeRefSchema.optional(),
  baseline: z
    .strictObject({
      year: z.number().int(),
      value: z.string(),
      /** sentence: 由2021年的77.33亿元…; linked: a figure stated elsewhere in the plan for the base year. */
      from: z.enum(['sentence', 'linked']),
      span: spanSchema.optional(),
    })
    .optional(),
  target: z.strictObject({
    ...draftAimFields,
    /** sentence: 到2025年 in the sentence; context: an earlier sentence of the paragraph; plan: the plan's end year. */
    yearFrom: z.enum(['sentence', 'context', 'plan']),
  }),
  /** Unit as written in the text (亿元, %, 家); values are converted to the indicator's unit when it is known. */
  unit: z.string().optional(),
  /** Yearly figures, from a year-series table. */
  trajectory: z.array(yearFigureSchema).optional(),
  /** The sentence, as cleaned text. */
  quote: z.string(),
  span: spanSchema,
  /** The figure itself (超110亿元). */
  valueSpan: spanSchema,
  section: z.array(z.string()),
  fromTable: z.boolean().default(false),
  confidence: z.number().min(0).max(1),
  evidence: z.array(z.string()),
});
export type TargetCandidate = z.infer<typeof targetCandidateSchema>;

export const TASK_TRIGGERS = ['responsibility', 'deadline', 'recurrence'] as const;

export const taskCandidateSchema = z.strictObject({
  id: z.string(),
  text: z.string(),
  trigger: z.enum(TASK_TRIGGERS),
  lead: z.array(unitRefSchema),
  co: z.array(unitRefSchema),
  /** The plan's own wording of the responsible units. */
  responsibleText: z.string().optional(),
  /** A year (2025) or an ISO date (2025-12-31). */
  deadline: z.string().optional(),
  /** 每年 / 每季度 … */
  recurrence: z.string().optional(),
  quote: z.string(),
  span: spanSchema,
  section: z.array(z.string()),
  confidence: z.number().min(0).max(1),
  evidence: z.array(z.string()),
});
export type TaskCandidate = z.infer<typeof taskCandidateSchema>;

export const sectionNodeSchema = z.strictObject({
  id: z.string(),
  parent: z.string().optional(),
  kind: z.string(),
  heading: z.string(),
  depth: z.number().int(),
  span: spanSchema,
});

export const mentionSchema = z.strictObject({
  code: z.string().optional(),
  name: z.string(),
  kind: z.string(),
  count: z.number().int(),
  first: spanSchema,
});
export type Mention = z.infer<typeof mentionSchema>;

export const extractionResultSchema = z.strictObject({
  plan: z.strictObject({
    title: z.string().optional(),
    periodStart: z.number().int().optional(),
    periodEnd: z.number().int().optional(),
    defaultScope: scopeRefSchema.optional(),
  }),
  sections: z.array(sectionNodeSchema),
  targets: z.array(targetCandidateSchema),
  tasks: z.array(taskCandidateSchema),
  /** Org units named in the plan (prefectures, counties, zones, departments), most frequent first. */
  orgUnits: z.array(mentionSchema),
  /** Industries named in the plan. */
  industries: z.array(mentionSchema),
  stats: z.strictObject({
    originalLength: z.number().int(),
    cleanLength: z.number().int(),
    duplicateSentencesDropped: z.number().int(),
  }),
});
export type ExtractionResult = z.infer<typeof extractionResultSchema>;

/**
 * A catalogue name as the extractor compares it: folded like the document it reads (NFKC, Kangxi
 * look-alikes), since names are stored as written (土地供应率（供地率）) and the document is normalised.
 * What the extractor proposes from these is a machine proposal; the reviewer's accepted text is kept as written.
 */
const foldedName = () => z.string().transform((s) => normaliseText(s).trim());

/** The catalogues the extractor matches against: the platform's, or any other. */
export const catalogueSchema = z.strictObject({
  indicators: z.array(
    z.object({ code: z.string(), name: foldedName(), unit: z.string().optional(), synonyms: z.array(foldedName()).default([]) }),
  ),
  orgUnits: z.array(
    z.object({
      code: z.string(),
      name: foldedName(),
      kind: z.string(),
      parent: z.string().optional(),
      synonyms: z.array(foldedName()).default([]),
    }),
  ),
  groups: z.array(z.object({ code: z.string(), name: foldedName(), synonyms: z.array(foldedName()).default([]) })).default([]),
  /** Extra industry names (e.g. the leading industries of known zones). */
  industries: z.array(z.string()).default([]),
});
export type CatalogueInput = z.input<typeof catalogueSchema>;
export type Catalogue = z.output<typeof catalogueSchema>;
