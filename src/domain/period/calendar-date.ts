import { z } from 'zod';

const DATE_RE = /^([1-9]\d{3})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MONTH_RE = /^([1-9]\d{3})-(0[1-9]|1[0-2])$/;

/**
 * A date that exists on the calendar, written YYYY-MM-DD, in the years 1000–9999: 2024-02-30 and
 * year 0000 look like dates but PostgreSQL refuses them, which once surfaced as a 500.
 */
export function isCalendarDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A month written YYYY-MM, in the years 1000–9999. */
export function isCalendarMonth(text: string): boolean {
  return MONTH_RE.test(text);
}

export const calendarDateSchema = z
  .string()
  .regex(DATE_RE, 'a date such as 2024-06-30')
  .refine(isCalendarDate, 'no such day in that month');
export const calendarMonthSchema = z.string().regex(MONTH_RE, 'a month such as 2024-06');
