import { normaliseText } from '../text/normalise.ts';
import { HEADING_START_RE } from './heading-markers.ts';
import { OffsetTextBuilder, type OffsetText } from './offset-text.ts';
import { toSimplified } from './traditional-to-simplified.ts';

/**
 * Turns a document's text as extracted (.txt, .docx, PDF text layer) into clean running text, one
 * paragraph per line, keeping a map back to the original character offsets:
 *
 * 1. characters: NFKC and look-alike folding exactly as `normaliseText` (including the repair of the
 *    口 written as U+2F1C), circled list numbers ① → (1), line ends unified, form feeds kept as page breaks;
 *    Traditional characters read as Simplified (OpenCC's t2s data) and the pinyin that annotated pages
 *    put after each character (經(jīng)濟(jì)) dropped; the markup of a page's HTML source pasted with its text
 *    (<p data-track="9">, &nbsp;, &ldquo;) dropped, block tags read as line breaks;
 * 2. page furniture: page-number lines and running headers/footers are dropped;
 * 3. line breaks: a break inside a sentence (PDF wrapping) is joined, a break after a sentence end,
 *    before or after a heading is kept as a paragraph break;
 * 4. spaces: white space next to a Chinese character is dropped (PDF extraction spaces out 2021 年,
 *    规 划 范 围), other runs become one space.
 */
export function normaliseDocument(raw: string): OffsetText {
  const folded = dropPinyinAnnotations(toSimplified(dropHtmlMarkup(foldCharacters(raw))));
  const lines = splitLines(folded);
  markPageFurniture(lines);
  return joinLines(folded, lines);
}

const CIRCLED_RE = /[\u2460-\u2473]/;

/** Step 1: per character (with its combining marks) NFKC + look-alike folding. */
export function foldCharacters(raw: string): OffsetText {
  const out = new OffsetTextBuilder();
  let i = 0;
  while (i < raw.length) {
    const cp = raw.codePointAt(i)!;
    let j = i + (cp > 0xffff ? 2 : 1);
    while (j < raw.length && /[\p{M}\uFE00-\uFE0F]/u.test(raw[j]!)) j++;
    const group = raw.slice(i, j);
    if (group === '\r') {
      out.push('\n', i, raw[j] === '\n' ? j + 1 : j);
      if (raw[j] === '\n') j++;
    } else if (group === '\f' || group === '\n') {
      out.push(group, i, j);
    } else if (CIRCLED_RE.test(group)) {
      out.push(`(${group.codePointAt(0)! - 0x2460 + 1})`, i, j);
    } else if (/^\s$/.test(group)) {
      out.push(' ', i, j);
    } else {
      out.push(normaliseText(group), i, j);
    }
    i = j;
  }
  return out.build();
}

