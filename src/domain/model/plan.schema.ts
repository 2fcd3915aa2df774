import { z } from 'zod';
import { code, optionalUserText, userText, year } from './common.schema.ts';

export const SECTION_KINDS = ['preface', 'part', 'chapter', 'section', 'item', 'column', 'appendix', 'table'] as const;

export const planSchema = z
  .strictObject({
    /** Stable plan ID such as yunnan-ftz-2021-2025. */
    id: code(),
    // Title and issuer as written (issue 18); the plan is found by its id, never by its title.
    title: userText(),
    titleEn: optionalUserText(),
    issuer: userText(),
    /** Publication date (ISO). */
    issuedOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    periodStart: year(),
    periodEnd: year(),
    /** File name of the source text under dataset/sources (or beside an imported plan file). */
    sourceFile: z.string().optional(),
  })
  .refine((p) => p.periodEnd >= p.periodStart, { message: 'periodEnd must not precede periodStart', path: ['periodEnd'] });
export type Plan = z.output<typeof planSchema>;

/** 章/节/专栏: headings only; the section text is cut from the source between headings. */
export const sectionSchema = z.strictObject({
  key: code(),
  parent: code().optional(),
  kind: z.enum(SECTION_KINDS),
  /** As written; it is found in the (normalised) source text through compactForMatch, so widths do not matter. */
  heading: userText(),
});
export type Section = z.output<typeof sectionSchema>;
