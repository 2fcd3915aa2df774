import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closedPeriods } from '../../src/domain/reporting/forms/form-periods.ts';
import type { FormMappings } from '../../src/presenters/reporting.presenter.ts';
import type { ImportResult } from '../../src/services/reporting/import/import.service.ts';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';

const [PERIOD] = closedPeriods('month', '2021-01', new Date().toISOString().slice(0, 10), 1) as [string];

/**
 * Issue 18, names: "a mapping chosen once is remembered for that form". A reporter's file names its
 * unit and one column in words PlanTrack does not know; once mapped, the same file imports with no
 * mapping, and removing the mapping brings the problem back. The file is built here.
 */
describe('name mappings remembered per form', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let hhReporter: Session;
  let mzReporter: Session;
  before(async () => {
    server = await startTestServer('pglite');
    hhReporter = await loginAs(server.url, 'hh.reporter');
    mzReporter = await loginAs(server.url, 'mengzi.reporter');
  });
  after(() => server.close());

  const file = new TextEncoder().encode('单位名称,营业收入（亿元）,园区税费（万元）\n蒙自经开区本级,12.5,3400\n');
  const upload = (auth: Session, dryRun: boolean) =>
    request<ImportResult>(
      server.url,
      'POST',
      `/api/v1/forms/DEV_ZONE_MONTHLY/imports?fileName=zone.csv&dryRun=${dryRun}&period=${PERIOD}`,
      { auth, body: file },
    );
  const map = (auth: Session, kind: string, text: string, target: string) =>
    request<{ id: number; targetName: string }>(server.url, 'POST', '/api/v1/forms/DEV_ZONE_MONTHLY/mappings', {
      auth,
      body: { kind, text, target },
    });
  const list = (auth: Session) => request<FormMappings>(server.url, 'GET', '/api/v1/forms/DEV_ZONE_MONTHLY/mappings', { auth });

  it('names the unknown unit with its choices and the unknown heading with the text to map', async () => {
    const first = await upload(mzReporter, true);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const unit = first.body.problems.find((p) => p.code === 'unknown_org_unit');
    assert.ok(unit, JSON.stringify(first.body.problems));
    assert.equal(unit.mapText, '蒙自经开区本级');
    assert.deepEqual(
      unit.suggestions?.map((s) => s.code),
      ['ZN-HH-MENGZI'],
    );
    const column = first.body.notes.find((n) => n.code === 'column_ignored' && n.mapText);
    assert.equal(column?.mapText, '园区税费');
  });

  it('remembers the reporter’s choices, audited, and a second import of the same file needs none', async () => {
    const unit = await map(mzReporter, 'org_unit', '蒙自经开区本级', 'ZN-HH-MENGZI');
    assert.equal(unit.status, 201, JSON.stringify(unit.body));
    assert.equal(unit.body.targetName, '蒙自经济技术开发区');
    const column = await map(mzReporter, 'indicator', '园区税费', 'TAX_REVENUE');
    assert.equal(column.status, 201, JSON.stringify(column.body));

    const committed = await upload(mzReporter, false);
    assert.equal(committed.status, 201, JSON.stringify(committed.body.problems));
    assert.deepEqual(
      committed.body.changes.map((c) => [c.orgUnit, c.indicator, c.after]).sort(),
      [
        ['ZN-HH-MENGZI', 'REVENUE', '12.5'],
        ['ZN-HH-MENGZI', 'TAX_REVENUE', '0.34'],
      ].sort(),
    );
    // The same file again, by another reporter of the unit: recognised, nothing to map, nothing changes.
    const again = await upload(hhReporter, true);
    assert.deepEqual(again.body.problems, []);
    assert.equal(again.body.notes.filter((n) => n.mapText).length, 0);
    assert.equal(again.body.counts.unchanged, 2);

    const audit = await server.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_key'])
      .where('entity', '=', 'report_form_mapping')
      .orderBy('id')
      .execute();
    assert.deepEqual(audit, [
      { action: 'create', entity_key: `DEV_ZONE_MONTHLY/${unit.body.id}` },
      { action: 'create', entity_key: `DEV_ZONE_MONTHLY/${column.body.id}` },
    ]);
  });

  it('lists the mappings with their targets and refuses a name already recognised or mapped', async () => {
    const listed = await list(mzReporter);
    assert.deepEqual(
      listed.body.mappings.map((m) => [m.kind, m.text, m.target, m.targetName]),
      [
        ['org_unit', '蒙自经开区本级', 'ZN-HH-MENGZI', '蒙自经济技术开发区'],
        ['indicator', '园区税费', 'TAX_REVENUE', listed.body.mappings[1]!.targetName],
      ],
    );
    assert.deepEqual(
      listed.body.units.map((u) => u.code),
      ['ZN-HH-MENGZI'],
    );
    assert.equal((await map(mzReporter, 'org_unit', '蒙自经开区 本级', 'ZN-HH-MENGZI')).status, 409);
    assert.equal((await map(mzReporter, 'indicator', '营业收入', 'TAX_REVENUE')).status, 409);
    assert.equal((await map(mzReporter, 'org_unit', '个旧本级', 'ZN-KM-HIGHTECH')).status, 403);
  });

  it('forgets a removed mapping: the next import asks again', async () => {
    const { mappings } = (await list(mzReporter)).body;
    const unitMapping = mappings.find((m) => m.kind === 'org_unit')!;
    const removed = await request(server.url, 'DELETE', `/api/v1/forms/DEV_ZONE_MONTHLY/mappings/${unitMapping.id}`, {
      auth: mzReporter,
    });
    assert.equal(removed.status, 204);
    const after = await upload(mzReporter, true);
    assert.deepEqual(
      after.body.problems.map((p) => p.code),
      ['unknown_org_unit'],
    );
  });

  it('checks a 同比 column against last year’s figure: not stored, a note where it disagrees', async () => {
    const db = server.database.db;
    const unit = await db.selectFrom('org_unit').select('id').where('code', '=', 'ZN-HH-MENGZI').executeTakeFirstOrThrow();
    const revenue = await db.selectFrom('indicator').select('id').where('code', '=', 'REVENUE').executeTakeFirstOrThrow();
    const [y, m] = PERIOD.split('-').map(Number) as [number, number];
    const lastYear = `${y - 1}-${String(m).padStart(2, '0')}`;
    await db
      .deleteFrom('data_value')
      .where('org_unit_id', '=', unit.id)
      .where('indicator_id', '=', revenue.id)
      .where('period', '=', lastYear)
      .where('cumulative', '=', true)
      .execute();
    await db
      .insertInto('data_value')
      .values({
        org_unit_id: unit.id,
        indicator_id: revenue.id,
        period: lastYear,
        period_kind: 'month',
        period_start: `${lastYear}-01`,
        period_end: `${lastYear}-28`,
        cumulative: true,
        origin: 'reported',
        value: '10',
        status: 'approved',
        updated_at: new Date(),
      })
      .execute();
    const growthFile = (stated: string) =>
      new TextEncoder().encode(`单位名称,营业收入（亿元）,同比增长（%）\n蒙自经济技术开发区,12.5,${stated}\n`);
    const send = (stated: string) =>
      request<ImportResult>(
        server.url,
        'POST',
        `/api/v1/forms/DEV_ZONE_MONTHLY/imports?fileName=g.csv&dryRun=true&period=${PERIOD}`,
        { auth: mzReporter, body: growthFile(stated) },
      );
    const agrees = await send('25.0');
    assert.deepEqual(agrees.body.problems, []);
    // One figure read (营业收入, already stored by the earlier import); the growth is not a figure.
    assert.equal(agrees.body.counts.values, 1);
    assert.deepEqual(
      agrees.body.notes.filter((n) => n.code.startsWith('growth')).map((n) => n.code),
      ['growth_column', 'growth_checked'],
    );
    assert.match(agrees.body.notes.find((n) => n.code === 'growth_checked')!.messageZh, /1 个与数据相符，0 个不符/);
    const differs = await send('8.3');
    const note = differs.body.notes.find((n) => n.code === 'growth_differs');
    assert.ok(note, JSON.stringify(differs.body.notes));
    assert.match(note.messageZh, /C2单元格.*8\.3%.*25\.0%/);
  });
});
