import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import type {
  RunList,
  RunView,
  SchemeList,
  SchemeVersionView,
  WeightsResult,
} from '../../src/presenters/evaluation.presenter.ts';
import { upsertDataValues } from '../../src/repositories/data-value.repository.ts';
import { verifyRun } from '../../src/services/evaluation/run.service.ts';
import { DATABASE_KINDS } from '../support/databases.ts';
import { request, startTestServer } from '../support/server.ts';

const BUILTINS = [
  'bonded-zone-performance',
  'dev-zone-per-mu',
  'ftz-institutional-innovation',
  'land-intensive-use',
  'prefecture-main-function',
];
const FTZ = 'ftz-institutional-innovation';
/** A cyclic judgement (a > b > c > a): CR far above 0.1. */
const INCONSISTENT = [
  [1, 9, 1 / 9],
  [1 / 9, 1, 9],
  [9, 1 / 9, 1],
];

type ErrorBody = { error: { code: string; message: string; messageZh: string; details?: { issues?: { path: string }[] } } };

for (const kind of DATABASE_KINDS) {
  describe(`evaluation API on ${kind} with demo data`, () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    const api = <T>(method: string, path: string, body?: unknown) =>
      request<T>(server.url, method, `/api/v1/evaluation${path}`, { body });
    const run = async (body: Record<string, unknown>) => {
      const res = await api<RunView>('POST', '/runs', { samples: 200, ...body });
      assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 400));
      return res.body;
    };
    const scheme = async (code: string, version?: number) =>
      (await api<SchemeVersionView>('GET', `/schemes/${code}${version ? `?version=${version}` : ''}`)).body;

    before(async () => {
      server = await startTestServer(kind, { demoData: true });
    });
    after(async () => {
      await server?.close();
      await server?.drop();
    });

    it('lists the four built-in schemes, each with configurable default weights', async () => {
      const res = await api<SchemeList>('GET', '/schemes');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.items.map((s) => s.code).sort(), BUILTINS);
      for (const s of res.body.items) {
        assert.equal(s.builtin, true);
        assert.equal(s.defaultWeights, true);
        assert.deepEqual(s.versions, [1]);
      }
    });

    it('runs the development-zone scheme with the plan floors per zone level (≥600 national, ≥400 provincial)', async () => {
      const r = await run({ scheme: 'dev-zone-per-mu', year: 2024 });
      assert.deepEqual(
        r.groups.map((g) => g.code),
        ['national', 'provincial'],
      );
      assert.ok(r.units.length > 40);
      for (const group of ['national', 'provincial']) {
        const ranked = r.units.filter((u) => u.group === group && u.rank !== null);
        assert.ok(ranked.length >= 3, group);
        assert.equal(Math.min(...ranked.map((u) => u.rank!)), 1);
      }
      // A unit's 亩均产出 scores 1 exactly when it reaches its own level's floor.
      const floor = { national: 600, provincial: 400 } as const;
      let checked = 0;
      for (const u of r.units.filter((x) => x.status === 'complete')) {
        const c = u.contributions.find((x) => x.indicator === 'REVENUE_PER_MU')!;
        assert.equal(c.normalised === 1, Number(c.raw) >= floor[u.group as keyof typeof floor], `${u.code} ${c.raw}`);
        checked++;
      }
      assert.ok(checked > 20);
      // Optional indicators without a figure stay missing (null), never zero, and their weight is shared out
      // (issue 15's 开发区发展年报 now collects 能耗, so which ones are missing depends on the data).
      for (const u of r.units.filter((x) => x.status === 'complete')) {
        for (const c of u.contributions.filter((x) => x.raw === null)) {
          assert.equal(c.normalised, null, `${u.code} ${c.indicator}`);
          assert.equal(c.weight, 0, `${u.code} ${c.indicator}`);
        }
        assert.ok(Math.abs(u.contributions.reduce((sum, c) => sum + c.weight, 0) - 1) < 1e-12, u.code);
      }
      // The zone's R&D share is derived from its own figures (研发经费 × 100 ÷ 营业收入) where it reports R&D.
      const rd = r.units.flatMap((x) => x.contributions.filter((c) => c.indicator === 'ZONE_RD_REVENUE_SHARE' && c.raw !== null));
      assert.ok(rd.length > 10);
      assert.ok(rd.every((c) => Number(c.raw) > 0 && Number(c.raw) < 10));
    });

    it('runs the prefecture, bonded-zone and FTZ schemes; a unit without figures is incomplete, not zero', async () => {
      const pref = await run({ scheme: 'prefecture-main-function', year: 2024 });
      // 分类考核 evaluates the 129 县市区 (issue 16); none is assigned a 主体功能区 type here, so all are 未分组.
      assert.equal(pref.units.length, 129);
      // The demo data fill the 州市 forms, not the counties': every county is incomplete, named, never scored as 0.
      assert.ok(
        pref.units.every((u) => u.group === null && u.status === 'incomplete' && u.score === null && u.missing.length > 0),
      );
      const bonded = await run({ scheme: 'bonded-zone-performance', year: 2024 });
      assert.deepEqual(bonded.units.map((u) => u.code).sort(), ['ZN-HH-BONDED', 'ZN-KM-BONDED']);
      const hh = bonded.units.find((u) => u.code === 'ZN-HH-BONDED')!;
      assert.equal(hh.status, 'incomplete');
      assert.equal(hh.score, null);
      assert.equal(hh.rank, null);
      assert.equal(hh.grade, null);
      assert.ok(hh.missing.includes('TRADE_TOTAL'));
      assert.ok(hh.contributions.every((c) => c.raw === null));
      const km = bonded.units.find((u) => u.code === 'ZN-KM-BONDED')!;
      assert.equal(km.status, 'complete');
      // The demo figures are synthetic: the run says 模拟 and the unit names the figures (issue 16).
      assert.equal(bonded.simulated, true);
      assert.ok(km.synthetic.includes('TRADE_TOTAL'), JSON.stringify(km.synthetic));
      assert.ok(['A类', 'B类', 'C类', 'D类'].includes(km.grade!));
      const ftz = await run({ scheme: FTZ, year: 2024 });
      assert.deepEqual(ftz.units.map((u) => u.code).sort(), ['FTZ-DH', 'FTZ-HH', 'FTZ-KM']);
      assert.ok(ftz.units.every((u) => u.sensitivity !== null && u.explanation.en.length > 0));
      // TOPSIS ranks the same units as the alternative ranking; an incomplete unit has none.
      assert.deepEqual(ftz.units.map((u) => u.topsis!.rank).sort(), [1, 2, 3]);
      assert.equal(hh.topsis, null);
      assert.ok(ftz.sources.every((s) => s.plan === 'yunnan-ftz-2021-2025' && s.quote.length > 0));
    });

    it('recomputes a stored run bit for bit; one changed figure changes the data hash', async () => {
      const a = await run({ scheme: FTZ, year: 2023, seed: 7 });
      const b = await run({ scheme: FTZ, year: 2023, seed: 7 });
      assert.notEqual(a.id, b.id);
      assert.equal(a.dataHash, b.dataHash);
      assert.equal(JSON.stringify(a.units), JSON.stringify(b.units));
      const check = await verifyRun(server.database, a.id!);
      assert.deepEqual(check, { identical: true, dataHash: a.dataHash, storedHash: a.dataHash });
      // Another seed: same data, other sensitivity draws.
      const c = await run({ scheme: FTZ, year: 2023, seed: 8 });
      assert.equal(c.dataHash, a.dataHash);
      const db = server.database.db;
      const id = async (table: 'org_unit' | 'indicator', code: string) =>
        (await db.selectFrom(table).select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
      const before = a.units.find((u) => u.code === 'FTZ-HH')!.contributions.find((x) => x.indicator === 'REFORM_TASKS_DONE')!;
      const changed = before.raw === '105' ? '104' : '105';
      await upsertDataValues(db, [
        {
          org_unit_id: await id('org_unit', 'FTZ-HH'),
          indicator_id: await id('indicator', 'REFORM_TASKS_DONE'),
          period: '2023',
          period_kind: 'year',
          period_start: '2023-01-01',
          period_end: '2023-12-31',
          cumulative: false,
          origin: 'reported',
          value: changed,
          status: 'approved',
          source_plan_id: null,
          source_quote: null,
        },
      ]);
      const d = await run({ scheme: FTZ, year: 2023, seed: 7 });
      assert.notEqual(d.dataHash, a.dataHash);
      const after = d.units.find((u) => u.code === 'FTZ-HH')!.contributions.find((x) => x.indicator === 'REFORM_TASKS_DONE')!;
      assert.equal(after.raw, changed);
    });

    it('publishing freezes the scheme version; a save on it makes version 2; stale saves are refused (409)', async () => {
      const r = await run({ scheme: FTZ, year: 2022 });
      const pub = await api<RunView>('POST', `/runs/${r.id}/publish`);
      assert.equal(pub.status, 200);
      assert.equal(pub.body.status, 'published');
      assert.equal(pub.body.scheme.status, 'frozen');
      assert.equal((await api<ErrorBody>('POST', `/runs/${r.id}/publish`)).status, 409);
      const v1 = await scheme(FTZ);
      assert.equal(v1.status, 'frozen');
      assert.ok(v1.frozenAt);
      const edited = { ...v1.definition, name: '自贸试验区片区制度创新评价（修订）' };
      const saved = await api<SchemeVersionView>('PUT', `/schemes/${FTZ}`, { definition: edited, baseVersion: 1 });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal(saved.body.version, 2);
      assert.equal(saved.body.status, 'draft');
      // Version 1 is unchanged, and the published run still shows it.
      assert.equal((await scheme(FTZ, 1)).definition.name, v1.definition.name);
      assert.equal((await api<RunView>('GET', `/runs/${r.id}`)).body.scheme.version, 1);
      // Someone saving from version 1 again is behind: 409.
      const stale = await api<ErrorBody>('PUT', `/schemes/${FTZ}`, { definition: edited, baseVersion: 1 });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
      // A run of the draft, then the draft is saved in place: that run can no longer be published.
      const onDraft = await run({ scheme: FTZ, year: 2022, samples: 0 });
      assert.equal(onDraft.scheme.version, 2);
      // A draft is saved in place; an editor holding an older updatedAt of it is refused.
      const again = await api<SchemeVersionView>('PUT', `/schemes/${FTZ}`, {
        definition: { ...edited, description: '第二次保存' },
        baseVersion: 2,
        updatedAt: saved.body.updatedAt,
      });
      assert.equal(again.status, 200, JSON.stringify(again.body));
      assert.equal(again.body.version, 2);
      const late = await api<ErrorBody>('PUT', `/schemes/${FTZ}`, {
        definition: edited,
        baseVersion: 2,
        updatedAt: saved.body.updatedAt,
      });
      assert.equal(late.status, 409);
      const changed = await api<ErrorBody>('POST', `/runs/${onDraft.id}/publish`);
      assert.equal(changed.status, 409);
      assert.equal(changed.body.error.code, 'SCHEME_CHANGED');
      assert.equal((await scheme(FTZ, 2)).status, 'draft');
      const list = await api<SchemeList>('GET', '/schemes');
      const item = list.body.items.find((s) => s.code === FTZ)!;
      assert.deepEqual(item.versions, [1, 2]);
      assert.equal(item.latestVersion, 2);
      const audit = await server.database.db
        .selectFrom('audit_log')
        .select(['action', 'entity_key'])
        .where('entity', 'in', ['evaluation_scheme', 'evaluation_run'])
        .execute();
      assert.ok(audit.some((e) => e.action === 'publish' && e.entity_key === String(r.id)));
      assert.ok(audit.some((e) => e.action === 'create' && e.entity_key === `${FTZ}@2`));
      assert.ok(audit.some((e) => e.action === 'update' && e.entity_key === `${FTZ}@2`));
    });

    it('refuses an inconsistent AHP matrix (CR ≥ 0.1) and an invalid definition, naming the field', async () => {
      const w = await api<ErrorBody>('POST', '/weights', { method: 'ahp', matrix: INCONSISTENT });
      assert.equal(w.status, 400);
      assert.equal(w.body.error.code, 'AHP_INCONSISTENT');
      assert.match(w.body.error.messageZh, /一致性/);
      const ok = await api<WeightsResult>('POST', '/weights', {
        method: 'ahp',
        matrix: [
          [1, 3],
          [1 / 3, 1],
        ],
      });
      assert.equal(ok.status, 200);
      assert.ok(Math.abs(ok.body.weights[0]! - 0.75) < 1e-12);
      const base = (await scheme('bonded-zone-performance')).definition as { indicators: unknown[] };
      const ahp = await api<ErrorBody>('PUT', '/schemes/bonded-zone-performance', {
        definition: {
          ...base,
          indicators: base.indicators.slice(0, 3),
          vetoes: [],
          sources: [],
          ahp: { matrix: INCONSISTENT },
        },
        baseVersion: 1,
      });
      assert.equal(ahp.status, 400);
      assert.equal(ahp.body.error.code, 'AHP_INCONSISTENT');
      const bad = await api<ErrorBody>('PUT', '/schemes/bonded-zone-performance', {
        definition: {
          ...base,
          indicators: [{ code: 'NO_SUCH_INDICATOR', name: '无', weight: 1 }],
          vetoes: [],
          sources: [{ item: 'scheme', plan: 'kunming-bonded-zone-2021-2025', section: '无', quote: '这句话不在规划里' }],
        },
        baseVersion: 1,
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'INVALID_SCHEME');
      assert.deepEqual(
        bad.body.error.details!.issues!.map((i) => i.path),
        ['indicators.0.code', 'sources.0.quote'],
      );
      // Nothing was saved.
      assert.equal((await scheme('bonded-zone-performance')).version, 1);
    });

    it('creates a new scheme from base version 0, and derives entropy weights from a year of data', async () => {
      const definition = {
        code: 'ftz-trade',
        name: '片区开放水平',
        subject: { kinds: ['ftz_area'] },
        indicators: [
          { code: 'TRADE_TOTAL', name: '进出口总额', weight: 1 },
          { code: 'FDI_ACTUAL', name: '实际利用外资', weight: 1 },
        ],
        grades: [
          { label: '好', minScore: 60 },
          { label: '差', minScore: 0 },
        ],
      };
      const created = await api<SchemeVersionView>('PUT', '/schemes/ftz-trade', { definition, baseVersion: 0 });
      assert.equal(created.status, 200, JSON.stringify(created.body));
      assert.deepEqual([created.body.version, created.body.status, created.body.builtin], [1, 'draft', false]);
      assert.equal((await api<ErrorBody>('PUT', '/schemes/ftz-trade', { definition, baseVersion: 0 })).status, 409);
      const badCode = await api<ErrorBody>('PUT', '/schemes/FTZ_Trade', { definition, baseVersion: 0 });
      assert.equal(badCode.status, 400);
      assert.equal(badCode.body.error.code, 'INVALID_SCHEME');
      const w = await api<WeightsResult>('POST', '/weights', { method: 'entropy', definition, year: 2024 });
      assert.equal(w.status, 200, JSON.stringify(w.body));
      assert.equal(w.body.weights.length, 2);
      assert.ok(Math.abs(w.body.weights[0]! + w.body.weights[1]! - 1) < 1e-12);
      assert.ok(w.body.entropy!.every((e) => e >= 0 && e <= 1));
    });

    it('previews an unsaved definition without storing it, and compares with the previous year', async () => {
      const runs = (await api<RunList>('GET', '/runs')).body.items.length;
      const def = (await scheme('prefecture-main-function')).definition;
      const preview = await api<RunView>('POST', '/preview', { definition: def, year: 2024, samples: 50 });
      assert.equal(preview.status, 200, JSON.stringify(preview.body).slice(0, 300));
      assert.equal(preview.body.id, null);
      assert.equal(preview.body.status, 'preview');
      assert.equal((await api<RunList>('GET', '/runs')).body.items.length, runs);
      const y2023 = await run({ scheme: 'prefecture-main-function', year: 2023 });
      await api('POST', `/runs/${y2023.id}/publish`);
      const y2024 = await run({ scheme: 'prefecture-main-function', year: 2024 });
      for (const u of y2024.units) {
        const prev = y2023.units.find((x) => x.code === u.code)!;
        assert.deepEqual(u.previous, { year: 2023, score: prev.score, rank: prev.rank, grade: prev.grade });
      }
      const listed = await api<RunList>('GET', '/runs?scheme=prefecture-main-function&year=2023');
      assert.deepEqual(
        listed.body.items.map((x) => [x.id, x.status]),
        [[y2023.id, 'published']],
      );
    });

    it('exports the Word report and the result tables', async () => {
      const r = (await api<RunList>('GET', `/runs?scheme=${FTZ}`)).body.items[0]!;
      for (const file of ['report.docx', 'results.xlsx']) {
        const res = await api<ArrayBuffer>('GET', `/runs/${r.id}/${file}`);
        assert.equal(res.status, 200, file);
        assert.equal(Buffer.from(res.body).subarray(0, 2).toString(), 'PK', file);
      }
      // Each download is an audited export (issue 21).
      const audited = await server.database.db
        .selectFrom('audit_log')
        .select(['entity', 'after'])
        .where('action', '=', 'export')
        .where('entity_key', '=', `evaluation_run/${r.id}`)
        .orderBy('id')
        .execute();
      assert.deepEqual(audited, [
        { entity: 'export', after: { format: 'docx', lang: 'zh' } },
        { entity: 'export', after: { format: 'xlsx', lang: 'zh' } },
      ]);
    });
  });
}

