import { normaliseText } from './normalise.ts';

/**
 * What a person wrote (a comment, a 督办单, a reply, a 情况说明, a rule's message), kept character
 * for character: only the white space around it goes. Issue 18: "，" must stay "，" and "１２" must
 * stay "１２" when shown back; NFKC belongs in matching keys (normaliseText, compactForMatch), never in
 * stored prose. Returns '' when nothing visible remains (only white space, BOM or zero-width
 * characters), so the caller can refuse an empty text.
 */
export function keepUserText(typed: string): string {
  const kept = typed.trim();
  return normaliseText(kept).trim() === '' ? '' : kept;
}
