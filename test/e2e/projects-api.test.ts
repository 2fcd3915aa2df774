import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Decimal } from 'decimal.js';
import { upsertDataValues } from '../../src/repositories/data-value.repository.ts';
import type { Comparison, MapData } from '../../src/presenters/progress.presenter.ts';
import type { AgreementOut, ProjectDetailOut, ZoneAttributionOut } from '../../src/presenters/project.presenter.ts';
import { DATABASE_KINDS } from '../support/databases.ts';
import { loginAs, request, startTestServer } from '../support/server.ts';

/** Origin 昆明高新区 (昆明市) and destination 曲靖经开区 (曲靖市): two zones in different prefectures. */
const ORIGIN = 'ZN-KM-HIGHTECH';
const DESTINATION = 'ZN-QJ-ETDZ';
// The project's monthly completed investment (万元); July's 40 % (123.45675) rounds half up to 123.4568.
const INVESTMENT: Record<string, string> = {
  '2024-01': '1000',
  '2024-03': '2500.5',
  '2024-05': '800',
  '2024-07': '308.641875',
  '2024-10': '1200',
};
const TAX: Record<string, string> = { '2024-05': '50', '2024-11': '75.25' };

/** What the origin is owed, computed here by the rule in docs/projects.md: Σ round(v × 40 %, 1 yuan) in 亿元. */
function owed(values: Record<string, string>, untilMonth = '2024-12'): Decimal {
  return Object.entries(values)
    .filter(([m]) => m <= untilMonth)
    .reduce((s, [, v]) => s.plus(new Decimal(v).times('0.4').toDecimalPlaces(4, Decimal.ROUND_HALF_UP)), new Decimal(0))
    .dividedBy(10000);
}

