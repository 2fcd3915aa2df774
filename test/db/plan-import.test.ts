import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { loadDefinitionFile } from '../../src/dataset/load-definition-files.ts';
import { writePlanTemplate } from '../../src/dataset/plan-workbook.ts';
import { importDefinitions } from '../../src/services/plan-import.service.ts';
import { seedDataset } from '../../src/services/seed.service.ts';
import { queryTargets } from '../../src/services/target-query.service.ts';
import { createTestDatabase, DATABASE_KINDS, snapshot, type TestDatabase } from '../support/databases.ts';

const GOOD_PLAN = `plan:
  id: demo-city-2021-2025
  title: 示范市"十四五"开放型经济规划
  issuer: 示范市人民政府
  periodStart: 2021
  periodEnd: 2025
  sourceFile: demo-source.txt
sections:
  - { key: ch1, kind: chapter, heading: 第一章 发展目标 }
indicators:
  - { code: DEMO_VISITORS, name: 接待游客, nameEn: Visitors, unit: 万人次 }
targets:
  - key: trade-2025
    section: ch1
    indicator: TRADE_TOTAL
    orgUnit: YN-KM
    baseline: { year: 2020, value: 1234.5 }
    target: { year: 2025, comparator: annual_growth, rate: 8.5 }
    source: { quote: "进出口总额年均增长8.5%" }
  - key: visitors-2025
    indicator: DEMO_VISITORS
    orgUnit: YN-KM
    target: { year: 2025, comparator: range, min: 100, max: 120.25 }
    trajectory: [{ year: 2023, value: 105 }, { year: 2024, value: 110 }]
    source: { quote: "接待游客100万至120.25万人次" }
tasks:
  - { key: k1, section: ch1, text: 建设开放平台, lead: [DEPT-SWT], co: [YN-KM], source: { quote: "建设开放平台(省商务厅牵头)" } }
`;
const SOURCE = '第一章 发展目标\n到2025年,进出口总额年均增长\n8.5%,接待游客100万至120.25万人次。建设开放平台(省商务厅牵头)。';

