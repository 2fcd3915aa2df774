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
