import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closedPeriods } from '../forms/form-periods.ts';
import { isOwed, OPEN_PERIODS, RECENT_PERIODS, workListRows, type PeriodStanding } from './work-periods.ts';

describe('work-list periods', () => {
  const periods = closedPeriods('month', '2021-01', '2026-12-06', OPEN_PERIODS.month);

  it('looks back a year of months, newest first', () => {
    assert.equal(periods.length, 12);
    assert.deepEqual([periods[0], periods.at(-1)], ['2026-11', '2025-12']);
  });

  it('lists the recent months in full and every older month still owed', () => {
    const rows: PeriodStanding[] = periods.map((period) => ({
      period,
      status: period === '2026-03' ? 'returned' : period <= '2026-02' ? 'approved' : null,
      timeliness: period === '2026-11' ? 'pending' : period <= '2026-03' ? 'on_time' : 'overdue',
    }));
    assert.deepEqual(
      workListRows(rows, 'month').map((r) => r.period),
      ['2026-11', '2026-10', '2026-09', '2026-08', '2026-07', '2026-06', '2026-05', '2026-04', '2026-03'],
    );
  });

  it('keeps an older overdue draft and drops older approved or late-but-submitted months', () => {
    const rows: PeriodStanding[] = [
      ...periods
        .slice(0, RECENT_PERIODS.month)
        .map((period) => ({ period, status: 'approved' as const, timeliness: 'on_time' as const })),
      { period: '2026-05', status: 'draft', timeliness: 'overdue' },
      { period: '2026-04', status: 'submitted', timeliness: 'late' },
      { period: '2026-03', status: 'approved', timeliness: 'late' },
    ];
    assert.deepEqual(
      workListRows(rows, 'month')
        .slice(RECENT_PERIODS.month)
        .map((r) => r.period),
      ['2026-05'],
    );
  });

  it('owes a returned report even when it was first sent on time', () => {
    assert.equal(isOwed({ status: 'returned', timeliness: 'on_time' }), true);
    assert.equal(isOwed({ status: 'submitted', timeliness: 'late' }), false);
    assert.equal(isOwed({ status: null, timeliness: 'pending' }), false);
  });
});
