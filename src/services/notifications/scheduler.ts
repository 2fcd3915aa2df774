import type { Database } from '../../db/database.ts';
import { judgementInputsSignature } from '../../repositories/warning.repository.ts';
import { ProgressContext } from '../progress/progress-context.ts';
import { refreshWarnings } from '../warnings/warning-monitor.service.ts';
import { sendDailyDigest } from './daily-digest.service.ts';
import { deadlineNotifications } from './deadline-notifications.service.ts';
import { escalateNotices } from '../tasks/notice.service.ts';
import type { Mailer } from './mailer.ts';
import { claimRun } from '../../repositories/scheduled-run.repository.ts';
import { deleteEndedWindows } from '../../repositories/rate-limit.repository.ts';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';

/** How often the scheduler looks for new approvals, target revisions and withdrawals (a cheap query when nothing changed). */
const APPROVAL_POLL_MS = 60_000;

export interface SchedulerLog {
  info(msg: string): void;
  error(msg: string): void;
}

/** Local date (ISO) of a moment, in the server's time zone, matching the digest hour. */
const localDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Milliseconds from now to the next time the local clock shows hour:00. */
export function msUntilHour(now: Date, hour: number): number {
  const next = new Date(now);
  next.setHours(hour, 0, 0, 0);
  if (next <= now) next.setDate(next.getDate() + 1);
  return next.getTime() - now.getTime();
}

/**
 * The daily job: warnings refreshed, deadline and overdue notices created, then the digest e-mailed.
 * Each step runs even if the one before failed (a plan whose progress fails must not stop the mail).
 */
export async function runDailyJobs(database: Database, mailer: Mailer | null, log: SchedulerLog, now = new Date()) {
  const today = localDate(now);
  const steps: [string, () => Promise<unknown>][] = [
    ['warnings refresh', () => refreshWarnings(database, { today })],
    ['deadline notices', () => deadlineNotifications(database, today)],
    ['task notice escalation', () => escalateNotices(database, today)],
    ['daily digest', () => sendDailyDigest(database, mailer, today)],
  ];
  for (const [name, step] of steps) {
    try {
      log.info(`${name}: ${JSON.stringify(await step())}`);
    } catch (err) {
      log.error(`${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

/** Names this process in the claims of scheduled runs (host, pid and a random part: pids repeat across hosts and restarts). */
const INSTANCE = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * The daily jobs, run by exactly one of the app instances that share the database: each claims the
 * day first, and only the one whose claim lands runs them (so the digest is e-mailed once, not once
 * per instance). Returns whether this instance ran them.
 */
export async function runDailyJobsOnce(
  database: Database,
  mailer: Mailer | null,
  log: SchedulerLog,
  now = new Date(),
  instance = INSTANCE,
): Promise<boolean> {
  if (!(await claimRun(database.db, 'daily-jobs', localDate(now), instance))) {
    log.info(`daily jobs of ${localDate(now)}: already run by another instance`);
    return false;
  }
  await runDailyJobs(database, mailer, log, now);
  return true;
}

/**
 * A small in-process scheduler: the daily jobs at the digest hour (setTimeout to the next run, no
 * cron), and, every minute, the yearly figures recomputed where approvals changed them and a
 * warning refresh whenever a submission has been approved since the last look — found by polling
 * (the latest approval time, the queue of changed keys) so that the review workflow needs no hook. Timers are unref'd:
 * they never keep the process alive. stop() cancels them.
 */
export function startScheduler(
  database: Database,
  opts: { mailer: Mailer | null; digestHour: number; log: SchedulerLog },
): { stop(): void } {
  let stopped = false;
  let daily: NodeJS.Timeout | undefined;
  let poll: NodeJS.Timeout | undefined;
  let lastInputs: string | undefined;
  let busy = Promise.resolve();
  // One job at a time: the daily run and an approval refresh never overlap.
  const serial = (job: () => Promise<void>) => {
    busy = busy.then(job, job);
    return busy;
  };

  const scheduleDaily = () => {
    if (stopped) return;
    daily = setTimeout(
      () => {
        void serial(async () => {
          try {
            await runDailyJobsOnce(database, opts.mailer, opts.log);
          } catch (err) {
            opts.log.error(`daily jobs failed: ${err instanceof Error ? err.message : String(err)}`);
          }
        }).finally(scheduleDaily);
      },
      msUntilHour(new Date(), opts.digestHour),
    );
    daily.unref();
  };
  const schedulePoll = () => {
    if (stopped) return;
    poll = setTimeout(() => {
      void serial(async () => {
        try {
          const latest = await judgementInputsSignature(database.db);
          await deleteEndedWindows(database.db);
          const recomputed = await ProgressContext.refreshYears(database.db);
          if (recomputed) opts.log.info(`yearly figures recomputed: ${recomputed} (unit, indicator, year) keys`);
          if (lastInputs !== undefined && latest !== lastInputs) {
            opts.log.info(
              `approval, revision or withdrawal seen; warnings refresh: ${JSON.stringify(await refreshWarnings(database))}`,
            );
          }
          lastInputs = latest;
        } catch (err) {
          opts.log.error(`warnings refresh after approval failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }).finally(schedulePoll);
    }, APPROVAL_POLL_MS);
    poll.unref();
  };
  scheduleDaily();
  schedulePoll();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(daily);
      clearTimeout(poll);
      opts.mailer?.close();
    },
  };
}
