import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { setUserEmail } from '../../src/repositories/notification.repository.ts';
import { sendDailyDigest } from '../../src/services/notifications/daily-digest.service.ts';
import { deadlineNotifications } from '../../src/services/notifications/deadline-notifications.service.ts';
import { createMailer } from '../../src/services/notifications/mailer.ts';
import { planProgressSource, type ProgressSource } from '../../src/services/warnings/progress-source.ts';
import { refreshWarnings } from '../../src/services/warnings/warning-monitor.service.ts';
import { judgementInputsSignature } from '../../src/repositories/warning.repository.ts';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';

interface Mail {
  to: string[];
  raw: string;
}

/** An SMTP server in this process that keeps every message it receives. */
async function startSmtp(): Promise<{ url: string; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Decodes the quoted-printable / base64 text body nodemailer wrote. */
function bodyText(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head!)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head!)) {
    const soft = body.replace(/=\r?\n/g, '');
    return Buffer.from(
      soft.replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  }
  return body;
}

const TODAY = new Date().toISOString().slice(0, 10);

describe('warnings, inbox and the daily digest', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let planner: Session;
  let plan: string;
  let target: string;
  let forced: 'red' | 'green' | null = null;
  /** The real progress service, with one target's level forced to show an episode start and end. */
  const progress: ProgressSource = async (database, actor, q) => {
    const p = await planProgressSource(database, actor, q);
    if (forced === null || q.plan !== plan) return p;
    return {
      ...p,
      targets: p.targets.map((t) =>
        t.key !== target
          ? t
          : {
              ...t,
              warning:
                forced === 'red'
                  ? { level: 'red', reasons: [{ zh: '测试：进度滞后', en: 'test: behind' }] }
                  : { level: 'green', reasons: [] },
            },
      ),
    };
  };

  before(async () => {
    server = await startTestServer('pglite');
    smtp = await startSmtp();
    await setUserEmail(server.database.db, 'planner', 'planner@example.gov.cn');
    await setUserEmail(server.database.db, 'mengzi.reporter', 'mengzi@example.gov.cn');
    planner = await loginAs(server.url, 'planner');
    const plans = await request<{ items: { id: string }[] }>(server.url, 'GET', '/api/v1/plans');
    const system = {
      userId: null,
      label: 't',
      via: 'system' as const,
      tokenId: null,
      ip: null,
      grants: [{ role: 'admin' as const, scopeOrgUnit: null, scopePlans: null }],
    };
    for (const { id } of plans.body.items) {
      const found = (await planProgressSource(server.database, system, { plan: id, at: '2024' })).targets.find(
        (t) => t.subject.kind === 'org_unit',
      );
      if (found) {
        plan = id;
        target = found.key;
        break;
      }
    }
    assert.ok(target, 'some plan has a target of one org unit');
  });
  after(async () => {
    await server.close();
    await smtp.close();
  });

  const count = async (table: 'warning_episode' | 'notification') =>
    (
      await server.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  it('records episodes once: a second refresh opens nothing and notifies nobody again', async () => {
    const first = await refreshWarnings(server.database, { today: TODAY, progress });
    const episodes = Number(await count('warning_episode'));
    const notes = Number(await count('notification'));
    assert.equal(episodes, first.opened);
    const second = await refreshWarnings(server.database, { today: TODAY, progress });
    assert.deepEqual([second.opened, second.escalated, second.closed, second.notifications], [0, 0, 0, 0]);
    assert.equal(Number(await count('warning_episode')), episodes);
    assert.equal(Number(await count('notification')), notes);
  });

  it('opens an episode when a target turns red and ends it when the figure recovers', async () => {
    forced = 'green';
    await refreshWarnings(server.database, { today: TODAY, progress });
    forced = 'red';
    const opened = await refreshWarnings(server.database, { today: TODAY, progress });
    assert.ok(opened.opened + opened.escalated >= 1);
    const list = await request<{ units: { episodes: { target: string; open: boolean; level: string; endReason: unknown }[] }[] }>(
      server.url,
      'GET',
      `/api/v1/warnings?plan=${plan}`,
      { auth: planner },
    );
    const mine = () => list.body.units.flatMap((u) => u.episodes).filter((e) => e.target === target);
    assert.equal(mine().filter((e) => e.open).length, 1);
    assert.equal(mine().find((e) => e.open)!.level, 'red');
    forced = 'green';
    const closed = await refreshWarnings(server.database, { today: TODAY, progress });
    assert.ok(closed.closed >= 1);
    const after = await request<{
      units: { episodes: { target: string; open: boolean; endedPeriod: string | null; endReason: { zh: string } | null }[] }[];
    }>(server.url, 'GET', `/api/v1/warnings?plan=${plan}`, { auth: planner });
    const episodes = after.body.units.flatMap((u) => u.episodes).filter((e) => e.target === target);
    assert.equal(episodes.filter((e) => e.open).length, 0);
    assert.ok(episodes.some((e) => e.endedPeriod !== null && e.endReason?.zh === '指标恢复正常（绿色）'));
    const openOnly = await request<{ units: { episodes: { target: string }[] }[] }>(
      server.url,
      'GET',
      `/api/v1/warnings?plan=${plan}&open=true`,
      {
        auth: planner,
      },
    );
    assert.ok(!openOnly.body.units.flatMap((u) => u.episodes).some((e) => e.target === target));
  });

  it("closes a withdrawn plan's open warnings at the next refresh, and judges it again once restored", async () => {
    forced = 'red';
    await refreshWarnings(server.database, { today: TODAY, progress });
    const openOf = async () =>
      server.database.db
        .selectFrom('warning_episode')
        .select(['target_key', 'end_reason'])
        .where('plan_id', '=', plan)
        .where('ended_at', 'is', null)
        .execute();
    assert.ok(
      (await openOf()).some((e) => e.target_key === target),
      'the forced red warning is open',
    );
    const before = await judgementInputsSignature(server.database.db);
    const w = await request(server.url, 'POST', `/api/v1/plans/${plan}/withdrawal`, { body: { reason: '测试：规划停用' } });
    assert.equal(w.status, 200, JSON.stringify(w.body));
    // The scheduler's poll compares this signature: a withdrawal makes it refresh without waiting for the day.
    assert.notEqual(await judgementInputsSignature(server.database.db), before);
    const closed = await refreshWarnings(server.database, { today: TODAY, progress });
    assert.ok(closed.closed >= 1);
    assert.deepEqual(await openOf(), [], 'no warning of a withdrawn plan stays open');
    const ended = await server.database.db
      .selectFrom('warning_episode')
      .select('end_reason')
      .where('plan_id', '=', plan)
      .where('target_key', '=', target)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(ended.end_reason, { zh: '该目标已不再监测', en: 'the target is no longer monitored' });
    assert.equal((await request(server.url, 'DELETE', `/api/v1/plans/${plan}/withdrawal`)).status, 200);
    await refreshWarnings(server.database, { today: TODAY, progress });
    assert.ok(
      (await openOf()).some((e) => e.target_key === target),
      'judged again after the restore',
    );
    forced = null;
  });

  it('e-mails one digest per recipient per day, in Chinese first', async () => {
    const deadlines = await deadlineNotifications(server.database, TODAY);
    const again = await deadlineNotifications(server.database, TODAY);
    assert.equal(again.notifications, 0, 'deadline notices are not repeated');
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'PlanTrack <plantrack@example.gov.cn>' })!;
    try {
      const run = await sendDailyDigest(server.database, mailer, TODAY);
      assert.ok(run.sent.some((s) => s.username === 'planner'));
      const rerun = await sendDailyDigest(server.database, mailer, TODAY);
      assert.equal(rerun.sent.length, 0, 'nothing twice on one day');
    } finally {
      mailer.close();
    }
    const toPlanner = smtp.mails.filter((m) => m.to.includes('planner@example.gov.cn'));
    assert.equal(toPlanner.length, 1);
    const text = bodyText(toPlanner[0]!.raw);
    assert.match(text, /^省发展改革委规划处，您好：/);
    assert.match(text, /一、新增预警（\d+）/);
    assert.match(text, /红色预警：/);
    assert.ok(text.indexOf('一、新增预警') < text.indexOf('New warnings'));
    assert.match(toPlanner[0]!.raw, /^Subject: /m);
    if (deadlines.overdue + deadlines.approaching > 0) {
      const toMengzi = smtp.mails.filter((m) => m.to.includes('mengzi@example.gov.cn'));
      assert.equal(toMengzi.length, 1);
      assert.match(bodyText(toMengzi[0]!.raw), /逾期未报|日内到期的报送/);
    }
  });

  it('lists the inbox and marks one read, own notifications only', async () => {
    const inbox = await request<{ unread: number; items: { id: number; kind: string; readAt: string | null }[] }>(
      server.url,
      'GET',
      '/api/v1/inbox',
      { auth: planner },
    );
    assert.equal(inbox.status, 200);
    assert.ok(inbox.body.unread > 0);
    const item = inbox.body.items.find((i) => i.kind === 'new_warning' && i.readAt === null)!;
    const read = await request<{ unread: number }>(server.url, 'POST', `/api/v1/inbox/${item.id}/read`, { auth: planner });
    assert.equal(read.status, 200);
    assert.equal(read.body.unread, inbox.body.unread - 1);
    const reporter = await loginAs(server.url, 'mengzi.reporter');
    const foreign = await request(server.url, 'POST', `/api/v1/inbox/${item.id}/read`, { auth: reporter });
    assert.equal(foreign.status, 404);
    const digestRecord = inbox.body.items.find((i) => i.kind === 'digest');
    assert.ok(digestRecord, 'the digest is recorded in the inbox');
  });
});
