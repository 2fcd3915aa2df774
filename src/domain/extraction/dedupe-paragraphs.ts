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
    const inParagraph: string[] = [];
    for (const [from, to] of sentenceRanges(text, paraStart, paraEnd)) {
      const key = text.slice(from, to).replace(/\s+/g, '');
      const repeatable = key.length < MIN_DEDUPE_LENGTH || /^\(.*\)[。;]?$/.test(key) || RESPONSIBILITY_LINE.test(key);
      if (!repeatable && seen.has(key)) {
        dropped++;
        continue;
      }
      // 泉州市政府正式发布…2.8万亿元。《纲要》明确…以图表形式对具体目标泉州市政府正式发布…2.8万亿元。: a page's
      // cut-off teaser line run into the body repeating the teaser's first sentence — the copy is dropped, the
      // line kept. Only within one paragraph: a PDF's fragment seen earlier (吸收外资3.69亿美元…) does not
      // make the full sentence after it a copy.
      const earlier = repeatable
        ? undefined
        : inParagraph.find((k) => key.length - k.length >= MIN_DEDUPE_LENGTH && key.endsWith(k));
      seen.add(key);
      inParagraph.push(key);
      if (earlier) {
        dropped++;
        out.copy(input, from, cutBefore(text, to, earlier.length));
        continue;
      }
      out.copy(input, from, to);
    }
    if (out.length > before && paraEnd < text.length) out.copy(input, paraEnd, paraEnd + 1);
    paraStart = paraEnd + 1;
  }
  out.trimEnd(/\n/);
  return { text: out.build(), dropped };
}

/** Where the last `count` non-space characters before `to` begin. */
function cutBefore(text: string, to: number, count: number): number {
  let at = to;
  for (let n = 0; at > 0 && n < count; at--) if (!/\s/.test(text[at - 1]!)) n++;
  return at;
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
