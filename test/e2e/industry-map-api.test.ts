import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { DATASET_DIR } from '../../src/dataset/dataset-path.ts';
import { insidePolygons } from '../../src/domain/industry-map/prefecture-geometry.ts';
import type { IndustryMap, ZoneProfile } from '../../src/presenters/industry-map.presenter.ts';
import type { PlanProgress } from '../../src/presenters/progress.presenter.ts';
import { mapReference } from '../../src/services/industry-map/map-reference.ts';
import { DATABASE_KINDS } from '../support/databases.ts';
import { insertYearFigures } from '../support/figures.ts';
import { loginAs, request, startTestServer } from '../support/server.ts';

interface YamlUnit {
  code: string;
  name: string;
  kind: string;
  parent?: string;
  zone?: { level?: string; leadingIndustries?: string[] };
}
interface YamlFile {
  orgUnits?: YamlUnit[];
  groups?: { code: string; members: string[] }[];
  targets?: { key: string; orgUnit?: string; group?: string }[];
}
const readYaml = (file: string) => parse(readFileSync(path.join(DATASET_DIR, file), 'utf8')) as YamlFile;
const base = readYaml('base.yaml');
const parks = readYaml('plans/yunnan-parks-2021-2025.yaml');
const allFiles = [
  base,
  ...[
    'yunnan-ftz-2021-2025',
    'yunnan-regional-2021-2025',
    'yunnan-parks-2021-2025',
    'kunming-bonded-zone-2021-2025',
    'yunnan-pprd-2016',
  ].map((p) => readYaml(`plans/${p}.yaml`)),
];
const allUnits = allFiles.flatMap((f) => f.orgUnits ?? []);

// The parks plan file defines 57 zones and names the 5 that base.yaml already holds (see its comment).
const PARKS_ZONES = [
  ...(parks.orgUnits ?? []).map((u) => u.code),
  'ZN-KM-HIGHTECH',
  'ZN-KM-BONDED',
  'ZN-QJ-ETDZ',
  'ZN-DL-ETDZ',
  'ZN-XSBN-MOHAN',
];
const MENGZI = 'ZN-HH-MENGZI';
const sorted = (xs: Iterable<string>) => [...xs].sort();

