import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_INPUT_LIMITS } from '../../src/config/input-limits.ts';
import { startServer } from '../../src/server.ts';
import {
  manyRowsXlsx,
  rezip,
  withoutCellReferences,
  workbookBytes,
  zeros,
} from '../../src/spreadsheets/hostile-files.fixtures.ts';
import { snapshot } from '../support/databases.ts';
import { loginAs, request, type Session } from '../support/server.ts';

type Refusal = { error: { code: string; message: string; messageZh: string; details?: unknown } };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Hostile uploads against the real server at the production body limit (10 MiB): refused, server up, nothing changed. */
describe('uploads are bounded: hostile files get 413/422 naming the limit or position, never a 500', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let reporter: Session;
  let planner: Session;
  let bomb: Uint8Array;
  const ROWS_LIMIT = 20_000;
  before(async () => {
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      seedOnStart: true,
      demoData: false,
      logLevel: 'silent',
      bodyLimit: 10 * 1024 * 1024,
      cliToken: undefined,
      trustProxy: false,
      database: { kind: 'pglite', dataDir: 'memory://' },
      // The row limit is lowered (as an operator may) so that the test reads few rows before the refusal.
      inputLimits: { ...DEFAULT_INPUT_LIMITS, maxRows: ROWS_LIMIT },
    });
    reporter = await loginAs(server.url, 'mengzi.reporter');
    planner = await loginAs(server.url, 'planner');
    bomb = rezip(await workbookBytes([['单位', '指标', '数值']]), () => {}, [await zeros()]);
  });
  after(async () => {
    await server.close();
  });

  /** Sends a hostile body and checks the refusal, that the server still answers and that no table changed. */
  async function refused(
    path: string,
    auth: Session,
    body: Uint8Array,
    status: number,
    code: string,
    mentions: RegExp,
    type = XLSX,
  ) {
    const before = await snapshot(server.database);
    const res = await request<Refusal>(server.url, 'POST', path, { auth, body, headers: { 'content-type': type } });
    assert.equal(res.status, status, JSON.stringify(res.body));
    assert.equal(res.body.error.code, code);
    assert.match(`${res.body.error.message} ${res.body.error.messageZh} ${JSON.stringify(res.body.error.details)}`, mentions);
    assert.equal((await request(server.url, 'GET', '/api/v1/health', { auth: null })).status, 200);
    assert.deepEqual(await snapshot(server.database), before);
  }
  const reportImport = (name: string) => `/api/v1/forms/DEV_ZONE_MONTHLY/imports?fileName=${name}`;
  const taskImport = '/api/v1/tasks/import?plan=yunnan-pprd-2016';

  it('a 1 MB .xlsx inflating to 1 GiB: 413 INFLATED_TOO_LARGE on report, task and document uploads', async () => {
    assert.ok(bomb.length < 1.5 * 1024 * 1024);
    await refused(reportImport('bomb.xlsx'), reporter, bomb, 413, 'INFLATED_TOO_LARGE', /PLANTRACK_MAX_INFLATED_BYTES/);
    await refused(taskImport, planner, bomb, 413, 'INFLATED_TOO_LARGE', /PLANTRACK_MAX_INFLATED_BYTES/);
    await refused(
      '/api/v1/ingestion/drafts?fileName=bomb.docx',
      planner,
      bomb,
      413,
      'INFLATED_TOO_LARGE',
      /PLANTRACK_MAX_INFLATED_BYTES/,
      'application/octet-stream',
    );
  });

  it('a truncated .xlsx and cells without r attributes: 422', async () => {
    const xlsx = await workbookBytes([
      ['单位', '指标', '数值'],
      ['ZN-HH-MENGZI', 'GDP', 1],
    ]);
    const cut = xlsx.subarray(0, Math.floor(xlsx.length * 0.7));
    await refused(reportImport('cut.xlsx'), reporter, cut, 422, 'UNREADABLE_ZIP', /truncated/);
    await refused(taskImport, planner, cut, 422, 'UNREADABLE_ZIP', /truncated/);
    const noRefs = withoutCellReferences(xlsx);
    await refused(reportImport('noref.xlsx'), reporter, noRefs, 422, 'XLSX_CELL_WITHOUT_REFERENCE', /r attribute/);
    await refused(taskImport, planner, noRefs, 422, 'XLSX_CELL_WITHOUT_REFERENCE', /r attribute/);
  });

  it('a 1,000,000-row .xlsx under the body limit is refused at the row limit, quickly', async () => {
    const xlsx = await manyRowsXlsx(1_000_000);
    assert.ok(xlsx.length < 10 * 1024 * 1024);
    const started = Date.now();
    await refused(
      reportImport('rows.xlsx'),
      reporter,
      xlsx,
      413,
      'TOO_MANY_ROWS',
      new RegExp(`${ROWS_LIMIT}.*PLANTRACK_MAX_ROWS`),
    );
    assert.ok(Date.now() - started < 30_000, `${Date.now() - started} ms`);
  });

  it('a CSV with an unclosed quote: 422 naming the row', async () => {
    const csv = new TextEncoder().encode(
      'org_unit,indicator,period,value\nZN-HH-MENGZI,"GDP,2024-01,1\nZN-HH-HEKOU,GDP,2024-01,2\n',
    );
    await refused(reportImport('q.csv'), reporter, csv, 422, 'UNREADABLE_CSV', /row 2/, 'text/csv');
  });

  it('a YAML alias bomb to /plans/import: 422 naming line and column', async () => {
    let y = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 10; i++)
      y += `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    await refused(
      '/api/v1/plans/import',
      planner,
      new TextEncoder().encode(y),
      422,
      'INVALID_PLAN_FILE',
      /line 4, column 10/,
      'application/yaml',
    );
    const deep = '['.repeat(300_000) + ']'.repeat(300_000);
    await refused(
      '/api/v1/plans/import',
      planner,
      new TextEncoder().encode(deep),
      422,
      'INVALID_PLAN_FILE',
      /PLANTRACK_MAX_YAML_DEPTH/,
      'application/yaml',
    );
  });
});
