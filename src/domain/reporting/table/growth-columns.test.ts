import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTableInterpreter } from './interpret-table.ts';
import type { TableItem } from './table.types.ts';

const items: TableItem[] = [
  { indicator: 'REVENUE', name: '营业收入', nameEn: 'Revenue', unit: '亿元', synonyms: [], cumulative: true },
];
const units = [{ code: 'ZN-A', name: '蒙自经济技术开发区' }];

function read(rows: (string | null)[][]) {
  const it = createTableInterpreter({ items, units, frequency: 'month', period: '2024-06' });
  const records = rows.flatMap((cells, i) => it.push({ sheet: 'S', row: i + 1, cells }));
  const out = it.finish();
  return {
    records: records.map((r) => `${r.column} ${r.indicator} ${r.value}`),
    growth: out.growth.map(
      (g) => `${g.column}${g.row} ${g.indicator} ${g.cumulative ? '累计' : '当月'} ${g.stated}% of ${g.figure}`,
    ),
    notes: out.notes.map((n) => n.code),
  };
}

// Issue 18: a 同比 column whose indicator is recognised is split into indicator, kind and period and
// checked against the figures, never stored and never dropped with only a note.
test('a 同比 heading naming the indicator is that figure’s growth', () => {
  assert.deepEqual(
    read([
      ['单位名称', '营业收入（亿元）', '营业收入同比增长（%）'],
      ['蒙自经济技术开发区', '12.5', '8.3%'],
    ]),
    {
      records: ['B REVENUE 12.5'],
      growth: ['C2 REVENUE 累计 8.3% of 12.5'],
      notes: ['growth_column'],
    },
  );
});

test('a bare 同比 heading under a stacked indicator heading, or right of its figure, is that figure’s growth', () => {
  assert.deepEqual(
    read([
      ['单位名称', '营业收入', ''],
      ['', '1-6月累计（亿元）', '同比±%'],
      ['蒙自经济技术开发区', '12.5', '-2.1'],
    ]).growth,
    ['C3 REVENUE 累计 -2.1% of 12.5'],
  );
  assert.deepEqual(
    read([
      ['单位名称', '营业收入（亿元）', '同比增长（%）'],
      ['蒙自经济技术开发区', '12.5', '8.3'],
    ]).growth,
    ['C2 REVENUE 累计 8.3% of 12.5'],
  );
});

test('in an indicators-in-rows table the 同比 column is the growth of each row’s 累计 figure', () => {
  const out = read([
    ['填报单位：蒙自经济技术开发区'],
    ['指标名称', '计量单位', '本月', '1-6月累计', '同比增长%'],
    ['营业收入', '亿元', '2', '12.5', '8.3'],
  ]);
  assert.deepEqual(out.growth, ['E3 REVENUE 累计 8.3% of 12.5']);
});

test('a growth cell that is not a percent is noted, not guessed', () => {
  const out = read([
    ['单位名称', '营业收入（亿元）', '同比增长（%）'],
    ['蒙自经济技术开发区', '12.5', '约8'],
  ]);
  assert.deepEqual(out.growth, []);
  assert.deepEqual(out.notes, ['growth_column', 'growth_unreadable']);
});

// Issue 18: the 同比 check in the transposed layout too (indicators in rows, 片区 across the top): a
// 同比 column is the growth of the unit it names, else of the unit column on its left.
const areas = [
  { code: 'FTZ-KM', name: '昆明片区' },
  { code: 'FTZ-HH', name: '红河片区' },
];

function readTransposed(rows: (string | null)[][]) {
  const it = createTableInterpreter({ items, units: areas, frequency: 'month', period: '2024-06' });
  const records = rows.flatMap((cells, i) => it.push({ sheet: 'S', row: i + 1, cells }));
  const out = it.finish();
  return {
    layout: out.sheets[0]?.layout,
    records: records.map((r) => `${r.column}${r.row} ${r.orgUnit} ${r.value}`),
    growth: out.growth.map(
      (g) => `${g.column}${g.row} ${g.orgUnit} ${g.indicator} ${g.cumulative ? '累计' : '当月'} ${g.stated}% of ${g.figure}`,
    ),
    notes: out.notes.map((n) => n.code),
  };
}

