import { z } from 'zod';
import { PUBLICATION_LEVELS } from '../domain/evaluation/publication.ts';

/**
 * Response shapes of /api/v1/evaluation (the issue-7 contract, tmp-scratch/evaluation-contract.md); the
 * services build exactly these and the web app mirrors them. Scores and weights are float64; reported raw
 * values stay decimal strings.
 */

const decimalString = z.string().describe('decimal number as a string');
export const schemeStatusSchema = z.enum(['draft', 'frozen']);
export const runStatusSchema = z.enum(['draft', 'published', 'preview']);
export const publicationLevelSchema = z
  .enum(PUBLICATION_LEVELS)
  .describe("what readers outside a unit's subtree see of it in a published run: grade; score = rank, total and grade; detail");

export const schemeSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  latestVersion: z.number().int(),
  status: schemeStatusSchema,
  builtin: z.boolean(),
  defaultWeights: z.boolean(),
  versions: z.array(z.number().int()),
});
export type SchemeSummary = z.infer<typeof schemeSummarySchema>;
export const schemeListSchema = z.object({ items: z.array(schemeSummarySchema) });
export type SchemeList = z.infer<typeof schemeListSchema>;

export const schemeVersionViewSchema = z.object({
  code: z.string(),
  version: z.number().int(),
  status: schemeStatusSchema,
  builtin: z.boolean(),
  /** The stored definition (src/domain/evaluation/stored-scheme.schema.ts input form). */
  definition: z.record(z.string(), z.unknown()),
  publishes: publicationLevelSchema,
  createdAt: z.string(),
  frozenAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type SchemeVersionView = z.infer<typeof schemeVersionViewSchema>;

const sourceSchema = z.object({ item: z.string(), plan: z.string(), section: z.string(), quote: z.string() });
/** A scheme element and what backs it: quoted passages (cited) or plan-office decisions (decided). */
const provenanceSchema = z.object({
  key: z.string(),
  kind: z.string(),
  labelZh: z.string(),
  cited: z.array(z.object({ plan: z.string(), section: z.string(), quote: z.string() })),
  decided: z.array(z.object({ by: z.string(), at: z.string(), why: z.string() })),
});

export const unitSensitivitySchema = z.object({
  rankLow: z.number().int(),
  rankMedian: z.number().int(),
  rankHigh: z.number().int(),
  /** Probability by grade label. */
  gradeProbabilities: z.record(z.string(), z.number()),
  modalGrade: z.string(),
  robust: z.boolean(),
});

export const unitResultViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  group: z.string().nullable(),
  /** Indicator codes whose figure is synthetic (模拟 demo data). */
  synthetic: z.array(z.string()),
  /** complete; partial: scored with optional indicators missing; incomplete: not scored. */
  status: z.enum(['complete', 'partial', 'incomplete']),
  /** Required or scored indicators without a figure. */
  missing: z.array(z.string()),
  /** The score the grade rests on when not the score (partial units: missing indicators at 0). Absent in runs stored before it existed. */
  gradedOn: z.number().nullable().optional(),
  /** Plan floors the unit misses; each caps its grade. */
  floors: z
    .array(
      z.object({
        code: z.string(),
        indicator: z.string(),
        min: z.number(),
        maxGrade: z.string(),
        reason: z.string(),
        reasonEn: z.string().nullable(),
      }),
    )
    .optional(),
  baseScore: z.number().nullable(),
  bonus: z.number(),
  penalty: z.number(),
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
  grade: z.string().nullable(),
  vetoes: z.array(z.object({ code: z.string(), reason: z.string(), reasonEn: z.string().nullable() })),
  contributions: z.array(
    z.object({
      indicator: z.string(),
      raw: decimalString.nullable(),
      normalised: z.number().nullable(),
      weight: z.number(),
      points: z.number().nullable(),
    }),
  ),
  /** Same scheme code, year − 1 (published run preferred, else the latest run). */
  previous: z
    .object({
      year: z.number().int(),
      score: z.number().nullable(),
      rank: z.number().int().nullable(),
      grade: z.string().nullable(),
    })
    .nullable(),
  explanation: z.object({ zh: z.string(), en: z.string() }),
  sensitivity: unitSensitivitySchema.nullable(),
  /** TOPSIS (Hwang & Yoon) over the same raw values and weights: an alternative ranking within the group. */
  topsis: z.object({ closeness: z.number(), rank: z.number().int() }).nullable(),
  /** The 督办 task made from this result (issue 16), null when none (or the unit is withheld from the reader). */
  supervision: z
    .object({
      plan: z.string(),
      key: z.string(),
      reason: z.enum(['bottom_grade', 'veto', 'floor']),
      reasonText: z.object({ zh: z.string(), en: z.string() }),
    })
    .nullable(),
  /** True when the unit lies outside the reader's scope: only what the scheme publishes is shown (publication.ts). */
  withheld: z.boolean().optional(),
});
export type UnitResultView = z.infer<typeof unitResultViewSchema>;

