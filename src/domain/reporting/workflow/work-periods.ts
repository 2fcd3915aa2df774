import type { Frequency } from '../forms/form.schema.ts';
import type { SubmissionStatus } from './submission-workflow.ts';
import type { Timeliness } from './timeliness.ts';

/** The newest periods a work list always shows, whatever their state. */
export const RECENT_PERIODS: Readonly<Record<Frequency, number>> = { month: 6, quarter: 4, year: 2 };

/**
 * How far back a period stays open for entry and import and counts as overdue: 12 months, 8 quarters,
 * 4 years. 我的填报, 导入 and the overdue list all look this far, so a month that is overdue in one of
 * them is overdue in all (issue 18: overdue months showed in 报送情况 and 导入 but not in 填报).
 */
export const OPEN_PERIODS: Readonly<Record<Frequency, number>> = { month: 12, quarter: 8, year: 4 };

/** A unit's standing on one period, as the completeness view classifies it. */
export interface PeriodStanding {
  period: string;
  status: SubmissionStatus | null;
  timeliness: Timeliness;
}

/** Whether the reporter still owes this period: never submitted past its due date, or returned for correction. */
export function isOwed(s: Pick<PeriodStanding, 'status' | 'timeliness'>): boolean {
  return s.timeliness === 'overdue' || s.status === 'returned';
}

/**
 * The rows of a reporter's work list, given the standings over the open periods (newest first): the
 * `RECENT_PERIODS` newest periods in full, and from the older ones every period still owed, so that
 * nothing the reporter must send drops out of sight.
 */
export function workListRows<T extends PeriodStanding>(rows: readonly T[], frequency: Frequency): T[] {
  const periods = [...new Set(rows.map((r) => r.period))];
  const recent = new Set(periods.slice(0, RECENT_PERIODS[frequency]));
  return rows.filter((r) => recent.has(r.period) || isOwed(r));
}
