/**
 * 督办单 escalation. A notice unreplied past its reply date goes one level up: level 2 tells the
 * noticed unit's superior and the plan office, level 3 again one grace period later. Each
 * escalation gives the unit ESCALATION_GRACE_DAYS more to reply, so a daily run escalates a
 * notice at most once per grace period, and never beyond MAX_NOTICE_LEVEL.
 */
export const ESCALATION_GRACE_DAYS = 7;
export const MAX_NOTICE_LEVEL = 3;

export type NoticeStatus = 'open' | 'replied' | 'escalated' | 'closed';

export interface NoticeState {
  status: NoticeStatus;
  level: number;
  /** ISO date the reply is due. */
  replyBy: string;
}

export interface Escalation {
  level: number;
  /** The new reply date. */
  replyBy: string;
}

/** The escalation due today, or null. */
export function escalationDue(n: NoticeState, today: string): Escalation | null {
  if (n.status !== 'open' && n.status !== 'escalated') return null;
  if (!(n.replyBy < today) || n.level >= MAX_NOTICE_LEVEL) return null;
  return { level: n.level + 1, replyBy: addDays(today, ESCALATION_GRACE_DAYS) };
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Which transitions a notice allows: a reply while open or escalated, closing by the plan office unless closed. */
export function canReply(status: NoticeStatus): boolean {
  return status === 'open' || status === 'escalated';
}
export function canClose(status: NoticeStatus): boolean {
  return status !== 'closed';
}
