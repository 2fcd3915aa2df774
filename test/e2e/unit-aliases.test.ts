import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closedPeriods } from '../../src/domain/reporting/forms/form-periods.ts';
import { syncDerivedAliases } from '../../src/services/org-units/unit-alias.service.ts';
import type { ImportResult } from '../../src/services/reporting/import/import.service.ts';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';

type Alias = { id: number; alias: string; kind: string; source: string };
const [PERIOD] = closedPeriods('month', '2021-01', new Date().toISOString().slice(0, 10), 1) as [string];

/**
 * Issue 18, names: aliases of org units (seeded short forms, administrators' own), matched when an
 * import names units, and "did you mean" limited to the uploader's scope. Workbooks are built here.
 */
describe('org unit aliases at import', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let admin: Session;
  let hhReporter: Session;
  before(async () => {
    server = await startTestServer('pglite');
    admin = await loginAs(server.url, 'admin');
    hhReporter = await loginAs(server.url, 'hh.reporter');
  });
  after(() => server.close());

  const csv = (unitName: string) => new TextEncoder().encode(`单位名称,营业收入（亿元）\n${unitName},12.5\n`);
  const dryRun = (auth: Session, unitName: string) =>
    request<ImportResult>(
      server.url,
      'POST',
      `/api/v1/forms/DEV_ZONE_MONTHLY/imports?fileName=a.csv&dryRun=true&period=${PERIOD}`,
      { auth, body: csv(unitName) },
    );
  const aliases = async (code: string) =>
    (await request<{ items: Alias[] }>(server.url, 'GET', `/api/v1/org-units/${code}/aliases`, { auth: admin })).body.items;

  it('seeds the short forms derivable from the zones’ names, visible as aliases', async () => {
    const seeded = await aliases('ZN-HH-MENGZI');
    assert.deepEqual(
      seeded.filter((a) => a.source === 'derived').map((a) => a.alias),
      ['蒙自经开区'],
    );
  });

  it('matches a former name once an administrator adds it, stored as written and audited', async () => {
    const before = await dryRun(hhReporter, '红河蒙自（老）开发区');
    assert.deepEqual(
      before.body.problems.map((p) => p.code),
      ['unknown_org_unit'],
    );
    const added = await request<Alias>(server.url, 'POST', '/api/v1/org-units/ZN-HH-MENGZI/aliases', {
      auth: admin,
      body: { alias: '红河蒙自（老）开发区', kind: 'former' },
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.equal(added.body.alias, '红河蒙自（老）开发区');
    const after = await dryRun(hhReporter, '红河蒙自(老)开发区');
    assert.deepEqual(after.body.problems, []);
    assert.deepEqual(
      after.body.changes.map((c) => [c.orgUnit, c.indicator, c.after]),
      [['ZN-HH-MENGZI', 'REVENUE', '12.5']],
    );
    const audit = await server.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_key'])
      .where('entity', '=', 'org_unit_alias')
      .execute();
    assert.deepEqual(audit, [{ action: 'create', entity_key: `ZN-HH-MENGZI/${added.body.id}` }]);

    const removed = await request(server.url, 'DELETE', `/api/v1/org-units/ZN-HH-MENGZI/aliases/${added.body.id}`, {
      auth: admin,
    });
    assert.equal(removed.status, 204);
    assert.deepEqual(
      (await dryRun(hhReporter, '红河蒙自（老）开发区')).body.problems.map((p) => p.code),
      ['unknown_org_unit'],
    );
  });

  it('keeps a removed seeded short form removed at the next start', async () => {
    const seeded = (await aliases('ZN-HH-HEKOU')).find((a) => a.source === 'derived')!;
    const removed = await request(server.url, 'DELETE', `/api/v1/org-units/ZN-HH-HEKOU/aliases/${seeded.id}`, { auth: admin });
    assert.equal(removed.status, 204);
    await syncDerivedAliases(server.database.db);
    assert.ok(!(await aliases('ZN-HH-HEKOU')).some((a) => a.alias === seeded.alias));
    // Added again by hand, it is the administrator's alias.
    const again = await request<Alias>(server.url, 'POST', '/api/v1/org-units/ZN-HH-HEKOU/aliases', {
      auth: admin,
      body: { alias: seeded.alias },
    });
    assert.equal(again.status, 201);
    assert.equal(again.body.source, 'admin');
  });

  it('refuses an alias that already names another unit', async () => {
    const res = await request<{ error: { code: string } }>(server.url, 'POST', '/api/v1/org-units/ZN-HH-HEKOU/aliases', {
      auth: admin,
      body: { alias: '蒙自經開區' },
    });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'ALIAS_TAKEN');
  });

  it('reads a name typed in Traditional characters', async () => {
    const res = await dryRun(hhReporter, '蒙自經濟技術開發區');
    assert.deepEqual(res.body.problems, []);
    assert.deepEqual(
      res.body.changes.map((c) => c.orgUnit),
      ['ZN-HH-MENGZI'],
    );
  });

  it('suggests only units the uploader may report for', async () => {
    // The suggestions are named in the problem's text (zh and en).
    const problem = async (auth: Session) => (await dryRun(auth, '昆明高兴区')).body.problems[0]!;
    const forAdmin = await problem(admin);
    assert.match(forAdmin.reasonZh, /您是否指：昆明高新技术产业开发区（ZN-KM-HIGHTECH）/);
    assert.match(forAdmin.reason, /did you mean 昆明高新技术产业开发区 \(ZN-KM-HIGHTECH\)/);
    const forReporter = await problem(hhReporter);
    assert.equal(forReporter.code, 'unknown_org_unit');
    assert.doesNotMatch(forReporter.reasonZh, /ZN-KM/);
  });
});
