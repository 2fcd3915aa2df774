import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closedPeriods, periodLabel } from '../../web/src/reporting/periods.ts';
import { closedPeriods as domainClosedPeriods } from '../../src/domain/reporting/forms/form-periods.ts';

test('the period picker offers the periods the server opens: over by today, newest first', () => {
  assert.deepEqual(closedPeriods('quarter', '2024Q1', '2025-05-10', 3), ['2025Q1', '2024Q4', '2024Q3']);
  assert.deepEqual(closedPeriods('month', '2025-01', '2025-03-31', 12), ['2025-02', '2025-01']);
  assert.deepEqual(closedPeriods('year', '2021', '2024-01-01', 12), ['2023', '2022', '2021']);
  for (const [kind, first] of [
    ['year', '2019'],
    ['quarter', '2023Q3'],
    ['month', '2024-11'],
  ] as const)
    assert.deepEqual(closedPeriods(kind, first, '2025-06-30', 40), domainClosedPeriods(kind, first, '2025-06-30', 40));
});

test('a form whose first period does not match its frequency yet (being edited) offers no period', () => {
  assert.deepEqual(closedPeriods('quarter', '2024', '2025-05-10', 3), []);
  assert.deepEqual(closedPeriods('month', '', '2025-05-10', 3), []);
});

test('periods are labelled in Chinese and English', () => {
  assert.equal(periodLabel('2025-06', 'zh'), '2025年6月');
  assert.equal(periodLabel('2025-06', 'en'), 'Jun 2025');
  assert.equal(periodLabel('2025Q2', 'zh'), '2025年第2季度');
  assert.equal(periodLabel('2025Q2', 'en'), '2025 Q2');
  assert.equal(periodLabel('2025', 'zh'), '2025年');
  assert.equal(periodLabel('not a period', 'zh'), 'not a period');
});
