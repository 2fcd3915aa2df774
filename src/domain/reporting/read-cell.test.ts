import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCell, type CellReading } from './read-cell.ts';

describe('reading a cell into the indicator unit', () => {
  const cases: [string | null, string, string | null, CellReading][] = [
    ['1,234.5', '亿元', '万元', { kind: 'number', value: '0.12345', fromUnit: '万元', exact: true }],
    ['1,234.5万元', '亿元', null, { kind: 'number', value: '0.12345', fromUnit: '万元', exact: true }],
    ['3亿元', '亿元', '万元', { kind: 'number', value: '3', fromUnit: '亿元', exact: true }],
    ['2.5', '亿元', null, { kind: 'number', value: '2.5', fromUnit: '亿元', exact: true }],
    ['30公顷', '亩', null, { kind: 'number', value: '450', fromUnit: '公顷', exact: true }],
    ['0', '亿元', '万元', { kind: 'zero', value: '0', fromUnit: '万元', exact: true }],
    ['', '亿元', '万元', { kind: 'blank' }],
    ['—', '亿元', '万元', { kind: 'not_applicable', marker: '—' }],
    [
      '12亩',
      '亿元',
      null,
      {
        kind: 'error',
        code: 'unit_mismatch',
        reason: 'cannot convert 亩 (area) to 亿元 (money_cny): different dimensions',
        reasonZh: '单位“亩”与“亿元”量纲不同，无法换算',
      },
    ],
  ];
  for (const [cell, unit, header, expected] of cases) {
    it(`${JSON.stringify(cell)} (header ${header}) → ${unit}`, () => assert.deepEqual(readCell(cell, unit, header), expected));
  }
});
