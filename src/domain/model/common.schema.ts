import { z } from 'zod';
import { normaliseText } from '../text/normalise.ts';
import { keepUserText } from '../text/user-text.ts';

/** Every text entering the platform is NFKC-normalised and trimmed. */
export const text = () =>
  z
    .string()
    .transform((s) => normaliseText(s).trim())
    .pipe(z.string().min(1, 'must not be empty'));

/**
 * Prose a person writes and reads back (a rule's message shown to reporters): kept as typed, ends
 * trimmed, not empty. Never NFKC (issue 18: "，" stays "，"); match on a normalised key instead.
 */
export const userText = () => z.string().transform(keepUserText).pipe(z.string().min(1, 'must not be empty'));

/** An optional name or note kept as written (see userText); white space alone counts as absent. */
export const optionalUserText = () =>
  z
    .string()
    .transform((s) => keepUserText(s) || undefined)
    .optional();

export const optionalText = () =>
  z
    .string()
    .transform((s) => normaliseText(s).trim())
    .optional();

/**
 * Decimal numbers travel as strings so that no value ever passes through a binary float.
 * The dataset loader turns YAML/JSON number literals into their source text before validation.
 */
export const decimal = () =>
  z
    .union([z.string(), z.number().int().safe()])
    .transform((s) => normaliseText(String(s)).trim().replace(/,/g, ''))
    .pipe(z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number such as 2675.78'));

export const year = () => z.number().int().min(1949).max(2100);

/** Stable machine code: letters, digits and . _ - ; for org units, indicators, groups, targets. */
export const code = () => z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'code may contain only letters, digits, . _ -');

/** Where a figure comes from: the section heading and the exact sentence, quoted after NFKC. */
export const sourceSchema = z.strictObject({
  /** Plan whose text holds the quote; defaults to the plan of the file it appears in. */
  plan: code().optional(),
  section: optionalText(),
  quote: text(),
});
export type Source = z.infer<typeof sourceSchema>;
