import { sql, type RawBuilder } from 'kysely';
import { normaliseText } from '../domain/text/normalise.ts';

/**
 * A search over names stored as written (issue 18): the column and the words searched for are both
 * NFKC-folded, so 供应率(供地 finds 土地供应率（供地率） and 供应率（供地 finds a name written with ().
 * PostgreSQL's normalize() is NFKC alone; the search words also lose the Kangxi look-alikes, which
 * names typed by people do not contain.
 */
export function nameLike(column: string, words: string): RawBuilder<boolean> {
  return sql<boolean>`normalize(${sql.ref(column)}, NFKC) ilike ${nameLikePattern(words)}`;
}

/** The ilike pattern of the folded search words, with % _ and \\ taken literally. */
export function nameLikePattern(words: string): string {
  return `%${normaliseText(words)
    .trim()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
