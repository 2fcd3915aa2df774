/**
 * The numbering that Chinese plans put before headings, in NFKC form (（一） → (一)).
 * Order matters only for display; levels are decided by the order in which markers first appear.
 */
export const CN_DIGITS = '一二三四五六七八九十百零〇两';

export const MARKER_KINDS = [
  'part', // 第一部分 / 第一篇
  'chapter', // 第一章
  'section', // 第一节
  'cn-item', // 一、
  'cn-paren', // (一)
  'num-item', // 1. / 1、
  'num-paren', // (1)
  'column', // 专栏1
  'appendix', // 附件1 / 附录
  'table', // 表1
] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

const N = `[${CN_DIGITS}]+`;
const ND = `(?:[${CN_DIGITS}]+|\\d{1,3})`;

export const MARKER_RES: Readonly<Record<MarkerKind, RegExp>> = {
  part: new RegExp(`^第${ND}(?:部分|篇)`),
  chapter: new RegExp(`^第${ND}章`),
  section: new RegExp(`^第${ND}节`),
  'cn-item': new RegExp(`^${N}、`),
  'cn-paren': new RegExp(`^\\(${N}\\)`),
  'num-item': /^\d{1,2}(?:\.|、)(?![\d%])/,
  'num-paren': /^\(\d{1,2}\)/,
  column: /^专栏\s*(?:\d{1,3}|[一二三四五六七八九十]+)?(?=\s|$|[^\d,。、])/,
  appendix: /^(?:附件|附录)\s*(?:\d{1,2}|[一二三四五六七八九十]+)?\s*(?=[::\s]|$|[^,。、中的])/,
  table: /^(?:附)?表\s*\d{1,3}(?![\d.%])/,
};

/** True when the (white-space free) text starts with any heading marker. */
export const HEADING_START_RE = new RegExp(
  Object.values(MARKER_RES)
    .map((re) => `(?:${re.source})`)
    .join('|'),
);

/** The marker at the start of `compact` text, or null. */
export function matchMarker(compact: string): { kind: MarkerKind; marker: string } | null {
  for (const kind of MARKER_KINDS) {
    const m = MARKER_RES[kind].exec(compact);
    if (m) return { kind, marker: m[0] };
  }
  return null;
}
