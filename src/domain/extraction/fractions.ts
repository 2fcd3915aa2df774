import { chineseNumeral } from './quantities.ts';

/**
 * Shares written as fractions: 三分之一, 1/3, 过半, 半数以上, 一半以上. Each reads as a percentage
 * (三分之一 → 33.33 %), so the share rules apply to it as to 33%; without this, "占比达到1/3"
 * became "≥ 1" and the 3 a figure of its own.
 */
export interface Fraction {
  from: number;
  to: number;
  /** The percentage, two decimals at most. */
  percent: string;
  /** 以上 / 左右 written after it, or 以上 for 过半 (more than half). */
  suffix?: string;
}

const CN = '[一二两三四五六七八九十]+';
const FRACTION_RE = new RegExp(
  `(?<den>${CN})分之(?<num>${CN})|(?<![\\d./-])(?<n>\\d{1,2})\\s*/\\s*(?<d>\\d{1,2})(?![\\d./-])|(?<half>过半|半数以上|一半以上|超过半数|超过一半)`,
  'g',
);

export function findFractions(text: string): Fraction[] {
  const out: Fraction[] = [];
  for (const m of text.matchAll(FRACTION_RE)) {
    const g = m.groups!;
    let to = m.index + m[0].length;
    const suffix = /^(?:以上|左右|以下|以内)/.exec(text.slice(to))?.[0];
    if (suffix) to += suffix.length;
    if (g.half) {
      out.push({ from: m.index, to, percent: '50', suffix: '以上' });
      continue;
    }
    const num = g.num ? chineseNumeral(g.num) : Number(g.n);
    const den = g.den ? chineseNumeral(g.den) : Number(g.d);
    // 12/31 (a date) or 3/2 is not a share.
    if (!num || !den || num >= den || (g.n && /^\s*(?:日|号|月)/.test(text.slice(to)))) continue;
    const percent = String(Math.round((num / den) * 10000) / 100);
    out.push({ from: m.index, to, percent, ...(suffix ? { suffix } : {}) });
  }
  return out;
}
