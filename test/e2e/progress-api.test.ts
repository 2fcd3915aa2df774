import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import type { Comparison, MapData, PlanProgress, TargetDetail } from '../../src/presenters/progress.presenter.ts';
import { DATABASE_KINDS } from '../support/databases.ts';
import { insertYearFigures } from '../support/figures.ts';
import { loginAs, request, startTestServer } from '../support/server.ts';

const FTZ = 'yunnan-ftz-2021-2025';

for (const kind of DATABASE_KINDS) {
  describe(`progress API on ${kind}`, () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    before(async () => {
      server = await startTestServer(kind, { demoData: true });
      // The FTZ's own approved annual figures: they win over the synthetic quarterly figures of its 片区.
      await insertYearFigures(server.database.db, 'YN-FTZ', 'TRADE_TOTAL', [
        ['2021', '900'],
        ['2022', '1000'],
        ['2023', '1120'],
      ]);
    });
    after(async () => {
      await server?.close();
      await server?.drop();
    });

    it('judges the FTZ trade target from the figures inserted, by hand', async () => {
      const res = await request<PlanProgress>(server.url, 'GET', `/api/v1/progress?plan=${FTZ}&at=2023`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const t = res.body.targets.find((x) => x.key === 'trade-total-2025')!;
      const j = t.judgement;
      assert.equal(j.dataYear, 2023);
      assert.equal(j.current, '1120');
      assert.equal(j.currentOrigin, 'reported');
      // 1120 ÷ 2675.78 = 41.86 %; (1120 − 717.9) ÷ (2675.78 − 717.9) = 402.1 ÷ 1957.88 = 20.54 %; time 3 ÷ 5 = 60 %.
      assert.ok(Math.abs(j.achievementRatio! - 1120 / 2675.78) < 1e-9);
      assert.ok(Math.abs(j.progressShare! - 402.1 / 1957.88) < 1e-9);
      assert.equal(j.timeElapsedShare, 0.6);
      // Needed from 2023 to 2025: (2675.78 ÷ 1120)^(1/2) − 1 = 54.57 %; achieved since 2020: (1120 ÷ 717.9)^(1/3) − 1 = 15.97 %.
      assert.ok(Math.abs(j.requiredAnnualGrowth! - (Math.sqrt(2675.78 / 1120) - 1)) < 1e-9);
      assert.ok(Math.abs(j.observedAnnualGrowth! - (Math.cbrt(1120 / 717.9) - 1)) < 1e-9);
      assert.equal(j.class, 'behind');
      assert.equal(j.halfTimeHalfTask, 'fail');
      assert.match(j.explanation.zh, /判定滞后/);
      // 20.5 % trails 60 % by more than 20 points: red.
      assert.equal(t.warning.level, 'red');
      assert.ok(t.warning.reasons.some((r) => r.code === 'shortfall'));
      assert.equal(t.subject.code, 'YN-FTZ');
      assert.ok(t.freshness.lastUpdated);
      assert.equal(res.body.method, 'official');
    });

    it('counts classes and warnings in the summary', async () => {
      const { body } = await request<PlanProgress>(server.url, 'GET', `/api/v1/progress?plan=${FTZ}&at=2024Q2`);
      assert.equal(body.summary.total, body.targets.length);
      for (const c of Object.keys(body.summary.byClass) as (keyof PlanProgress['summary']['byClass'])[])
        assert.equal(body.summary.byClass[c], body.targets.filter((t) => t.judgement.class === c).length);
      const w = body.summary.warnings;
      assert.equal(w.red + w.yellow + w.green, body.targets.length);
      assert.equal(body.timeElapsedShare, 0.7);
      // Synthetic demo figures are flagged: some target is judged on them.
      assert.ok(body.targets.some((t) => t.judgement.currentOrigin === 'synthetic'));
      const unsd = await request<PlanProgress>(server.url, 'GET', `/api/v1/progress?plan=${FTZ}&at=2024&method=unsd`);
      assert.equal(unsd.body.method, 'unsd');
      assert.ok(unsd.body.targets.every((t) => 'unsd' in t.judgement.methodClass));
    });

    it('gives a target in depth: yearly series judged, projection band to 2025', async () => {
      const { status, body } = await request<TargetDetail>(
        server.url,
        'GET',
        `/api/v1/progress/${FTZ}/targets/trade-total-2025?at=2023`,
      );
      assert.equal(status, 200);
      assert.deepEqual(
        body.yearly.filter((y) => y.year >= 2021).map((y) => [y.year, y.value, y.origin]),
        [
          [2021, '900', 'reported'],
          [2022, '1000', 'reported'],
          [2023, '1120', 'reported'],
        ],
      );
      assert.deepEqual(
        body.band.map((b) => b.year),
        [2023, 2024, 2025],
      );
      const missing = await request(server.url, 'GET', `/api/v1/progress/${FTZ}/targets/nope?at=2023`);
      assert.equal(missing.status, 404);
      const bad = await request(server.url, 'GET', `/api/v1/progress?plan=${FTZ}&at=2023-13`);
      assert.equal(bad.status, 400);
    });

    it('aggregates a group as a ratio of sums (亩均营业收入 = Σ revenue ÷ Σ land)', async () => {
      const { status, body } = await request<Comparison>(
        server.url,
        'GET',
        '/api/v1/progress/yunnan-parks-2021-2025/comparison?indicator=REVENUE_PER_MU&at=2023&by=zone_level',
      );
      assert.equal(status, 200, JSON.stringify(body));
      const row = body.rows.find((r) => r.code === 'zones-national')!;
      assert.ok(row.value !== null);
      // By hand from the stored figures: each member's December 累计 revenue and December land area, or the
      // year's own figures (a bonded zone reports them once a year, dataset/forms/bonded-zone-annual.yaml).
      const members = await sql<{ revenue: string | null; land: string | null }>`
        select (select value::text from data_value d join indicator i on i.id = d.indicator_id
                 where d.org_unit_id = m.org_unit_id and i.code = 'REVENUE'
                   and ((d.period = '2023-12' and d.cumulative) or (d.period = '2023' and not d.cumulative))
                 order by d.period = '2023' desc, case d.origin when 'reported' then 0 when 'plan' then 1 else 2 end limit 1) as revenue,
               (select value::text from data_value d join indicator i on i.id = d.indicator_id
                 where d.org_unit_id = m.org_unit_id and i.code = 'LAND_AREA_MU' and d.period in ('2023-12', '2023') and not d.cumulative
                 order by d.period = '2023' desc, case d.origin when 'reported' then 0 when 'plan' then 1 else 2 end limit 1) as land
        from org_group_member m join org_group g on g.id = m.group_id where g.code = 'zones-national'`.execute(
        server.database.db,
      );
      const complete = members.rows.filter((m) => m.revenue !== null && m.land !== null);
      assert.ok(complete.length >= 2);
      const rev = complete.reduce((s, m) => s.plus(m.revenue!), new Decimal(0));
      const land = complete.reduce((s, m) => s.plus(m.land!), new Decimal(0));
      assert.equal(new Decimal(row.value!).toFixed(6), rev.times(10000).dividedBy(land).toFixed(6));
      const meanOfRatios = complete
        .reduce((s, m) => s.plus(new Decimal(m.revenue!).times(10000).dividedBy(m.land!)), new Decimal(0))
        .dividedBy(complete.length);
      assert.notEqual(new Decimal(row.value!).toFixed(6), meanOfRatios.toFixed(6));
      assert.equal(row.origin, 'synthetic');
    });

    it('shows out-of-scope readers only their scope', async () => {
      const hh = await loginAs(server.url, 'hh.reviewer');
      const p = await request<PlanProgress>(server.url, 'GET', `/api/v1/progress?plan=${FTZ}&at=2023`, { auth: hh });
      assert.equal(p.status, 200);
      // The FTZ's own targets sit on YN-FTZ, outside 红河州.
      assert.ok(p.body.targets.every((t) => t.subject.code !== 'YN-FTZ'));
      assert.equal(p.body.summary.total, p.body.targets.length);
      const d = await request(server.url, 'GET', `/api/v1/progress/${FTZ}/targets/trade-total-2025?at=2023`, { auth: hh });
      assert.equal(d.status, 404);
      const m = await request<MapData>(server.url, 'GET', '/api/v1/progress/map?indicator=REVENUE&at=2023', { auth: hh });
      assert.deepEqual(
        m.body.prefectures.map((x) => x.code),
        ['YN-HH'],
      );
      assert.ok(m.body.zones.length > 0 && m.body.zones.every((z) => z.prefecture === 'YN-HH'));
      const all = await request<MapData>(server.url, 'GET', '/api/v1/progress/map?indicator=REVENUE&at=2023');
      assert.equal(all.body.prefectures.length, 16);
      assert.ok(all.body.prefectures.some((x) => x.mapName === '昆明市'));
    });
  });
}
