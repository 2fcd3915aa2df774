import { z } from 'zod';
import { decimal } from '../domain/model/common.schema.ts';

const decimalString = z.string().describe('decimal number as a string');

/** POST /published-figures/proposals: a bulletin, work report or official news item pasted or uploaded as text. */
export const proposeRequestSchema = z.object({
  plan: z.string().min(1),
  /** The unit the text is about (the bulletin's province, prefecture or zone). */
  orgUnit: z.string().min(1),
  /** The year the document reports on (2022年统计公报 → 2022); a sentence naming its own year overrides it. */
  year: z.number().int().min(1949).max(2100),
  text: z.string().min(1).max(2_000_000),
});

export const figureProposalSchema = z.object({
  indicator: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  year: z.number().int(),
  value: decimalString,
  statedValue: decimalString,
  statedUnit: z.string(),
  quote: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});
export type FigureProposalView = z.infer<typeof figureProposalSchema>;

export const proposeResponseSchema = z.object({ proposals: z.array(figureProposalSchema) });

/** POST /published-figures: the figures a planner accepted (or corrected), with the publication they come from. */
export const acceptRequestSchema = z.object({
  plan: z.string().min(1),
  orgUnit: z.string().min(1),
  source: z.object({
    title: z.string().trim().min(1).max(500),
    publisher: z.string().trim().min(1).max(200),
    publishedOn: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/),
    url: z.string().url().max(2000),
  }),
  figures: z
    .array(
      z.object({
        indicator: z.string().min(1),
        year: z.number().int().min(1949).max(2100),
        value: decimal(),
        statedValue: decimal(),
        statedUnit: z.string().max(40),
        quote: z.string().min(1).max(2000),
      }),
    )
    .min(1)
    .max(500),
});
export type AcceptPublishedInput = z.infer<typeof acceptRequestSchema>;

export const acceptResponseSchema = z.object({ stored: z.number().int() });
