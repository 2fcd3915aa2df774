import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { IndicatorTable } from '../db/schema.ts';

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

/** An indicator as stored, with its weight indicator's code in place of the id. */
type IndicatorFields = Omit<Selectable<IndicatorTable>, 'id' | 'weight_indicator_id'> & { weight_indicator_code: string | null };

export function presentIndicator(r: IndicatorFields): IndicatorResponse {
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
