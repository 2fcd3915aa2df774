/** Month arithmetic on ISO text ('2024-06', '2024-06-15'); no Date objects, so no time zones. */

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthOf(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const addMonths = (month: string, n: number): string => monthOf(monthIndex(month) + n);

/** A date n months later (the day clipped to the month's length: 01-31 + 1 month = 02-28/29). */
export function addMonthsToDate(date: string, n: number): string {
  const m = addMonths(date.slice(0, 7), n);
  const last = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).getUTCDate();
  return `${m}-${String(Math.min(Number(date.slice(8, 10)), last)).padStart(2, '0')}`;
}