test('transposed: a bare 同比 column right of a unit column is that unit’s growth', () => {
  assert.deepEqual(
    readTransposed([
      ['指标名称', '计量单位', '昆明片区', '同比增长%', '红河片区', '同比增长%'],
      ['营业收入', '亿元', '12.5', '8.3', '3', '-1.2'],
    ]),
    {
      layout: 'units_in_columns',
      records: ['C2 FTZ-KM 12.5', 'E2 FTZ-HH 3'],
      growth: ['D2 FTZ-KM REVENUE 累计 8.3% of 12.5', 'F2 FTZ-HH REVENUE 累计 -1.2% of 3'],
      notes: ['growth_column', 'growth_column'],
    },
  );
});

test('transposed: a 同比 heading naming the unit is that unit’s growth, wherever it stands', () => {
  assert.deepEqual(
    readTransposed([
      ['指标名称', '计量单位', '昆明片区', '红河片区', '昆明片区同比增长（%）', '红河片区同比增长（%）'],
      ['营业收入', '亿元', '12.5', '3', '8.3', '-1.2'],
    ]).growth,
    ['E2 FTZ-KM REVENUE 累计 8.3% of 12.5', 'F2 FTZ-HH REVENUE 累计 -1.2% of 3'],
  );
});

test('transposed: 本月 | 1-6月累计 | 同比% under each merged unit heading, the growth of the 累计 figure on its left', () => {
  const out = readTransposed([
    ['指标名称', '计量单位', '昆明片区', '', '', '红河片区', '', ''],
    ['', '', '本月', '1-6月累计', '同比%', '本月', '1-6月累计', '同比%'],
    ['营业收入', '亿元', '2', '12.5', '8.3', '0.5', '3', '约8'],
  ]);
  assert.deepEqual(out.records, ['C3 FTZ-KM 2', 'D3 FTZ-KM 12.5', 'F3 FTZ-HH 0.5', 'G3 FTZ-HH 3']);
  assert.deepEqual(out.growth, ['E3 FTZ-KM REVENUE 累计 8.3% of 12.5']);
  assert.ok(out.notes.includes('growth_unreadable'), 'a cell that is not a percent is noted, not guessed');
});

test('transposed: a 同比 column left of every unit names no figure and is noted, not read', () => {
  const out = readTransposed([
    ['指标名称', '同比增长%', '昆明片区'],
    ['营业收入', '8.3', '12.5'],
  ]);
  assert.deepEqual(out.growth, []);
  assert.deepEqual(out.records, ['C2 FTZ-KM 12.5']);
});

// A 环比 column (change on the previous month) is a growth rate too — never stored — but not on last
// year's figure: it was checked as a 同比 and reported as differing (issue 18, found 2026-12-07).
test('a 环比 column is noted, not stored, and not checked against last year', () => {
  const wide = read([
    ['单位名称', '营业收入（亿元）', '营业收入环比增长（%）'],
    ['蒙自经济技术开发区', '12.5', '3.1'],
  ]);
  assert.deepEqual(wide, { records: ['B REVENUE 12.5'], growth: [], notes: ['period_on_period_column'] });
  const rows = read([
    ['填报单位：蒙自经济技术开发区'],
    ['指标名称', '计量单位', '1-6月累计', '环比±%'],
    ['营业收入', '亿元', '12.5', '3.1'],
  ]);
  assert.deepEqual(rows.growth, []);
  assert.ok(rows.notes.includes('period_on_period_column'), rows.notes.join());
  // A 同比 beside it is still checked.
  assert.deepEqual(
    read([
      ['单位名称', '营业收入（亿元）', '营业收入环比（%）', '营业收入同比（%）'],
      ['蒙自经济技术开发区', '12.5', '3.1', '8.3'],
    ]).growth,
    ['D2 REVENUE 累计 8.3% of 12.5'],
  );
});

// Issue 18: in a long table (one figure per row) the 同比 column is that row's figure's growth; it was
// dropped without a note and never checked.
test('in a long table the 同比 column is the growth of each row’s figure', () => {
  const out = read([
    ['单位名称', '指标名称', '期别', '数值', '同比增长（%）'],
    ['蒙自经济技术开发区', '营业收入（亿元）', '2024年1-6月', '12.5', '8.3'],
  ]);
  assert.deepEqual(out.records, ['D REVENUE 12.5']);
  assert.deepEqual(out.growth, ['E2 REVENUE 累计 8.3% of 12.5']);
  assert.ok(out.notes.includes('growth_column'), out.notes.join());
  const pop = read([
    ['单位名称', '指标名称', '数值', '环比（%）'],
    ['蒙自经济技术开发区', '营业收入', '12.5', '3.1'],
  ]);
  assert.deepEqual(pop.growth, []);
  assert.ok(pop.notes.includes('period_on_period_column'), pop.notes.join());
});
