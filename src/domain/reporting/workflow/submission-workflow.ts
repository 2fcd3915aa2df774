/**
 * The life of one submission (a form, a unit, a period):
 * draft → submitted → approved, or submitted → returned (with a comment) → resubmitted;
 * an approved submission is locked until a reviewer reopens it with a reason.
 */
export const SUBMISSION_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const TRANSITIONS = ['submit', 'approve', 'return', 'reopen'] as const;
export type Transition = (typeof TRANSITIONS)[number];

/** Who may make a transition: reporters submit, reviewers decide. */
export const TRANSITION_ACTION: Readonly<Record<Transition, 'report' | 'review'>> = {
  submit: 'report',
  approve: 'review',
  return: 'review',
  reopen: 'review',
};

const FROM: Readonly<Record<Transition, readonly SubmissionStatus[]>> = {
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted'],
  reopen: ['approved'],
};

const TO: Readonly<Record<Transition, SubmissionStatus>> = {
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
  reopen: 'returned',
};

/** Whether reporters may change figures in this state. */
export function isEditable(status: SubmissionStatus): boolean {
  return status === 'draft' || status === 'returned';
}

export type TransitionCheck =
  { ok: true; to: SubmissionStatus } | { ok: false; code: 'INVALID_TRANSITION' | 'COMMENT_REQUIRED'; en: string; zh: string };

const STATUS_ZH: Readonly<Record<SubmissionStatus, string>> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  approved: '已审核通过',
};

/** Decides a transition; returning or reopening needs a comment saying why. */
export function checkTransition(from: SubmissionStatus, transition: Transition, comment?: string | null): TransitionCheck {
  if (!FROM[transition].includes(from))
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      en: `cannot ${transition} a submission that is ${from}`,
      zh: `当前状态为“${STATUS_ZH[from]}”，不能执行该操作`,
    };
  if ((transition === 'return' || transition === 'reopen') && !comment?.trim())
    return {
      ok: false,
      code: 'COMMENT_REQUIRED',
      en: `${transition === 'return' ? 'returning' : 'reopening'} needs a comment saying why`,
      zh: transition === 'return' ? '退回时须填写退回意见' : '重新打开须说明理由',
    };
  return { ok: true, to: TO[transition] };
}
