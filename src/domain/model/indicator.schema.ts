import { z } from 'zod';
import { code, optionalText, optionalUserText, text, userText } from './common.schema.ts';

export const DIRECTIONS = ['higher_better', 'lower_better', 'in_range'] as const;
export const NATURES = ['expected', 'binding'] as const; // 预期性 / 约束性
export const AGGREGATIONS = ['sum', 'average', 'weighted_average', 'ratio', 'none'] as const;
/** What a figure states: a level (亿元, %, 家) or the change on the year before (增长8.1% → 8.1, 下降3.2% → −3.2). */
export const MEASURES = ['level', 'annual_change'] as const;
export type Measure = (typeof MEASURES)[number];

export const indicatorSchema = z.strictObject({
  code: code(),
  // Names, synonyms and the description are stored as written (issue 18: 土地供应率（供地率） keeps its
  // （）); everything that finds an indicator by name compares NFKC keys (matchKey), never these strings.
  name: userText(),
  nameEn: userText(),
  /** Folded (NFKC): a unit is a controlled word that scales and compares figures (%, 亿元, 万m2), not prose. */
  unit: text(),
  direction: z.enum(DIRECTIONS).default('higher_better'),
  nature: z.enum(NATURES).default('expected'),
  /** How values of several org units combine: ratio = recompute the formula over summed inputs. */
  aggregation: z.enum(AGGREGATIONS).default('sum'),
  measure: z.enum(MEASURES).default('level'),
  /** For weighted_average: the indicator whose values are the weights. */
  weightIndicator: code().optional(),
  /** For derived indicators: an arithmetic formula over other indicator codes. */
  formula: optionalText(),
  synonyms: z.array(userText()).default([]),
  description: optionalUserText(),
});
export type IndicatorInput = z.input<typeof indicatorSchema>;
export type Indicator = z.output<typeof indicatorSchema>;
