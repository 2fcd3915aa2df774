import type { SubmissionStatus } from './submission-workflow.ts';

/** How a unit stands on one form and period, for the completeness view. */
export const TIMELINESS = ['on_time', 'late', 'overdue', 'pending', 'not_due'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

/**
 * on_time / late: first submitted before or after the due date; overdue: not submitted and the
 * due date has passed; pending: not submitted, still due; not_due: the period is not over yet.
 * A returned submission counts by its first submission, so correcting it is not "late".
 */
export function classifyTimeliness(input: {
  status: SubmissionStatus | null;
  firstSubmittedAt: string | null;
  periodEnd: string;
  dueDate: string;
  today: string;
}): Timeliness {
  const submittedOn = input.firstSubmittedAt?.slice(0, 10) ?? null;
  if (submittedOn) return submittedOn <= input.dueDate ? 'on_time' : 'late';
  if (input.today <= input.periodEnd) return 'not_due';
  return input.today > input.dueDate ? 'overdue' : 'pending';
}