const TAG_RE =
  /<!--[\s\S]*?-->|<(style|script)\b[^>]*>[\s\S]*?<\/\1\s*>|<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]{0,400}>|&(?:[a-zA-Z]{2,8}|#\d{2,6});/g;
const BLOCK_TAGS = /^(?:p|div|br|li|ul|ol|tr|td|th|table|h[1-6]|section|article|blockquote|pre|hr)$/i;
const ENTITIES: Readonly<Record<string, string>> = {
  '&nbsp;': ' ',
  '&ldquo;': '“',
  '&rdquo;': '”',
  '&lsquo;': '‘',
  '&rsquo;': '’',
  '&mdash;': '—',
  '&hellip;': '…',
  '&middot;': '·',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
};

/**
 * Step 1a: the HTML source of a page pasted or saved with its text (<p data-track="9">…</p>, &ldquo;)
 * reads as the page does: tags dropped (block tags as line breaks), comments, styles and scripts
 * dropped, entities as their characters. Only a text with several tags is treated as HTML, so that a
 * plain 《a<b》 or a lone "&" is left alone; the figures inside tags (375%, v=20240712) never reach the rules.
 */
export function dropHtmlMarkup(t: OffsetText): OffsetText {
  const matches = [...t.text.matchAll(TAG_RE)];
  if (matches.filter((m) => m[0].startsWith('<')).length < 3) return t;
  const out = new OffsetTextBuilder();
  let at = 0;
  for (const m of matches) {
    out.copy(t, at, m.index);
    const start = t.starts[m.index]!;
    const end = t.ends[m.index + m[0].length - 1]!;
    if (m[0].startsWith('&')) {
      const numeric = /^&#(\d+);$/.exec(m[0]);
      const ch = numeric ? String.fromCodePoint(Number(numeric[1])) : ENTITIES[m[0]];
      if (ch === undefined) out.copy(t, m.index, m.index + m[0].length);
      else out.push(ch, start, end);
    } else if (m[2] && BLOCK_TAGS.test(m[2])) out.push('\n', start, end);
    at = m.index + m[0].length;
  }
  out.copy(t, at, t.text.length);
  return out.build();
}

const TONE_MARKED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const PINYIN_RE = new RegExp(`(?<=\\p{Script=Han})\\([a-z${TONE_MARKED}ü]{1,6}\\)`, 'gu');
const TONED_RE = new RegExp(`[${TONE_MARKED}]`);

/**
 * Step 1b: pages saved from sites that annotate characters with their pinyin (松陽(yáng)縣) read as if
 * unannotated. A tone-marked syllable in brackets after a character is always pinyin; a bare one
 * (的(de)) only in a text with several tone-marked ones, so that an ordinary bracket after a
 * character ((a) list items, (cm)) is never taken for pinyin.
 */
export function dropPinyinAnnotations(t: OffsetText): OffsetText {
  const all = [...t.text.matchAll(PINYIN_RE)];
  const toned = all.filter((m) => TONED_RE.test(m[0]));
  const matches = toned.length >= 3 ? all : toned;
  if (matches.length === 0) return t;
  const out = new OffsetTextBuilder();
  let at = 0;
  for (const m of matches) {
    out.copy(t, at, m.index);
    at = m.index + m[0].length;
  }
  out.copy(t, at, t.text.length);
  return out.build();
}

interface Line {
  /** Trimmed content [from, to) in the folded text. */
  from: number;
  to: number;
  page: number;
  /** The line's trimmed text. */
  text: string;
  drop: boolean;
}

function splitLines(t: OffsetText): Line[] {
  const lines: Line[] = [];
  let page = 0;
  let start = 0;
  const flush = (end: number) => {
    let from = start;
    let to = end;
    while (from < to && /\s/.test(t.text[from]!)) from++;
    while (to > from && /\s/.test(t.text[to - 1]!)) to--;
    if (from < to) lines.push({ from, to, page, text: t.text.slice(from, to), drop: false });
  };
  for (let i = 0; i < t.text.length; i++) {
    const ch = t.text[i]!;
    if (ch === '\n' || ch === '\f') {
      flush(i);
      start = i + 1;
      if (ch === '\f') page++;
    }
  }
  flush(t.text.length);
  return lines;
}

const PAGE_NUMBER_RE =
  /^(?:[-—–]\s*)?(?:第\s*)?\d{1,3}\s*(?:页)?(?:\s*[-—–])?$|^(?:第\s*\d{1,3}\s*页\s*)?共\s*\d{1,3}\s*页$|^\d{1,3}\s*\/\s*\d{1,3}$/;
const NUMERIC_CELL_RE = /^[\d.,%\s-]+$/;

function textOf(l: Line): string {
  return l.text;
}

/** Step 2: page numbers and running headers/footers. */
function markPageFurniture(lines: Line[]): void {
  const pages = new Set(lines.map((l) => l.page)).size;
  const isNumeric = (l: Line | undefined) => l !== undefined && NUMERIC_CELL_RE.test(textOf(l));
  const pageNumber: boolean[] = lines.map((l, i) => {
    if (!PAGE_NUMBER_RE.test(textOf(l))) return false;
    // A number between other number-only lines is a table cell, not a page number.
    return !(isNumeric(lines[i - 1]) && isNumeric(lines[i + 1]));
  });
  const atPageEdge = (i: number) => {
    const l = lines[i]!;
    const prev = lines[i - 1];
    const next = lines[i + 1];
    const prev2 = lines[i - 2];
    const next2 = lines[i + 2];
    return !prev || !next || prev.page !== l.page || next.page !== l.page || prev2?.page !== l.page || next2?.page !== l.page;
  };
  const nearPageNumber = (i: number) => [i - 2, i - 1, i + 1, i + 2].some((j) => pageNumber[j] === true);
  // Running headers: short lines without sentence punctuation that recur at page edges.
  const occurrences = new Map<string, number[]>();
  lines.forEach((l, i) => {
    const key = textOf(l).replace(/\s+/g, '');
    if (key.length < 2 || key.length > 40 || /[。,;:]/.test(key) || HEADING_START_RE.test(key)) return;
    occurrences.set(key, [...(occurrences.get(key) ?? []), i]);
  });
  for (const idx of occurrences.values()) {
    if (idx.length < 3) continue;
    const edge = idx.filter((i) => (pages > 1 ? atPageEdge(i) : nearPageNumber(i)));
    if (edge.length >= Math.max(3, Math.ceil(idx.length / 2))) for (const i of edge) lines[i]!.drop = true;
  }
  lines.forEach((l, i) => {
    if (pageNumber[i] && (pages > 1 ? atPageEdge(i) : true)) l.drop = true;
  });
}

const WIDE_RE = /[\u2E80-\u9FFF\uF900-\uFAFF\u3000-\u303F\uFE30-\uFE4F\uFF00-\uFFEF“”‘’—–…·]/;
const SENTENCE_END_RE = /[。!?;:]$/;

/** A document's title on one of its first lines, after any page furniture (…第十四个五年规划和二〇三五年远景目标纲要, …的建议, …(2023-2025年)): never wrapped into the text. */
const TITLE_LINE_RE = /^[^,。;:!?]{6,80}(?:规划|纲要|建议|方案|计划|意见|通知|报告|决定|\((?:19|20)\d\d[-—–](?:19|20)\d\d年?\))$/;

/** Step 3 and 4: joins wrapped lines into paragraphs and removes PDF spacing. */
function joinLines(folded: OffsetText, lines: Line[]): OffsetText {
  const kept = lines.filter((l) => !l.drop);
  const lengths = kept.map((l) => l.to - l.from).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  // Extracted PDF text wraps at a fixed width (20–50 characters in Chinese); long lines are paragraphs.
  const wrapped = median > 0 && median <= 60;
  const out = new OffsetTextBuilder();
  let prev: Line | undefined;
  // Brackets left open in the current paragraph: a line break inside (…牵头;\n…负责) is a wrap.
  let open = 0;
  for (const line of kept) {
    const text = line.text.replace(/\s+/g, '');
    if (prev) {
      const prevText = prev.text.replace(/\s+/g, '');
      // A wrapped line much shorter than the others that does not stop on a comma ends a paragraph or is a title.
      const shortLine = prevText.length < median * 0.4 && !/[,、(“《]$/.test(prevText);
      // A flattened table row (名称 单位 2020 2025 属性) or a closed responsibility clause stands alone.
      const closedClause = open <= 0 && /\)$/.test(prevText) && /牵头|负责|配合/.test(prevText);
      const paragraphBreak =
        !wrapped ||
        (kept.indexOf(prev) < 5 && TITLE_LINE_RE.test(prevText)) ||
        (open <= 0 && (SENTENCE_END_RE.test(prevText) || shortLine || closedClause)) ||
        isHeadingLine(prevText) ||
        isTableRow(prev.text) ||
        isTableRow(line.text) ||
        (open <= 0 && HEADING_START_RE.test(text));
      if (paragraphBreak) open = 0;
      if (paragraphBreak) out.push('\n', folded.starts[line.from]!, folded.starts[line.from]!);
      else if (/[A-Za-z0-9]$/.test(prevText) && /^[A-Za-z0-9]/.test(text))
        out.push(' ', folded.starts[line.from]!, folded.starts[line.from]!);
    }
    appendLine(out, folded, line.from, line.to);
    open += (text.match(/[(〔【]/g)?.length ?? 0) - (text.match(/[)〕】]/g)?.length ?? 0);
    prev = line;
  }
  return out.build();
}

/** Copies one line, dropping spaces next to wide characters and collapsing other runs. */
function appendLine(out: OffsetTextBuilder, t: OffsetText, from: number, to: number): void {
  let i = from;
  while (i < to) {
    const ch = t.text[i]!;
    if (!/\s/.test(ch)) {
      out.copy(t, i, i + 1);
      i++;
      continue;
    }
    let j = i;
    while (j < to && /\s/.test(t.text[j]!)) j++;
    const before = t.text[i - 1] ?? '';
    const after = t.text[j] ?? '';
    if (!WIDE_RE.test(before) && !WIDE_RE.test(after)) out.copy(t, i, i + 1);
    i = j;
  }
}

/** A line of a flattened table: two or more figures separated by spaces, ending on a figure or 预期性/约束性. */
export function isTableRow(line: string): boolean {
  const t = line.trim();
  return /[\d.%]\s+[-—\d]/.test(t) && /(?:[\d%)]|预期性|约束性|左右|以上)$/.test(t) && !/[。;]/.test(t);
}

/** A short line that starts with a heading marker and does not run on into a sentence. */
export function isHeadingLine(text: string): boolean {
  const compact = text.replace(/\s+/g, '');
  return HEADING_START_RE.test(compact) && compact.length <= 40 && !/[,、]$/.test(compact) && !/。./.test(compact);
}

/** Convenience for tests: the clean text of a raw string. */
export function normaliseDocumentText(raw: string): string {
  return normaliseDocument(raw).text;
}
