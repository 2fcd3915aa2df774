import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIXTURE_PROGRESS as P } from './monitoring-report.fixture.ts';
import { behindTable, classTable, freshnessTable, progressTable, warningTable } from './report-tables.ts';

const column = (t: ReturnType<typeof progressTable>, header: string) => {
  const i = t.columns.findIndex((c) => c.header === header);
  assert.ok(i >= 0, header);
  return t.rows.map((r) => r[i]!);
};

describe('monitoring report tables', () => {
  it('counts targets by class, with shares and a total', () => {
    const t = classTable(P);
    assert.deepEqual(
      t.rows.map((r) => [r[0]!.text, r[1]!.value]),
      [
        ['提前实现', 0],
        ['快于预期', 1],
        ['基本符合预期', 0],
        ['滞后', 1],
        ['数据不足', 1],
        ['合计', 3],
      ],
    );
    assert.equal(t.rows[1]![2]!.text, '33.3%');
  });
  it('lists every target with the API’s figures: exact values shown to the indicator’s precision, ratios as numbers', () => {
    const t = progressTable(P);
    assert.deepEqual(
      column(t, '当前值').map((c) => c.value),
      ['1120', '12.345678', null],
    );
    assert.deepEqual(
      column(t, '当前值').map((c) => c.text),
      ['1120', '12（模拟）', '—'],
    );
    assert.deepEqual(
      column(t, '完成度').map((c) => c.value),
      [0.56, 1.0123, null],
    );
    assert.deepEqual(
      column(t, '完成度').map((c) => c.text),
      ['56%', '101.2%', '—'],
    );
    assert.deepEqual(
      column(t, '判定').map((c) => c.text),
      ['滞后', '快于预期', '数据不足'],
    );
    assert.deepEqual(
      column(t, '数据来源').map((c) => c.text),
      ['报送', '模拟', '—'],
    );
  });
  it('keeps only behind targets, with the projection', () => {
    const t = behindTable(P);
    assert.equal(t.rows.length, 1);
    assert.deepEqual(
      t.rows[0]!.slice(4).map((c) => c.text),
      ['2025', '2025年1400.46', '1300.1～1500.9'],
    );
  });
  it('puts red warnings before yellow and omits green', () => {
    assert.deepEqual(
      warningTable(P).rows.map((r) => r[1]!.text),
      ['红色', '黄色'],
    );
  });
  it('lists stale or owed targets and who owes them', () => {
    const t = freshnessTable(P);
    assert.deepEqual(
      t.rows.map((r) => [r[0]!.text, r[3]!.text, r[4]!.text, r[5]!.text]),
      [
        ['进出口总额（亿元）', '数据过期', '昆明市', '州市区域协调发展主要指标年报'],
        ['单位GDP能耗', '数据过期', '—', '—'],
      ],
    );
  });
});
