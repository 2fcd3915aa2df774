import { normaliseText } from '../text/normalise.ts';

/**
 * Reads a plan's deadline text as the last day it allows, or null when it names no date
 * ("长期坚持", "持续推进", "每年"). The text itself is always kept; this only adds a date that
 * overdue detection can compare with. Recognised, after NFKC:
 * - 2020年底前 / 到2020年 / 2020年前 / 2020年 → 2020-12-31
 * - 2020年6月底前 / 2020年6月 → 2020-06-30;  2020年6月15日前 → 2020-06-15
 * - 2020年上半年 → 06-30, 下半年 → 12-31;  2020年第三季度 / 三季度 / Q3 → 09-30
 * - 2021—2025年 (a span) → its last year;  several dates → the latest
 * - ISO 2020-06-30; a bare year 2025 (as the plan files write it) → 2025-12-31
 */
export function parseDeadline(text: string | null | undefined): string | null {
  if (!text) return null;
  const t = normaliseText(text).replace(/\s+/g, '');
  if (!t) return null;
  // The plan files write a deadline as a year (2025) or an ISO date.
  if (/^\d{4}$/.test(t)) return parseDeadline(`${t}年`);
  const dates: string[] = [];
  const iso = /(\d{4})-(\d{1,2})-(\d{1,2})/g;
  for (const m of t.matchAll(iso)) pushValid(dates, +m[1]!, +m[2]!, +m[3]!);
  const withoutIso = t.replace(iso, ' ');
  // Year followed by an optional month/day, half or quarter.
  const re =
    /(\d{4})(?:[—–\-~至到](\d{4}))?年(?:(\d{1,2})月(?:(\d{1,2})[日号])?|(上半年|下半年)|(?:第?([一二三四1-4])季度)|[Qq]([1-4]))?/g;
  for (const m of withoutIso.matchAll(re)) {
    const year = +(m[2] ?? m[1]!);
    if (m[3]) {
      const month = +m[3];
      pushValid(dates, year, month, m[4] ? +m[4] : daysInMonth(year, month));
    } else if (m[5]) pushValid(dates, year, m[5] === '上半年' ? 6 : 12, m[5] === '上半年' ? 30 : 31);
    else if (m[6] ?? m[7]) {
      const q = QUARTER[m[6] ?? m[7]!]!;
      pushValid(dates, year, q * 3, daysInMonth(year, q * 3));
    } else pushValid(dates, year, 12, 31);
  }
  if (dates.length === 0) return null;
  return dates.sort().at(-1)!;
}

const QUARTER: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pushValid(out: string[], year: number, month: number, day: number): void {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return;
  out.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}
