import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { supervisionReason } from '../../src/domain/evaluation/results-use.ts';
import type { GradeHistory, RunView } from '../../src/presenters/evaluation.presenter.ts';
import type { TaskDetail } from '../../src/presenters/task-tracking.presenter.ts';
import { DATABASE_KINDS } from '../support/databases.ts';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';

/**
 * Issue 16 item 4, results used: publishing a run tells each evaluated unit its result (and the
 * province-wide plan managers once); a bottom-graded, vetoed or floor-capped unit of a published run
 * becomes a 督办 task in one step; a unit's grades across published runs.
 */
const PARKS = 'dev-zone-per-mu';
const MENGZI = 'ZN-HH-MENGZI';

type Inbox = { items: { kind: string; title: { zh: string; en: string }; body: { zh: string }; link: string | null }[] };
type Body = { error?: { code: string } };

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

for (const kind of DATABASE_KINDS) {
  describe(`evaluation results used (notices, 督办, grade history), on ${kind}`, () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    let planner: Session;
    let mengzi: Session;
    let hh: Session;
    let leader: Session;
    let run2023: RunView;
    let run2024: RunView;
    let draft: RunView;
    const api = <T = Body>(method: string, path: string, auth?: Session, body?: unknown) =>
      request<T>(server.url, method, `/api/v1${path}`, { auth, body });
    const evaluationNotices = async (who: Session) =>
      (await api<Inbox>('GET', '/inbox?limit=500', who)).body.items.filter((n) => n.kind === 'evaluation_published');
    const runOf = async (year: number) => {
      const res = await api<RunView>('POST', '/evaluation/runs', undefined, { scheme: PARKS, year, samples: 0 });
      assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 300));
      return res.body;
    };

    before(async () => {
      server = await startTestServer(kind, { demoData: true });
      planner = await loginAs(server.url, 'planner');
      mengzi = await loginAs(server.url, 'mengzi.reporter');
      hh = await loginAs(server.url, 'hh.reporter');
      leader = await loginAs(server.url, 'leader');
      run2023 = await runOf(2023);
      run2024 = await runOf(2024);
      draft = await runOf(2022);
      for (const r of [run2023, run2024]) {
        const pub = await api<RunView>('POST', `/evaluation/runs/${r.id}/publish`, planner);
        assert.equal(pub.status, 200, JSON.stringify(pub.body).slice(0, 300));
      }
    });
    after(async () => {
      await server?.close();
      await server?.drop();
    });

    it("tells a zone's reporter its own result with the run's explanation, and nothing of other zones", async () => {
      const notices = await evaluationNotices(mengzi);
      const unit = run2024.units.find((u) => u.code === MENGZI)!;
      const mine = notices.filter((n) => n.link === `#/evaluation/runs/${run2024.id}/units/${MENGZI}`);
      assert.equal(mine.length, 1, JSON.stringify(notices));
      assert.ok(mine[0]!.body.zh.includes(unit.explanation.zh), mine[0]!.body.zh);
      assert.ok(unit.grade === null || mine[0]!.body.zh.includes(`等级${unit.grade}`), mine[0]!.body.zh);
      assert.ok(
        notices.every((n) => n.link?.endsWith(`/units/${MENGZI}`)),
        'only its own zone',
      );
      // Two published runs, two notices; the draft told nobody.
      assert.equal(notices.length, 2);
      assert.ok(!notices.some((n) => n.link?.startsWith(`#/evaluation/runs/${draft.id}`)));
    });

    it('tells a prefecture reporter of each of its zones, the province-wide plan manager once per run, a viewer of the whole tree nothing', async () => {
      const hhNotices = await evaluationNotices(hh);
      const hhZones = new Set(hhNotices.filter((n) => n.link?.startsWith(`#/evaluation/runs/${run2024.id}/`)).map((n) => n.link));
      assert.ok(hhZones.has(`#/evaluation/runs/${run2024.id}/units/${MENGZI}`));
      assert.ok(hhZones.size >= 2, `红河 has several zones in the run: ${[...hhZones].join(', ')}`);
      assert.ok(![...hhZones].some((l) => l?.includes('/units/ZN-KM-')), 'no 昆明 zone');
      // The planner published both runs and is not told of them.
      assert.deepEqual(await evaluationNotices(planner), []);
      assert.deepEqual(await evaluationNotices(leader), []);
      const audit = await api<{ items: { action: string; entityKey: string; after: { notified?: number } | null }[] }>(
        'GET',
        `/audit?entity=evaluation_run&key=${run2024.id}`,
      );
      const published = audit.body.items?.find((e) => e.action === 'publish');
      assert.ok(published && (published.after?.notified ?? 0) >= hhZones.size, JSON.stringify(audit.body).slice(0, 400));
    });

    it('turns a bottom-graded, vetoed or floor-capped unit into a 督办 task and 督办单 in one step, once', async () => {
      const target = run2024.units.find((u) => supervisionReason(u, run2024.grades) !== null);
      assert.ok(target, 'the 2024 parks run has a unit to supervise');
      const res = await api<{ task: { plan: string; key: string }; noticeId: number; reason: string }>(
        'POST',
        `/evaluation/runs/${run2024.id}/supervise`,
        planner,
        { unit: target.code, replyBy: inDays(20) },
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.reason, supervisionReason(target, run2024.grades));
      assert.equal(res.body.task.key, `eval-${run2024.id}-${target.code}`);
      const task = await api<TaskDetail>('GET', `/tasks/${res.body.task.plan}/${res.body.task.key}`, planner);
      assert.equal(task.status, 200, JSON.stringify(task.body));
      assert.equal(task.body.notices.length, 1);
      assert.equal(task.body.notices[0]!.orgUnit.code, target.code);
      assert.equal(task.body.notices[0]!.replyBy, inDays(20));
      assert.ok(task.body.notices[0]!.body.includes(target.explanation.zh));
      // The run shows the task against the unit.
      const view = (await api<RunView>('GET', `/evaluation/runs/${run2024.id}`, planner)).body;
      assert.deepEqual(
        {
          plan: view.units.find((u) => u.code === target.code)!.supervision?.plan,
          key: view.units.find((u) => u.code === target.code)!.supervision?.key,
        },
        res.body.task,
      );
      const again = await api('POST', `/evaluation/runs/${run2024.id}/supervise`, planner, {
        unit: target.code,
        replyBy: inDays(20),
      });
      assert.equal(again.status, 409);
      assert.equal(again.body.error?.code, 'ALREADY_SUPERVISED');
    });

    it('refuses a unit whose result does not call for it, a draft run, a past reply date and a reporter', async () => {
      const fine = run2024.units.find((u) => u.grade !== null && supervisionReason(u, run2024.grades) === null);
      if (fine) {
        const r = await api('POST', `/evaluation/runs/${run2024.id}/supervise`, planner, {
          unit: fine.code,
          replyBy: inDays(20),
        });
        assert.equal(r.body.error?.code, 'NOT_SUPERVISABLE');
      }
      const target = draft.units.find((u) => supervisionReason(u, draft.grades) !== null) ?? draft.units[0]!;
      const d = await api('POST', `/evaluation/runs/${draft.id}/supervise`, planner, { unit: target.code, replyBy: inDays(20) });
      assert.equal(d.body.error?.code, 'RUN_NOT_PUBLISHED');
      const other = run2023.units.find((u) => supervisionReason(u, run2023.grades) !== null);
      if (other) {
        const past = await api('POST', `/evaluation/runs/${run2023.id}/supervise`, planner, {
          unit: other.code,
          replyBy: inDays(-2),
        });
        assert.equal(past.body.error?.code, 'REPLY_BY_PAST');
        // Nothing was left behind by the refused request: the task was rolled back with it.
        assert.equal(
          (await api('GET', `/tasks/${'yunnan-parks-2021-2025'}/eval-${run2023.id}-${other.code}`, planner)).status,
          404,
        );
      }
      const rep = await api('POST', `/evaluation/runs/${run2024.id}/supervise`, mengzi, { unit: MENGZI, replyBy: inDays(20) });
      assert.equal(rep.status, 403);
    });

    it("gives a unit's grades across published runs, oldest first, draft runs left out", async () => {
      const res = await api<GradeHistory>('GET', `/evaluation/units/${MENGZI}/grades`, mengzi);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const parks = res.body.items.filter((i) => i.scheme.code === PARKS);
      assert.deepEqual(
        parks.map((i) => [i.runId, i.year, i.grade]),
        [run2023, run2024].map((r) => [r.id, r.year, r.units.find((u) => u.code === MENGZI)!.grade]),
      );
      assert.equal((await api('GET', '/evaluation/units/NO-SUCH-UNIT/grades', mengzi)).status, 404);
    });

    it("carries each unit's grades across years into the run's .xlsx and .docx, 模拟 years marked, drafts and later years left out", async () => {
      const res = await api<ArrayBuffer>('GET', `/evaluation/runs/${run2024.id}/results.xlsx`, planner);
      assert.equal(res.status, 200);
      const buffer = Buffer.from(res.body);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
      const sheet = wb.getWorksheet('历年评价等级');
      assert.ok(sheet, 'sheet 历年评价等级');
      const mark = (r: RunView) => (r.simulated ? '（模拟）' : '');
      const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      // 2023 (published) is history; the 2022 draft is not.
      assert.deepEqual(header.slice(-2), [`2023年${mark(run2023)}`, `2024年（本次）${mark(run2024)}`]);
      assert.ok(!header.some((h) => h.startsWith('2022')));
      const mengziName = run2024.units.find((u) => u.code === MENGZI)!.name;
      let row: ExcelJS.Row | undefined;
      sheet.eachRow((r) => {
        if (r.getCell(1).value === mengziName) row = r;
      });
      assert.ok(row, 'a row for 蒙自');
      const grade2023 = run2023.units.find((u) => u.code === MENGZI)!.grade;
      assert.ok(String(row.getCell(header.length - 1).value).startsWith(grade2023 ?? '未评定'));
      // The 2023 run's report has no earlier year to show and says so.
      const older = await api<ArrayBuffer>('GET', `/evaluation/runs/${run2023.id}/report.docx`, planner);
      assert.equal(older.status, 200);
      const { strFromU8, unzipSync } = await import('fflate');
      const xml = strFromU8(unzipSync(Buffer.from(older.body))['word/document.xml']!).replace(/<[^>]+>/g, '');
      assert.ok(xml.includes('本方案在2023年以前没有已发布的评价结果'));
    });
  });
}
