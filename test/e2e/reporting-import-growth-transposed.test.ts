import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { closedPeriods } from '../../src/domain/reporting/forms/form-periods.ts';
import type { ImportResult } from '../../src/services/reporting/import/import.service.ts';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';

const [QUARTER] = closedPeriods('quarter', '2021Q1', new Date().toISOString().slice(0, 10), 1) as [string];
const LAST_YEAR = `${Number(QUARTER.slice(0, 4)) - 1}${QUARTER.slice(4)}`;
const [START, END] = ((y: string, q: number) => {
  const last = q * 3;
  const days = new Date(Date.UTC(Number(y), last, 0)).getUTCDate();
  return [`${y}-${String(last - 2).padStart(2, '0')}-01`, `${y}-${String(last).padStart(2, '0')}-${days}`];
})(LAST_YEAR.slice(0, 4), Number(LAST_YEAR.slice(5)));

/** A workbook of one sheet with the given rows (and merged ranges), built here rather than kept as a file. */
async function workbook(rows: (string | number | null)[][], merges: string[] = []): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('片区季报');
  for (const r of rows) ws.addRow(r);
  for (const m of merges) ws.mergeCells(m);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/*
 * Issue 18: 同比 columns are checked against last year's figure in the transposed layout too (片区
 * across the top, indicators in rows), as they were in the wide and one-unit layouts: a 同比 column
 * right of a unit, one naming the unit, or one under a merged unit heading. Before, the transposed
 * plan noted them as "not a figure" and checked nothing.
 */
describe('同比 columns of a transposed workbook are checked (issue 18)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let admin: Session;
  before(async () => {
    server = await startTestServer('pglite');
    admin = await loginAs(server.url, 'admin');
    // Last year's 进出口总额 (year to date) of two 片区: 100 and 50.
    const db = server.database.db;
    const trade = await db.selectFrom('indicator').select('id').where('code', '=', 'TRADE_TOTAL').executeTakeFirstOrThrow();
    for (const [code, value] of [
      ['FTZ-KM', '100'],
      ['FTZ-HH', '50'],
    ] as const) {
      const unit = await db.selectFrom('org_unit').select('id').where('code', '=', code).executeTakeFirstOrThrow();
      await db
        .deleteFrom('data_value')
        .where('org_unit_id', '=', unit.id)
        .where('indicator_id', '=', trade.id)
        .where('period', '=', LAST_YEAR)
        .execute();
      await db
        .insertInto('data_value')
        .values({
          org_unit_id: unit.id,
          indicator_id: trade.id,
          period: LAST_YEAR,
          period_kind: 'quarter',
          period_start: START,
          period_end: END,
          cumulative: true,
          origin: 'reported',
          value,
          status: 'approved',
          updated_at: new Date(),
        })
        .execute();
    }
  });
  after(() => server.close());

  const preview = async (body: Uint8Array) => {
    const res = await request<ImportResult>(
      server.url,
      'POST',
      `/api/v1/forms/FTZ_AREA_QUARTERLY/imports?fileName=ftz.xlsx&dryRun=true&period=${QUARTER}`,
      { auth: admin, body },
    );
    assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 800));
    const growth = res.body.notes.filter((n) => n.code.startsWith('growth'));
    return { body: res.body, growth };
  };

  it('a bare 同比 column right of each 片区: 昆明 agrees (110 on 100 is +10.0%), 红河 differs (60 on 50 is +20.0%, stated 5.0)', async () => {
    const { body, growth } = await preview(
      await workbook([
        ['指标名称', '计量单位', '昆明片区', '同比增长%', '红河片区', '同比增长%'],
        ['进出口总额', '亿元', '110', '10.0', '60', '5.0'],
      ]),
    );
    assert.deepEqual(body.problems, []);
    assert.deepEqual(
      body.changes.map((c) => `${c.orgUnit} ${c.indicator} ${c.after} ${c.column}`),
      ['FTZ-KM TRADE_TOTAL 110 C', 'FTZ-HH TRADE_TOTAL 60 E'],
      'the growth cells are not stored as figures',
    );
    assert.deepEqual(
      growth.map((n) => n.code),
      ['growth_column', 'growth_column', 'growth_differs', 'growth_checked'],
    );
    const differs = growth.find((n) => n.code === 'growth_differs')!;
    assert.match(differs.messageZh, /^F2单元格：“进出口总额”的同比增速填报为 5\.0%，按本期数 60 与上年同期数 50.*计算为 20\.0%/);
    assert.match(growth.at(-1)!.messageZh, /1 个与数据相符，1 个不符，0 个无法核对/);
  });

  it('a 同比 column naming its 片区, and 累计 | 同比% under merged 片区 headings, are checked alike', async () => {
    const named = await preview(
      await workbook([
        ['指标名称', '计量单位', '昆明片区', '红河片区', '昆明片区同比增长（%）', '红河片区同比增长（%）'],
        ['进出口总额', '亿元', '110', '60', '10', '20'],
      ]),
    );
    assert.deepEqual(named.body.problems, []);
    assert.match(named.growth.at(-1)!.messageZh, /2 个与数据相符，0 个不符/);

    const merged = await preview(
      await workbook(
        [
          ['指标名称', '计量单位', '昆明片区', null, '红河片区', null],
          [null, null, '累计', '同比%', '累计', '同比%'],
          ['进出口总额', '亿元', '110', '12.5', '60', '20.0'],
        ],
        ['C1:D1', 'E1:F1'],
      ),
    );
    assert.deepEqual(merged.body.problems, []);
    assert.deepEqual(
      merged.body.changes.map((c) => `${c.orgUnit} ${c.after} ${c.column}`),
      ['FTZ-KM 110 C', 'FTZ-HH 60 E'],
    );
    const differs = merged.growth.filter((n) => n.code === 'growth_differs');
    assert.equal(differs.length, 1);
    assert.match(differs[0]!.messageZh, /^D3单元格.*12\.5%.*10\.0%/);
  });
});
