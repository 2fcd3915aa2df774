import { formatPeriod, parsePeriod, type Period } from '../../period/period.ts';
import { normaliseText } from '../../text/normalise.ts';

const CN_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/**
 * Reads the period a spreadsheet states in the ways Chinese reports write it, into PlanTrack's
 * period (parsePeriod only knows the canonical 2024 / 2024Q2 / 2024-06):
 * 2024年6月, 2024年1-6月 (cumulative to June is the June period), 2024年第二季度, 2024年二季度,
 * 2024年Q2, 2024年, 2024年度, 2024-6, 2024/06, 2024.06, 202406, and an ISO date (its month).
 * Returns null for anything else (上半年 and the like are not periods PlanTrack collects).
 */
export function parsePeriodText(text: string): Period | null {
  const s = normaliseText(text)
    .replace(/\s+/g, '')
    .replace(/[—–~～至]/g, '-');
  if (s === '') return null;
  const canonical = parsePeriod(s);
  if (canonical) return canonical;
  let m = /^(\d{4})年?(?:度)?$/.exec(s);
  if (m) return { kind: 'year', year: Number(m[1]) };
  m = /^(\d{4})(?:年|[-/.])(?:1-)?(\d{1,2})月?(?:份)?$/.exec(s);
  if (m) return month(Number(m[1]), Number(m[2]));
  m = /^(\d{4})(\d{2})$/.exec(s);
  if (m) return month(Number(m[1]), Number(m[2]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T[\d:.]+Z?)?$/.exec(s);
  if (m) return month(Number(m[1]), Number(m[2]));
  m = /^(\d{4})年?(?:第)?([1-4一二三四])季(?:度)?$/.exec(s) ?? /^(\d{4})年?[Qq]([1-4])$/.exec(s);
  if (m) {
    const q = CN_DIGITS[m[2]!] ?? Number(m[2]);
    return { kind: 'quarter', year: Number(m[1]), quarter: q as 1 | 2 | 3 | 4 };
  }
  return null;
}

function month(year: number, m: number): Period | null {
  return m >= 1 && m <= 12 ? { kind: 'month', year, month: m } : null;
}

/** Canonical text of a stated period, or null. */
export function periodTextToCanonical(text: string): string | null {
  const p = parsePeriodText(text);
  return p ? formatPeriod(p) : null;
}
