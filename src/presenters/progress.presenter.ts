import { z } from 'zod';
import { PROGRESS_METHODS } from '../domain/progress/method-class.ts';
import { citationSchema } from '../domain/published/published-figure.schema.ts';

/** Response shapes of /api/v1/progress (the issue-6 contract); the service builds exactly these. */

const decimalString = z.string().describe('decimal number as a string');
const origin = z.enum(['reported', 'published', 'plan', 'synthetic']);
export const progressClassSchema = z.enum(['achieved_early', 'ahead', 'on_track', 'behind', 'insufficient_data']);
export const progressMethodSchema = z.enum(PROGRESS_METHODS);
const zhEn = z.object({ zh: z.string(), en: z.string() });
const indicatorSchema = z.object({ code: z.string(), name: z.string(), nameEn: z.string(), unit: z.string() });

/** How fresh a target's figures are, and who owes the next one (progress and stale-target lists). */
export const freshnessSchema = z.object({
  lastUpdated: z.string().nullable(),
  lastPeriod: z.string().nullable(),
  stale: z.boolean(),
  owes: z
    .object({
      orgUnit: z.string(),
      orgUnitName: z.string(),
      form: z.string(),
      /** The form's name in both languages: the pages name the form, not its code (issue 19). */
      formName: z.string(),
      formNameEn: z.string(),
      period: z.string(),
      dueDate: z.string(),
    })
    .nullable(),
});

export const targetProgressSchema = z.object({
  key: z.string(),
  ordinal: z.number().int(),
  indicator: indicatorSchema,
  subject: z.object({ kind: z.enum(['org_unit', 'group']), code: z.string(), name: z.string() }),
  nature: z.enum(['expected', 'binding']),
  comparator: z.string(),
  /** The plan's baseline, or (origin reported/published) the approved figure of the baseline year that serves for it. */
  baseline: z
    .object({
      year: z.number().int(),
      value: decimalString,
      origin: z.enum(['plan', 'reported', 'published']),
      /** 规划未给出基期值，基期取自…年审核数据 when the baseline is not the plan's. */
      note: zhEn.nullable(),
    })
    .nullable(),
  target: z.object({
    year: z.number().int(),
    value: decimalString.nullable(),
    min: decimalString.nullable(),
    max: decimalString.nullable(),
    rate: decimalString.nullable(),
    text: z.string().nullable(),
  }),
  source: z.object({ plan: z.string(), section: z.string().nullable(), quote: z.string() }),
  judgement: z.object({
    dataYear: z.number().int().nullable(),
    current: decimalString.nullable(),
    currentOrigin: origin.nullable(),
    /** The value judged covers only part of its year (year-to-date or months missing). */
    currentPartial: z.boolean(),
    achievementRatio: z.number().nullable(),
    progressShare: z.number().nullable(),
    timeElapsedShare: z.number(),
    halfTimeHalfTask: z.enum(['pass', 'fail', 'na']),
    requiredAnnualGrowth: z.number().nullable(),
    observedAnnualGrowth: z.number().nullable(),
    projection: z
      .object({ year: z.number().int(), value: z.number(), low: z.number(), high: z.number(), method: z.enum(['cagr', 'trend']) })
      .nullable(),
    class: progressClassSchema,
    classLabel: zhEn,
    /** The official class, whatever the plan's method. */
    officialClass: progressClassSchema,
    methods: z.object({ unsd: z.unknown(), opensdg: z.unknown(), escap: z.unknown() }),
    methodClass: z.object({
      official: progressClassSchema,
      unsd: z.string().nullable(),
      opensdg: z.string().nullable(),
      escap: z.number().nullable(),
    }),
    explanation: zhEn,
  }),
  freshness: freshnessSchema,
  warning: z.object({
    level: z.enum(['red', 'yellow', 'green']),
    reasons: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
  }),
});
export type TargetProgress = z.infer<typeof targetProgressSchema>;

export const planProgressSchema = z.object({
  plan: z.object({ id: z.string(), title: z.string(), periodStart: z.number().int(), periodEnd: z.number().int() }),
  at: z.string(),
  method: progressMethodSchema,
  timeElapsedShare: z.number(),
  summary: z.object({
    total: z.number().int(),
    byClass: z.record(progressClassSchema, z.number().int()),
    halfTimeFail: z.number().int(),
    warnings: z.object({ red: z.number().int(), yellow: z.number().int(), green: z.number().int() }),
  }),
  targets: z.array(targetProgressSchema),
});
export type PlanProgress = z.infer<typeof planProgressSchema>;

/** A published figure's citation as readers see it: who reviewed it stays out of the answer. */
export const citationResponseSchema = z.object(citationSchema.shape).omit({ reviewedBy: true, reviewedAt: true });
export const publishedFigureSchema = z.object({
  orgUnit: z.string(),
  orgUnitName: z.string(),
  indicator: z.string(),
  indicatorName: z.string(),
  period: z.string(),
  cumulative: z.boolean(),
  /** In the indicator's catalogue unit. */
  value: decimalString,
  unit: z.string(),
  citation: citationResponseSchema,
});
export type PublishedFigureView = z.infer<typeof publishedFigureSchema>;

export const targetDetailSchema = targetProgressSchema.extend({
  series: z.array(z.object({ period: z.string(), value: decimalString, origin, cumulative: z.boolean() })),
  yearly: z.array(z.object({ year: z.number().int(), value: decimalString, origin: z.string(), partial: z.boolean() })),
  trajectory: z.array(z.object({ year: z.number().int(), value: decimalString })),
  band: z.array(z.object({ year: z.number().int(), value: z.number(), low: z.number(), high: z.number() })),
  /** The published figures (origin published) behind the target, each with the source that states it. */
  publishedFigures: z.array(publishedFigureSchema),
});
export type TargetDetail = z.infer<typeof targetDetailSchema>;

export const COMPARISON_BY = ['prefecture', 'bloc', 'zone_level', 'mfz_type'] as const;
export const comparisonSchema = z.object({
  indicator: indicatorSchema,
  at: z.string(),
  by: z.enum(COMPARISON_BY),
  rows: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.string(),
      value: decimalString.nullable(),
      origin: z.string().nullable(),
      class: progressClassSchema.nullable(),
    }),
  ),
});
export type Comparison = z.infer<typeof comparisonSchema>;

export const mapDataSchema = z.object({
  indicator: indicatorSchema,
  at: z.string(),
  prefectures: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      mapName: z.string(),
      value: decimalString.nullable(),
      origin: z.string().nullable(),
      class: progressClassSchema.nullable(),
    }),
  ),
  zones: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      prefecture: z.string(),
      lng: z.number().nullable(),
      lat: z.number().nullable(),
      value: decimalString.nullable(),
      origin: z.string().nullable(),
      class: progressClassSchema.nullable(),
    }),
  ),
});
export type MapData = z.infer<typeof mapDataSchema>;
