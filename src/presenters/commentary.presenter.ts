import { z } from 'zod';
import { COMMENTARY_MAX_LENGTH } from '../domain/progress/commentary-rights.ts';
import { periodTextSchema } from '../domain/period/period.ts';
import type { CommentaryRow } from '../repositories/commentary.repository.ts';

/** A target's owner and commentary for one period (issue 19). */
export const commentarySchema = z.object({
  period: z.string(),
  /** The responsible unit when it was written; null for a group target. */
  owner: z.object({ code: z.string(), name: z.string() }).nullable(),
  text: z.string(),
  version: z.number().int(),
  author: z.string().nullable(),
  updatedAt: z.string(),
});
export type Commentary = z.infer<typeof commentarySchema>;

export const targetCommentarySchema = z.object({
  plan: z.string(),
  key: z.string(),
  /** The target's responsible unit (its owner); null for a group target. */
  owner: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** Whether the reader may write the commentary. */
  canWrite: z.boolean(),
  /** Newest period first. */
  items: z.array(commentarySchema),
});
export type TargetCommentary = z.infer<typeof targetCommentarySchema>;

export const commentaryWriteSchema = z.object({
  text: z.string().max(COMMENTARY_MAX_LENGTH).describe(`commentary, at most ${COMMENTARY_MAX_LENGTH} characters`),
  /** 0 for a period without commentary yet; else the version read. */
  version: z.number().int().min(0),
});
export const commentaryPeriodSchema = periodTextSchema;

export function presentCommentary(r: CommentaryRow): Commentary {
  return {
    period: r.period,
    owner: r.owner_code ? { code: r.owner_code, name: r.owner_name ?? r.owner_code } : null,
    text: r.body,
    version: r.version,
    author: r.author_name ?? null,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
