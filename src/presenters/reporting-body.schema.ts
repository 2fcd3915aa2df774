import { z } from 'zod';
import { decimal } from '../domain/model/common.schema.ts';
import { periodTextSchema } from '../domain/period/period.ts';

/**
 * Request bodies of the reporting routes that the web sends: declared once here, validated by the
 * routes, and typed in the web from these schemas (`z.input`), so a changed field fails the web's
 * typecheck instead of a request.
 */

/** A form rule as edited on the rule bench. */
export const ruleInputSchema = z.object({
  id: z.string(),
  severity: z.enum(['error', 'warning']),
  expression: z.string(),
  appliesTo: z.array(z.string()).optional(),
  message: z.object({ zh: z.string(), en: z.string() }),
  needsComment: z.boolean().optional(),
});

/** POST /forms/{form}/rules/test: (draft) rules run over figures without saving. */
export const ruleTestBodySchema = z.object({
  rules: z.array(ruleInputSchema).optional(),
  orgUnit: z.string().optional(),
  period: periodTextSchema,
  values: z.record(z.string(), decimal()),
});
export type RuleTestBody = z.input<typeof ruleTestBodySchema>;

/** One cell saved; value null clears it; expectedVersion is the version the editor loaded (0 = new). */
export const cellWriteSchema = z.object({
  indicator: z.string(),
  value: decimal().nullable(),
  expectedVersion: z.number().int().min(0),
});
export type CellWrite = z.input<typeof cellWriteSchema>;

/** PUT /submissions/{form}/{orgUnit}/{period}/values: draft figures and explanations. */
export const saveEntryBodySchema = z.object({
  values: z.array(cellWriteSchema),
  explanations: z.record(z.string(), z.string().max(2000)).optional(),
});
