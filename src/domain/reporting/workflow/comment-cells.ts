import { normaliseText } from '../../text/normalise.ts';

/** An indicator on the sheet, by the names people call it. */
export interface NamedItem {
  indicator: string;
  /** The catalogue name and its synonyms (固定资产投资, 固投). */
  names: readonly string[];
}

/** Matching key: NFKC, no white space, lower case. Only for finding names; the comment itself is never changed. */
const key = (s: string) => normaliseText(s).replace(/\s+/g, '').toLowerCase();

/**
 * The indicators a reviewer's comment names, in sheet order, so that a returned sheet can show the
 * comment at the cells it concerns (issue 18). A name counts where it is not part of a longer name
 * found at the same place (出口额 inside 进出口总额 does not name 出口额). Names shorter than two
 * characters are ignored: they would match by chance.
 */
export function cellsNamedIn(comment: string, items: readonly NamedItem[]): string[] {
  const text = key(comment);
  const found: { indicator: string; start: number; end: number }[] = [];
  for (const item of items)
    for (const name of item.names) {
      const k = key(name);
      if (k.length < 2) continue;
      for (let at = text.indexOf(k); at >= 0; at = text.indexOf(k, at + 1))
        found.push({ indicator: item.indicator, start: at, end: at + k.length });
    }
  // Longest first: a match inside a longer one found at the same place is not a mention of its own.
  found.sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: typeof found = [];
  for (const f of found) if (!kept.some((k) => k.indicator !== f.indicator && k.start <= f.start && f.end <= k.end)) kept.push(f);
  const named = new Set(kept.map((k) => k.indicator));
  return items.filter((i) => named.has(i.indicator)).map((i) => i.indicator);
}
