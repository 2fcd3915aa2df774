import { z } from 'zod';
import type { HeadVerification } from '../services/audit.service.ts';

/** The answer of POST /audit/verify: intact, or the first reason it is not, in zh and en. */
export const headVerificationSchema = z.object({
  ok: z.boolean(),
  /** Entries in the chain now. */
  entries: z.number().optional(),
  kind: z.enum(['chain', 'signature', 'truncated', 'rewritten']).optional(),
  /** The first broken entry (kind chain). */
  entryId: z.number().optional(),
  /** Ids the head vouches for that the table no longer holds (kind truncated). */
  missing: z.object({ fromId: z.number(), toId: z.number(), entries: z.number() }).optional(),
  reason: z.string().optional(),
  reasonZh: z.string().optional(),
});

export function presentHeadVerification(v: HeadVerification): z.infer<typeof headVerificationSchema> {
  if (!v.chain.ok)
    return { ok: false, kind: 'chain', entryId: v.chain.entryId, reason: v.chain.reason, reasonZh: v.chain.reasonZh };
  if (v.head && !v.head.ok)
    return { ok: false, kind: v.head.kind, missing: v.head.missing, reason: v.head.reason, reasonZh: v.head.reasonZh };
  return { ok: true, entries: v.chain.entries };
}
