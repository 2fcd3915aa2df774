import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { RunView, SchemeVersionView } from '../../src/presenters/evaluation.presenter.ts';
import { DATABASE_KINDS } from '../support/databases.ts';
import { request, startTestServer } from '../support/server.ts';

/**
 * Issue 16 item 4: 土地集约利用评价 “五年一评价、一年一更新” as a scheme with that cycle. A full evaluation year
 * runs on the current scheme version; a yearly update runs on the version its cycle's published full
 * evaluation used (same weights and reference values), and every run records and shows which it is.
 */
const LAND = 'land-intensive-use';

for (const kind of DATABASE_KINDS) {
  describe(`evaluation cycle of 土地集约利用评价, on ${kind}`, () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    const api = <T>(method: string, path: string, body?: unknown) =>
      request<T>(server.url, method, `/api/v1/evaluation${path}`, { body });
    const run = async (body: Record<string, unknown>) => {
      const res = await api<RunView>('POST', '/runs', { samples: 0, ...body });
      assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 400));
      return res.body;
    };

    before(async () => {
      server = await startTestServer(kind, { demoData: true });
    });
    after(async () => {
      await server?.close();
      await server?.drop();
    });

    it("runs yearly updates on the full evaluation's scheme version, full evaluations on the current one, and says which", async () => {
      const v1 = (await api<SchemeVersionView>('GET', `/schemes/${LAND}`)).body;
      assert.equal(v1.version, 1);
      assert.deepEqual((v1.definition as { cycle?: unknown }).cycle, { fullEvery: 5, firstFullYear: 2021 });

      // Before the 2021 full evaluation is published, a 2023 update has nothing to rest on and says so.
      const early = await run({ scheme: LAND, year: 2023 });
      assert.deepEqual(early.cycle, { kind: 'update', fullYear: 2021, fullEvery: 5, fullRunId: null, schemeVersion: 1 });

      const full = await run({ scheme: LAND, year: 2021 });
      assert.deepEqual(full.cycle, { kind: 'full', fullYear: 2021, fullEvery: 5, fullRunId: null, schemeVersion: 1 });
      assert.equal((await api<RunView>('POST', `/runs/${full.id}/publish`)).status, 200);

      // The plan office re-weights the scheme: version 2.
      const weights = { LAND_SUPPLY_RATE: 0.1, LAND_DEVELOPMENT_RATE: 0.1, REVENUE_PER_MU: 0.5 };
      const definition = v1.definition as { indicators: { code: string; weight: number }[] };
      const edited = {
        ...definition,
        indicators: definition.indicators.map((i) => ({ ...i, weight: weights[i.code as keyof typeof weights] ?? i.weight })),
      };
      const saved = await api<SchemeVersionView>('PUT', `/schemes/${LAND}`, { definition: edited, baseVersion: 1 });
      assert.equal(saved.status, 200, JSON.stringify(saved.body).slice(0, 400));
      assert.equal(saved.body.version, 2);

      // 2023 is an update of 2021: version 1's weights, not the newer ones.
      const update = await run({ scheme: LAND, year: 2023 });
      assert.deepEqual(update.cycle, { kind: 'update', fullYear: 2021, fullEvery: 5, fullRunId: full.id, schemeVersion: 1 });
      assert.equal(update.scheme.version, 1);
      assert.deepEqual(
        update.indicators.map((i) => i.weight),
        full.indicators.map((i) => i.weight),
      );
      // 2026 is the next full evaluation: the current version.
      const next = await run({ scheme: LAND, year: 2026 });
      assert.equal(next.cycle?.kind, 'full');
      assert.equal(next.scheme.version, 2);
      assert.equal(next.indicators.find((i) => i.code === 'REVENUE_PER_MU')!.weight, 0.5);
      // A version asked for explicitly is used as asked, and the run says it is not on the full evaluation.
      const asked = await run({ scheme: LAND, year: 2024, version: 2 });
      assert.deepEqual(asked.cycle, { kind: 'update', fullYear: 2021, fullEvery: 5, fullRunId: null, schemeVersion: 2 });
      // A scheme without a cycle records none.
      assert.equal((await run({ scheme: 'dev-zone-per-mu', year: 2023 })).cycle, null);

      // The stored run keeps its kind; the report says it.
      assert.deepEqual((await api<RunView>('GET', `/runs/${update.id}`)).body.cycle, update.cycle);
      const docx = await api<ArrayBuffer>('GET', `/runs/${update.id}/report.docx`);
      assert.equal(docx.status, 200);
      const text = strFromU8(unzipSync(Buffer.from(docx.body))['word/document.xml']!).replace(/<[^>]+>/g, '');
      assert.ok(text.includes('评价类型：年度更新（沿用2021年全面评价的方案第1版）'));
      // Its grade history names each year's kind: the 2021 full evaluation, then this update.
      const xlsx = await api<ArrayBuffer>('GET', `/runs/${update.id}/results.xlsx`);
      const buffer = Buffer.from(xlsx.body);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
      const mark = (r: RunView) => (r.simulated ? '（模拟）' : '');
      assert.deepEqual((wb.getWorksheet('历年评价等级')!.getRow(1).values as unknown[]).slice(-2), [
        `2021年（全面评价）${mark(full)}`,
        `2023年（本次）（年度更新）${mark(update)}`,
      ]);
    });
  });
}
