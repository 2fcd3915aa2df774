import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findIndicatorRows, findYearSeries } from './table-rows.ts';

const paras = (lines: string[]) => {
  let from = 0;
  return lines.map((text) => {
    const p = { text, from };
    from += text.length + 1;
    return p;
  });
};

describe('findIndicatorRows', () => {
  it('reads 主要指标 rows under a header that names the base and target years', () => {
    const rows = findIndicatorRows(
      paras([
        '表1 “十四五”主要指标',
        '指标 单位 2020年 2025年 属性',
        '地区生产总值亿元 24521.9 35000 预期性',
        '进出口总额(亿元) 389 年均增长8% 预期性',
        '森林覆盖率% 65 65左右 约束性',
      ]),
    );
    assert.deepEqual(
      rows.map((r) => [
        r.name,
        r.unit,
        r.baseYear,
        r.baseValue,
        r.targetYear,
        r.targetValue ?? `+${r.annualGrowth}`,
        r.approx,
        r.nature,
      ]),
      [
        ['地区生产总值', '亿元', 2020, '24521.9', 2025, '35000', false, 'expected'],
        ['进出口总额', '亿元', 2020, '389', 2025, '+8', false, 'expected'],
        ['森林覆盖率', '%', 2020, '65', 2025, '65', true, 'binding'],
      ],
    );
  });
});

describe('findYearSeries', () => {
  it('reads a year column table flattened to text', () => {
    const [s] = findYearSeries(paras(['年份进出口贸易总额(亿元)2021 77.33', '2022 115', '2023 126', '下一段正文。']));
    assert.equal(s!.name, '进出口贸易总额');
    assert.equal(s!.unit, '亿元');
    assert.deepEqual(
      s!.points.map((p) => [p.year, p.value]),
      [
        [2021, '77.33'],
        [2022, '115'],
        [2023, '126'],
      ],
    );
  });
});