for (const kind of DATABASE_KINDS) {
  describe(`projects API on ${kind}`, () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    let projectId: number;
    before(async () => {
      server = await startTestServer(kind);
      const db = server.database.db;
      const id = async (table: 'org_unit' | 'indicator', code: string) =>
        (await db.selectFrom(table).select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
      const fai = await id('indicator', 'FAI');
      const tax = await id('indicator', 'TAX_REVENUE');
      const row = (unit: number, indicator: number, period: string, value: string) => ({
        org_unit_id: unit,
        indicator_id: indicator,
        period,
        period_kind: 'month',
        period_start: `${period}-01`,
        period_end: `${period}-${period.endsWith('06') ? '30' : '31'}`,
        cumulative: true,
        origin: 'reported',
        value,
        status: 'approved',
        source_plan_id: null,
        source_quote: null,
      });
      const o = await id('org_unit', ORIGIN);
      const d = await id('org_unit', DESTINATION);
      // Year-to-date (累计) figures as the monthly form collects them, in 亿元.
      await upsertDataValues(db, [
        row(o, fai, '2024-12', '80.5'),
        row(d, fai, '2024-06', '50'),
        row(d, fai, '2024-12', '120.25'),
        row(o, tax, '2024-12', '3'),
        row(d, tax, '2024-12', '6'),
      ]);
    });
    after(async () => {
      await server?.close();
      await server?.drop();
    });

    const map = async (indicator: string, at: string) => {
      const res = await request<MapData>(server.url, 'GET', `/api/v1/progress/map?indicator=${indicator}&at=${at}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const zone = (c: string) => res.body.zones.find((z) => z.code === c)?.value ?? null;
      const pref = (c: string) => res.body.prefectures.find((z) => z.code === c)?.value ?? null;
      return { origin: zone(ORIGIN), destination: zone(DESTINATION), km: pref('YN-KM'), qj: pref('YN-QJ') };
    };
    const diff = (a: string | null, b: string | null) => new Decimal(a ?? 0).minus(b ?? 0);

    it('creates a project in the origin zone, enters its months and moves it through stages with history', async () => {
      const created = await request<ProjectDetailOut>(server.url, 'POST', '/api/v1/projects', {
        body: {
          name: ' 绿色硅材一体化项目 ',
          zone: ORIGIN,
          chain: 'green_silicon',
          industry: '非金属矿物制品业',
          totalInvestment: '150000',
          stages: [{ stage: 'packaging', plannedOn: '2024-03-31' }],
        },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      projectId = created.body.id;
      assert.equal(created.body.name, '绿色硅材一体化项目');
      assert.equal(created.body.stage, 'planning');
      assert.equal(created.body.zone.code, ORIGIN);

      const figures = Object.keys({ ...INVESTMENT, ...TAX })
        .sort()
        .map((month) => ({ month, investment: INVESTMENT[month] ?? null, tax: TAX[month] ?? null }));
      const saved = await request<ProjectDetailOut>(server.url, 'PUT', `/api/v1/projects/${projectId}/figures`, {
        body: { version: created.body.version, figures },
      });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal(saved.body.figures.length, figures.length);
      const staleFigures = await request(server.url, 'PUT', `/api/v1/projects/${projectId}/figures`, {
        body: { version: created.body.version, figures: [{ month: '2024-01', investment: '1' }] },
      });
      assert.equal(staleFigures.status, 409, 'a second edit at the old version is refused');

      const advanced = await request<ProjectDetailOut>(server.url, 'POST', `/api/v1/projects/${projectId}/stage`, {
        body: { version: saved.body.version, to: 'packaging', on: '2024-03-20' },
      });
      assert.equal(advanced.status, 200, JSON.stringify(advanced.body));
      // Skipping forward needs a reason: 422 naming the field; with it, a skip.
      const noReason = await request<{ error: { code: string; messageZh: string } }>(
        server.url,
        'POST',
        `/api/v1/projects/${projectId}/stage`,
        { body: { version: advanced.body.version, to: 'construction' } },
      );
      assert.equal(noReason.status, 422);
      assert.equal(noReason.body.error.code, 'REASON_REQUIRED');
      const stale = await request(server.url, 'POST', `/api/v1/projects/${projectId}/stage`, {
        body: { version: advanced.body.version - 1, to: 'reserve' },
      });
      assert.equal(stale.status, 409);
      const back = await request<ProjectDetailOut>(server.url, 'POST', `/api/v1/projects/${projectId}/stage`, {
        body: { version: advanced.body.version, to: 'planning', reason: '选址调整' },
      });
      assert.equal(back.status, 200);
      assert.deepEqual(
        back.body.history.map((h) => [h.kind, h.fromStage, h.toStage, h.reason]),
        [
          ['adjustment', 'packaging', 'planning', '选址调整'],
          ['advance', 'planning', 'packaging', null],
          ['create', null, 'planning', null],
        ],
      );
      assert.equal(back.body.stages.find((s) => s.stage === 'packaging')!.actualOn, null, 'back-step clears later actual dates');
      assert.equal(back.body.stages.find((s) => s.stage === 'packaging')!.plannedOn, '2024-03-31');
    });

    it('refuses shares that do not add up to 100 % and a zone outside the caller’s scope', async () => {
      const bad = await request<{ error: { code: string; details: { field: string }[] } }>(
        server.url,
        'POST',
        '/api/v1/transfers',
        {
          body: {
            project: projectId,
            toZone: DESTINATION,
            shares: { from: '40', to: '59.99' },
            startMonth: '2024-01',
            reference: '测试',
          },
        },
      );
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'INVALID_TRANSFER');
      assert.equal(bad.body.error.details[0]!.field, 'shares');
      const hh = await loginAs(server.url, 'hh.reporter');
      const outside = await request(server.url, 'POST', '/api/v1/projects', {
        auth: hh,
        body: { name: '越权项目', zone: ORIGIN, totalInvestment: '1' },
      });
      assert.equal(outside.status, 403);
    });

    it('a transfer with a 60/40 share changes both zones’ aggregates by exactly the shared amounts', async () => {
      const before = { year: await map('FAI', '2024'), june: await map('FAI', '2024-06'), tax: await map('TAX_REVENUE', '2024') };
      const levelsBefore = await request<Comparison>(
        server.url,
        'GET',
        '/api/v1/progress/yunnan-parks-2021-2025/comparison?indicator=FAI&at=2024&by=zone_level',
      );
      const byPrefBefore = await request<Comparison>(
        server.url,
        'GET',
        '/api/v1/progress/yunnan-parks-2021-2025/comparison?indicator=FAI&at=2024',
      );
      const created = await request<AgreementOut>(server.url, 'POST', '/api/v1/transfers', {
        body: {
          project: projectId,
          toZone: DESTINATION,
          shares: { from: '40', to: '60' },
          startMonth: '2024-01',
          endMonth: '2026-12',
          reference: '昆明高新区—曲靖经开区项目流转协议（测试）',
        },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.deepEqual(created.body.shares, { from: '40', to: '60' });
      assert.equal(created.body.fromZone.code, ORIGIN);
      const project = await request<ProjectDetailOut>(server.url, 'GET', `/api/v1/projects/${projectId}`);
      assert.equal(project.body.zone.code, DESTINATION, 'the project now belongs to the destination');
      assert.equal(project.body.transferredFrom?.code, ORIGIN);
      assert.equal(project.body.history[0]!.kind, 'transfer');

      const after = { year: await map('FAI', '2024'), june: await map('FAI', '2024-06'), tax: await map('TAX_REVENUE', '2024') };
      const share = owed(INVESTMENT);
      assert.equal(
        share.toFixed(),
        '0.23236568',
        'hand check: (400 + 1000.2 + 320 + 123.4568 + 480) ÷ 10000 = 2323.6568 ÷ 10000',
      );
      // Each zone moves by exactly the shared amount, in opposite directions, and so do their prefectures.
      assert.equal(diff(after.year.origin, before.year.origin).toFixed(), share.toFixed());
      assert.equal(diff(after.year.destination, before.year.destination).toFixed(), share.negated().toFixed());
      assert.equal(diff(after.year.km, before.year.km).toFixed(), share.toFixed());
      assert.equal(diff(after.year.qj, before.year.qj).toFixed(), share.negated().toFixed());
      // The destination keeps 60 % of the project's own figures (to the yuan).
      assert.equal(new Decimal(after.year.destination!).toFixed(), new Decimal('120.25').minus(share).toFixed());
      // Mid-year: the destination's June year-to-date figure gives up Jan–Jun; the origin, which has
      // reported nothing up to June, shows its share alone.
      const juneShare = owed(INVESTMENT, '2024-06');
      assert.equal(diff(after.june.destination, before.june.destination).toFixed(), juneShare.negated().toFixed());
      assert.equal(before.june.origin, null);
      assert.equal(new Decimal(after.june.origin!).toFixed(), juneShare.toFixed());
      // Tax shares the same way.
      assert.equal(diff(after.tax.origin, before.tax.origin).toFixed(), owed(TAX).toFixed());
      assert.equal(diff(after.tax.destination, before.tax.destination).toFixed(), owed(TAX).negated().toFixed());
      // Prefecture comparison (another read path through the same layer).
      const byPrefAfter = await request<Comparison>(
        server.url,
        'GET',
        '/api/v1/progress/yunnan-parks-2021-2025/comparison?indicator=FAI&at=2024',
      );
      const pv = (c: Comparison, code: string) => c.rows.find((r) => r.code === code)?.value ?? null;
      assert.equal(diff(pv(byPrefAfter.body, 'YN-KM'), pv(byPrefBefore.body, 'YN-KM')).toFixed(), share.toFixed());
      assert.equal(diff(pv(byPrefAfter.body, 'YN-QJ'), pv(byPrefBefore.body, 'YN-QJ')).toFixed(), share.negated().toFixed());

      // A group holding both zones (national-level zones) is unchanged: the deltas cancel.
      const levelsAfter = await request<Comparison>(
        server.url,
        'GET',
        '/api/v1/progress/yunnan-parks-2021-2025/comparison?indicator=FAI&at=2024&by=zone_level',
      );
      assert.equal(levelsAfter.status, 200);
      assert.ok(levelsAfter.body.rows.length > 0);
      for (const r of levelsAfter.body.rows)
        assert.equal(diff(r.value, pv(levelsBefore.body, r.code)).toFixed(), '0', `group ${r.code}`);

      // The original attribution stays visible: reported vs attributed, and each agreement's part.
      const attr = await request<ZoneAttributionOut>(server.url, 'GET', `/api/v1/zones/${DESTINATION}/attribution?at=2024`);
      assert.equal(attr.status, 200, JSON.stringify(attr.body));
      const fai = attr.body.indicators.find((i) => i.code === 'FAI')!;
      assert.equal(fai.reported, '120.25');
      assert.equal(new Decimal(fai.attributed!).toFixed(), new Decimal('120.25').minus(share).toFixed());
      assert.equal(attr.body.agreements[0]!.role, 'destination');
      const part = attr.body.agreements[0]!.deltas.find((x) => x.indicator === 'FAI')!;
      assert.equal(
        part.reported,
        new Decimal(0).plus(Object.values(INVESTMENT).reduce((s, v) => s.plus(v), new Decimal(0))).toFixed(),
      );
      assert.equal(part.delta, share.times(10000).negated().toFixed());
    });

    it('ends an agreement: months after the end are no longer shared, earlier ones stay', async () => {
      const list = await request<AgreementOut[]>(server.url, 'GET', `/api/v1/transfers?zone=${ORIGIN}`);
      const a = list.body[0]!;
      const ended = await request<AgreementOut>(server.url, 'POST', `/api/v1/transfers/${a.id}/end`, {
        body: { version: a.version, endMonth: '2024-06', reason: '协议提前终止' },
      });
      assert.equal(ended.status, 200, JSON.stringify(ended.body));
      assert.equal(ended.body.status, 'ended');
      const attr = await request<ZoneAttributionOut>(server.url, 'GET', `/api/v1/zones/${ORIGIN}/attribution?at=2024`);
      const fai = attr.body.indicators.find((i) => i.code === 'FAI')!;
      assert.equal(fai.delta, owed(INVESTMENT, '2024-06').toFixed());
      const again = await request(server.url, 'POST', `/api/v1/transfers/${a.id}/end`, {
        body: { version: ended.body.version, endMonth: '2024-06', reason: 'x' },
      });
      assert.equal(again.status, 409);
    });

    it('shows the project on the boards and the map', async () => {
      const boards = await request<{ columns: { stage: string; battleMap: boolean; projects: { id: number }[] }[] }>(
        server.url,
        'GET',
        `/api/v1/projects/boards?zone=${DESTINATION}`,
      );
      assert.equal(boards.status, 200);
      assert.deepEqual(
        boards.body.columns.filter((c) => c.battleMap).map((c) => c.stage),
        ['planning', 'packaging', 'reserve'],
      );
      assert.ok(boards.body.columns[0]!.projects.some((p) => p.id === projectId));
      const m = await request<{ zones: { code: string; counts: Record<string, number> }[] }>(
        server.url,
        'GET',
        '/api/v1/projects/map',
      );
      assert.equal(m.body.zones.find((z) => z.code === DESTINATION)?.counts.planning, 1);
    });
  });
}