/** The bonded-zone plan states the zone's 2021 figures; the scheme must score exactly those. */
const statedActuals = async (plan: string, orgUnit: string, period: string): Promise<Map<string, string>> => {
  const file = parse(await readFile(new URL(`../../dataset/plans/${plan}.yaml`, import.meta.url), 'utf8')) as {
    actuals: { indicator: string; orgUnit: string; period: string; value: string }[];
  };
  return new Map(file.actuals.filter((a) => a.orgUnit === orgUnit && a.period === period).map((a) => [a.indicator, a.value]));
};

for (const kind of DATABASE_KINDS) {
  describe(`evaluation API on ${kind} with the plans' own figures only`, () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    before(async () => {
      server = await startTestServer(kind);
    });
    after(async () => {
      await server?.close();
      await server?.drop();
    });

    it('scores 昆明综合保税区 for 2021 on the figures the plan states, and reproduces the run', async () => {
      const stated = await statedActuals('kunming-bonded-zone-2021-2025', 'ZN-KM-BONDED', '2021');
      const res = await request<RunView>(server.url, 'POST', '/api/v1/evaluation/runs', {
        body: { scheme: 'bonded-zone-performance', year: 2021, samples: 200 },
      });
      assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 400));
      const km = res.body.units.find((u) => u.code === 'ZN-KM-BONDED')!;
      const used = km.contributions.filter((c) => c.raw !== null);
      assert.ok(used.length >= 3, 'trade, processing trade and CBEC are stated for 2021');
      for (const c of used) assert.equal(c.raw, stated.get(c.indicator), `${c.indicator} is the plan's own 2021 figure`);
      // Registered enterprises are stated for 2020-10 only: missing for 2021, and said so, not read as zero.
      assert.equal(km.contributions.find((c) => c.indicator === 'REGISTERED_ENTERPRISES')?.raw, null);
      assert.equal(km.status, 'complete');
      assert.ok(km.score !== null && km.grade !== null);
      const check = await verifyRun(server.database, res.body.id!);
      assert.deepEqual(check, { identical: true, dataHash: res.body.dataHash, storedHash: res.body.dataHash });
    });
  });
}
