import { z } from 'zod';

/** How raw values become scores in [0, 1] (1 = best). */
export const normalisationSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('minmax') }),
  /** Progress from baseline (default 0) to target, clamped to [0, 1]. */
  z.strictObject({ method: z.literal('target'), target: z.number(), baseline: z.number().default(0) }),
  /** z = (x − mean) / sd, mapped by clamp((z + 3) / 6, 0, 1). */
  z.strictObject({ method: z.literal('zscore') }),
  /** Mid-rank percentile: (#below + (#equal − 1) / 2) / (n − 1). */
  z.strictObject({ method: z.literal('rank') }),
  /** Threshold bands: the score of the band [from, to) the value falls in; direction is ignored. */
  z.strictObject({
    method: z.literal('bands'),
    bands: z
      .array(z.strictObject({ from: z.number().optional(), to: z.number().optional(), score: z.number().min(0).max(1) }))
      .min(1),
  }),
]);
export type Normalisation = z.output<typeof normalisationSchema>;
export const NORMALISATION_METHODS = ['minmax', 'target', 'zscore', 'rank', 'bands'] as const;

export const schemeIndicatorSchema = z.strictObject({
  code: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().min(1).optional(),
  weight: z.number().nonnegative(),
  direction: z.enum(['higher_better', 'lower_better']).default('higher_better'),
  normalisation: normalisationSchema.default({ method: 'minmax' }),
  /** A unit missing a required value is 'incomplete'; a missing optional value is handled by the scheme's missingPolicy. */
  required: z.boolean().default(true),
});
export type SchemeIndicator = z.output<typeof schemeIndicatorSchema>;

/** 一票否决: when the condition holds the unit gets the lowest grade whatever its score. */
export const vetoSchema = z.strictObject({
  code: z.string().min(1),
  indicator: z.string().min(1),
  op: z.enum(['lt', 'le', 'gt', 'ge', 'eq']),
  value: z.number(),
  reason: z.string().min(1),
  reasonEn: z.string().min(1).optional(),
});
export type Veto = z.output<typeof vetoSchema>;

/** 加分 / 扣分 items: points reported per unit, each item capped, and the total of each kind capped. */
export const adjustmentSchema = z.strictObject({
  code: z.string().min(1),
  kind: z.enum(['bonus', 'penalty']),
  name: z.string().min(1),
  nameEn: z.string().min(1).optional(),
  maxPoints: z.number().nonnegative(),
});
export type Adjustment = z.output<typeof adjustmentSchema>;

/**
 * A floor the plan sets on an indicator (e.g. 亩均产出 ≥ 600 万元 for national zones): a unit below it —
 * or without the figure, which cannot show it is above — takes at most `maxGrade`, whatever its score.
 */
export const floorSchema = z.strictObject({
  code: z.string().min(1),
  indicator: z.string().min(1),
  /** The comparison group the floor applies to; every unit when absent. */
  group: z.string().min(1).optional(),
  /** The lowest raw value (in the indicator's unit) that meets the floor. */
  min: z.number(),
  /** The best grade (a grade label) a unit that misses the floor can take. */
  maxGrade: z.string().min(1),
  reason: z.string().min(1),
  reasonEn: z.string().min(1).optional(),
});
export type Floor = z.output<typeof floorSchema>;

/**
 * What a missing optional indicator does (a required one always leaves the unit unscored):
 * - reweight: its weight is shared among the present indicators; the unit is scored but not ranked among
 *   complete units, and graded on the score it would get were every missing indicator 0;
 * - zero: it scores 0 (the unit is ranked on that lower bound);
 * - exclude: the unit is not scored, ranked or graded.
 */
export const MISSING_POLICIES = ['reweight', 'zero', 'exclude'] as const;
export type MissingPolicy = (typeof MISSING_POLICIES)[number];

export const gradeBandSchema = z.strictObject({
  label: z.string().min(1),
  labelEn: z.string().min(1).optional(),
  /** Lowest score (0–100 scale, after bonus and penalty) that earns this grade. */
  minScore: z.number(),
});
export type GradeBand = z.output<typeof gradeBandSchema>;

export const comparisonGroupSchema = z.strictObject({
  code: z.string().min(1),
  name: z.string().min(1),
  /** Weights by indicator code; indicators not named keep the scheme weight. */
  weights: z.record(z.string(), z.number().nonnegative()).default({}),
});
export type ComparisonGroup = z.output<typeof comparisonGroupSchema>;

export const schemeSchema = z
  .strictObject({
    code: z.string().min(1),
    name: z.string().min(1),
    indicators: z.array(schemeIndicatorSchema).min(1),
    aggregation: z.enum(['weighted_sum', 'weighted_geometric']).default('weighted_sum'),
    vetoes: z.array(vetoSchema).default([]),
    adjustments: z.array(adjustmentSchema).default([]),
    bonusCap: z.number().nonnegative().default(Infinity),
    penaltyCap: z.number().nonnegative().default(Infinity),
    grades: z.array(gradeBandSchema).min(1),
    groups: z.array(comparisonGroupSchema).default([]),
    floors: z.array(floorSchema).default([]),
    missingPolicy: z.enum(MISSING_POLICIES).default('reweight'),
  })
  .superRefine((s, ctx) => {
    const codes = new Set(s.indicators.map((i) => i.code));
    if (codes.size !== s.indicators.length) ctx.addIssue({ code: 'custom', message: 'duplicate indicator code' });
    for (const v of s.vetoes)
      if (!codes.has(v.indicator)) ctx.addIssue({ code: 'custom', message: `veto ${v.code}: unknown indicator ${v.indicator}` });
    for (const g of s.groups)
      for (const c of Object.keys(g.weights))
        if (!codes.has(c)) ctx.addIssue({ code: 'custom', message: `group ${g.code}: unknown indicator ${c}` });
    const labels = new Set(s.grades.map((g) => g.label));
    for (const f of s.floors) {
      if (!codes.has(f.indicator)) ctx.addIssue({ code: 'custom', message: `floor ${f.code}: unknown indicator ${f.indicator}` });
      if (!labels.has(f.maxGrade)) ctx.addIssue({ code: 'custom', message: `floor ${f.code}: unknown grade ${f.maxGrade}` });
      if (f.group !== undefined && !s.groups.some((g) => g.code === f.group))
        ctx.addIssue({ code: 'custom', message: `floor ${f.code}: unknown group ${f.group}` });
    }
    if (!s.indicators.some((i) => i.weight > 0)) ctx.addIssue({ code: 'custom', message: 'all weights are zero' });
    const mins = s.grades.map((g) => g.minScore);
    if (mins.some((m, i) => i > 0 && m >= mins[i - 1]!))
      ctx.addIssue({ code: 'custom', message: 'grades must be listed best first with strictly falling minScore' });
  });
export type SchemeInput = z.input<typeof schemeSchema>;
export type Scheme = z.output<typeof schemeSchema>;
