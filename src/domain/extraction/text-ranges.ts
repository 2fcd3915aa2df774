import type { SectionTree } from './section-tree.ts';

/** [start, end) of every non-empty line of the text. */
export function paragraphRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      if (i > start) out.push([start, i]);
      start = i + 1;
    }
  }
  return out;
}

/** Moves a start offset past headings that begin there (a run-in 第三节发展目标 before the sentence). */
export function skipHeadings(tree: SectionTree, from: number, to: number): number {
  let at = from;
  for (const h of tree.headings) {
    if (h.headingStart >= to) break;
    if (h.headingStart <= at && h.headingEnd > at) at = h.headingEnd;
  }
  return at;
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
