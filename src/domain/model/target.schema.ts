import { z } from 'zod';
import { code, decimal, optionalUserText, sourceSchema, userText, year } from './common.schema.ts';
import { NATURES } from './indicator.schema.ts';

/**
 * What plans really say about a target value. Values are in the indicator's unit; rates are
 * percentages (年均增长7% → rate "7", 累计降低13.5% → rate "-13.5").
 */
export const COMPARATORS = [
  'at_least', // 达到/超过/不低于
  'at_most', // 控制在/不高于
  'exactly',
  'range', // between min and max
  'annual_growth', // 年均增长 x%
  'cumulative_change', // 累计增长/降低 x% over the period
  'share', // 占比 x% (value is a percentage)
  'exceeds_growth_of', // 增速高于 another indicator's growth
  'qualitative',
  'increase_by', // 提高N个百分点 / 提高1岁: baseline + value
  'growth_in_step_with', // 与GDP增长基本同步: growth within a tolerance of another indicator's
] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** What a stored target aims at, as read back: decimals as strings, null where the comparator needs none. */
export interface TargetAim {
  year: number;
  comparator: Comparator;
  value: string | null;
  min: string | null;
  max: string | null;
  rate: string | null;
}

export const targetValueSchema = z
  .strictObject({
    year: year(),
    comparator: z.enum(COMPARATORS),
    value: decimal().optional(),
    min: decimal().optional(),
    max: decimal().optional(),
    rate: decimal().optional(),
    /** For exceeds_growth_of / growth_in_step_with / share: the other indicator. */
    reference: code().optional(),
    /** A floor or ceiling that must hold in every year of the plan (每年…以上, 控制在…以内, 保持), not only at the end. */
    everyYear: z.boolean().optional(),
    /** The plan's wording, required for qualitative targets; as written (issue 18), never a lookup key. */
    text: optionalUserText(),
  })
  .superRefine((t, ctx) => {
    const need = (field: 'value' | 'min' | 'max' | 'rate' | 'reference' | 'text') => {
      if (t[field] === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `${field} is required for comparator ${t.comparator}`,
          params: { zh: `比较方式为 ${t.comparator} 时必须填写 ${field}` },
        });
    };
    switch (t.comparator) {
      case 'at_least':
      case 'at_most':
      case 'exactly':
      case 'share':
      case 'increase_by':
        need('value');
        break;
      case 'range':
        need('min');
        need('max');
        break;
      case 'annual_growth':
      case 'cumulative_change':
        need('rate');
        break;
      case 'exceeds_growth_of':
      case 'growth_in_step_with':
        need('reference');
        break;
      case 'qualitative':
        need('text');
        break;
    }
    if (t.everyYear && !['at_least', 'at_most', 'annual_growth'].includes(t.comparator))
      ctx.addIssue({
        code: 'custom',
        path: ['everyYear'],
        message: `everyYear applies to at_least, at_most and annual_growth, not ${t.comparator}`,
        params: { zh: `“每年均须达到”只适用于不低于、不高于和年均增长，不适用于 ${t.comparator}` },
      });
  });

export const targetSchema = z
  .strictObject({
    /** Unique within the plan, stable across edits. */
    key: code(),
    section: code().optional(),
    indicator: code(),
    /** Exactly one of orgUnit or group. */
    orgUnit: code().optional(),
    group: code().optional(),
    nature: z.enum(NATURES).optional(),
    baseline: z.strictObject({ year: year(), value: decimal() }).optional(),
    target: targetValueSchema,
    /** Yearly figures where the plan gives a path (e.g. the bonded-zone action plan 2022–2025). */
    trajectory: z.array(z.strictObject({ year: year(), value: decimal() })).default([]),
    /** Keys of targets in any loaded plan that state a different figure for the same thing. */
    conflictsWith: z
      .array(
        z
          .string()
          .regex(/^([A-Za-z0-9][A-Za-z0-9._-]*:)?[A-Za-z0-9][A-Za-z0-9._-]*$/, 'write key, or planId:key for another plan'),
      )
      .default([]),
    /** The note in Chinese (shown in the zh-CN UI) and, optionally, in English. */
    note: optionalUserText(),
    noteEn: optionalUserText(),
    source: sourceSchema,
  })
  .refine((t) => (t.orgUnit === undefined) !== (t.group === undefined), {
    message: 'give exactly one of orgUnit or group',
    path: ['orgUnit'],
  });
export type TargetInput = z.input<typeof targetSchema>;
export type Target = z.output<typeof targetSchema>;

export const taskSchema = z.strictObject({
  key: code(),
  section: code().optional(),
  /** The task as the plan words it, as written (issue 18); searched through a folded key (nameLike). */
  text: userText(),
  /** 牵头单位 and 配合单位 as org-unit codes. */
  lead: z.array(code()).default([]),
  co: z.array(code()).default([]),
  /** The plan's own wording of the responsible units, kept for display (as written). */
  responsibleText: optionalUserText(),
  /** ISO date (2025-12-31) or a year; plans often say only 2025年底. */
  deadline: z
    .string()
    .regex(/^\d{4}(-\d{2}-\d{2})?$/)
    .optional(),
  source: sourceSchema,
});
export type Task = z.output<typeof taskSchema>;
