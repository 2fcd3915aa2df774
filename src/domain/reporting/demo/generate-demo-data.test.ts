import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DATASET_DIR } from '../../../dataset/dataset-path.ts';
import { loadDatasetDir } from '../../../dataset/load-definition-files.ts';
import { loadFormFiles } from '../../../dataset/load-forms.ts';
import type { ReportForm } from '../forms/form.schema.ts';
import { buildRuleContext } from '../forms/rule-context.ts';
import { evaluateRules } from '../rules/evaluate-rules.ts';
import { anchors, units } from './demo.fixture.ts';
import type { DemoForm, DemoInput, DemoRow } from './demo-input.ts';
import { generateDemoData } from './generate-demo-data.ts';

// The real forms of dataset/forms (read once: the point is to agree with their rules).
let forms: ReportForm[] = [];
let input: DemoInput;
let rows: DemoRow[];

// Units and aggregation from the dataset's indicator catalogue, as the demo-data service reads them from the database.
let catalogue = new Map<string, { unit: string; aggregation: string }>();
const toDemoForm = (f: ReportForm): DemoForm => ({
  ...f,
  items: f.items.map((i) => {
    const ind = catalogue.get(i.indicator);
    assert.ok(ind, `indicator ${i.indicator} of ${f.code} is in the catalogue`);
    return { ...i, unit: ind.unit, aggregation: ind.aggregation };
  }),
});
const value = (orgUnit: string, indicator: string, period: string) => {
  const row = rows.find((r) => r.orgUnit === orgUnit && r.indicator === indicator && r.period === period);
  assert.ok(row, `${orgUnit} ${indicator} ${period}`);
  return Number(row.value);
};

