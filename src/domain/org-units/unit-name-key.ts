import { identityText } from '../extraction/offset-text.ts';
import { toSimplified } from '../extraction/traditional-to-simplified.ts';
import { matchKey } from '../reporting/table/header-words.ts';

const ASCII = /^[\x20-\x7e]*$/;

/**
 * The key a unit's name or alias is matched by: NFKC, punctuation and spaces dropped, and
 * Traditional characters read as Simplified (昆明高新區 = 昆明高新区), since some statisticians
 * type in a Traditional input method. Only the key is folded: names and aliases are stored and
 * shown as written.
 */
export function unitNameKey(text: string): string {
  const key = matchKey(text);
  if (ASCII.test(key)) return key;
  return toSimplified(identityText(key)).text;
}
