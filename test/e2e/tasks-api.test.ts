import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { addDays } from '../../src/domain/tasks/escalation.ts';
import { escalateNotices } from '../../src/services/tasks/notice.service.ts';
import { localToday } from '../../src/services/tasks/task-context.ts';
import type { NoticeResponse, TaskDetail, TrackedTask } from '../../src/presenters/task-tracking.presenter.ts';
import { DATABASE_KINDS } from '../support/databases.ts';
import { loginAs, request, startTestServer, type Auth, type Session } from '../support/server.ts';

const PPRD = 'yunnan-pprd-2016';
const pprd = parse(readFileSync(new URL('../../dataset/plans/yunnan-pprd-2016.yaml', import.meta.url), 'utf8')) as {
  tasks: { key: string; lead: string[]; co?: string[] }[];
};
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Board {
  orgUnit: { code: string };
  asLead: TrackedTask[];
  asCo: TrackedTask[];
  openNotices: NoticeResponse[];
}
interface Inbox {
  items: { kind: string; title: { zh: string }; link: string | null }[];
}

for (const kind of DATABASE_KINDS) {
  describe(`tasks and supervision on ${kind}`, () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    let planner: Session;
    let kjt: Session; // reporter of 省科技厅, lead of task-02
    let fgw: Session; // reporter of 省发展改革委, co-unit of task-02
    let hh: Session;
    /** As the demo administrator (API token) when auth is undefined. */
    const api = <T>(method: string, path: string, auth: Auth | undefined, body?: unknown, headers?: Record<string, string>) =>
      request<T>(server.url, method, path, { auth, body, headers });

    before(async () => {
      server = await startTestServer(kind);
      for (const [username, unit] of [
        ['kjt.reporter', 'DEPT-KJT'],
        ['fgw.reporter', 'DEPT-FGW'],
      ] as const) {
        const created = await request(server.url, 'POST', '/api/v1/users', {
          body: {
            username,
            displayName: `${unit}填报员`,
            orgUnit: unit,
            password: 'Tasks-Password-2025',
            grants: [{ role: 'reporter', orgUnit: unit }],
          },
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
      }
      planner = await loginAs(server.url, 'planner');
      kjt = await loginAs(server.url, 'kjt.reporter', 'Tasks-Password-2025');
      fgw = await loginAs(server.url, 'fgw.reporter', 'Tasks-Password-2025');
      hh = await loginAs(server.url, 'hh.reporter');
    });
    after(async () => {
      await server.close();
      await server.drop();
    });

    it('shows every 004 task on the board of each of its lead and co-departments', async () => {
      const units = new Set(pprd.tasks.flatMap((t) => [...t.lead, ...(t.co ?? [])]));
      for (const code of units) {
        const board = await api<Board>('GET', `/api/v1/tasks/board?orgUnit=${code}`, undefined);
        assert.equal(board.status, 200, code);
        const lead = board.body.asLead.filter((t) => t.planId === PPRD).map((t) => t.key);
        const co = board.body.asCo.filter((t) => t.planId === PPRD).map((t) => t.key);
        assert.deepEqual(
          lead,
          pprd.tasks.filter((t) => t.lead.includes(code)).map((t) => t.key),
          `${code} as lead`,
        );
        assert.deepEqual(
          co,
          pprd.tasks.filter((t) => !t.lead.includes(code) && (t.co ?? []).includes(code)).map((t) => t.key),
          `${code} as co`,
        );
      }
      // A department reporter's own board, without naming the unit.
      const own = await api<Board>('GET', '/api/v1/tasks/board', kjt);
      assert.equal(own.body.orgUnit.code, 'DEPT-KJT');
      assert.ok(own.body.asLead.some((t) => t.key === 'task-02' && t.status === 'not_started'));
      // Outside one's scope: hidden, as if the unit did not exist.
      assert.equal((await api('GET', '/api/v1/tasks/board?orgUnit=DEPT-KJT', hh)).status, 404);
    });

    it('walks a task through milestone, update with attachment, contribution, 督办 notice, reply, escalation and 销号', async () => {
      const detail = (auth: Auth | undefined = undefined) => api<TaskDetail>('GET', `/api/v1/tasks/${PPRD}/task-02`, auth);
      const start = await detail(kjt);
      assert.deepEqual(start.body.can, { update: ['DEPT-KJT'], contribute: [], reply: [], manage: false });

      // Milestones: plan office only, with the task's version.
      assert.equal(
        (await api('POST', `/api/v1/tasks/${PPRD}/task-02/milestones`, kjt, { title: 'x', dueOn: '2030-01-01', version: 0 }))
          .status,
        403,
      );
      const ms = await api<TaskDetail>('POST', `/api/v1/tasks/${PPRD}/task-02/milestones`, planner, {
        title: '出台生物医药市场准入合作方案',
        dueOn: addDays(localToday(), 30),
        version: start.body.task.version,
      });
      assert.equal(ms.status, 201, JSON.stringify(ms.body));
      const stale = await api<{ error: { code: string } }>('POST', `/api/v1/tasks/${PPRD}/task-02/milestones`, planner, {
        title: '再加一个',
        dueOn: '2030-01-01',
        version: start.body.task.version,
      });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');

      // An attachment, then a progress update by the lead unit that carries it.
      const up = await api<{ id: string; url: string }>('POST', '/api/v1/attachments?name=进展报告.pdf', kjt, PDF, {
        'content-type': 'application/pdf',
      });
      assert.equal(up.status, 201, JSON.stringify(up.body));
      assert.equal(
        (await api('POST', `/api/v1/tasks/${PPRD}/task-02/updates`, fgw, { text: '非牵头单位', percent: 10 })).status,
        403,
      );
      const theirs = await api<{ error: { code: string } }>('POST', `/api/v1/tasks/${PPRD}/task-02/contributions`, fgw, {
        text: '用别人的附件',
        attachments: [up.body.id],
      });
      assert.equal(theirs.body.error.code, 'ATTACHMENT_NOT_AVAILABLE');
      const upd = await api<TaskDetail>('POST', `/api/v1/tasks/${PPRD}/task-02/updates`, kjt, {
        text: '已完成方案初稿，征求意见中',
        percent: 40,
        attachments: [up.body.id],
        milestonesDone: [ms.body.milestones[0]!.id],
      });
      assert.equal(upd.status, 201, JSON.stringify(upd.body));
      assert.equal(upd.body.task.status, 'in_progress');
      assert.equal(upd.body.task.percent, 40);
      assert.ok(upd.body.milestones[0]!.doneAt);
      assert.deepEqual(
        upd.body.timeline.map((e) => [e.kind, e.orgUnit.code, e.percent, e.attachments.map((a) => a.name)]),
        [['update', 'DEPT-KJT', 40, ['进展报告.pdf']]],
      );
      const contrib = await api<TaskDetail>('POST', `/api/v1/tasks/${PPRD}/task-02/contributions`, fgw, {
        text: '已将方案纳入区域合作议题',
      });
      assert.equal(contrib.status, 201);
      assert.equal(contrib.body.timeline.at(-1)!.kind, 'contribution');

      // The co-unit may read the attachment; someone who cannot see the task gets 404.
      const file = await fetch(new URL(up.body.url, server.url), { headers: { cookie: fgw.cookie } });
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), 'application/pdf');
      assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
      assert.match(file.headers.get('content-disposition')!, /^attachment; filename="_+\.pdf"; filename\*=UTF-8''%E8%BF%9B/);
      assert.deepEqual(new Uint8Array(await file.arrayBuffer()), PDF);
      assert.equal((await fetch(new URL(up.body.url, server.url), { headers: { cookie: hh.cookie } })).status, 404);

      // 督办: issued by the plan office to the lead unit, seen in its inbox and on its board, replied.
      assert.equal(
        (
          await api('POST', `/api/v1/tasks/${PPRD}/task-02/notices`, kjt, {
            orgUnit: 'DEPT-KJT',
            text: '请说明进度',
            replyBy: localToday(),
          })
        ).status,
        403,
      );
      const notice = await api<NoticeResponse>('POST', `/api/v1/tasks/${PPRD}/task-02/notices`, planner, {
        orgUnit: 'DEPT-KJT',
        text: '请于本周内报送方案征求意见情况',
        replyBy: addDays(localToday(), 3),
      });
      assert.equal(notice.status, 201, JSON.stringify(notice.body));
      assert.equal(notice.body.status, 'open');
      const kjtInbox = await api<Inbox>('GET', '/api/v1/inbox', kjt);
      assert.ok(kjtInbox.body.items.some((i) => i.kind === 'task_notice' && i.link === `#/tasks/${PPRD}/task-02`));
      assert.deepEqual(
        (await api<Board>('GET', '/api/v1/tasks/board', kjt)).body.openNotices.map((n) => n.id),
        [notice.body.id],
      );
      assert.equal((await api('POST', `/api/v1/task-notices/${notice.body.id}/reply`, fgw, { text: '不是我' })).status, 403);
      const replyFile = await api<{ id: string }>(
        'POST',
        '/api/v1/attachments?name=说明.txt',
        kjt,
        new TextEncoder().encode('征求意见汇总\n'),
      );
      assert.equal(replyFile.status, 201);
      const reply = await api<NoticeResponse>('POST', `/api/v1/task-notices/${notice.body.id}/reply`, kjt, {
        text: '已征求12家单位意见，月底前定稿',
        attachments: [replyFile.body.id],
      });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      assert.equal(reply.body.status, 'replied');
      assert.deepEqual(
        reply.body.reply?.attachments.map((a) => [a.name, a.mediaType]),
        [['说明.txt', 'text/plain; charset=utf-8']],
      );
      assert.equal((await api('POST', `/api/v1/task-notices/${notice.body.id}/reply`, kjt, { text: '再答' })).status, 409);
      assert.ok((await api<Inbox>('GET', '/api/v1/inbox', planner)).body.items.some((i) => i.title.zh.startsWith('督办回复')));

      // Escalation: a notice to the co-unit left unanswered past its date goes up one level, once.
      const late = await api<NoticeResponse>('POST', `/api/v1/tasks/${PPRD}/task-02/notices`, planner, {
        orgUnit: 'DEPT-FGW',
        text: '请报送配合情况',
        replyBy: localToday(),
      });
      assert.equal(late.status, 201);
      const sameDay = await escalateNotices(server.database, localToday());
      assert.equal(sameDay.escalated, 0, 'not before the reply date has passed');
      const dayAfter = addDays(localToday(), 1);
      const run = await escalateNotices(server.database, dayAfter);
      assert.equal(run.escalated, 1);
      assert.ok(run.notifications >= 2);
      assert.equal((await escalateNotices(server.database, dayAfter)).escalated, 0, 'once per grace period');
      const after1 = (await detail(planner)).body.notices.find((n) => n.id === late.body.id)!;
      assert.deepEqual([after1.status, after1.level, after1.replyBy], ['escalated', 2, addDays(dayAfter, 7)]);
      assert.ok((await api<Inbox>('GET', '/api/v1/inbox', planner)).body.items.some((i) => i.kind === 'task_escalation'));
      assert.ok((await api<Inbox>('GET', '/api/v1/inbox', fgw)).body.items.some((i) => i.kind === 'task_escalation'));
      // An escalated notice may still be answered.
      assert.equal((await api('POST', `/api/v1/task-notices/${late.body.id}/reply`, fgw, { text: '已报送' })).status, 200);

      // 销号 by the plan office; afterwards nothing more is posted.
      const current = (await detail(planner)).body.task.version;
      assert.equal(
        (await api('POST', `/api/v1/tasks/${PPRD}/task-02/close`, planner, { reason: '已完成', version: current + 5 })).status,
        409,
      );
      const closed = await api<TaskDetail>('POST', `/api/v1/tasks/${PPRD}/task-02/close`, planner, {
        reason: '方案已印发，经核实销号',
        version: current,
      });
      assert.equal(closed.status, 200, JSON.stringify(closed.body));
      assert.equal(closed.body.task.status, 'closed');
      assert.equal(closed.body.task.closed?.reason, '方案已印发，经核实销号', 'kept as written (issue 18)');
      const afterClose = await api<{ error: { code: string } }>('POST', `/api/v1/tasks/${PPRD}/task-02/updates`, kjt, {
        text: '再报',
        percent: 100,
      });
      assert.equal(afterClose.body.error.code, 'TASK_CLOSED');
      const list = await api<{ items: TrackedTask[] }>('GET', `/api/v1/tasks/tracking?plan=${PPRD}&status=closed`, undefined);
      assert.deepEqual(
        list.body.items.map((t) => t.key),
        ['task-02'],
      );

      // Every step is in the audit chain.
      const audit = await api<{ items: { action: string }[] }>('GET', `/api/v1/audit?entity=task&key=${PPRD}/task-02`, undefined);
      assert.deepEqual([...new Set(audit.body.items.map((e) => e.action))].sort(), [
        'task.close',
        'task.contribution',
        'task.milestone.add',
        'task.update',
      ]);
    });

    it('flags a task lagging when a milestone is missed, and filters by overdue', async () => {
      const t = await api<TaskDetail>('GET', `/api/v1/tasks/${PPRD}/task-05`, undefined);
      await api('POST', `/api/v1/tasks/${PPRD}/task-05/milestones`, planner, {
        title: '已过期节点',
        dueOn: '2020-06-30',
        version: t.body.task.version,
      });
      const overdue = await api<{ items: TrackedTask[] }>('GET', `/api/v1/tasks/tracking?plan=${PPRD}&overdue=true`, undefined);
      assert.deepEqual(
        overdue.body.items.map((x) => [x.key, x.status, x.missedMilestones]),
        [['task-05', 'lagging', 1]],
      );
      const lead = await api<{ items: TrackedTask[] }>(
        'GET',
        `/api/v1/tasks/tracking?orgUnit=DEPT-2016-NYT&role=lead`,
        undefined,
      );
      assert.ok(lead.body.items.every((x) => x.lead.some((u) => u.code === 'DEPT-2016-NYT')));
    });

    it('accepts only allowed file types by content, within the size limit, and serves them safely', async () => {
      const upload = (name: string, bytes: Uint8Array, type?: string) =>
        api<{ error: { code: string }; name: string; id: string }>(
          'POST',
          `/api/v1/attachments?name=${encodeURIComponent(name)}`,
          kjt,
          bytes,
          type ? { 'content-type': type } : {},
        );
      assert.equal((await upload('a.exe', PDF)).status, 415);
      const html = await upload('photo.png', new TextEncoder().encode('<html><script>alert(1)</script>'), 'image/png');
      assert.deepEqual([html.status, html.body.error.code], [415, 'TYPE_MISMATCH']);
      const fake = await upload('doc.pdf', PDF, 'text/html');
      assert.equal(fake.status, 415);
      const big = new Uint8Array(20 * 1024 * 1024 + 1).fill(0x41);
      assert.equal((await upload('big.txt', big)).status, 413);
      const traversal = await upload('../../etc/passwd.txt', new TextEncoder().encode('x'));
      assert.equal(traversal.status, 201);
      assert.equal(traversal.body.name, 'passwd.txt');
      // Nobody but the uploader sees an unattached file.
      assert.equal(
        (await fetch(new URL(`/api/v1/attachments/${traversal.body.id}`, server.url), { headers: { cookie: fgw.cookie } }))
          .status,
        404,
      );
      assert.equal(
        (await fetch(new URL(`/api/v1/attachments/${traversal.body.id}`, server.url), { headers: { cookie: kjt.cookie } }))
          .status,
        200,
      );
      assert.equal(
        (await fetch(new URL('/api/v1/attachments/..%2F..%2Fetc%2Fpasswd', server.url), { headers: { cookie: kjt.cookie } }))
          .status,
        404,
      );
      assert.equal((await upload('x.txt', new Uint8Array())).status, 422);
    });

    async function exportSheet(): Promise<ExcelJS.Workbook> {
      const res = await api<ArrayBuffer>('GET', `/api/v1/tasks/export?plan=${PPRD}`, undefined);
      assert.equal(res.status, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body);
      return wb;
    }
    const toBytes = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());
    const taskList = async () =>
      (await api<{ items: TrackedTask[] }>('GET', `/api/v1/tasks/tracking?plan=${PPRD}&limit=1000`, undefined)).body.items.map(
        (t) => ({
          key: t.key,
          text: t.text,
          lead: t.lead.map((u) => u.code),
          co: t.co.map((u) => u.code),
          leadUnmatched: t.leadUnmatched,
          coUnmatched: t.coUnmatched,
          deadline: t.deadline,
        }),
      );
    const importSheet = <T>(bytes: Uint8Array, query: string) =>
      api<T>('POST', `/api/v1/tasks/import?plan=${PPRD}${query}`, planner, bytes, { 'content-type': XLSX_TYPE });

    it('round-trips every plan’s task list through Excel, including tasks that name no unit', async () => {
      const plans = await api<{ items: { id: string }[] }>('GET', '/api/v1/plans', undefined);
      assert.ok(plans.body.items.length >= 5);
      for (const { id } of plans.body.items) {
        const list = async () =>
          (await api<{ items: TrackedTask[] }>('GET', `/api/v1/tasks/tracking?plan=${id}&limit=1000`, undefined)).body.items.map(
            (t) => [
              t.key,
              t.text,
              t.lead.map((u) => u.code),
              t.co.map((u) => u.code),
              t.leadUnmatched,
              t.coUnmatched,
              t.deadline,
            ],
          );
        const before = await list();
        const file = await api<ArrayBuffer>('GET', `/api/v1/tasks/export?plan=${id}`, undefined);
        const res = await api<{ counts: Record<string, number>; unmatched: unknown[] }>(
          'POST',
          `/api/v1/tasks/import?plan=${id}`,
          planner,
          new Uint8Array(file.body),
          { 'content-type': XLSX_TYPE },
        );
        assert.equal(res.status, 200, `${id}: ${JSON.stringify(res.body).slice(0, 300)}`);
        assert.deepEqual([res.body.counts.update, res.body.counts.create, res.body.unmatched], [0, 0, []], id);
        assert.deepEqual(await list(), before, id);
      }
    });

    it('round-trips the task list through Excel losslessly', async () => {
      const before = await taskList();
      const wb = await exportSheet();
      const ws = wb.worksheets[0]!;
      assert.deepEqual(
        [1, 2, 3, 4, 5].map((c) => ws.getRow(2).getCell(c).value),
        ['序号', '任务', '牵头单位', '配合单位', '完成时限'],
      );
      assert.equal(ws.getRow(3).getCell(3).value, '省发展改革委');
      const bytes = await toBytes(wb);
      const preview = await importSheet<{ counts: Record<string, number>; unmatched: unknown[] }>(bytes, '&dryRun=true');
      assert.equal(preview.status, 200, JSON.stringify(preview.body).slice(0, 500));
      assert.deepEqual(preview.body.counts, { create: 0, update: 0, unchanged: pprd.tasks.length, notInFile: 0 });
      assert.deepEqual(preview.body.unmatched, []);
      const done = await importSheet<{ committed: boolean }>(bytes, '');
      assert.equal(done.status, 200);
      assert.equal(done.body.committed, false);
      assert.deepEqual(await taskList(), before);
    });

    it('reports unmatched unit names by row and field, writes nothing, and keeps them only when confirmed', async () => {
      const before = await taskList();
      const wb = await exportSheet();
      const ws = wb.worksheets[0]!;
      ws.getRow(4).getCell(3).value = '省科技厅、省口岸办'; // task-02: 序号 2 on sheet row 4
      // 某某协调小组（第２组） is kept as written (issue 18) and matched again when a sheet writes it (第2组).
      ws.getRow(5).getCell(4).value = '省卫生计生委；教育厅,某某协调小组（第２组）';
      ws.getRow(5).getCell(5).value = '2020年底前';
      const bytes = await toBytes(wb);
      const rejected = await importSheet<{
        error: { code: string; details: { unmatched: { row: number; field: string; name: string; messageZh: string }[] } };
      }>(bytes, '');
      assert.equal(rejected.status, 422);
      assert.equal(rejected.body.error.code, 'UNMATCHED_UNITS');
      assert.deepEqual(
        rejected.body.error.details.unmatched.map((u) => [u.row, u.field, u.name]),
        [
          [4, 'lead', '省口岸办'],
          [5, 'co', '某某协调小组（第２组）'],
        ],
      );
      assert.equal(rejected.body.error.details.unmatched[0]!.messageZh, '第4行「牵头单位」：“省口岸办”未匹配到组织单位');
      assert.deepEqual(await taskList(), before, 'nothing written');

      const kept = await importSheet<{ committed: boolean; counts: Record<string, number> }>(bytes, '&keepUnmatched=true');
      assert.equal(kept.status, 200, JSON.stringify(kept.body).slice(0, 400));
      assert.equal(kept.body.committed, true);
      assert.equal(kept.body.counts.update, 2);
      const t2 = (await api<TaskDetail>('GET', `/api/v1/tasks/${PPRD}/task-02`, undefined)).body.task;
      assert.deepEqual([t2.lead.map((u) => u.code), t2.leadUnmatched], [['DEPT-KJT'], ['省口岸办']]);
      const t3 = (await api<TaskDetail>('GET', `/api/v1/tasks/${PPRD}/task-03`, undefined)).body.task;
      // task-03's departments all lead it: named again as co-units they are not listed twice.
      assert.deepEqual(
        [t3.co.map((u) => u.code), t3.coUnmatched, t3.deadline, t3.deadlineOn],
        [[], ['某某协调小组（第２组）'], '2020年底前', '2020-12-31'],
      );
      // Kept names are exported and survive another round trip: still listed, no longer blocking.
      const again = await taskList();
      const exported = await exportSheet();
      assert.equal(exported.worksheets[0]!.getRow(5).getCell(4).value, '某某协调小组（第２组）');
      exported.worksheets[0]!.getRow(5).getCell(4).value = '某某协调小组(第2组)';
      const second = await importSheet<{ counts: Record<string, number>; unmatched: { name: string; alreadyKept: boolean }[] }>(
        await toBytes(exported),
        '',
      );
      assert.equal(second.status, 200, JSON.stringify(second.body).slice(0, 300));
      assert.equal(second.body.counts.update, 0);
      assert.deepEqual(
        second.body.unmatched.map((u) => [u.name, u.alreadyKept]),
        [
          ['省口岸办', true],
          ['某某协调小组(第2组)', true],
        ],
      );
      assert.deepEqual(await taskList(), again);
    });

    it('rejects rows without text or with a bad 序号, naming row and field', async () => {
      const wb = await exportSheet();
      const ws = wb.worksheets[0]!;
      ws.getRow(6).getCell(2).value = '';
      ws.getRow(7).getCell(1).value = '第五';
      const res = await importSheet<{ error: { code: string; details: { problems: { row: number; field: string }[] } } }>(
        await toBytes(wb),
        '&keepUnmatched=true',
      );
      assert.equal(res.status, 422);
      assert.equal(res.body.error.code, 'IMPORT_REJECTED');
      assert.deepEqual(
        res.body.error.details.problems.map((p) => [p.row, p.field]),
        [
          [6, 'text'],
          [7, 'ordinal'],
        ],
      );
      assert.equal((await importSheet(new TextEncoder().encode('not a workbook'), '')).status, 422);
    });
  });
}