export const runViewSchema = z.object({
  id: z.number().int().nullable(),
  scheme: z.object({
    code: z.string(),
    version: z.number().int(),
    name: z.string(),
    nameEn: z.string().nullable(),
    status: schemeStatusSchema,
    defaultWeights: z.boolean(),
    publishes: publicationLevelSchema,
  }),
  year: z.number().int(),
  status: runStatusSchema,
  createdAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  seed: z.number().int(),
  samples: z.number().int(),
  /** sha256 (hex) of the canonical input: scheme version, year and every unit's decimal-string values. */
  dataHash: z.string(),
  indicators: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      nameEn: z.string().nullable(),
      unit: z.string(),
      weight: z.number(),
      direction: z.enum(['higher_better', 'lower_better']),
      normalisation: z.string(),
    }),
  ),
  grades: z.array(z.object({ label: z.string(), labelEn: z.string().nullable(), minScore: z.number() })),
  groups: z.array(z.object({ code: z.string(), name: z.string() })),
  sources: z.array(sourceSchema),
  /** Empty for a run stored before issue 16 recorded it. */
  provenance: z.array(provenanceSchema),
  /** 模拟: some figure the run used is synthetic (demo) data, not a reported or published one. */
  simulated: z.boolean(),
  /** The run's place in the scheme's evaluation cycle (full evaluation or yearly update); null without a cycle. */
  cycle: z
    .object({
      kind: z.enum(['full', 'update']),
      fullYear: z.number().int(),
      fullEvery: z.number().int(),
      fullRunId: z.number().int().nullable(),
      schemeVersion: z.number().int(),
    })
    .nullable(),
  units: z.array(unitResultViewSchema),
});
export type RunView = z.infer<typeof runViewSchema>;

export const runSummarySchema = z.object({
  id: z.number().int(),
  scheme: z.string(),
  version: z.number().int(),
  year: z.number().int(),
  status: z.enum(['draft', 'published']),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  dataHash: z.string(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;
export const runListSchema = z.object({ items: z.array(runSummarySchema) });
export type RunList = z.infer<typeof runListSchema>;

export const weightsResultSchema = z.object({
  weights: z.array(z.number()),
  lambdaMax: z.number().optional(),
  ci: z.number().optional(),
  cr: z.number().optional(),
  entropy: z.array(z.number()).optional(),
});
export type WeightsResult = z.infer<typeof weightsResultSchema>;

/** What a 督办 from a run result created (issue 16). */
export const supervisionResultSchema = z.object({
  task: z.object({ plan: z.string(), key: z.string() }),
  noticeId: z.number().int(),
  reason: z.enum(['bottom_grade', 'veto', 'floor']),
});
export type SupervisionResult = z.infer<typeof supervisionResultSchema>;

/** A unit's grades across published runs (issue 16), each as the reader may see it. */
export const gradeHistorySchema = z.object({
  unit: z.string(),
  items: z.array(
    z.object({
      runId: z.number().int(),
      scheme: z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable(), version: z.number().int() }),
      year: z.number().int(),
      publishedAt: z.string(),
      simulated: z.boolean(),
      grade: z.string().nullable(),
      gradeEn: z.string().nullable(),
      score: z.number().nullable(),
      rank: z.number().int().nullable(),
      of: z.number().int(),
      status: z.string(),
      supervision: z.object({ plan: z.string(), key: z.string() }).nullable(),
    }),
  ),
});
export type GradeHistory = z.infer<typeof gradeHistorySchema>;
