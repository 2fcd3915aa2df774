import { z } from 'zod';
import { extractionResultSchema } from '../domain/extraction/candidate.schema.ts';

export const draftSchema = z.object({
  id: z.number(),
  fileName: z.string(),
  /** The document's text as read; candidate spans are offsets into it. */
  text: z.string(),
  result: extractionResultSchema,
  acceptedPlanId: z.string().nullable(),
});
export type Draft = z.infer<typeof draftSchema>;

/** What an import or an accepted draft wrote: the plans, and how many targets and tasks. */
export const importCountsSchema = z.object({ plans: z.array(z.string()), targets: z.number(), tasks: z.number() });
export type ImportCounts = z.infer<typeof importCountsSchema>;
