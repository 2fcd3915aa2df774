import { parsePeriod } from '../../period/period.ts';
import { normaliseText } from '../../text/normalise.ts';
import { periodForFrequency } from './period-in-text.ts';

/**
 * The month a heading names without a year: "营业收入1-5月累计" → 5, "6月" → 6. Zone workbooks write
 * the year once, in the title or the 报告期 line, and the months in the headings; a heading's own
 * month is what its figures are for, so it is never replaced by the sheet's period.
 * Null when the heading names a year (read whole elsewhere) or no month.
 */
export function monthWithoutYear(text: string): number | null {
  const s = normaliseText(text).replace(/\s+/g, '');
  if (/\d{4}/.test(s)) return null;
  const m = /(?<!\d)(?:1[-—–~～至到])?(\d{1,2})月份?/.exec(s);
  if (!m) return null;
  const month = Number(m[1]);
  return month >= 1 && month <= 12 ? month : null;
}

export type PlacedMonth = { period: string } | { misfit: string } | null;

/**
 * The form period a heading's month means in the sheet's year: 5 in a sheet for 2024-06 → 2024-05
 * (monthly form); 6 in a sheet for 2024Q2 → 2024Q2 (quarterly: 1-6月 ends the quarter). `misfit`
 * when the month ends no period of the form's frequency (1-5月 on a quarterly form); null when the
 * sheet has no period to take the year from.
 */
export function placeHeadingMonth(
  month: number,
  sheetPeriod: string | null,
  frequency: 'month' | 'quarter' | 'year',
): PlacedMonth {
  const year = sheetPeriod ? parsePeriod(sheetPeriod)?.year : undefined;
  if (year === undefined) return null;
  const period = periodForFrequency({ kind: 'month', year, month }, frequency);
  return period ? { period } : { misfit: `${year}年${month}月` };
}
