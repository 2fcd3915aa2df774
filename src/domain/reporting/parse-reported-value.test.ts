import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReportedValue, type ReportedValue } from './parse-reported-value.ts';

const num = (value: string, unit: string | null = null): ReportedValue => ({ kind: 'number', value, unit });

describe('parsing a reported cell', () => {
  const cases: [string | null, ReportedValue][] = [
    ['1234.5', num('1234.5')],
    ['１２３４．５', num('1234.5')],
    ['1,234.5', num('1234.5')],
    ['1，234.5', num('1234.5')],
    ['12,345,678', num('12345678')],
    [' 1 234 ', num('1234')],
    ['1\u3000234', num('1234')],
    ['12.5%', num('12.5', '%')],
    ['12.5％', num('12.5', '%')],
    ['3.2‰', num('3.2', '‰')],
    ['1,200万元', num('1200', '万元')],
    ['3.5 亿元', num('3.5', '亿元')],
    ['800元', num('800', '元')],
    ['120亩', num('120', '亩')],
    ['8公顷', num('8', '公顷')],
    ['1.2万人', num('1.2', '万人')],
    ['35人', num('35', '人')],
    ['(123.4)', num('-123.4')],
    ['（1,234）', num('-1234')],
    ['(5.2%)', num('-5.2', '%')],
    ['(5.2)%', num('-5.2', '%')],
    ['-3.5万元', num('-3.5', '万元')],
    ['-5.6', num('-5.6')],
    ['－5.6', num('-5.6')],
    ['\u22125.6', num('-5.6')],
    ['+7', num('7')],
    ['007.50', num('7.5')],
    ['0', { kind: 'zero', value: '0', unit: null }],
    ['0.00', { kind: 'zero', value: '0', unit: null }],
    ['０万元', { kind: 'zero', value: '0', unit: '万元' }],
    ['', { kind: 'blank' }],
    ['   ', { kind: 'blank' }],
    [null, { kind: 'blank' }],
    ['—', { kind: 'not_applicable', marker: '—' }],
    ['——', { kind: 'not_applicable', marker: '——' }],
    ['-', { kind: 'not_applicable', marker: '-' }],
    ['－', { kind: 'not_applicable', marker: '-' }],
    ['/', { kind: 'not_applicable', marker: '/' }],
    ['无', { kind: 'not_applicable', marker: '无' }],
    [
      '1.2E+5',
      {
        kind: 'error',
        code: 'scientific_notation',
        reason: '"1.2E+5" is in scientific notation; enter the full number',
        reasonZh: '“1.2E+5”为科学计数法，请填写完整数字',
      },
    ],
    [
      '1,23.4',
      {
        kind: 'error',
        code: 'bad_thousands_separator',
        reason: '"1,23.4" has misplaced thousands separators',
        reasonZh: '“1,23.4”的千分位分隔符位置不正确',
      },
    ],
    ['abc', { kind: 'error', code: 'not_a_number', reason: '"abc" is not a number', reasonZh: '“abc”不是有效数字' }],
    ['1.2.3', { kind: 'error', code: 'not_a_number', reason: '"1.2.3" is not a number', reasonZh: '“1.2.3”不是有效数字' }],
    ['万元', { kind: 'error', code: 'not_a_number', reason: '"万元" is not a number', reasonZh: '“万元”不是有效数字' }],
  ];
  for (const [cell, expected] of cases) {
    it(`${JSON.stringify(cell)} → ${expected.kind}`, () => assert.deepEqual(parseReportedValue(cell), expected));
  }
});
