/**
 * The daily digest: all of one recipient's pending notifications in one message, so a bad month
 * sends one e-mail a day instead of a flood. Chinese first, English below. Pure: no I/O.
 */

export type DigestKind =
  'new_warning' | 'deadline_approaching' | 'report_overdue' | 'report_submitted' | 'report_returned' | 'report_approved';

/** The reporting workflow's notices (issue 18): submitted, returned, approved. */
const WORKFLOW_KINDS: readonly DigestKind[] = ['report_submitted', 'report_returned', 'report_approved'];

export interface DigestItem {
  kind: DigestKind;
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  link: string | null;
  /** Due date (ISO) for deadlines and overdue reports. */
  dueOn: string | null;
}

export interface DigestInput {
  recipientName: string;
  /** The day the digest is for (ISO date). */
  today: string;
  items: readonly DigestItem[];
  /** Deadlines further ahead than this are left for a later digest. */
  deadlineWithinDays: number;
  /** Where the web app is, for links; null leaves links out. */
  appUrl: string | null;
}

export interface Digest {
  subject: string;
  text: string;
  counts: { warnings: number; deadlines: number; overdue: number; workflow: number };
}

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);
const CN_NUMERALS = ['一', '二', '三', '四'];

/** Groups pending items into sections; null when nothing is worth sending today. */
export function buildDigest(input: DigestInput): Digest | null {
  const { today } = input;
  const warnings = input.items.filter((i) => i.kind === 'new_warning');
  const deadlines = input.items
    .filter((i) => i.kind === 'deadline_approaching' && i.dueOn !== null)
    .filter((i) => {
      const left = daysBetween(today, i.dueOn!);
      return left >= 0 && left <= input.deadlineWithinDays;
    })
    .sort((a, b) => a.dueOn!.localeCompare(b.dueOn!));
  const overdue = input.items
    .filter((i) => i.kind === 'report_overdue')
    .sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
  const workflow = input.items.filter((i) => WORKFLOW_KINDS.includes(i.kind));
  if (warnings.length + deadlines.length + overdue.length + workflow.length === 0) return null;

  const link = (i: DigestItem) => (input.appUrl && i.link ? ` ${input.appUrl}${i.link}` : '');
  const zhSections: string[] = [];
  const enSections: string[] = [];
  const section = (
    items: DigestItem[],
    zhHead: string,
    enHead: string,
    zhLine: (i: DigestItem) => string,
    enLine: (i: DigestItem) => string,
  ) => {
    if (!items.length) return;
    zhSections.push(
      [
        `${CN_NUMERALS[zhSections.length]}、${zhHead}（${items.length}）`,
        ...items.map((i, n) => `  ${n + 1}. ${zhLine(i)}${link(i)}`),
      ].join('\n'),
    );
    enSections.push([`${enHead} (${items.length})`, ...items.map((i, n) => `  ${n + 1}. ${enLine(i)}${link(i)}`)].join('\n'));
  };
  section(
    warnings,
    '新增预警',
    'New warnings',
    (i) => `${i.title.zh}：${i.body.zh}`,
    (i) => `${i.title.en}: ${i.body.en}`,
  );
  section(
    deadlines,
    `${input.deadlineWithinDays}日内到期的报送`,
    `Reports due within ${input.deadlineWithinDays} days`,
    (i) => `${i.title.zh}（截止 ${i.dueOn}，还剩${daysBetween(today, i.dueOn!)}天）`,
    (i) => `${i.title.en} (due ${i.dueOn}, ${daysBetween(today, i.dueOn!)} day(s) left)`,
  );
  section(
    overdue,
    '逾期未报',
    'Overdue reports',
    (i) => `${i.title.zh}${i.dueOn ? `（截止 ${i.dueOn}，已逾期${daysBetween(i.dueOn, today)}天）` : ''}`,
    (i) => `${i.title.en}${i.dueOn ? ` (due ${i.dueOn}, ${daysBetween(i.dueOn, today)} day(s) overdue)` : ''}`,
  );
  section(
    workflow,
    '报送审核',
    'Reports submitted, returned or approved',
    // The body carries the reviewer's comment as written.
    (i) => `${i.title.zh}：${i.body.zh}`,
    (i) => `${i.title.en}: ${i.body.en}`,
  );

  const inbox = input.appUrl ? `${input.appUrl}#/inbox` : null;
  const text = [
    `${input.recipientName}，您好：`,
    '',
    `以下是${today}的每日提醒（PlanTrack 规划实施监测评估平台）。`,
    '',
    zhSections.join('\n\n'),
    '',
    inbox ? `请登录平台查看详情：${inbox}` : '请登录平台查看详情。',
    '',
    '------------------------------------------------------------',
    '',
    `Daily digest for ${today} (PlanTrack plan monitoring).`,
    '',
    enSections.join('\n\n'),
    '',
    inbox ? `Details in the app: ${inbox}` : 'Sign in to the app for details.',
    '',
  ].join('\n');
  const counts = { warnings: warnings.length, deadlines: deadlines.length, overdue: overdue.length, workflow: workflow.length };
  const subject =
    `PlanTrack 每日提醒 ${today}：新增预警${counts.warnings}条、即将到期${counts.deadlines}项、逾期${counts.overdue}项` +
    (counts.workflow ? `、报送审核${counts.workflow}项` : '') +
    ` / Daily digest: ${counts.warnings} warning(s), ${counts.deadlines} due soon, ${counts.overdue} overdue` +
    (counts.workflow ? `, ${counts.workflow} report(s) submitted/returned/approved` : '');
  return { subject, text, counts };
}
