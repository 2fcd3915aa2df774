import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { closedPeriods, samePeriodLastYear } from '../../src/domain/reporting/forms/form-periods.ts';
import { formatPeriod, parsePeriod, periodBounds } from '../../src/domain/period/period.ts';
import { upsertDataValues } from '../../src/repositories/data-value.repository.ts';
import type { ImportResult } from '../../src/services/reporting/import/import.service.ts';
import type { EntrySheet } from '../../src/services/reporting/entry-sheet.service.ts';
import { DATABASE_KINDS } from '../support/databases.ts';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';

type Rejected = { error: { code: string; details: ImportResult } };
const today = new Date().toISOString().slice(0, 10);
/** Two months that are over, so they are open whatever day the tests run. */
const [PERIOD, EARLIER] = closedPeriods('month', '2021-01', today, 2) as [string, string];
const FORM = 'DEV_ZONE_MONTHLY';
const UNITS = ['ZN-HH-MENGZI', 'ZN-HH-HEKOU'];

async function workbookFrom(body: ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body);
  return wb;
}
const bytes = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

for (const kind of DATABASE_KINDS) {
  describe(`reporting import on ${kind}`, () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    let reporter: Session;
    let hhReporter: Session;
    before(async () => {
      server = await startTestServer(kind);
      reporter = await loginAs(server.url, 'mengzi.reporter');
      hhReporter = await loginAs(server.url, 'hh.reporter');
    });
    after(async () => {
      await server.close();
      await server.drop();
    });

    const upload = (auth: Session | undefined, body: Uint8Array, query: string) =>
      request<ImportResult & Rejected>(server.url, 'POST', `/api/v1/forms/${FORM}/imports?${query}`, { auth, body });
    /** Everything an import could touch, to prove a rejected or repeated upload changes nothing. */
    const snapshot = async () => {
      const db = server.database.db;
      const values = await db
        .selectFrom('data_value')
        .select(['org_unit_id', 'indicator_id', 'period', 'value', 'version', 'status'])
        .where('origin', '=', 'reported')
        .orderBy(['org_unit_id', 'indicator_id', 'period'])
        .execute();
      const submissions = await db.selectFrom('report_submission').selectAll().orderBy('id').execute();
      const audit = await db.selectFrom('audit_log').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const imports = await db.selectFrom('report_import').select('id').execute();
      return JSON.stringify({ values, submissions, audit: Number(audit.n), imports });
    };

    it('downloads a template, previews it, commits it, and a second upload changes nothing', async () => {
      const template = await request<ArrayBuffer>(
        server.url,
        'GET',
        `/api/v1/forms/${FORM}/template?period=${PERIOD}&units=${UNITS.join(',')}`,
        { auth: hhReporter },
      );
      assert.equal(template.status, 200);
      const wb = await workbookFrom(template.body);
      const sheet = wb.getWorksheet('填报')!;
      const header = (sheet.getRow(3).values as unknown[]).slice(1) as string[];
      assert.deepEqual(header.slice(0, 4), ['单位代码', '单位名称', '期间', '营业收入（亿元）']);
      // Units in code order.
      assert.deepEqual(
        [sheet.getCell(4, 1).value, sheet.getCell(5, 1).value, sheet.getCell(4, 3).value],
        ['ZN-HH-HEKOU', 'ZN-HH-MENGZI', PERIOD],
      );
      const [HEKOU, MENGZI] = [4, 5];
      // The untouched template is a valid upload that changes nothing.
      const empty = await upload(hhReporter, await bytes(wb), `fileName=empty.xlsx&dryRun=true`);
      assert.equal(empty.status, 200, JSON.stringify(empty.body));
      assert.deepEqual(empty.body.problems, []);
      assert.equal(empty.body.counts.values, 0);

      const col = (name: string) => header.findIndex((h) => h.startsWith(name)) + 1;
      sheet.getCell(MENGZI, col('营业收入')).value = 120.5;
      sheet.getCell(MENGZI, col('工业总产值')).value = '98.2';
      sheet.getCell(MENGZI, col('从业人员')).value = '２３，０００';
      sheet.getCell(HEKOU, col('营业收入')).value = '8,000万元';
      sheet.getCell(HEKOU, col('税收收入')).value = '—';
      const file = await bytes(wb);

      const before = await snapshot();
      const preview = await upload(hhReporter, file, `fileName=zones.xlsx&dryRun=true`);
      assert.equal(preview.status, 200, JSON.stringify(preview.body));
      assert.deepEqual(preview.body.counts, {
        values: 4,
        created: 4,
        changed: 0,
        unchanged: 0,
        notApplicable: 1,
        skippedRows: 0,
        submissions: 2,
      });
      assert.deepEqual(
        preview.body.changes.map((c) => [c.orgUnit, c.indicator, c.before, c.after, c.row, c.column]),
        [
          ['ZN-HH-HEKOU', 'REVENUE', null, '0.8', HEKOU, 'D'],
          ['ZN-HH-MENGZI', 'REVENUE', null, '120.5', MENGZI, 'D'],
          ['ZN-HH-MENGZI', 'INDUSTRIAL_OUTPUT', null, '98.2', MENGZI, 'E'],
          ['ZN-HH-MENGZI', 'EMPLOYEES', null, '23000', MENGZI, String.fromCharCode(64 + col('从业人员'))],
        ],
      );
      assert.equal(await snapshot(), before, 'a dry run writes nothing');

      const committed = await upload(hhReporter, file, `fileName=zones.xlsx`);
      assert.equal(committed.status, 201, JSON.stringify(committed.body));
      assert.ok(committed.body.importId);
      const entry = await request<EntrySheet>(server.url, 'GET', `/api/v1/submissions/${FORM}/ZN-HH-MENGZI/${PERIOD}`, {
        auth: reporter,
      });
      assert.equal(entry.body.items.find((i) => i.indicator === 'REVENUE')!.value, '120.5');
      assert.ok(entry.body.history.some((h) => h.action === 'import'));
      const audit = await server.database.db
        .selectFrom('audit_log')
        .select(['entity', 'entity_key', 'after'])
        .where('action', '=', 'import')
        .where('entity', 'in', ['report_submission', 'report_import'])
        .orderBy('id')
        .execute();
      assert.deepEqual(audit.map((a) => [a.entity, a.entity_key]).sort(), [
        ['report_import', String(committed.body.importId)],
        ['report_submission', `${FORM}/ZN-HH-HEKOU/${PERIOD}`],
        ['report_submission', `${FORM}/ZN-HH-MENGZI/${PERIOD}`],
      ]);

      const afterCommit = await snapshot();
      const again = await upload(hhReporter, file, `fileName=zones-again.xlsx`);
      assert.equal(again.status, 200);
      assert.equal(again.body.committed, false);
      assert.equal(again.body.duplicateOf, committed.body.importId);
      assert.deepEqual([again.body.counts.unchanged, again.body.counts.created, again.body.counts.changed], [4, 0, 0]);
      assert.equal(await snapshot(), afterCommit, 'the same file twice changes nothing');
    });

    it('rejects a file with any bad cell as a whole, naming sheet, row, column and reason', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('数据');
      ws.addRow(['单位代码', '期间', '营业收入（亿元）', '工业总产值（亿元）']);
      ws.addRow(['ZN-HH-MENGZI', EARLIER, '10', '20']);
      ws.addRow(['ZN-HH-HEKOU', EARLIER, '十二', '1,2345']);
      ws.addRow(['ZN-KM-HIGHTECH', EARLIER, '5', '6']);
      const before = await snapshot();
      const res = await upload(hhReporter, await bytes(wb), 'fileName=bad.xlsx');
      assert.equal(res.status, 422);
      assert.equal(res.body.error.code, 'IMPORT_REJECTED');
      assert.deepEqual(
        res.body.error.details.problems.map((p) => [p.sheet, p.row, p.column, p.value, p.code]),
        [
          ['数据', 3, 'C', '十二', 'not_a_number'],
          ['数据', 3, 'D', '1,2345', 'bad_thousands_separator'],
          ['数据', 4, 'C', '5', 'outside_scope'],
          ['数据', 4, 'D', '6', 'outside_scope'],
        ],
      );
      assert.ok(res.body.error.details.problems.every((p) => p.reason && p.reasonZh));
      assert.equal(await snapshot(), before, 'a rejected upload changes no row');
    });

    it('refuses to import into a submitted sheet', async () => {
      const sheetUrl = `/api/v1/submissions/${FORM}/ZN-HH-MENGZI/${EARLIER}`;
      const filled = await request<EntrySheet>(server.url, 'PUT', `${sheetUrl}/values`, {
        auth: reporter,
        body: {
          values: Object.entries({
            REVENUE: '100',
            INDUSTRIAL_OUTPUT: '80',
            INDUSTRIAL_VA_ABOVE_SCALE: '20',
            FAI: '30',
            TAX_REVENUE: '5',
            TRADE_TOTAL: '10',
            LAND_AREA_MU: '15000',
            EMPLOYEES: '20000',
          }).map(([indicator, value]) => ({ indicator, value, expectedVersion: 0 })),
        },
      });
      assert.equal(filled.status, 200, JSON.stringify(filled.body));
      const submitted = await request<EntrySheet>(server.url, 'POST', `${sheetUrl}/submit`, {
        auth: reporter,
        body: { version: filled.body.submission.version },
      });
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('数据').addRows([
        ['单位代码', '期间', '营业收入（亿元）'],
        ['ZN-HH-MENGZI', EARLIER, '101'],
      ]);
      const res = await upload(reporter, await bytes(wb), 'fileName=late.xlsx');
      assert.equal(res.status, 422);
      assert.deepEqual(
        res.body.error.details.problems.map((p) => [p.row, p.code]),
        [[2, 'submission_locked']],
      );
    });

    it('refuses figures that break a hard rule of the form, naming row, column, value and rule, and writes nothing', async () => {
      const before = await snapshot();
      const csv = new TextEncoder().encode(
        `单位名称,期间,工业总产值(亿元),规上工业增加值(亿元),营业收入(亿元)\r\n河口边境经济合作区,${EARLIER},5,9,-1\r\n`,
      );
      const res = await upload(hhReporter, csv, 'fileName=impossible.csv');
      assert.equal(res.status, 422, JSON.stringify(res.body));
      const problems = res.body.error.details.problems;
      assert.deepEqual(problems.map((p) => [p.row, p.column, p.value, p.code]).sort(), [
        [2, 'D', '9', 'rule_violated'],
        [2, 'E', '-1', 'rule_violated'],
      ]);
      assert.ok(problems.some((p) => p.reasonZh.includes('规上工业增加值不能大于工业总产值')));
      assert.equal(await snapshot(), before);
    });

    it('lets figures that break a soft rule through, each warning naming unit, period, cell and rule (issue 18 item 4)', async () => {
      // Last year's approved figure: 营业收入 then 1 亿元; this upload says 3 (+200% 同比, the soft rule allows ±50%).
      const db = server.database.db;
      const lastYear = formatPeriod(samePeriodLastYear(parsePeriod(EARLIER)!));
      const bounds = periodBounds(parsePeriod(lastYear)!);
      const ids = async (table: 'org_unit' | 'indicator', code: string) =>
        (await db.selectFrom(table).select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
      await upsertDataValues(db, [
        {
          org_unit_id: await ids('org_unit', 'ZN-HH-HEKOU'),
          indicator_id: await ids('indicator', 'REVENUE'),
          period: lastYear,
          period_kind: 'month',
          period_start: bounds.start,
          period_end: bounds.end,
          cumulative: true,
          origin: 'reported',
          value: '1',
          status: 'approved',
        },
      ]);
      const csv = new TextEncoder().encode(`单位名称,期间,营业收入(亿元)\r\n河口边境经济合作区,${EARLIER},3\r\n`);
      const res = await upload(hhReporter, csv, 'fileName=jump.csv&dryRun=true');
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body.problems, []);
      assert.deepEqual(
        res.body.warnings.map((w) => [w.orgUnit, w.period, w.ruleId, w.indicators, w.row, w.column, w.needsComment]),
        [['ZN-HH-HEKOU', EARLIER, 'change-yoy', ['REVENUE'], 2, 'C', true]],
      );
      assert.match(res.body.warnings[0]!.message.zh, /同比/);
    });

    it('reads a GB18030 CSV and takes JSON from a machine through the same path', async () => {
      const csv = iconv.encode(`单位名称,期间,固定资产投资(万元)\r\n河口边境经济合作区,${PERIOD},"12,500"\r\n`, 'gb18030');
      const hekou = await server.database.db
        .selectFrom('org_unit')
        .select('name')
        .where('code', '=', 'ZN-HH-HEKOU')
        .executeTakeFirstOrThrow();
      assert.equal(hekou.name, '河口边境经济合作区', 'the CSV names the zone as the dataset does');
      const res = await upload(hhReporter, new Uint8Array(csv), 'fileName=hekou.csv');
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.deepEqual(
        res.body.changes.map((c) => [c.orgUnit, c.indicator, c.after]),
        [['ZN-HH-HEKOU', 'FAI', '1.25']],
      );

      const token = await request<{ secret: string }>(server.url, 'POST', '/api/v1/auth/tokens', {
        auth: hhReporter,
        body: { name: 'statistics bureau feed', scopes: ['read', 'write'] },
      });
      const machine = await request<ImportResult>(server.url, 'POST', `/api/v1/forms/${FORM}/values?period=${PERIOD}`, {
        auth: { token: token.body.secret },
        body: {
          values: [
            { orgUnit: 'ZN-HH-HEKOU', indicator: 'TAX_REVENUE', value: '3500', unit: '万元' },
            { orgUnit: 'ZN-HH-HEKOU', indicator: 'EMPLOYEES', value: 1200 },
          ],
        },
      });
      assert.equal(machine.status, 201, JSON.stringify(machine.body));
      assert.deepEqual(
        machine.body.changes.map((c) => [c.indicator, c.after]),
        [
          ['TAX_REVENUE', '0.35'],
          ['EMPLOYEES', '1200'],
        ],
      );
      const wrong = await request<Rejected>(server.url, 'POST', `/api/v1/forms/${FORM}/values?period=${PERIOD}`, {
        auth: { token: token.body.secret },
        body: { values: [{ orgUnit: 'ZN-HH-HEKOU', indicator: 'LAND_AREA_MU', value: '12', unit: '万元' }] },
      });
      assert.equal(wrong.status, 422);
      assert.deepEqual(
        wrong.body.error.details.problems.map((p) => [p.sheet, p.row, p.code]),
        [['values', 1, 'unit_mismatch']],
      );
    });
  });
}
