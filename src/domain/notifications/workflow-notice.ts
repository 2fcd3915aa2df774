import type { Transition } from '../reporting/workflow/submission-workflow.ts';

/** Inbox kinds of the reporting workflow. */
export type WorkflowNoticeKind = 'report_submitted' | 'report_returned' | 'report_approved';

export interface WorkflowNotice {
  kind: WorkflowNoticeKind;
  /** Who is told: the reviewers over the unit, or the unit's reporters. */
  audience: 'reviewer' | 'reporter';
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  link: string;
  /** One notice per submission version: a second submit after a return tells the reviewers again. */
  dedupeKey: string;
}

export interface WorkflowEvent {
  transition: Transition;
  form: { code: string; name: string; nameEn: string };
  unit: { code: string; name: string; nameEn: string | null };
  period: string;
  /** The period as people read it (2026年11月 / Nov 2026). */
  periodLabel: { zh: string; en: string };
  /** Who acted (display name). */
  actorName: string;
  /** The reviewer's comment, exactly as written (shown in full, never folded). */
  comment: string | null;
  /** The submission's version after the transition. */
  version: number;
}

/**
 * What the other side of the workflow is told (issue 18: "nobody is told when a report is submitted,
 * returned or approved"). Submitting tells the reviewers; returning, reopening (a return after
 * approval) and approving tell the reporters, a return with the reviewer's comment as written.
 */
export function workflowNotice(e: WorkflowEvent): WorkflowNotice {
  const what = {
    zh: `${e.unit.name}《${e.form.name}》${e.periodLabel.zh}`,
    en: `${e.unit.nameEn ?? e.unit.name}: ${e.form.nameEn}, ${e.periodLabel.en}`,
  };
  const link = `#/reporting/${e.form.code}/${e.unit.code}/${e.period}`;
  // Reviewers are led to the review view of the sheet, reporters to its entry grid.
  const reviewLink = `#/reporting/review/${e.form.code}/${e.unit.code}/${e.period}`;
  const key = (kind: WorkflowNoticeKind) => `${kind}:${e.form.code}:${e.unit.code}:${e.period}:v${e.version}`;
  if (e.transition === 'submit')
    return {
      kind: 'report_submitted',
      audience: 'reviewer',
      title: { zh: `待审核：${what.zh}`, en: `To review: ${what.en}` },
      body: {
        zh: `${e.actorName}已报送${what.zh}，请审核。`,
        en: `${e.actorName} submitted ${what.en}; please review it.`,
      },
      link: reviewLink,
      dedupeKey: key('report_submitted'),
    };
  if (e.transition === 'approve')
    return {
      kind: 'report_approved',
      audience: 'reporter',
      title: { zh: `已审核通过：${what.zh}`, en: `Approved: ${what.en}` },
      body: {
        zh: `${e.actorName}已审核通过${what.zh}。`,
        en: `${e.actorName} approved ${what.en}.`,
      },
      link,
      dedupeKey: key('report_approved'),
    };
  const reopened = e.transition === 'reopen';
  const comment = e.comment ?? '';
  return {
    kind: 'report_returned',
    audience: 'reporter',
    title: {
      zh: `${reopened ? '已退回更正' : '已退回修改'}：${what.zh}`,
      en: `${reopened ? 'Reopened for correction' : 'Returned'}: ${what.en}`,
    },
    body: {
      zh: `${e.actorName}${reopened ? '已将审核通过的' : '已退回'}${what.zh}${reopened ? '退回更正' : ''}。审核意见：${comment}`,
      en: `${e.actorName} ${reopened ? 'reopened the approved' : 'returned'} ${what.en}. Reviewer's comment: ${comment}`,
    },
    link,
    dedupeKey: key('report_returned'),
  };
}