for (const kind of DATABASE_KINDS) {
  describe(`plan import on ${kind}`, () => {
    let t: TestDatabase;
    let dir: string;
    before(async () => {
      t = await createTestDatabase(kind);
      const seeded = await seedDataset(t.database);
      assert.ok(seeded.ok, JSON.stringify(!seeded.ok && seeded.errors.slice(0, 5)));
      dir = await mkdtemp(path.join(tmpdir(), 'plantrack-import-'));
      await writeFile(path.join(dir, 'demo-source.txt'), SOURCE);
    });
    after(() => t.drop());

    it('seeds the five plans with quotes located in their sources', async () => {
      const plans = await t.database.db.selectFrom('plan').select('id').orderBy('id').execute();
      assert.equal(plans.length, 5);
      const located = await t.database.db
        .selectFrom('target')
        .select((eb) => [eb.fn.countAll<number>().as('all'), eb.fn.count<number>('source_start').as('located')])
        .executeTakeFirstOrThrow();
      assert.equal(Number(located.located), Number(located.all));
    });

    it('reseeding is idempotent', async () => {
      const before_ = await snapshot(t.database);
      const again = await seedDataset(t.database);
      assert.ok(again.ok);
      const after_ = await snapshot(t.database);
      for (const table of ['org_unit', 'indicator', 'plan_section', 'target_trajectory', 'task_unit', 'data_value']) {
        assert.equal(after_[table]!.split(':')[0], before_[table]!.split(':')[0], table);
      }
    });

    it('imports a valid YAML plan, keeping decimals exact', async () => {
      const file = path.join(dir, 'good.yaml');
      await writeFile(file, GOOD_PLAN);
      const loaded = await loadDefinitionFile(file);
      assert.deepEqual(loaded.errors, []);
      const result = await importDefinitions(t.database, loaded.files);
      assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
      const { items } = await queryTargets(t.database.db, { plan: 'demo-city-2021-2025' }, { limit: 10, offset: 0 });
      assert.equal(items.length, 2);
      assert.equal(items[0]!.baseline!.value, '1234.5');
      assert.equal(items[0]!.target.rate, '8.5');
      assert.deepEqual([items[1]!.target.min, items[1]!.target.max], ['100', '120.25']);
      assert.deepEqual(items[1]!.trajectory, [
        { year: 2023, value: '105' },
        { year: 2024, value: '110' },
      ]);
      assert.ok(items[0]!.source.start !== null);
    });

    it('rejects a bad YAML file whole, listing every error, and changes nothing', async () => {
      const bad = GOOD_PLAN.replace('id: demo-city-2021-2025', 'id: demo-bad-2025')
        .replace('indicator: TRADE_TOTAL', 'indicator: NO_SUCH_INDICATOR')
        .replace(
          'orgUnit: YN-KM\n    target: { year: 2025, comparator: range',
          'orgUnit: YN-NOWHERE\n    target: { year: 2025, comparator: range',
        )
        .replace('"建设开放平台(省商务厅牵头)"', '"这句话不在原文中"');
      const file = path.join(dir, 'bad.yaml');
      await writeFile(file, bad);
      const before_ = await snapshot(t.database);
      const loaded = await loadDefinitionFile(file);
      const result = await importDefinitions(t.database, loaded.files);
      assert.ok(!result.ok);
      assert.deepEqual(result.errors.map((e) => e.field).sort(), [
        'targets.0.indicator',
        'targets.1.orgUnit',
        'tasks.0.source.quote',
      ]);
      assert.deepEqual(await snapshot(t.database), before_);
    });

    it('refuses to import a plan that exists unless asked to replace it', async () => {
      const loaded = await loadDefinitionFile(path.join(dir, 'good.yaml'));
      const again = await importDefinitions(t.database, loaded.files);
      assert.ok(!again.ok);
      assert.deepEqual(
        again.errors.map((e) => e.field),
        ['plan.id'],
      );
      const replaced = await importDefinitions(t.database, loaded.files, { replace: true });
      assert.ok(replaced.ok);
    });

    it('imports the .xlsx template filled in, and reports sheet, row and column for bad rows', async () => {
      const good = {
        key: 'x1',
        indicator: 'TRADE_TOTAL',
        orgUnit: 'YN-KM',
        baselineYear: 2020,
        baselineValue: 1234.5,
        targetYear: 2025,
        comparator: 'annual_growth',
        rate: 8.5,
        quote: '进出口总额年均增长8.5%',
      };
      const badRows: Record<string, string | number>[] = [
        {
          key: 'x2',
          indicator: 'TRADE_TOTAL',
          orgUnit: 'YN-KM',
          targetYear: 2025,
          comparator: 'at_least',
          quote: '进出口总额年均增长8.5%',
        },
        {
          key: 'x3',
          indicator: 'TRADE_TOTAL',
          orgUnit: 'YN-KM',
          targetYear: 'soon',
          comparator: 'at_least',
          value: 1,
          quote: '进出口总额年均增长8.5%',
        },
      ];
      const bad = await loadDefinitionFile(await workbookFile(dir, 'bad.xlsx', 'demo-xlsx-2025', [good, ...badRows]));
      assert.deepEqual(
        bad.errors.map((e) => [e.sheet, e.row, e.field, e.messageZh]),
        [
          ['目标 Targets', 3, 'value', '比较方式为 at_least 时必须填写 value'],
          ['目标 Targets', 4, 'targetYear', '类型错误（应为 number）'],
        ],
      );

      const loaded = await loadDefinitionFile(await workbookFile(dir, 'good.xlsx', 'demo-xlsx-2025', [good]));
      assert.deepEqual(loaded.errors, []);
      const result = await importDefinitions(t.database, loaded.files);
      assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
      const { items } = await queryTargets(t.database.db, { plan: 'demo-xlsx-2025' }, { limit: 10, offset: 0 });
      assert.deepEqual(
        items.map((i) => [i.key, i.baseline?.value, i.target.rate]),
        [['x1', '1234.5', '8.5']],
      );
    });
  });
}

/** Fills the shipped template the way a planner would and saves it. */
async function workbookFile(
  dir: string,
  name: string,
  planId: string,
  targetRows: Record<string, string | number>[],
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writePlanTemplate()) as unknown as ArrayBuffer);
  const values: Record<string, string | number> = {
    id: planId,
    title: '表格规划',
    issuer: '示范政府',
    periodStart: 2021,
    periodEnd: 2025,
    sourceFile: 'demo-source.txt',
  };
  wb.getWorksheet('规划 Plan')!.eachRow((row, n) => {
    if (n > 1) row.getCell(2).value = values[String(row.getCell(1).value)] ?? null;
  });
  const targets = wb.getWorksheet('目标 Targets')!;
  const header = (targets.getRow(1).values as string[]).slice(1).map((h) => h.split(' ')[0]!);
  for (const r of targetRows) targets.addRow(header.map((h) => r[h] ?? null));
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}
