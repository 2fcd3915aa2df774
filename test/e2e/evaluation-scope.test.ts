import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { RunList, RunView, SchemeVersionView } from '../../src/presenters/evaluation.presenter.ts';
import { DATABASE_KINDS } from '../support/databases.ts';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';

/**
 * Issue 21: the parks plan's evaluation is its managers' (ftz.planner may not edit, run or publish it, nor
 * the parks form's rules or a transfer between parks zones); a draft run is theirs alone; a published run
 * shows a zone's reporter every zone's rank, total and grade but raw figures of its own zone only.
 */
const PARKS = 'dev-zone-per-mu';
const MENGZI = 'ZN-HH-MENGZI';
const YEAR = 2024;

type Body = { error?: { code: string } };

async function xlsxText(bytes: ArrayBuffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const cells: string[] = [];
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.text)))));
  return cells.join('\n');
}

const docxText = (bytes: ArrayBuffer) => strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!);

for (const kind of DATABASE_KINDS) {
  describe(`evaluation runs, forms and transfers within the plan and unit scope, on ${kind}`, () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    let ftz: Session;
    let mengzi: Session;
    let leader: Session;
    let draft: RunView;
    const api = <T = Body>(method: string, path: string, auth?: Session, body?: unknown) =>
      request<T>(server.url, method, `/api/v1${path}`, { auth, body });

    before(async () => {
      server = await startTestServer(kind, { demoData: true });
      ftz = await loginAs(server.url, 'ftz.planner');
      mengzi = await loginAs(server.url, 'mengzi.reporter');
      leader = await loginAs(server.url, 'leader');
      const res = await api<RunView>('POST', '/evaluation/runs', undefined, { scheme: PARKS, year: YEAR, samples: 0 });
      assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 300));
      draft = res.body;
    });
    after(async () => {
      await server?.close();
      await server?.drop();
    });

    it('answers a draft run 404 to a zone reporter and a viewer, and leaves it out of their run list', async () => {
      for (const who of [mengzi, leader, ftz])
        for (const suffix of ['', '/report.docx', '/results.xlsx'])
          assert.equal((await api('GET', `/evaluation/runs/${draft.id}${suffix}`, who)).status, 404, suffix);
      assert.equal((await api('GET', '/evaluation/runs/999999', mengzi)).status, 404);
      const listed = await api<RunList>('GET', `/evaluation/runs?scheme=${PARKS}`, mengzi);
      assert.equal(listed.status, 200);
      assert.ok(!listed.body.items.some((r) => r.id === draft.id));
      const own = await api<RunList>('GET', `/evaluation/runs?scheme=${PARKS}`);
      assert.ok(
        own.body.items.some((r) => r.id === draft.id),
        'the administrator lists it',
      );
    });

    it("refuses the FTZ planner the parks scheme, its runs and publication, the parks form's rules", async () => {
      const scheme = (await api<SchemeVersionView>('GET', `/evaluation/schemes/${PARKS}`)).body;
      const save = await api('PUT', `/evaluation/schemes/${PARKS}`, ftz, {
        definition: scheme.definition,
        baseVersion: scheme.version,
        updatedAt: scheme.updatedAt,
      });
      assert.equal(save.status, 403, JSON.stringify(save.body));
      assert.equal((await api('POST', '/evaluation/runs', ftz, { scheme: PARKS, year: YEAR, samples: 0 })).status, 403);
      assert.equal((await api('POST', `/evaluation/runs/${draft.id}/publish`, ftz)).status, 403);
      const form = (await api<{ version: number; rules: unknown[] }>('GET', '/forms/DEV_ZONE_MONTHLY')).body;
      assert.ok(form.rules.length > 0);
      const rules = await api('PUT', '/forms/DEV_ZONE_MONTHLY/rules', ftz, { version: form.version, rules: [] });
      assert.equal(rules.status, 403);
      const after = (await api<{ version: number; rules: unknown[] }>('GET', '/forms/DEV_ZONE_MONTHLY')).body;
      assert.deepEqual([after.version, after.rules.length], [form.version, form.rules.length], 'the rules are unchanged');
      // The FTZ plan's own form stays the FTZ planner's (stale version: refused by the business rule, not the role).
      assert.equal((await api('PUT', '/forms/FTZ_AREA_QUARTERLY/rules', ftz, { version: 999, rules: [] })).status, 409);
    });

    it('refuses the FTZ planner a transfer between two parks zones and ending one', async () => {
      const project = await api<{ id: number }>('POST', '/projects', undefined, {
        name: '范围测试流转项目',
        zone: 'ZN-KM-HIGHTECH',
        totalInvestment: '100',
      });
      assert.equal(project.status, 201, JSON.stringify(project.body));
      const agreement = {
        project: project.body.id,
        toZone: MENGZI,
        shares: { from: '40', to: '60' },
        startMonth: '2024-01',
        endMonth: '2024-12',
        reference: '范围测试',
      };
      assert.equal((await api('POST', '/transfers', ftz, agreement)).status, 403);
      const made = await api<{ id: number; version: number }>('POST', '/transfers', undefined, agreement);
      assert.equal(made.status, 201, JSON.stringify(made.body));
      const end = { version: made.body.version, endMonth: '2024-06', reason: '范围测试' };
      assert.equal((await api('POST', `/transfers/${made.body.id}/end`, ftz, end)).status, 403);
      assert.equal((await api('POST', `/transfers/${made.body.id}/end`, undefined, end)).status, 200);
    });

    it("shows a zone reporter every zone's rank, score and grade in a published run, raw figures of its own zone only", async () => {
      const published = await api<RunView>('POST', `/evaluation/runs/${draft.id}/publish`);
      assert.equal(published.status, 200);
      assert.equal(published.body.scheme.publishes, 'score');
      const full = published.body;
      const seen = await api<RunView>('GET', `/evaluation/runs/${draft.id}`, mengzi);
      assert.equal(seen.status, 200);
      const own = seen.body.units.find((u) => u.code === MENGZI)!;
      assert.deepEqual(
        own,
        full.units.find((u) => u.code === MENGZI),
      );
      assert.ok(own.contributions.some((c) => c.raw !== null));
      const others = seen.body.units.filter((u) => u.code !== MENGZI);
      assert.ok(others.length >= 50);
      for (const u of others) {
        const whole = full.units.find((x) => x.code === u.code)!;
        assert.deepEqual([u.rank, u.score, u.grade], [whole.rank, whole.score, whole.grade], u.code);
        assert.deepEqual([u.contributions, u.missing, u.vetoes, u.withheld], [[], [], [], true], u.code);
        assert.equal(u.sensitivity, null);
      }
      // The figures of another zone appear in none of the three forms of the run.
      const other = full.units.find((u) => u.code !== MENGZI && u.contributions.some((c) => c.raw !== null && c.raw.length > 4))!;
      const raw = other.contributions.find((c) => c.raw !== null && c.raw.length > 4)!.raw!;
      assert.doesNotMatch(JSON.stringify(seen.body), new RegExp(raw.replace('.', '\\.')));
      const xlsx = await api<ArrayBuffer>('GET', `/evaluation/runs/${draft.id}/results.xlsx`, mengzi);
      assert.equal(xlsx.status, 200);
      const adminXlsx = await api<ArrayBuffer>('GET', `/evaluation/runs/${draft.id}/results.xlsx`);
      const cell = Number(raw).toString();
      assert.ok((await xlsxText(adminXlsx.body)).includes(cell), `the administrator's tables carry ${cell}`);
      assert.ok(!(await xlsxText(xlsx.body)).includes(cell), `the reporter's tables do not carry ${cell}`);
      // The Word report explains each unit by its indicators: the reporter's explains 蒙自 alone.
      const contributionsIn = async (auth?: Session) => {
        const docx = await api<ArrayBuffer>('GET', `/evaluation/runs/${draft.id}/report.docx?lang=en`, auth);
        assert.equal(docx.status, 200);
        return docxText(docx.body).split('Largest contribution').length - 1;
      };
      assert.ok((await contributionsIn()) > 10);
      assert.equal(await contributionsIn(mengzi), own.explanation.en.includes('Largest contribution') ? 1 : 0);
      // A viewer of the whole province reads the run in full.
      assert.deepEqual((await api<RunView>('GET', `/evaluation/runs/${draft.id}`, leader)).body.units, full.units);
    });

    it('publishes the grade only when the scheme says so', async () => {
      const scheme = (await api<SchemeVersionView>('GET', `/evaluation/schemes/${PARKS}`)).body;
      assert.equal(scheme.status, 'frozen');
      const saved = await api<SchemeVersionView>('PUT', `/evaluation/schemes/${PARKS}`, undefined, {
        definition: scheme.definition,
        baseVersion: scheme.version,
        publishes: 'grade',
      });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.deepEqual([saved.body.version, saved.body.publishes], [scheme.version + 1, 'grade']);
      const run = await api<RunView>('POST', '/evaluation/runs', undefined, { scheme: PARKS, year: YEAR, samples: 0 });
      await api('POST', `/evaluation/runs/${run.body.id}/publish`);
      const seen = (await api<RunView>('GET', `/evaluation/runs/${run.body.id}`, mengzi)).body;
      assert.equal(seen.scheme.publishes, 'grade');
      const others = seen.units.filter((u) => u.code !== MENGZI);
      assert.ok(others.every((u) => u.score === null && u.rank === null && u.contributions.length === 0));
      assert.ok(others.some((u) => u.grade !== null));
      assert.notEqual(seen.units.find((u) => u.code === MENGZI)!.score, null);
    });
  });
}
