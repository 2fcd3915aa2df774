import { formatPeriod, parsePeriod, periodBounds, type Period } from '../../period/period.ts';
import type { Frequency } from './form.schema.ts';

/** The period after p, of the same kind. */
export function nextPeriod(p: Period): Period {
  if (p.kind === 'year') return { kind: 'year', year: p.year + 1 };
  if (p.kind === 'quarter')
    return p.quarter === 4
      ? { kind: 'quarter', year: p.year + 1, quarter: 1 }
      : { kind: 'quarter', year: p.year, quarter: (p.quarter + 1) as 1 | 2 | 3 | 4 };
  return p.month === 12 ? { kind: 'month', year: p.year + 1, month: 1 } : { kind: 'month', year: p.year, month: p.month + 1 };
}

/** The period before p, of the same kind. */
export function previousPeriod(p: Period): Period {
  if (p.kind === 'year') return { kind: 'year', year: p.year - 1 };
  if (p.kind === 'quarter')
    return p.quarter === 1
      ? { kind: 'quarter', year: p.year - 1, quarter: 4 }
      : { kind: 'quarter', year: p.year, quarter: (p.quarter - 1) as 1 | 2 | 3 | 4 };
  return p.month === 1 ? { kind: 'month', year: p.year - 1, month: 12 } : { kind: 'month', year: p.year, month: p.month - 1 };
}

export function samePeriodLastYear(p: Period): Period {
  return { ...p, year: p.year - 1 };
}

/**
 * Due date (ISO) of a period: `day` of the month `monthsAfter` months after the period ends,
 * clamped to the month's last day (day 31 in February is 28/29).
 */
export function dueDate(period: string, deadline: { monthsAfter: number; day: number }): string {
  const p = parsePeriod(period);
  if (!p) throw new RangeError(`invalid period ${period}`);
  const end = periodBounds(p).end;
  const endMonthIndex = Number(end.slice(0, 4)) * 12 + Number(end.slice(5, 7)) - 1 + deadline.monthsAfter;
  const year = Math.floor(endMonthIndex / 12);
  const month = (endMonthIndex % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = (n: number) => String(n).padStart(2, '0');
  return `${year}-${mm(month)}-${mm(Math.min(deadline.day, last))}`;
}

/**
 * Periods a form is open for on a date (ISO): every period from the first one that has ended by
 * then, newest first, at most `limit`. A period opens for entry once it is over.
 */
export function closedPeriods(frequency: Frequency, firstPeriod: string, today: string, limit: number): string[] {
  const first = parsePeriod(firstPeriod);
  if (!first || first.kind !== frequency) throw new RangeError(`first period ${firstPeriod} is not a ${frequency}`);
  const out: string[] = [];
  for (let p = first; periodBounds(p).end < today; p = nextPeriod(p)) out.push(formatPeriod(p));
  return out.reverse().slice(0, limit);
}
