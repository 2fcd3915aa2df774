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
});
