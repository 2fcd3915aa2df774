import { z } from 'zod';
import { progressClassSchema } from './progress.presenter.ts';

/** Response shapes of the role homes (issue 19); the web app imports these types. */

const count = z.number().int();
const warnings = z.object({ red: count, yellow: count, green: count });
const byClass = z.record(progressClassSchema, count);
const planRef = z.object({ id: z.string(), title: z.string() });
const level = z.enum(['red', 'yellow', 'green']);

export const trendSchema = z.object({
  direction: z.enum(['up', 'down', 'flat']),
  improving: z.boolean().nullable(),
  year: count,
  previousYear: count,
  change: z.number().nullable(),
});
export const sparkSchema = z.array(z.object({ year: count, value: z.number() }));

/** The head of a home row about one target of one plan (TargetRowHead in src/domain/home/home-target.ts). */
const targetRowHead = {
  plan: planRef,
  at: z.string(),
  key: z.string(),
  indicator: z.object({ code: z.string(), name: z.string(), unit: z.string() }),
  subject: z.object({ kind: z.enum(['org_unit', 'group']), code: z.string(), name: z.string() }),
  class: progressClassSchema,
  level,
};

const scorecardSchema = z.object({
  ...targetRowHead,
  current: z.string().nullable(),
  dataYear: count.nullable(),
  decimals: count,
  /** What the target asks (its year, kind and figures), and the section of the plan that states it. */
  goal: z.object({
    year: count,
    comparator: z.string(),
    value: z.string().nullable(),
    min: z.string().nullable(),
    max: z.string().nullable(),
    rate: z.string().nullable(),
    text: z.string().nullable(),
  }),
  section: z.string().nullable(),
  trend: trendSchema.nullable(),
  spark: sparkSchema,
});

export const leaderHomeSchema = z.object({
  plans: z.array(z.object({ plan: planRef, at: z.string(), total: count, byClass, warnings, stale: count })),
  totals: z.object({ total: count, byClass, warnings }),
  laggards: z.array(
    z.object({
      ...targetRowHead,
      sentence: z.string(),
      trend: trendSchema.nullable(),
      spark: sparkSchema,
    }),
  ),
  /** Every target's scorecard row: figure to the indicator's precision, class, warning, trend and sparkline. */
  scorecards: z.array(scorecardSchema),
  freshness: z.object({ total: count, stale: count, lastUpdated: z.string().nullable() }),
  evaluations: z.array(
    z.object({
      run: count,
      scheme: z.object({ code: z.string(), name: z.string() }),
      year: count,
      ranked: count,
      top: z.array(z.object({ name: z.string(), rank: count, grade: z.string().nullable(), score: z.number().nullable() })),
      grades: z.array(z.object({ label: z.string(), count })),
    }),
  ),
});
export type LeaderHome = z.infer<typeof leaderHomeSchema>;

export const planManagerHomeSchema = z.object({
  plans: z.array(
    z.object({
      plan: planRef,
      periodStart: count,
      periodEnd: count,
      at: z.string(),
      targets: count,
      tasks: count,
      /** Targets with a data path (a form, a formula or the plan office's sheet) and without one. */
      withPath: count,
      withoutPath: count,
      withFigure: count,
      stale: count,
      /** Targets by class as the overview judges them (all zero for a plan without targets). */
      byClass,
      warnings,
    }),
  ),
  /** The scorecard of every target of those plans, as on the leader's home (trend arrow, sparkline). */
  scorecards: z.array(scorecardSchema),
});
export type PlanManagerHome = z.infer<typeof planManagerHomeSchema>;
