import { createQuoteIndex } from '../text/locate-quote.ts';

/**
 * Cuts each section's text out of the plan source: from its heading to the next located heading
 * at the same or a higher level (so a chapter's text includes its sections).
 * Headings are searched in order, each after the previous one, because shuffled PDF text repeats
 * headings in tables of contents. A heading that cannot be found gets empty text.
 */
export function cutSectionTexts(normalisedSource: string, sections: readonly { heading: string; depth: number }[]): string[] {
  const index = createQuoteIndex(normalisedSource);
  const starts: (number | null)[] = [];
  let cursor = 0;
  for (const { heading } of sections) {
    const at = locateHeading(normalisedSource, index, heading, cursor);
    starts.push(at ? at.start : null);
    if (at) cursor = at.end;
  }
  return starts.map((start, i) => {
    if (start === null) return '';
    const depth = sections[i]!.depth;
    const next = starts.find((s, j): s is number => j > i && s !== null && sections[j]!.depth <= depth);
    return normalisedSource.slice(start, next ?? normalisedSource.length).trim();
  });
}

/** Prefers an occurrence that starts a line: the same words inside a table of contents or a sentence do not. */
function locateHeading(source: string, index: ReturnType<typeof createQuoteIndex>, heading: string, from: number) {
  const first = index.locate(heading, from);
  for (let at = first; at; at = index.locate(heading, at.end)) {
    const before = source.slice(Math.max(0, at.start - 40), at.start);
    if (at.start === 0 || /\n[ \t\u3000]*$/.test(before)) return at;
  }
  return first;
}
