import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatPeriod, parsePeriod, periodBounds } from './period.ts';

describe('periods', () => {
  it('parses years, quarters and months and formats them back', () => {
    for (const text of ['2024', '2024Q2', '2024-06']) assert.equal(formatPeriod(parsePeriod(text)!), text);
  });
  it('rejects malformed periods', () => {
    for (const text of ['24', '2024Q5', '2024-13', '2024-6', 'abc', '0000-01', '0001', '0999Q1'])
      assert.equal(parsePeriod(text), null, text);
  });
  it('computes bounds including leap February and quarter ends', () => {
    assert.deepEqual(periodBounds(parsePeriod('2024-02')!), { start: '2024-02-01', end: '2024-02-29' });
    assert.deepEqual(periodBounds(parsePeriod('2023Q4')!), { start: '2023-10-01', end: '2023-12-31' });
    assert.deepEqual(periodBounds(parsePeriod('2025')!), { start: '2025-01-01', end: '2025-12-31' });
  });
});
