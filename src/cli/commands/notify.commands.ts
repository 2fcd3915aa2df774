import type { Command } from 'commander';
import { sendDailyDigest } from '../../services/notifications/daily-digest.service.ts';
import { deadlineNotifications } from '../../services/notifications/deadline-notifications.service.ts';
import { createMailer } from '../../services/notifications/mailer.ts';
import { refreshWarnings } from '../../services/warnings/warning-monitor.service.ts';
import { setNotificationEmail } from '../../services/notifications/email-address.service.ts';
import { cliActor } from '../cli-actor.ts';
import { printJson, printTable, withDatabase } from '../context.ts';

const today = () => new Date().toISOString().slice(0, 10);

export function registerNotifyCommands(program: Command): void {
  const warnings = program.command('warnings').description('Early warnings / 预警');
  warnings
    .command('refresh')
    .description('Judge every plan and record warning episodes, notifying the units concerned / 刷新预警')
    .option('--at <period>', 'as-of period (default: the latest month that is over)')
    .option('--json', 'print JSON')
    .action((opts: { at?: string; json?: boolean }) =>
      withDatabase(async (database) => {
        const r = await refreshWarnings(database, { at: opts.at });
        if (opts.json) return printJson(r);
        process.stdout.write(
          `预警已刷新 warnings refreshed (${r.at}, ${r.plans.length} plans): 新增 opened ${r.opened} · 升级 escalated ${r.escalated} · ` +
            `降级 de-escalated ${r.deEscalated} · 解除 closed ${r.closed} · 通知 notifications ${r.notifications}\n`,
        );
      }),
    );

  const notify = program.command('notify').description('Notifications and e-mail / 通知与邮件');
  notify
    .command('deadlines')
    .description('Create notices for reports due within 3 days and overdue reports / 生成报送截止与逾期提醒')
    .action(() =>
      withDatabase(async (database) => {
        const r = await deadlineNotifications(database, today());
        process.stdout.write(
          `即将到期 due soon ${r.approaching} · 逾期 overdue ${r.overdue} · 新通知 new notifications ${r.notifications}\n`,
        );
      }),
    );
  notify
    .command('digest')
    .description("E-mail each recipient today's digest of pending notifications (once a day) / 发送每日提醒邮件")
    .option('--dry-run', 'print the digests, send and store nothing')
    .option('--json', 'print JSON')
    .action((opts: { dryRun?: boolean; json?: boolean }) =>
      withDatabase(async (database, config) => {
        const n = config.notifications!;
        const mailer = opts.dryRun ? null : createMailer({ smtpUrl: n.smtpUrl, from: n.mailFrom });
        try {
          const r = await sendDailyDigest(database, mailer, today(), { dryRun: opts.dryRun });
          if (opts.json) return printJson(r);
          if (r.mailOff && !r.dryRun)
            process.stdout.write('邮件未启用（未设置 PLANTRACK_SMTP_URL）。E-mail is off: PLANTRACK_SMTP_URL is not set.\n');
          if (r.dryRun) for (const s of r.sent) process.stdout.write(`To: ${s.email}\nSubject: ${s.subject}\n\n${s.text}\n`);
          else
            printTable(
              ['用户 User', '邮箱 E-mail', '条数 Items'],
              r.sent.map((s) => [s.username, s.email, s.items]),
            );
          if (r.alreadySent.length) process.stdout.write(`今日已发送 already sent today: ${r.alreadySent.join(', ')}\n`);
          if (r.noEmail.length) process.stdout.write(`无邮箱，仅站内通知 no e-mail address: ${r.noEmail.join(', ')}\n`);
          for (const f of r.failed) process.stderr.write(`发送失败 failed ${f.username}: ${f.error}\n`);
          if (r.failed.length) process.exitCode = 1;
        } finally {
          mailer?.close();
        }
      }),
    );
  notify
    .command('set-email')
    .description("Set (or with --clear remove) a user's e-mail address for notifications / 设置通知邮箱")
    .argument('<username>')
    .argument('[email]')
    .option('--clear', 'remove the address: inbox only')
    .option('--token <token>', 'act with this API token instead of PLANTRACK_TOKEN')
    .action((username: string, email: string | undefined, opts: { clear?: boolean; token?: string }) =>
      withDatabase(async (database, config) => {
        if (!opts.clear && !email) throw new Error('请给出邮箱地址或 --clear。Give an e-mail address or --clear.');
        const actor = await cliActor(database, config, { action: 'manage_users' }, opts.token);
        await setNotificationEmail(database, actor, username, opts.clear ? null : email!);
        process.stdout.write(`已更新 updated: ${username} → ${opts.clear ? '—' : email}\n`);
      }),
    );
}