describe('demo data generator', () => {
  before(async () => {
    const loaded = await loadFormFiles(DATASET_DIR);
    assert.deepEqual(loaded.errors, []);
    const definitions = await loadDatasetDir(DATASET_DIR);
    catalogue = new Map(definitions.files.flatMap((f) => f.definition.indicators).map((i) => [i.code, i]));
    // Plan-office sheets hold published statistics, never generated ones (as in the demo-data service).
    forms = loaded.forms.map((f) => f.form).filter((f) => f.sheet !== 'plan_office');
    input = { units, forms: forms.map(toDemoForm), anchors, seed: 20210101, from: '2021-01', to: '2025-12' };
    rows = generateDemoData(input);
  });

  it('gives byte-identical output for a seed, whatever the order of its input, and other output for another seed', () => {
    const again = generateDemoData({ ...input, units: [...units].reverse(), forms: [...input.forms].reverse() });
    assert.equal(JSON.stringify(again), JSON.stringify(rows));
    const other = generateDemoData({ ...input, seed: 7 });
    assert.notEqual(JSON.stringify(other), JSON.stringify(rows));
    assert.equal(other.length > 0, true);
  });

  it('fills every reporter at its form’s frequency over 2021–2025, once per figure', () => {
    const periods = (form: string, unit: string) =>
      new Set(rows.filter((r) => r.form === form && r.orgUnit === unit).map((r) => r.period));
    assert.equal(periods('DEV_ZONE_MONTHLY', 'ZN-T01').size, 60);
    assert.equal(periods('BONDED_ZONE_MONTHLY', 'ZN-KM-BONDED').size, 60);
    assert.equal(periods('FTZ_AREA_QUARTERLY', 'FTZ-HH').size, 20);
    assert.deepEqual([...periods('PREFECTURE_ANNUAL', 'YN-DQ')], ['2021', '2022', '2023', '2024', '2025']);
    assert.equal(new Set(rows.filter((r) => r.form === 'DEV_ZONE_MONTHLY').map((r) => r.orgUnit)).size, 30);
    const keys = rows.map((r) => `${r.orgUnit}|${r.indicator}|${r.period}|${r.cumulative}`);
    assert.equal(new Set(keys).size, keys.length);
    for (const r of rows) assert.match(r.value, /^\d+(\.\d+)?$/);
  });

  it('rounds for the unit: 2 decimals for money, whole people, 1 decimal for %', () => {
    const sample = (indicator: string) => rows.find((r) => r.indicator === indicator)!.value;
    assert.match(sample('REVENUE'), /^\d+\.\d{2}$/);
    assert.match(sample('EMPLOYEES'), /^\d+$/);
    assert.match(sample('LAND_AREA_MU'), /^\d+$/);
    assert.match(sample('URBANISATION_RATE'), /^\d+\.\d$/);
  });

  it('keeps cumulative figures non-decreasing within each year and restarts them in January', () => {
    const series = new Map<string, DemoRow[]>();
    for (const r of rows.filter((r) => r.cumulative)) {
      const key = `${r.orgUnit}|${r.indicator}|${r.period.slice(0, 4)}`;
      series.set(key, [...(series.get(key) ?? []), r]);
    }
    assert.ok(series.size > 1000);
    for (const [key, xs] of series)
      xs.forEach((r, k) => {
        if (k > 0) assert.ok(Number(r.value) >= Number(xs[k - 1]!.value), `${key} ${r.period}`);
      });
    assert.ok(value('ZN-T01', 'REVENUE', '2024-01') < value('ZN-T01', 'REVENUE', '2023-12') / 5);
  });

  it('passes every hard rule of the forms on a sample of generated submissions', () => {
    // Every third unit of a form, over two whole years (the rules engine is too slow to run on all 2000).
    let checked = 0;
    for (const form of forms) {
      const byUnit = new Map<string, Map<string, Map<string, string>>>();
      for (const r of rows.filter((r) => r.form === form.code)) {
        if (!byUnit.has(r.orgUnit)) byUnit.set(r.orgUnit, new Map());
        const series = byUnit.get(r.orgUnit)!;
        if (!series.has(r.indicator)) series.set(r.indicator, new Map());
        series.get(r.indicator)!.set(r.period, r.value);
      }
      for (const [unit, series] of [...byUnit].filter((_, k) => k % 3 === 0)) {
        const periods = [...new Set([...series.values()].flatMap((s) => [...s.keys()]))]
          .filter((p) => p.startsWith('2022') || p.startsWith('2025'))
          .sort();
        for (const period of periods) {
          const current = Object.fromEntries([...series].flatMap(([i, s]) => (s.has(period) ? [[i, s.get(period)!]] : [])));
          const ctx = buildRuleContext(form, period, current, series, {});
          const errors = evaluateRules(form.rules, ctx).findings.filter((f) => f.severity === 'error');
          assert.deepEqual(errors, [], `${form.code} ${unit} ${period}`);
          checked++;
        }
      }
    }
    assert.ok(checked >= 250, `${checked} submissions`);
  });

  it('reproduces the figures the plans state and ends near their targets', () => {
    // 昆明综合保税区 2021, stated in its plan: the December year-to-date figure is the year's.
    assert.equal(value('ZN-KM-BONDED', 'TRADE_TOTAL', '2021-12'), 77.33);
    assert.equal(value('ZN-KM-BONDED', 'EXPORT_TOTAL', '2021-12'), 41.72);
    assert.equal(value('ZN-KM-BONDED', 'BONDED_LOGISTICS_TRADE_VALUE', '2021-12'), 62.66);
    assert.equal(value('ZN-KM-BONDED', 'PROCESSING_TRADE_VALUE', '2021-12'), 1.91);
    assert.equal(value('ZN-KM-BONDED', 'CBEC_ORDERS', '2021-12'), 1390);
    assert.equal(value('ZN-KM-BONDED', 'NEW_REGISTERED_CAPITAL', '2021-12'), 13.8);
    // Targets: within the drift band (±20% and a little noise) of the most ambitious reading.
    const near = (actual: number, target: number, band: number) =>
      assert.ok(Math.abs(actual / target - 1) <= band, `${actual} vs ${target}`);
    near(value('ZN-KM-BONDED', 'TRADE_TOTAL', '2025-12'), 160, 0.3);
    near(value('ZN-KM-HIGHTECH', 'REVENUE', '2025-12'), 5000, 0.3);
    near(value('YN-KM', 'GDP', '2025'), 10000, 0.15);
    near(value('YN-KM', 'RESIDENT_POPULATION', '2025'), 1000, 0.05);
    // The FTZ's own figures are spread over its three areas, which add up to them.
    const ftz = (indicator: string, period: string) =>
      ['FTZ-KM', 'FTZ-HH', 'FTZ-DH'].reduce((s, a) => s + value(a, indicator, period), 0);
    near(ftz('TRADE_TOTAL', '2025Q4'), 2675.78, 0.3);
    near(ftz('FAI', '2025Q4'), 1376.59, 0.3);
    near(ftz('NEW_FOREIGN_ENTERPRISES', '2025Q4'), 276, 0.35);
    // 改革试点任务: each area at most the 106 there are.
    for (const a of ['FTZ-KM', 'FTZ-HH', 'FTZ-DH']) assert.ok(value(a, 'REFORM_TASKS_DONE', '2025Q4') <= 106);
    // 亩均营业收入 around 600 (national) and 400 (provincial) 万元/亩 in 2025.
    for (const u of units.filter((u) => u.kind === 'development_zone')) {
      const perMu = (value(u.code, 'REVENUE', '2025-12') * 10000) / value(u.code, 'LAND_AREA_MU', '2025-12');
      near(perMu, u.zoneLevel === 'national' ? 600 : 400, 0.45);
    }
  });

  it('has leaders and laggards against the same target', () => {
    const zones = units.filter((u) => u.kind === 'development_zone');
    const perMu = zones.map(
      (u) =>
        (value(u.code, 'REVENUE', '2025-12') * 10000) /
        value(u.code, 'LAND_AREA_MU', '2025-12') /
        (u.zoneLevel === 'national' ? 600 : 400),
    );
    assert.ok(perMu.filter((r) => r >= 1).length >= 3, 'some zones meet the 亩均 target');
    assert.ok(perMu.filter((r) => r < 0.95).length >= 3, 'some zones fall short');
    const growth = zones.map((u) => value(u.code, 'REVENUE', '2025-12') / value(u.code, 'REVENUE', '2021-12'));
    assert.ok(growth.some((g) => g > 1.15 ** 4) && growth.some((g) => g < 1.1 ** 4), growth.join(' '));
  });

  it('looks like Chinese monthly statistics: weak January–February, strong December, land nearly constant', () => {
    let janFeb = 0;
    let dec = 0;
    for (const u of units.filter((u) => u.kind === 'development_zone'))
      for (const y of [2022, 2023, 2024]) {
        janFeb += value(u.code, 'REVENUE', `${y}-02`) / 2;
        dec += value(u.code, 'REVENUE', `${y}-12`) - value(u.code, 'REVENUE', `${y}-11`);
      }
    assert.ok(janFeb < dec * 0.7, `${janFeb} ${dec}`);
    for (const u of units.filter((u) => u.kind === 'development_zone')) {
      const land = rows.filter((r) => r.orgUnit === u.code && r.indicator === 'LAND_AREA_MU').map((r) => Number(r.value));
      for (let k = 1; k < land.length; k++) assert.ok(land[k]! >= land[k - 1]! && land[k]! <= land[k - 1]! * 1.06);
    }
  });
});
