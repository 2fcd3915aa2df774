import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findValueExpressions, findYears } from './value-expressions.ts';

describe('findValueExpressions', () => {
  it('reads figures with prefixes, units, ranges and suffixes, and skips years, durations and names', () => {
    const v = findValueExpressions('到2025年,超110亿元人民币,年均增长10%以上,1—2家,3年内,5G网络,世界500强,2.7左右');
    assert.deepEqual(
      v.map((x) => [x.prefix ?? '', x.value, x.max ?? '', x.unit ?? '', x.suffix ?? '']),
      [
        ['超', '110', '', '亿元人民币', ''],
        ['', '10', '', '%', '以上'],
        ['', '1', '2', '家', ''],
        ['', '2.7', '', '', '左右'],
      ],
    );
  });
  it('reads a bare 万 as a multiplier unit', () => {
    assert.deepEqual(
      findValueExpressions('常住人口达到1000万左右').map((x) => [x.value, x.unit]),
      [['1000', '万']],
    );
  });
});

describe('findYears', () => {
  it('tells horizons, bases, as-of dates and deadlines apart', () => {
    const y = findYears('截至2020年,由2021年的77.33亿元提高至超110亿元;到2025年;2016年12月31日前完成');
    assert.deepEqual(
      y.map((m) => [m.year, m.asOf, m.base, m.horizon, m.date ?? '']),
      [
        [2020, true, false, false, ''],
        [2021, false, true, false, ''],
        [2025, false, false, true, ''],
        [2016, false, false, false, '2016-12-31'],
      ],
    );
  });
});

describe('value expressions and years of the eighth pass (issue 17)', () => {
  it('reads 前20强 as a rank of 20 places, while 世界500强 stays a name', () => {
    assert.deepEqual(
      findValueExpressions('进入长三角县域前20强,引进世界500强企业').map((x) => [x.value, x.unit]),
      [['20', '名']],
    );
  });
  it('reads “十四五”末 and “十四五”中期 as years ahead, and 在“十三五”末的基础上 as a base', () => {
    const brief = (text: string) => findYears(text).map((y) => [y.year, y.horizon, y.base]);
    assert.deepEqual(brief('“十四五”中期,地区生产总值跃上千亿元;“十四五”末,进入前20强'), [
      [2023, true, false],
      [2025, true, false],
    ]);
    assert.deepEqual(brief('在“十三五”末的基础上实现大幅增长'), [[2020, false, true]]);
    assert.deepEqual(brief('“十四五”产业园区'), []);
  });
});

describe('value expressions of the ninth pass (issue 17)', () => {
  const pick = (s: string) => findValueExpressions(s).map((v) => [v.value, v.max, v.unit, v.suffix]);
  it('reads a range whose bounds both carry % (经济增长4.5%—5%, 4.5%至5%)', () => {
    assert.deepEqual(pick('经济增长4.5%—5%'), [['4.5', '5', '%', undefined]]);
    assert.deepEqual(pick('目标设为4.5%至5%左右'), [['4.5', '5', '%', '左右']]);
    assert.deepEqual(pick('增长5%到2025年'), [['5', undefined, '%', undefined]], 'a year after 到 is no upper bound');
  });
  it('reads grain in 斤 (1.3万亿斤, Taiwanese 1.4兆斤) and ages in 岁', () => {
    assert.deepEqual(pick('粮食产量1.4兆斤左右'), [['1.4', undefined, '兆斤', '左右']]);
    assert.deepEqual(pick('粮食产量1.3万亿斤以上'), [['1.3', undefined, '万亿斤', '以上']]);
    assert.deepEqual(pick('人均预期寿命要达到77岁'), [['77', undefined, '岁', undefined]]);
  });
  it('reads N年 as a figure in years after a quantity of years (受教育年限达到13.5年), else as a duration', () => {
    assert.deepEqual(pick('受教育年限要达到13.5年'), [['13.5', undefined, '年', undefined]]);
    assert.deepEqual(pick('企业平均生存周期达到5年以上'), [['5', undefined, '年', '以上']]);
    assert.deepEqual(pick('力争用3年时间达到目标'), []);
    assert.deepEqual(pick('规划期限为2021年至2025年'), []);
  });
});

describe('ranks written in Chinese numerals (issue 17, ninth pass)', () => {
  it('reads 挺进全省高新区前十五 as a rank of 15 places, not 世界五百强-like names', () => {
    assert.deepEqual(
      findValueExpressions('加快挺进全省高新区前十五、加速建设国家级高新区').map((v) => [v.value, v.unit]),
      [['15', '名']],
    );
    assert.deepEqual(findValueExpressions('引进世界五百强企业'), []);
  });
});

describe('round counts in Chinese numerals (issue 17, ninth pass)', () => {
  it('reads 落位百个亿元以上重点项目 as 100 个, not 上百个/数百个 or 百强', () => {
    assert.deepEqual(
      findValueExpressions('落位百个亿元以上重点项目').map((v) => [v.value, v.unit]),
      [['100', '个']],
    );
    assert.deepEqual(findValueExpressions('引进上百个项目,数百个企业,千亿级产业'), []);
  });
});
