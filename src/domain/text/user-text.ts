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

/**
 * Whether two texts kept as written say the same thing: equal once folded (NFKC, look-alikes),
 * so 土地供应率（供地率） and 土地供应率(供地率) are one name, not a change and not two names.
 */
export function sameText(a: string, b: string): boolean {
  return a === b || normaliseText(a).trim() === normaliseText(b).trim();
}
