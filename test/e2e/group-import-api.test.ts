import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { DEMO_ADMIN_TOKEN } from '../../src/services/demo-accounts.service.ts';
import { plantrack } from '../support/cli.ts';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';

type Group = { code: string; members: string[] };
type Audit = { items: { entity: string; entityKey: string; after: unknown }[] };

/** Builds the plan office's workbook as Excel would: a title row, then a header row, then one unit a row. */
async function workbook(rows: (string | number)[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('分组');
  sheet.addRow(['主体功能区类型调整表']);
  sheet.addRow(['单位代码', '单位名称', '分组']);
  for (const r of rows) sheet.addRow(r);
  book.addWorksheet('说明').addRow(['单位代码', '分组']);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Issue 16 item 2: group membership from an Excel import, all or nothing, audited. */
describe('POST /api/v1/groups/members/import (.xlsx)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let planner: Session;
  before(async () => {
    server = await startTestServer('pglite');
    planner = await loginAs(server.url, 'planner');
  });
  after(() => server.close());

  const members = async (code: string) =>
    (await request<{ items: Group[] }>(server.url, 'GET', '/api/v1/groups', { auth: planner })).body.items.find(
      (g) => g.code === code,
    )!.members;
  const upload = (body: Uint8Array, reason: string) =>
    request<Group[] & { groups: Group[]; error?: { message: string; messageZh?: string; details?: unknown } }>(
      server.url,
      'POST',
      `/api/v1/groups/members/import?reason=${encodeURIComponent(reason)}`,
      { auth: planner, body },
    );

  it('a good workbook puts the units in their groups (GB/T 2260 code, unit code, group name or code) and is audited', async () => {
    const res = await upload(
      await workbook([
        ['532801', '景洪市', '重点生态功能区'],
        ['YN-530102', '五华区', 'mfa-urbanised'],
      ]),
      '按省主体功能区规划划分',
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.ok((await members('mfa-ecological')).includes('YN-532801'));
    assert.ok((await members('mfa-urbanised')).includes('YN-530102'));
    const audit = await request<Audit>(server.url, 'GET', '/api/v1/audit?entity=org_group&key=mfa-ecological', {});
    const text = JSON.stringify(audit.body);
    assert.match(text, /YN-532801/);
    assert.match(text, /按省主体功能区规划划分/);
  });

  it('a workbook naming an unknown unit changes nothing and names the row and column', async () => {
    const before = await members('mfa-agricultural');
    const res = await upload(
      await workbook([
        ['530102', '五华区', '农产品主产区'],
        ['539999', '不存在县', '农产品主产区'],
      ]),
      '试导入',
    );
    assert.equal(res.status, 400, JSON.stringify(res.body));
    const body = JSON.stringify(res.body);
    assert.match(body, /第4行“单位”列：未知单位“539999”/);
    assert.match(body, /row 4, unit: unknown unit \\"539999/);
    assert.deepEqual(await members('mfa-agricultural'), before);
    assert.ok((await members('mfa-urbanised')).includes('YN-530102'), 'the good row was not applied either');
  });

  it('an empty body or a file that is not a workbook is refused at once (it used to hang the request)', async () => {
    for (const body of [new Uint8Array(), new TextEncoder().encode('单位代码,分组\n530102,城市化地区\n')]) {
      const res = await upload(body, '非工作簿');
      assert.equal(res.status, 422, JSON.stringify(res.body));
      assert.match(JSON.stringify(res.body), /不是 Excel/);
    }
  });

  it('a workbook with no 单位/分组 header is refused', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('S').addRow(['县', '类']);
    const res = await upload(new Uint8Array(await book.xlsx.writeBuffer()), '无表头');
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.match(JSON.stringify(res.body), /未找到表头行/);
  });
});

describe('plantrack groups assign --file x.xlsx', () => {
  it('applies a workbook like the CSV file, and refuses one with a bad row naming it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'plantrack-groups-'));
    const env = { PLANTRACK_DATA_DIR: path.join(dir, 'data'), PLANTRACK_TOKEN: DEMO_ADMIN_TOKEN };
    const good = path.join(dir, 'good.xlsx');
    const bad = path.join(dir, 'bad.xlsx');
    await writeFile(good, await workbook([['532801', '景洪市', 'mfa-ecological']]));
    await writeFile(bad, await workbook([['539999', '不存在县', 'mfa-ecological']]));
    const refused = await plantrack(['groups', 'assign', '--file', bad, '--reason', '试'], env);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr + refused.stdout, /row 3, unit: unknown unit "539999"/);
    const applied = await plantrack(['groups', 'assign', '--file', good, '--reason', '按规划', '--json'], env);
    assert.equal(applied.code, 0, applied.stderr);
    const result = JSON.parse(applied.stdout) as { groups: Group[] };
    assert.ok(result.groups.find((g) => g.code === 'mfa-ecological')!.members.includes('YN-532801'));
  });
});
