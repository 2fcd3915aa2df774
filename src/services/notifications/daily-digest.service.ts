import type { Database } from '../../db/database.ts';
import { buildDigest, type DigestItem } from '../../domain/notifications/digest.ts';
import {
  deleteNotification,
  insertNotifications,
  markEmailed,
  pendingForDigest,
} from '../../repositories/notification.repository.ts';
import { DEADLINE_WARNING_DAYS } from './deadline-notifications.service.ts';
import type { Mailer } from './mailer.ts';

export interface DigestRun {
  date: string;
  dryRun: boolean;
  /** True when e-mail is off (no SMTP server configured): nothing is sent or marked. */
  mailOff: boolean;
  sent: { username: string; email: string; subject: string; items: number; text?: string }[];
  alreadySent: string[];
  failed: { username: string; error: string }[];
  /** Users with pending notifications but no e-mail address: they read the inbox only. */
  noEmail: string[];
}

const date = (d: Date | string | null) =>
  d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);

/**
 * One e-mail per recipient per day with everything pending (unread, not yet e-mailed). The day's
 * digest is claimed first by storing a 'digest' notification with the key digest:<date>, so a
 * second run on the same day (another server, a retry, the CLI) sends nothing twice; a failed send
 * gives the claim back. With dryRun the digests are built and returned, nothing is sent or stored.
 */
export async function sendDailyDigest(
  database: Database,
  mailer: Mailer | null,
  today: string,
  opts: { dryRun?: boolean; appUrl?: string | null } = {},
): Promise<DigestRun> {
  const dryRun = opts.dryRun ?? false;
  const run: DigestRun = { date: today, dryRun, mailOff: mailer === null, sent: [], alreadySent: [], failed: [], noEmail: [] };
  if (mailer === null && !dryRun) return run;
  const db = database.db;
  const pending = await pendingForDigest(db);
  const byUser = new Map<number, typeof pending>();
  for (const p of pending) byUser.set(p.user_id, [...(byUser.get(p.user_id) ?? []), p]);

  for (const rows of byUser.values()) {
    const user = rows[0]!;
    if (!user.email) {
      run.noEmail.push(user.username);
      continue;
    }
    const items: DigestItem[] = rows.map((r) => ({
      kind: r.kind as DigestItem['kind'],
      title: { zh: r.title_zh, en: r.title_en },
      body: { zh: r.body_zh, en: r.body_en },
      link: r.link,
      dueOn: date(r.due_on),
    }));
    const digest = buildDigest({
      recipientName: user.display_name,
      today,
      items,
      deadlineWithinDays: DEADLINE_WARNING_DAYS,
      appUrl: opts.appUrl ?? null,
    });
    if (!digest) continue;
    if (dryRun) {
      run.sent.push({
        username: user.username,
        email: user.email,
        subject: digest.subject,
        items: rows.length,
        text: digest.text,
      });
      continue;
    }
    const [claim] = await insertNotifications(db, [
      {
        userId: user.user_id,
        kind: 'digest',
        title: { zh: `每日提醒 ${today}`, en: `Daily digest ${today}` },
        body: {
          zh: `已发送至 ${user.email}：新增预警${digest.counts.warnings}条、即将到期${digest.counts.deadlines}项、逾期${digest.counts.overdue}项。`,
          en: `Sent to ${user.email}: ${digest.counts.warnings} warning(s), ${digest.counts.deadlines} due soon, ${digest.counts.overdue} overdue.`,
        },
        link: '#/inbox',
        dedupeKey: `digest:${today}`,
        read: true,
      },
    ]);
    if (claim === undefined) {
      run.alreadySent.push(user.username);
      continue;
    }
    try {
      await mailer!.send({ to: user.email, subject: digest.subject, text: digest.text });
    } catch (err) {
      await deleteNotification(db, claim);
      run.failed.push({ username: user.username, error: err instanceof Error ? err.message : String(err) });
      continue;
    }
    // Everything pending was in the digest (near deadlines shown, later ones left for their day
    // would be marked too early): only mark what the digest actually listed as e-mailed.
    await markEmailed(db, [claim, ...rows.filter((r) => listed(r.kind, date(r.due_on), today)).map((r) => r.id)]);
    run.sent.push({ username: user.username, email: user.email, subject: digest.subject, items: rows.length });
  }
  return run;
}

/** Whether the digest of `today` lists an item (deadlines further ahead wait for a later one). */
function listed(kind: string, dueOn: string | null, today: string): boolean {
  // Task notices and escalations are inbox-only for now: the digest does not list them.
  if (kind === 'task_notice' || kind === 'task_escalation') return false;
  if (kind !== 'deadline_approaching' || dueOn === null) return true;
  return Math.round((Date.parse(dueOn) - Date.parse(today)) / 86_400_000) <= DEADLINE_WARNING_DAYS;
}
