import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { snapshot } from '../support/databases.ts';
import { getJson, loginAs, request, startTestServer } from '../support/server.ts';

interface ErrorBody {
  error: { code: string; message: string; messageZh: string; details?: unknown };
}
interface OrgUnit {
  code: string;
  name: string;
  parent: string | null;
  zone: { level: string | null; kind: string | null; leadingIndustries: string[]; areaKm2: string | null } | null;
}

/**
 * Issue 21: each attack a demo account could make on scope, replayed against the real server.
 * Every one of these answered 2xx (or 500) before scope was checked as data.
 */
describe('scope holds on every route (issue 21), on pglite', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  before(async () => {
    server = await startTestServer('pglite');
  });
  after(async () => {
    await server.close();
    await server.drop();
  });

  it('an anonymous GET of /%61pi/v1/users answers 401, not 500', async () => {
    const res = await request<ErrorBody>(server.url, 'GET', '/%61pi/v1/users', { auth: null });
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 'UNAUTHENTICATED');
  });

  it('a refused role gets 403 before the body is validated, never the schema details', async () => {
    const mengzi = await loginAs(server.url, 'mengzi.reporter');
    const users = await request<ErrorBody>(server.url, 'POST', '/api/v1/users', { auth: mengzi, body: { nonsense: 1 } });
    assert.equal(users.status, 403);
    assert.equal(users.body.error.details, undefined);
    const scheme = await request<ErrorBody>(server.url, 'PUT', '/api/v1/evaluation/schemes/dev-zone-per-mu', {
      auth: mengzi,
      body: { wrong: true },
    });
    assert.equal(scheme.status, 403);
  });

  it('ftz.planner cannot move the 昆明 high-tech zone under 红河 through a catalogue file (403, nothing written)', async () => {
    const ftz = await loginAs(server.url, 'ftz.planner');
    const zone = (await getJson<OrgUnit>(server.url, '/api/v1/org-units/ZN-KM-HIGHTECH')).body;
    const before_ = await snapshot(server.database);
    const yaml = `orgUnits:\n  - code: ZN-KM-HIGHTECH\n    name: ${zone.name}\n    kind: development_zone\n    parent: YN-HH\n`;
    const res = await request<ErrorBody>(server.url, 'POST', '/api/v1/plans/import', { auth: ftz, body: yaml });
    assert.equal(res.status, 403, JSON.stringify(res.body));
    assert.equal(res.body.error.code, 'CATALOGUE_CHANGE_FORBIDDEN');
    assert.match(res.body.error.messageZh, /超出您的权限/);
    const fields = (res.body.error.details as { field: string; messageZh: string }[]).map((d) => d.field);
    assert.ok(
      fields.some((f) => f.endsWith('orgUnits.0.parent')),
      JSON.stringify(fields),
    );
    assert.deepEqual(await snapshot(server.database), before_);
    // hh.reporter still cannot write the zone's figures.
    const hh = await loginAs(server.url, 'hh.reporter');
    const write = await request(server.url, 'PUT', '/api/v1/data-values/ZN-KM-HIGHTECH/GDP/2024', {
      auth: hh,
      body: { value: '1', expectedVersion: 0 },
    });
    assert.equal(write.status, 403);
  });

  it('ftz.planner cannot create an org unit outside its plan, nor rewrite a shared indicator', async () => {
    const ftz = await loginAs(server.url, 'ftz.planner');
    const created = await request<ErrorBody>(server.url, 'POST', '/api/v1/plans/import', {
      auth: ftz,
      body: `orgUnits:\n  - code: ZN-HH-FAKE\n    name: 假园区\n    kind: development_zone\n    parent: YN-HH\n`,
    });
    assert.equal(created.status, 403);
    const indicator = await request<ErrorBody>(server.url, 'POST', '/api/v1/plans/import', {
      auth: ftz,
      body: `indicators:\n  - code: GDP\n    name: 篡改\n    nameEn: tampered\n    unit: 元\n`,
    });
    assert.equal(indicator.status, 403);
  });

  it('an upsert through a catalogue file never blanks the fields the file leaves out', async () => {
    const zone = (await getJson<OrgUnit>(server.url, '/api/v1/org-units/ZN-KM-HIGHTECH')).body;
    assert.ok(zone.zone?.level, 'the demo zone has a level');
    const yaml = `orgUnits:\n  - code: ZN-KM-HIGHTECH\n    name: ${zone.name}\n    kind: development_zone\n`;
    const res = await request(server.url, 'POST', '/api/v1/plans/import', { body: yaml });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const after_ = (await getJson<OrgUnit>(server.url, '/api/v1/org-units/ZN-KM-HIGHTECH')).body;
    assert.equal(after_.parent, zone.parent);
    assert.deepEqual(after_.zone, zone.zone);
  });
  it("a plan manager opens only its own extraction drafts: another's answers 404 like a draft that does not exist", async () => {
    const planner = await loginAs(server.url, 'planner');
    const ftz = await loginAs(server.url, 'ftz.planner');
    const text = { 'content-type': 'text/plain' };
    const upload = await request<{ id: number }>(server.url, 'POST', '/api/v1/ingestion/drafts?fileName=fgw.txt', {
      auth: planner,
      body: '到2025年，全省地区生产总值达到4万亿元。',
      headers: text,
    });
    assert.equal(upload.status, 201, JSON.stringify(upload.body));
    const url = `/api/v1/ingestion/drafts/${upload.body.id}`;
    assert.equal((await request(server.url, 'GET', url, { auth: planner })).status, 200);
    assert.equal((await request(server.url, 'GET', url)).status, 200, 'the administrator');
    const other = await request<ErrorBody>(server.url, 'GET', url, { auth: ftz });
    const none = await request<ErrorBody>(server.url, 'GET', '/api/v1/ingestion/drafts/999999', { auth: ftz });
    assert.equal(other.status, 404);
    assert.equal(other.body.error.code, none.body.error.code);
    // Accepting it as ftz.planner's own plan passes the plan check and still finds no such draft.
    const review = {
      plan: { id: 'yunnan-ftz-2021-2025', title: '窃取', issuer: '测试', periodStart: 2021, periodEnd: 2025 },
      targets: [],
      tasks: [],
    };
    const accept = await request(server.url, 'POST', `${url}/accept`, { auth: ftz, body: review });
    assert.equal(accept.status, 404);
  });

  it('ftz.planner tracks the tasks of its own plan only, as the export does', async () => {
    const ftz = await loginAs(server.url, 'ftz.planner');
    const all = await request<{ items: { planId: string }[]; total: number }>(
      server.url,
      'GET',
      '/api/v1/tasks/tracking?limit=500',
      { auth: ftz },
    );
    assert.equal(all.status, 200);
    assert.ok(all.body.items.every((t) => t.planId === 'yunnan-ftz-2021-2025'));
    const own = await request<{ total: number }>(server.url, 'GET', '/api/v1/tasks/tracking?plan=yunnan-ftz-2021-2025');
    assert.equal(all.body.total, own.body.total, "exactly the FTZ plan's tasks, as the administrator counts them");
    const everyPlan = await request<{ total: number }>(server.url, 'GET', '/api/v1/tasks/tracking?limit=500');
    assert.ok(everyPlan.body.total > all.body.total, 'the administrator sees the other plans');
    for (const route of ['tracking', 'export'])
      assert.equal(
        (await request(server.url, 'GET', `/api/v1/tasks/${route}?plan=yunnan-pprd-2016`, { auth: ftz })).status,
        403,
        route,
      );
  });

  it('a write whose body names no unit or plan is refused to a scoped role before validation, validated for others', async () => {
    const hh = await loginAs(server.url, 'hh.reporter');
    const ftz = await loginAs(server.url, 'ftz.planner');
    const project = await request<ErrorBody>(server.url, 'POST', '/api/v1/projects', { auth: hh, body: {} });
    assert.equal(project.status, 403);
    assert.equal(project.body.error.details, undefined);
    assert.equal((await request(server.url, 'POST', '/api/v1/projects', { body: {} })).status, 400, 'the administrator');
    const file = await request<ErrorBody>(server.url, 'POST', '/api/v1/plans/import', { auth: ftz, body: '' });
    assert.equal(file.status, 403);
    assert.equal((await request(server.url, 'POST', '/api/v1/plans/import', { body: '' })).status, 422, 'the administrator');
    // A faulty file naming ftz.planner's own plan still gets its errors.
    const faulty = await request<ErrorBody>(server.url, 'POST', '/api/v1/plans/import', {
      auth: ftz,
      body: 'plan: { id: yunnan-ftz-2021-2025 }\n',
    });
    assert.equal(faulty.status, 422, JSON.stringify(faulty.body));
  });
});
