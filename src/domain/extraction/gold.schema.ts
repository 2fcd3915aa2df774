import { z } from 'zod';
import { draftAimFields, yearFigureSchema } from './candidate.schema.ts';

/**
 * A hand-built gold set: every target and task of one plan text, each located by a quote (a piece
 * of the sentence that contains the figure or the responsibility clause). See docs/extraction.md.
 */
export const goldTargetSchema = z.strictObject({
  id: z.string(),
  /** Text of the plan, compared without white space after NFKC, that contains the figure. */
  quote: z.string().min(2),
  /** Which occurrence of the quote, when it occurs more than once (1-based). */
  occurrence: z.number().int().min(1).default(1),
  indicator: z.strictObject({
    /** Catalogue code; absent for an indicator the catalogue does not know (the unseen gold set). */
    code: z.string().optional(),
    /** The plan's words for it, for scoring a proposed new indicator when the catalogue lacks the code. */
    mention: z.string(),
  }),
  /** Org unit or group code; for a unit outside the catalogue, its name (Simplified, as in the text). */
  scope: z.string().optional(),
  baseline: yearFigureSchema.optional(),
  target: z.strictObject(draftAimFields),
  unit: z.string().optional(),
  /** Key of the curated dataset's target, when it has one. */
  curated: z.string().optional(),
  note: z.string().optional(),
});
export type GoldTarget = z.output<typeof goldTargetSchema>;

export const goldTaskSchema = z.strictObject({
  id: z.string(),
  quote: z.string().min(2),
  occurrence: z.number().int().min(1).default(1),
  lead: z.array(z.string()).default([]),
  co: z.array(z.string()).default([]),
  deadline: z.string().optional(),
  curated: z.string().optional(),
  note: z.string().optional(),
});
export type GoldTask = z.output<typeof goldTaskSchema>;

export const goldSetSchema = z.strictObject({
  plan: z.string(),
  /** Path of the plan text from the repository root. */
  source: z.string(),
  notes: z.array(z.string()).default([]),
  targets: z.array(goldTargetSchema),
  tasks: z.array(goldTaskSchema),
  /** Curated items deliberately left out of the gold set, with the reason. */
  excluded: z.array(z.strictObject({ curated: z.string(), reason: z.string() })).default([]),
});
export type GoldSet = z.output<typeof goldSetSchema>;
