import { z } from 'zod';
import type { SourceColumns } from '../db/schema.ts';

export const sourceResponseSchema = z.object({
  plan: z.string(),
  section: z.string().nullable(),
  quote: z.string(),
  /** Offsets into GET /plans/{plan}/source text, end exclusive. */
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
});

export type SourceResponse = z.infer<typeof sourceResponseSchema>;

export function presentSource(row: SourceColumns): z.infer<typeof sourceResponseSchema> {
  return {
    plan: row.source_plan_id,
    section: row.source_section,
    quote: row.source_quote,
    start: row.source_start,
    end: row.source_end,
  };
}