for (const kind of DATABASE_KINDS) {
  describe(`industry map API on ${kind}`, () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    before(async () => {
      server = await startTestServer(kind);
      await insertYearFigures(server.database.db, MENGZI, 'REVENUE', [
        ['2020', '300'],
        ['2021', '330'],
        ['2022', '372.5'],
        ['2023', '415.25'],
      ]);
    });
    after(async () => {
      await server?.close();
      await server?.drop();
    });

    const get = <T>(
      url: string,
      auth?: Parameters<typeof request>[3] extends infer O ? (O extends { auth?: infer A } ? A : never) : never,
    ) => request<T>(server.url, 'GET', url, auth === undefined ? {} : { auth });

    it('draws all 62 parks-plan zones, the bonded zones and the FTZ areas, each with its chains, inside its prefecture', async () => {
      assert.equal(PARKS_ZONES.length, 62);
      const res = await get<IndustryMap>('/api/v1/industry-map');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const zones = new Map(res.body.zones.map((z) => [z.code, z]));
      const bonded = allUnits.filter((u) => u.kind === 'bonded_zone').map((u) => u.code);
      const ftzAreas = allUnits.filter((u) => u.kind === 'ftz_area').map((u) => u.code);
      assert.deepEqual(sorted(ftzAreas), ['FTZ-DH', 'FTZ-HH', 'FTZ-KM']);
      for (const code of [...PARKS_ZONES, ...bonded, ...ftzAreas]) assert.ok(zones.has(code), `${code} missing from the map`);

      const ref = await mapReference();
      for (const u of allUnits.filter((x) => zones.has(x.code))) {
        const z = zones.get(u.code)!;
        const labels = u.zone?.leadingIndustries ?? [];
        assert.deepEqual(z.leadingIndustries, labels, u.code);
        // Every label the plan gives is in the taxonomy, and a zone with labels has a primary industry.
        assert.deepEqual(z.unmatched, [], `${u.code}: ${z.unmatched.join(',')}`);
        if (labels.length > 0) assert.ok(z.primaryIndustry, u.code);
        if (z.primaryChain) assert.equal(z.marker.colour, res.body.chains.find((c) => c.code === z.primaryChain)!.colour);
        assert.equal(z.marker.symbol, z.level === 'national' ? 'diamond' : z.level === 'provincial' ? 'circle' : 'triangle');
        if (z.prefecture) {
          assert.ok(z.position, `${u.code} has no position`);
          const area = ref.prefectures.get(z.prefecture.name)!;
          assert.ok(insidePolygons([z.position.lng, z.position.lat], area.polygons), `${u.code} outside ${z.prefecture.name}`);
        }
      }
      // Every parks-plan zone lies in a prefecture; 蒙自 is a national zone in 红河州 whose first chain is 绿色铝.
      for (const code of PARKS_ZONES) assert.ok(zones.get(code)!.prefecture, code);
      const mengzi = zones.get(MENGZI)!;
      assert.equal(mengzi.prefecture?.code, 'YN-HH');
      assert.equal(mengzi.level, 'national');
      assert.equal(mengzi.primaryChain, 'green_aluminium');
      assert.ok(mengzi.chains.includes('lead_zinc') && mengzi.chains.includes('cigarettes'), mengzi.chains.join(','));
      // No two markers share a spot.
      const spots = res.body.zones
        .filter((z) => z.position)
        .map((z) => `${z.position!.lng.toFixed(4)},${z.position!.lat.toFixed(4)}`);
      assert.equal(new Set(spots).size, spots.length);
    });

    it('filters by chain, industry and level', async () => {
      // 绿色硅产业。以曲靖经济技术开发区、云南禄丰产业园区、云南保山产业园区、云南华坪产业园区、云南龙陵产业园区等为核心布局发展
      const silicon = await get<IndustryMap>('/api/v1/industry-map?chain=green_silicon');
      assert.equal(silicon.status, 200);
      assert.deepEqual(
        sorted(silicon.body.zones.map((z) => z.code)),
        sorted(['ZN-QJ-ETDZ', 'ZN-CX-LUFENG', 'ZN-BS-BAOSHAN', 'ZN-LJ-HUAPING', 'ZN-BS-LONGLING']),
      );
      assert.equal(silicon.body.chains.find((c) => c.code === 'green_silicon')!.zoneCount, 5);
      assert.deepEqual(silicon.body.filter, { chain: 'green_silicon', industry: null, level: null });

      const alNational = await get<IndustryMap>('/api/v1/industry-map?chain=green_aluminium&level=national');
      assert.deepEqual(sorted(alNational.body.zones.map((z) => z.code)), ['ZN-HH-MENGZI', 'ZN-KM-ETDZ']);

      const national = await get<IndustryMap>('/api/v1/industry-map?level=national');
      const expectedNational = allUnits.filter((u) => u.zone?.level === 'national').map((u) => u.code);
      assert.deepEqual(sorted(national.body.zones.map((z) => z.code)), sorted(expectedNational));
      assert.equal(national.body.totalInScope, expectedNational.length);

      // 生物医药 as a whole (兰坪) counts for the industry though it names no chain of it.
      const bio = await get<IndustryMap>('/api/v1/industry-map?industry=biomedicine');
      const bioCodes = bio.body.zones.map((z) => z.code);
      assert.ok(
        bioCodes.includes('ZN-NJ-LANPING') && bioCodes.includes('ZN-WS-HIGHTECH') && !bioCodes.includes(MENGZI),
        bioCodes.join(','),
      );

      const bad = await get<{ error: { code: string; messageZh: string } }>('/api/v1/industry-map?chain=unobtainium');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'UNKNOWN_CHAIN');
      assert.match(bad.body.error.messageZh, /unobtainium/);
    });

    it('shows a reader only the zones in scope, and hides profiles outside it', async () => {
      const reviewer = await loginAs(server.url, 'hh.reviewer');
      const hh = await get<IndustryMap>('/api/v1/industry-map', reviewer);
      assert.equal(hh.status, 200);
      const expected = allUnits.filter((u) => u.parent === 'YN-HH' && u.code.startsWith('ZN-')).map((u) => u.code);
      assert.equal(expected.length, 4, expected.join(','));
      for (const z of hh.body.zones) assert.equal(z.prefecture?.code, 'YN-HH', z.code);
      assert.deepEqual(sorted(hh.body.zones.map((z) => z.code)), sorted(expected));
      const outside = await get<{ error: { code: string } }>('/api/v1/zones/ZN-KM-ETDZ/profile?at=2023', reviewer);
      assert.equal(outside.status, 404);
      const reporter = await loginAs(server.url, 'mengzi.reporter');
      const own = await get<IndustryMap>('/api/v1/industry-map', reporter);
      assert.deepEqual(
        own.body.zones.map((z) => z.code),
        [MENGZI],
      );
    });

    it('profiles 蒙自: its facts, chains, and every target that reaches it judged on its own figures', async () => {
      const res = await get<ZoneProfile>(`/api/v1/zones/${MENGZI}/profile?at=2023`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const p = res.body;
      assert.equal(p.zone.code, MENGZI);
      assert.equal(p.zone.name, '蒙自经济技术开发区');
      assert.equal(p.at, '2023');
      assert.equal(p.chains[0]!.code, 'green_aluminium');
      assert.ok(
        p.zone.groups.some((g) => g.code === 'zones-national'),
        JSON.stringify(p.zone.groups),
      );

      // Targets reaching it, from the plan files: set for the zone, or for a group it is a member of.
      const groupsOfMengzi = new Set(
        allFiles
          .flatMap((f) => f.groups ?? [])
          .filter((g) => g.members.includes(MENGZI))
          .map((g) => g.code),
      );
      const expectedKeys = allFiles
        .flatMap((f) => f.targets ?? [])
        .filter((t) => t.orgUnit === MENGZI || (t.group !== undefined && groupsOfMengzi.has(t.group)))
        .map((t) => t.key);
      assert.ok(expectedKeys.length > 0, 'no target reaches 蒙自 in the plan files');
      assert.deepEqual(sorted(p.targets.map((t) => t.progress.key)), sorted(expectedKeys));
      assert.equal(p.summary.total, expectedKeys.length);

      // 开发区营业收入年均增长15%左右, judged on 蒙自's own revenue: 415.25 in 2023 (inserted above).
      const growth = p.targets.find((t) => t.progress.key === 'zones-revenue-growth-2025')!;
      assert.equal(growth.via.kind, 'group');
      assert.equal(growth.via.code, 'zones-all');
      assert.equal(growth.progress.subject.code, MENGZI);
      assert.equal(growth.progress.judgement.dataYear, 2023);
      assert.equal(growth.progress.judgement.current, '415.25');
      // Only 蒙自 has figures, so the group of all zones adds up to the same revenue; the group's judgement
      // is the one the monitoring API gives for the target.
      const monitored = await get<PlanProgress>('/api/v1/progress?plan=yunnan-parks-2021-2025&at=2023');
      const official = monitored.body.targets.find((t) => t.key === 'zones-revenue-growth-2025')!;
      assert.deepEqual(growth.group, {
        class: official.judgement.class,
        warning: official.warning.level,
        current: official.judgement.current,
      });
      assert.equal(growth.group?.current, '415.25');
      const classes = Object.values(p.summary.byClass).reduce((a, b) => a + b, 0);
      assert.equal(classes, p.summary.total);
      assert.equal(p.summary.warnings.red + p.summary.warnings.yellow + p.summary.warnings.green, p.summary.total);
    });

    it('links the zone to its projects, its tasks and its latest evaluation result', async () => {
      const created = await request<{ id: number }>(server.url, 'POST', '/api/v1/projects', {
        body: {
          name: '蒙自绿色铝精深加工项目',
          zone: MENGZI,
          chain: 'green_aluminium',
          totalInvestment: '52000',
          stage: 'reserve',
        },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const run = await request<{
        id: number;
        units: { code: string; score: number | null; rank: number | null; grade: string | null }[];
      }>(server.url, 'POST', '/api/v1/evaluation/runs', { body: { scheme: 'dev-zone-per-mu', year: 2023, samples: 50 } });
      assert.equal(run.status, 200, JSON.stringify(run.body).slice(0, 500));

      const res = await get<ZoneProfile>(`/api/v1/zones/${MENGZI}/profile?at=2023`);
      assert.equal(res.status, 200);
      const p = res.body;
      assert.deepEqual(
        p.projects?.map((x) => [x.id, x.stage, x.chain?.code, x.totalInvestment]),
        [[created.body.id, 'reserve', 'green_aluminium', '52000']],
      );
      // The tasks are those the task board lists for the zone and for 红河州, nothing more.
      const tracked = async (unit: string) =>
        (
          await get<{ items: { planId: string; key: string }[] }>(`/api/v1/tasks/tracking?orgUnit=${unit}&limit=1000`)
        ).body.items.map((t) => `${t.planId}/${t.key}`);
      const expectedTasks = new Set([...(await tracked(MENGZI)), ...(await tracked('YN-HH'))]);
      assert.deepEqual(sorted(p.tasks!.map((t) => `${t.plan}/${t.key}`)), sorted(expectedTasks));
      // The evaluation result is the run's own line for 蒙自.
      const line = run.body.units.find((u) => u.code === MENGZI);
      const result = p.evaluations!.find((e) => e.runId === run.body.id);
      if (line) {
        assert.ok(result, 'the run rates 蒙自 but the profile does not show it');
        assert.deepEqual([result.score, result.rank, result.grade], [line.score, line.rank, line.grade]);
        assert.equal(result.scheme.code, 'dev-zone-per-mu');
      } else assert.equal(result, undefined);

      const map = await get<IndustryMap>('/api/v1/industry-map');
      const counts = new Map(map.body.zones.map((z) => [z.code, z.counts]));
      assert.equal(counts.get(MENGZI)!.projects, 1);
      assert.equal(counts.get('ZN-KM-ETDZ')!.projects, 0);
      assert.equal(counts.get(MENGZI)!.tasks, expectedTasks.size);
    });

    it('answers 404 for a unit that is not a zone and 400 for a bad period', async () => {
      assert.equal((await get('/api/v1/zones/YN-HH/profile')).status, 404);
      assert.equal((await get('/api/v1/zones/NO-SUCH/profile')).status, 404);
      assert.equal((await get(`/api/v1/zones/${MENGZI}/profile?at=20x3`)).status, 400);
    });
  });
}
