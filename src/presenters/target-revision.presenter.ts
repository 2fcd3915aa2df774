import { z } from 'zod';
import { targetAimResponseSchema } from './target.presenter.ts';

/** Response shapes of in-place target corrections and plan withdrawal (issue 17 item 5). */

const decimalString = z.string().describe('decimal number as a string');

export const targetStateSchema = z.object({
  baseline: z.object({ year: z.number().int(), value: decimalString }).nullable(),
  scope: z.object({ kind: z.enum(['org_unit', 'group']), code: z.string() }),
  target: targetAimResponseSchema,
  everyYear: z.boolean(),
});

export const revisionSchema = z.object({
  id: z.number().int(),
  /** The target's version this revision produced. */
  version: z.number().int(),
  reason: z.string(),
  /** The fields that changed, as they were and as they are now (keys of targetState). */
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
  author: z.string(),
  at: z.string().describe('ISO timestamp'),
});
export type Revision = z.infer<typeof revisionSchema>;

export const targetRevisionsSchema = z.object({
  plan: z.string(),
  key: z.string(),
  /** Quote it in the next correction (optimistic concurrency). */
  version: z.number().int(),
  /** The indicator's unit: values are stored in it. */
  unit: z.string(),
  /** Whether the reader may correct the target (the plan's managers, administrators). */
  canRevise: z.boolean(),
  current: targetStateSchema,
  items: z.array(revisionSchema),
});
export type TargetRevisions = z.infer<typeof targetRevisionsSchema>;

export const revisedTargetSchema = z.object({
  plan: z.string(),
  key: z.string(),
  version: z.number().int(),
  current: targetStateSchema,
  revision: revisionSchema,
});

export const planWithdrawalSchema = z.object({
  plan: z.string(),
  withdrawn: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable().describe('null = in force'),
});

export function presentRevision(r: {
  id: number;
  version: number;
  reason: string;
  before: unknown;
  after: unknown;
  author: string;
  display_name?: string | null;
  created_at: Date;
}): Revision {
  return {
    id: r.id,
    version: r.version,
    reason: r.reason,
    before: (r.before ?? {}) as Record<string, unknown>,
    after: (r.after ?? {}) as Record<string, unknown>,
    author: r.display_name ?? r.author,
    at: new Date(r.created_at).toISOString(),
  };
}
