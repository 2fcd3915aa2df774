import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { ADMIN_TOKEN, getJson, startTestServer } from '../support/server.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('every export through the API is audited', () => {
  let server: Server;
  before(async () => {
    server = await startTestServer('pglite');
  });
  after(() => server.close());

  const exports = () =>
    server.database.db
      .selectFrom('audit_log')
      .select(['actor', 'via', 'entity', 'entity_key', 'after'])
      .where('action', '=', 'export')
      .orderBy('id')
      .execute();

  async function download(url: string): Promise<number> {
    const res = await fetch(new URL(url, server.url), { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    await res.arrayBuffer();
    return res.status;
  }

  it('records who downloaded which report, task list or template, for which plan and in which format', async () => {
    assert.equal(await download('/api/v1/reports/monitoring?plan=yunnan-ftz-2021-2025&at=2023&format=xlsx'), 200);
    assert.equal(await download('/api/v1/tasks/export?plan=yunnan-pprd-2016'), 200);
    assert.equal(await download('/api/v1/forms/DEV_ZONE_MONTHLY/template?period=2026-10&units=ZN-HH-MENGZI'), 200);
    assert.deepEqual(await exports(), [
      {
        actor: 'admin',
        via: 'token',
        entity: 'export',
        entity_key: 'monitoring_report/yunnan-ftz-2021-2025/2023',
        after: { format: 'xlsx' },
      },
      { actor: 'admin', via: 'token', entity: 'export', entity_key: 'task_list/yunnan-pprd-2016', after: { format: 'xlsx' } },
      {
        actor: 'admin',
        via: 'token',
        entity: 'export',
        entity_key: 'form_template/DEV_ZONE_MONTHLY/2026-10',
        after: { format: 'xlsx', units: 'ZN-HH-MENGZI' },
      },
    ]);
  });

  it("records the overview table's filter of a filtered export (issue 19)", async () => {
    const url =
      '/api/v1/reports/monitoring?plan=yunnan-ftz-2021-2025&at=2023&format=xlsx&table=targets&warning=red&q=GDP&sort=-completion';
    assert.equal(await download(url), 200);
    assert.deepEqual((await exports()).at(-1)?.after, {
      format: 'xlsx',
      table: 'targets',
      warning: 'red',
      q: 'GDP',
      sort: '-completion',
    });
  });

  it("the filtered workbook's 说明 sheet names the responsible subject, not its code (issue 19)", async () => {
    const progress = await getJson<{ targets: { subject: { code: string; name: string } }[] }>(
      server.url,
      '/api/v1/progress?plan=yunnan-ftz-2021-2025&at=2023',
    );
    const subject = progress.body.targets[0]!.subject;
    const res = await fetch(
      new URL(`/api/v1/reports/monitoring?plan=yunnan-ftz-2021-2025&at=2023&format=xlsx&subject=${subject.code}`, server.url),
      { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } },
    );
    assert.equal(res.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const about = wb.getWorksheet('说明')!;
    const lines = about.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    const filter = lines.find((l) => l.startsWith('筛选：'))!;
    assert.ok(filter.includes(`责任主体为${subject.name}`), filter);
    assert.ok(!filter.includes(subject.code), filter);
  });

  it('records nothing for a download that was refused or failed', async () => {
    const before = (await exports()).length;
    assert.equal(await download('/api/v1/reports/monitoring?plan=no-such-plan&at=2023'), 404);
    assert.equal((await exports()).length, before);
  });
});
