import { matchMarker, type MarkerKind } from './heading-markers.ts';

export interface SectionHeading {
  /** Position in the list, in document order: s0, s1, … */
  id: string;
  kind: MarkerKind;
  marker: string;
  title: string;
  depth: number;
  parent?: string;
  /** Offsets into the clean text: the heading itself, and the section (heading to next heading of the same or a higher level). */
  headingStart: number;
  headingEnd: number;
  end: number;
  /** The heading ran on into body text in the same paragraph, so where its title ends is a guess. */
  runIn: boolean;
}

export interface SectionTree {
  headings: SectionHeading[];
  /** The headings enclosing an offset, outermost first. */
  pathAt(offset: number): SectionHeading[];
}

/** Markers that may start a heading in the middle of a paragraph, right after a sentence ends. */
const INLINE_KINDS: ReadonlySet<MarkerKind> = new Set(['part', 'chapter', 'section', 'cn-item', 'cn-paren', 'num-item']);
const MAX_TITLE = 24;

/**
 * Finds the headings of a plan — 第X部分/篇, 第X章, 第X节, 一、, (一), 1., (1), 专栏, 附件/附录, 表 —
 * and nests them: a marker style seen for the first time opens a deeper level, one seen before
 * closes the levels below it (so 一、 under 第X节 or on its own both work). 附件 starts a new top
 * level. Headings are found at paragraph starts, and also right after a sentence end or another
 * heading, because PDF text often runs headings into the body (…新突破。第一章建设成效第一节…).
 */
export function buildSectionTree(text: string): SectionTree {
  const found: Omit<SectionHeading, 'id' | 'depth' | 'parent' | 'end'>[] = [];
  let paraStart = 0;
  while (paraStart < text.length) {
    let paraEnd = text.indexOf('\n', paraStart);
    if (paraEnd < 0) paraEnd = text.length;
    scanParagraph(text, paraStart, paraEnd, found);
    paraStart = paraEnd + 1;
  }
  const headings: SectionHeading[] = [];
  const stack: SectionHeading[] = [];
  for (const h of found) {
    if (h.kind === 'appendix') stack.length = 0;
    const same = stack.findIndex((s) => s.kind === h.kind);
    if (same >= 0) stack.length = same;
    const parent = stack[stack.length - 1];
    const heading: SectionHeading = {
      ...h,
      id: `s${headings.length}`,
      depth: stack.length,
      parent: parent?.id,
      end: text.length,
    };
    headings.push(heading);
    stack.push(heading);
  }
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i]!;
    const next = headings.slice(i + 1).find((n) => n.depth <= h.depth);
    h.end = next ? next.headingStart : text.length;
  }
  const byId = new Map(headings.map((h) => [h.id, h]));
  return {
    headings,
    pathAt(offset) {
      let lo = 0;
      let hi = headings.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (headings[mid]!.headingStart <= offset) lo = mid + 1;
        else hi = mid;
      }
      const path: SectionHeading[] = [];
      for (let h = headings[lo - 1]; h; h = h.parent ? byId.get(h.parent) : undefined) {
        if (offset < h.end) path.unshift(h);
      }
      return path;
    },
  };
}

function scanParagraph(
  text: string,
  start: number,
  end: number,
  found: Omit<SectionHeading, 'id' | 'depth' | 'parent' | 'end'>[],
): void {
  let at = start;
  let atParagraphStart = true;
  while (at < end) {
    const rest = text.slice(at, end);
    const marker = matchMarker(rest);
    if (marker && (atParagraphStart || INLINE_KINDS.has(marker.kind))) {
      let titleStart = at + marker.marker.length;
      while (titleStart < end && /[::\s]/.test(text[titleStart]!)) titleStart++;
      const whole = text.slice(titleStart, end);
      let titleEnd: number;
      let runIn: boolean;
      if (atParagraphStart && at === start && whole.length <= 40 && !/[。;]./.test(whole)) {
        titleEnd = end;
        runIn = false;
      } else {
        titleEnd = titleStart + runInTitleLength(whole);
        runIn = true;
      }
      let title = text.slice(titleStart, titleEnd).replace(/[。;:,\s]+$/, '');
      // A run-in title stops before 到2025年: 第三节发展目标到2025年,…
      if (runIn && /[到至]$/.test(title)) {
        title = title.slice(0, -1);
        titleEnd--;
      }
      if (title.length > 0 || marker.kind === 'appendix' || marker.kind === 'table') {
        found.push({ kind: marker.kind, marker: marker.marker, title, headingStart: at, headingEnd: titleEnd, runIn });
        at = titleEnd;
        atParagraphStart = false;
        // A heading may be followed directly by another heading (第一章…第一节…).
        if (matchMarker(text.slice(at, end))) continue;
      }
    }
    // Move to the next sentence end: only there can a run-in heading start.
    const next = text.slice(at, end).search(/[。!?;:]/);
    if (next < 0) break;
    at += next + 1;
    atParagraphStart = false;
  }
}

/** Where a run-in title stops: before the next marker, punctuation, a digit or after MAX_TITLE characters. */
function runInTitleLength(s: string): number {
  for (let i = 1; i < Math.min(s.length, MAX_TITLE); i++) {
    if (/[。,;:!?(“\d]/.test(s[i]!)) return i;
    if (/^第[一二三四五六七八九十]+[章节]/.test(s.slice(i))) return i;
  }
  return Math.min(s.length, MAX_TITLE);
}

/** The heading as printed: marker and title. */
export function headingText(h: Pick<SectionHeading, 'marker' | 'title'>): string {
  return `${h.marker}${h.title}`;
}
