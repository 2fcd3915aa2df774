import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { calendarDateSchema, isCalendarDate, isCalendarMonth } from './calendar-date.ts';

describe('calendar dates and months', () => {
  it('accepts days that exist, leap days in leap years only', () => {
    for (const d of ['2024-02-29', '2024-06-30', '1000-01-01', '9999-12-31']) assert.ok(isCalendarDate(d), d);
    for (const d of ['2023-02-29', '2024-02-30', '2024-04-31', '0000-01-01', '0999-12-31', '2024-13-01', '2024-6-1', ''])
      assert.ok(!isCalendarDate(d), d);
  });
  it('accepts months of the years 1000–9999', () => {
    assert.ok(isCalendarMonth('2024-06'));
    for (const m of ['0000-01', '2024-00', '2024-13', '2024-6']) assert.ok(!isCalendarMonth(m), m);
  });
  it('names the problem in the schema', () => {
    assert.equal(calendarDateSchema.safeParse('2024-02-30').success, false);
    assert.equal(calendarDateSchema.safeParse('2024-02-29').success, true);
  });
});
