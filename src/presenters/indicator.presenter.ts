import { z } from 'zod';

export const indicatorResponseSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  direction: z.string(),
  nature: z.string(),
  aggregation: z.string(),
  /** 'level', or 'annual_change' when figures state the change on the year before (增长8.1%). */
  measure: z.enum(['level', 'annual_change']),
  weightIndicator: z.string().nullable(),
  formula: z.string().nullable(),
  synonyms: z.array(z.string()),
  description: z.string().nullable(),
});

export type IndicatorResponse = z.infer<typeof indicatorResponseSchema>;

export function presentIndicator(r: {
  code: string;
  name: string;
  name_en: string;
  unit: string;
  direction: string;
  nature: string;
  aggregation: string;
  measure: string;
  weight_indicator_code: string | null;
  formula: string | null;
  synonyms: string[];
  description: string | null;
}): IndicatorResponse {
  return {
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    unit: r.unit,
    direction: r.direction,
    nature: r.nature,
    aggregation: r.aggregation,
    measure: r.measure === 'annual_change' ? 'annual_change' : 'level',
    weightIndicator: r.weight_indicator_code,
    formula: r.formula,
    synonyms: r.synonyms,
    description: r.description,
  };
}
