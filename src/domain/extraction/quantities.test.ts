import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chineseNumeral, convertValue, decimalText, sameNumber } from './quantities.ts';

describe('quantities', () => {
  it('reads Chinese numerals and thousands separators', () => {
    assert.equal(chineseNumeral('十二'), 12);
    assert.equal(chineseNumeral('一百二十'), 120);
    assert.equal(chineseNumeral('三'), 3);
    assert.equal(decimalText('3,837.50'), '3837.50');
  });
  it('converts between units of one kind with decimal arithmetic', () => {
    assert.equal(convertValue('5000', '万元', '亿元'), '0.5');
    assert.equal(convertValue('1', '万亿元', '亿元'), '10000');
    assert.equal(convertValue('0.1', '亿元', '万元'), '1000');
    assert.equal(convertValue('600', '万元/年', '万元/亩'), null);
    assert.equal(convertValue('600', '万元/年', '万元'), '600');
    assert.equal(convertValue('5', '家', '亿元'), null);
  });
  it('compares decimal strings by value', () => {
    assert.ok(sameNumber('2.70', '2.7'));
    assert.ok(!sameNumber('2.7', '2.71'));
  });
});
