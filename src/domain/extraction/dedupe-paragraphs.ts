import { OffsetTextBuilder, type OffsetText } from './offset-text.ts';

/** Sentences shorter than this (without white space) may legitimately repeat: 加强组织领导。 */
export const MIN_DEDUPE_LENGTH = 16;

/** The labelled lines of a 分工方案 (牵头单位:省发展改革委 责任单位:…) repeat item after item. */
const RESPONSIBILITY_LINE = /^(?:牵头|责任|协同|配合|参与|主责|分管)[^::]{0,6}[::]/;

export interface DedupeResult {
  text: OffsetText;
  /** Sentences dropped because an identical one came earlier. */
  dropped: number;
}

/**
 * PDF exports of the seed plans repeat and shuffle whole paragraphs. Keeps the first copy of every
 * sentence (in document order) and drops later identical copies; paragraphs left empty disappear.
 * A sentence is text up to 。!? within one paragraph, compared without white space. Short sentences,
 * parenthesised clauses — "(省发展改革委牵头;…按照职责分工负责)" closes several tasks — and the
 * labelled lines of a 分工方案 (牵头单位:…责任单位:…) are always kept.
 */
export function dedupeParagraphs(input: OffsetText): DedupeResult {
  const seen = new Set<string>();
  const out = new OffsetTextBuilder();
  let dropped = 0;
  const text = input.text;
  let paraStart = 0;
  while (paraStart <= text.length) {
    let paraEnd = text.indexOf('\n', paraStart);
    if (paraEnd < 0) paraEnd = text.length;
    const before = out.length;
    for (const [from, to] of sentenceRanges(text, paraStart, paraEnd)) {
      const key = text.slice(from, to).replace(/\s+/g, '');
      const repeatable = key.length < MIN_DEDUPE_LENGTH || /^\(.*\)[。;]?$/.test(key) || RESPONSIBILITY_LINE.test(key);
      if (!repeatable && seen.has(key)) {
        dropped++;
        continue;
      }
      seen.add(key);
      out.copy(input, from, to);
    }
    if (out.length > before && paraEnd < text.length) out.copy(input, paraEnd, paraEnd + 1);
    paraStart = paraEnd + 1;
  }
  out.trimEnd(/\n/);
  return { text: out.build(), dropped };
}

/** [from, to) of each sentence of text[start, end): runs ending in 。!? (with closing quotes). */
export function sentenceRanges(text: string, start: number, end: number): [number, number][] {
  const ranges: [number, number][] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    if (!/[。!?]/.test(text[i]!)) continue;
    let to = i + 1;
    while (to < end && /[。!?”’)」』]/.test(text[to]!)) to++;
    ranges.push([from, to]);
    from = to;
    i = to - 1;
  }
  if (from < end) ranges.push([from, end]);
  return ranges;
}
