import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Decimal } from 'decimal.js';
import { canonicalUnit, convertUnit, shiftPoint, splitHeaderUnit } from './units.ts';

describe('unit conversion', () => {
  const ok: [string, string, string, string, boolean][] = [
    ['1234.5', '万元', '亿元', '0.12345', true],
    ['0.12345', '亿元', '万元', '1234.5', true],
    ['3', '亿元', '元', '300000000', true],
    ['2500', '千元', '万元', '250', true],
    ['1', '元', '千元', '0.001', true],
    ['15', '亩', '公顷', '1', true],
    ['1', '公顷', '亩', '15', true],
    ['1', '平方公里', '公顷', '100', true],
    ['2.5', '平方千米', '亩', '3750', true],
    ['1', '亩', '公顷', '0.066666666666666666666666666666666666666666666666667', false],
    ['3.2', '万人', '人', '32000', true],
    ['12.5', '%', '‰', '125', true],
    ['7', '‰', '%', '0.7', true],
    ['1.5', '亿美元', '万美元', '15000', true],
    ['-20', '万元', '元', '-200000', true],
  ];
  for (const [v, from, to, expected, exact] of ok) {
    it(`${v} ${from} → ${expected} ${to}`, () =>
      assert.deepEqual(convertUnit(v, from, to), { ok: true, value: expected, exact }));
  }
  it('refuses incompatible dimensions and unknown units with a reason', () => {
    assert.deepEqual(convertUnit('1', '元', '亩'), {
      ok: false,
      reason: 'cannot convert 元 (money_cny) to 亩 (area): different dimensions',
      reasonZh: '单位“元”与“亩”量纲不同，无法换算',
    });
    assert.deepEqual(convertUnit('1', '万元', '万美元'), {
      ok: false,
      reason: 'cannot convert 万元 (money_cny) to 万美元 (money_usd): different dimensions',
      reasonZh: '单位“万元”与“万美元”量纲不同，无法换算',
    });
    assert.deepEqual(convertUnit('1', '吨', '元'), { ok: false, reason: 'unknown unit "吨"', reasonZh: '无法识别的单位“吨”' });
  });
  it('canonicalises unit spellings', () => {
    assert.equal(canonicalUnit('km²'), '平方公里');
    assert.equal(canonicalUnit('％'), '%');
    assert.equal(canonicalUnit('万元人民币'), '万元');
    assert.equal(canonicalUnit('吨'), null);
  });
});

describe('splitting a header into name and unit', () => {
  const cases: [string, { name: string; unit: string | null; known: boolean }][] = [
    ['营业收入（万元）', { name: '营业收入', unit: '万元', known: true }],
    ['营业收入(万元)', { name: '营业收入', unit: '万元', known: true }],
    ['固定资产投资 【亿元】', { name: '固定资产投资', unit: '亿元', known: true }],
    ['用地面积（单位：公顷）', { name: '用地面积', unit: '公顷', known: true }],
    ['从业人员/万人', { name: '从业人员', unit: '万人', known: true }],
    ['增速（％）', { name: '增速', unit: '%', known: true }],
    ['能耗（吨标准煤）', { name: '能耗', unit: '吨标准煤', known: false }],
    ['企业个数', { name: '企业个数', unit: null, known: false }],
  ];
  for (const [header, expected] of cases) {
    it(header, () => assert.deepEqual(splitHeaderUnit(header), expected));
  }
});

describe('shiftPoint (the exact fast path for powers of ten)', () => {
  const Wide = Decimal.clone({ precision: 100 });
  it('agrees with decimal arithmetic on awkward cases', () => {
    const cases = ['0', '5.07', '-5.07', '1234567.89', '12345', '0.000001', '100', '-0.5', '99999999999999999999.123456789'];
    for (const v of cases)
      for (const k of [-8, -4, -3, -2, 0, 2, 3, 4, 8])
        assert.equal(shiftPoint(v, k), new Wide(v).times(new Wide(10).pow(k)).toFixed(), `${v} × 10^${k}`);
  });
  it('is what convertUnit answers for 万元 → 亿元 and % → ratio', () => {
    assert.deepEqual(convertUnit('8000', '万元', '亿元'), { ok: true, value: '0.8', exact: true });
    assert.deepEqual(convertUnit('12.5', '%', '‰'), { ok: true, value: '125', exact: true });
  });
});

describe('count units', () => {
  it('家, 户, 个 and 项 are one family and convert one to one', () => {
    assert.deepEqual(convertUnit('12', '户', '家'), { ok: true, value: '12', exact: true });
    assert.deepEqual(convertUnit('3', '项', '个'), { ok: true, value: '3', exact: true });
    assert.equal(convertUnit('3', '户', '亩').ok, false);
  });
});
