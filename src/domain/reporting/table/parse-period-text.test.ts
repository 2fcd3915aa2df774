import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { periodTextToCanonical } from './parse-period-text.ts';

describe('reading a period written the Chinese way', () => {
  const cases: [string, string | null][] = [
    ['2024-06', '2024-06'],
    ['2024Q2', '2024Q2'],
    ['2024', '2024'],
    ['2024年6月', '2024-06'],
    ['２０２４年０６月', '2024-06'],
    ['2024年1-6月', '2024-06'],
    ['2024年1—6月', '2024-06'],
    ['2024-6', '2024-06'],
    ['2024/06', '2024-06'],
    ['2024.6', '2024-06'],
    ['202406', '2024-06'],
    ['2024-06-30', '2024-06'],
    ['2024年第二季度', '2024Q2'],
    ['2024年二季度', '2024Q2'],
    ['2024年第2季度', '2024Q2'],
    ['2024年Q2', '2024Q2'],
    ['2024年', '2024'],
    ['2024年度', '2024'],
    ['2024年13月', null],
    ['2024年上半年', null],
    ['六月', null],
    ['', null],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${expected}`, () => assert.equal(periodTextToCanonical(text), expected));
  }
});
