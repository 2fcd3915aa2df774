/**
 * Text normalisation applied to every piece of text that enters PlanTrack.
 *
 * NFKC folds the Kangxi-radical look-alikes that PDF extraction produces (⼈ U+2F08 → 人),
 * full-width digits and ASCII punctuation (１２，（）→ 12,()), and compatibility ideographs.
 * A few CJK Radicals Supplement characters have no compatibility mapping, so they are folded
 * explicitly.
 */
const LOOKALIKES: Readonly<Record<string, string>> = {
  '\u2E80': '丶',
  '\u2E8C': '小',
  '\u2E8D': '小',
  '\u2E95': '彐',
  '\u2EA0': '民',
  '\u2EA7': '牛',
  '\u2EAA': '疋',
  '\u2EAE': '竹',
  '\u2EB6': '羊',
  '\u2EBC': '肉',
  '\u2EC5': '见',
  '\u2EC6': '角',
  '\u2EC8': '讠',
  '\u2ECB': '车',
  '\u2ED3': '长',
  '\u2ED4': '门',
  '\u2ED6': '阝',
  '\u2EDA': '页',
  '\u2EDB': '风',
  '\u2EDD': '食',
  '\u2EE2': '马',
  '\u2EE5': '鱼',
  '\u2EE9': '黄',
  '\u2EEC': '齐',
  '\u2EEE': '齿',
  '\u2EF0': '龙',
  '\u2EF3': '龟',
};

const LOOKALIKE_RE = /[\u2E80-\u2EFF]/g;

/**
 * Folded before NFKC. Government PDF exports seen in the wild (the FTZ and regional plans) write
 * 口 as U+2F1C KANGXI RADICAL AGAIN (⼜), never as U+2F1D (⼝): 进出⼜, ⼜岸, ⼈⼜. Running text
 * writes the word 又 as U+53C8, which is left alone, so this fold only repairs the broken glyph.
 */
const SHIFTED_RADICALS: Readonly<Record<string, string>> = { '\u2F1C': '口' };

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** NFKC plus look-alike folding; keeps line structure. Strips BOM and zero-width characters. */
export function normaliseText(input: string): string {
  // Printable ASCII is already normal: the fast path matters when a million cells are imported.
  if (PRINTABLE_ASCII.test(input)) return input;
  return input
    .replace(/\u2F1C/g, (ch) => SHIFTED_RADICALS[ch] ?? ch)
    .normalize('NFKC')
    .replace(LOOKALIKE_RE, (ch) => LOOKALIKES[ch] ?? ch)
    .replace(/[\uFEFF\u200B-\u200D\u2060]/g, '')
    .replace(/\r\n?/g, '\n');
}

/** Form used for matching quotes: normalised, with all white space removed (PDF line breaks). */
export function compactForMatch(input: string): string {
  return normaliseText(input).replace(/\s+/g, '');
}
