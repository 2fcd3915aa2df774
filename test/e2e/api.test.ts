import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DATABASE_KINDS } from '../support/databases.ts';
import { getJson, startTestServer } from '../support/server.ts';

interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
interface Target {
  key: string;
  indicator: { code: string; unit: string };
  orgUnit: { code: string } | null;
  baseline: { year: number; value: string } | null;
  target: { year: number; value: string | null; comparator: string };
  conflictsWith: string[];
  conflicts: { ref: string; indicator: { name: string }; target: { year: number; value: string | null } }[];
  source: { plan: string; quote: string; start: number | null; end: number | null };
}

for (const kind of DATABASE_KINDS) {
  describe(`REST API on ${kind}`, () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    before(async () => {
      server = await startTestServer(kind);
    });
    after(async () => {
      await server.close();
      await server.drop();
    });

    it('lists the five plans with counts', async () => {
      const { status, body } = await getJson<Page<{ id: string; counts: { targets: number } }>>(server.url, '/api/v1/plans');
      assert.equal(status, 200);
      assert.equal(body.total, 5);
      assert.ok(body.items.every((p) => typeof p.counts.targets === 'number'));
    });

    it('serves FTZ targets whose quotes sit at their offsets in the plan source', async () => {
      const { body } = await getJson<Page<Target>>(server.url, '/api/v1/targets?plan=yunnan-ftz-2021-2025&indicator=TRADE_TOTAL');
      const trade = body.items.find((t) => t.target.year === 2025)!;
      assert.equal(trade.target.value, '2675.78');
      assert.equal(trade.baseline?.year, 2020);
      const source = await getJson<{ text: string }>(server.url, '/api/v1/plans/yunnan-ftz-2021-2025/source');
      const cited = source.body.text.slice(trade.source.start!, trade.source.end!).replace(/\s+/g, '');
      assert.equal(cited, trade.source.quote.replace(/\s+/g, ''));
    });

    it('filters targets by section subtree and paginates consistently', async () => {
      const all = await getJson<Page<Target>>(server.url, '/api/v1/targets?limit=1000');
      const first = await getJson<Page<Target>>(server.url, '/api/v1/targets?limit=7&offset=0');
      const second = await getJson<Page<Target>>(server.url, '/api/v1/targets?limit=7&offset=7');
      assert.equal(first.body.total, all.body.total);
      assert.deepEqual(
        [...first.body.items, ...second.body.items].map((t) => t.key),
        all.body.items.slice(0, 14).map((t) => t.key),
      );
      const sections = await getJson<Page<{ key: string; parentKey: string | null }>>(
        server.url,
        '/api/v1/plans/yunnan-ftz-2021-2025/sections',
      );
      const root = sections.body.items.find(
        (s) => s.parentKey === null && sections.body.items.some((c) => c.parentKey === s.key),
      )!;
      const scoped = await getJson<Page<Target>>(server.url, `/api/v1/targets?plan=yunnan-ftz-2021-2025&section=${root.key}`);
      assert.equal(scoped.status, 200);
      const missing = await getJson<{ error: { code: string } }>(
        server.url,
        '/api/v1/targets?plan=yunnan-ftz-2021-2025&section=nope',
      );
      assert.equal(missing.status, 404);
    });

    it('exposes the bonded zone’s conflicting 2025 targets from both sides', async () => {
      const { body } = await getJson<Page<Target>>(
        server.url,
        '/api/v1/targets?plan=kunming-bonded-zone-2021-2025&indicator=TRADE_TOTAL',
      );
      const conflicted = body.items.filter((t) => t.conflictsWith.length > 0);
      assert.ok(conflicted.length >= 2);
      for (const t of conflicted)
        for (const ref of t.conflictsWith) {
          const other = body.items.find((o) => `kunming-bonded-zone-2021-2025:${o.key}` === ref);
          assert.ok(other?.conflictsWith.includes(`kunming-bonded-zone-2021-2025:${t.key}`), ref);
        }
      // Each conflicting target comes with what it states, so pages name it in words, not by its key.
      for (const t of conflicted)
        assert.deepEqual(
          t.conflicts.map((c) => [c.ref, c.indicator.name, c.target.year, c.target.value]),
          t.conflictsWith.map((ref) => {
            const o = body.items.find((x) => `kunming-bonded-zone-2021-2025:${x.key}` === ref)!;
            return [ref, '进出口总额', o.target.year, o.target.value];
          }),
        );
    });

    it('lists the bonded zone’s 2025 trade contradiction as an acknowledged consistency issue', async () => {
      const { body } = await getJson<{ items: { kind: string; targets: string[]; acknowledged: boolean }[] }>(
        server.url,
        '/api/v1/consistency?plan=kunming-bonded-zone-2021-2025',
      );
      const trade = body.items.filter(
        (i) => i.kind === 'conflicting_targets' && i.targets.every((t) => t.startsWith('kunming-bonded-zone-2021-2025:')),
      );
      assert.ok(trade.length >= 1);
      assert.ok(trade.some((i) => i.acknowledged));
    });

    it('lists tasks a department leads', async () => {
      const { body } = await getJson<Page<{ lead: { code: string }[] }>>(server.url, '/api/v1/tasks?orgUnit=DEPT-FGW&role=lead');
      assert.ok(body.total > 0);
      assert.ok(body.items.every((t) => t.lead.some((u) => u.code === 'DEPT-FGW')));
    });

    it('serves org units, a zone profile, groups, indicators and plan-stated data values', async () => {
      const prefectures = await getJson<Page<{ divisionCode: string }>>(server.url, '/api/v1/org-units?kind=prefecture');
      assert.equal(prefectures.body.total, 16);
      assert.ok(prefectures.body.items.every((p) => /^53\d{4}$/.test(p.divisionCode)));
      const zone = await getJson<{ zone: { areaKm2: string } }>(server.url, '/api/v1/org-units/FTZ-HH');
      assert.equal(zone.body.zone.areaKm2, '14.12');
      const groups = await getJson<Page<{ kind: string }>>(server.url, '/api/v1/groups?kind=bloc');
      assert.equal(groups.body.total, 4);
      const indicators = await getJson<Page<{ code: string }>>(server.url, '/api/v1/indicators?q=外贸进出口');
      assert.ok(
        indicators.body.items.some((i) => i.code === 'TRADE_TOTAL'),
        'found by synonym',
      );
      const values = await getJson<Page<{ value: string; status: string; origin: string }>>(
        server.url,
        '/api/v1/data-values?indicator=TRADE_TOTAL&orgUnit=YN-FTZ&from=2020&to=2020',
      );
      assert.deepEqual(
        values.body.items.map((v) => [v.value, v.status, v.origin]),
        [['717.9', 'approved', 'plan']],
      );
    });

    it('answers bad requests with consistent JSON errors', async () => {
      const notFound = await getJson<{ error: { code: string; messageZh: string } }>(server.url, '/api/v1/plans/nope');
      assert.equal(notFound.status, 404);
      assert.equal(notFound.body.error.code, 'NOT_FOUND');
      const invalid = await getJson<{ error: { code: string } }>(server.url, '/api/v1/targets?limit=0');
      assert.equal(invalid.status, 400);
      assert.equal(invalid.body.error.code, 'INVALID_REQUEST');
      const badPeriod = await getJson<{ error: { code: string } }>(server.url, '/api/v1/data-values?from=2020-13');
      assert.equal(badPeriod.status, 400);
      const noRoute = await getJson<{ error: { code: string } }>(server.url, '/api/v1/nothing');
      assert.equal(noRoute.status, 404);
    });

    it('serves the OpenAPI document generated from the route schemas', async () => {
      const { status, body } = await getJson<{ openapi: string; paths: Record<string, unknown> }>(server.url, '/api/docs/json');
      assert.equal(status, 200);
      for (const p of [
        '/api/v1/plans',
        '/api/v1/targets',
        '/api/v1/tasks',
        '/api/v1/org-units',
        '/api/v1/groups',
        '/api/v1/indicators',
        '/api/v1/data-values',
      ])
        assert.ok(p in body.paths, p);
    });
  });
}
