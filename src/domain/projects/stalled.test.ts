import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addMonthsToDate } from './months.ts';
import { stallReasons, type StallFacts } from './stalled.ts';

const base: StallFacts = { stage: 'reserve', planned: {}, stageSince: '2024-01-10', investmentMonths: [] };

describe('stallReasons', () => {
  it('flags a project 3 months past the planned date of its next stage, not a day earlier', () => {
    const f = { ...base, planned: { signed: '2024-05-31' } };
    assert.deepEqual(stallReasons(f, '2024-08-30'), []);
    const r = stallReasons(f, '2024-08-31');
    assert.deepEqual(
      r.map((x) => x.code),
      ['STAGE_OVERDUE'],
    );
    assert.match(r[0]!.zh, /签约/);
  });
  it('ignores planned dates of stages other than the next one', () => {
    assert.deepEqual(stallReasons({ ...base, planned: { construction: '2020-01-01' } }, '2024-12-01'), []);
  });
  it('flags construction with no investment in the last three complete months', () => {
    const f: StallFacts = { ...base, stage: 'construction', stageSince: '2024-02-15', investmentMonths: ['2024-05'] };
    // Window for 2024-09-xx: 06, 07, 08 — none reported.
    assert.deepEqual(
      stallReasons(f, '2024-09-05').map((x) => x.code),
      ['NO_INVESTMENT'],
    );
    // Window for 2024-08-xx: 05, 06, 07 — May reported.
    assert.deepEqual(stallReasons(f, '2024-08-05'), []);
  });
  it('gives a new construction site its first months', () => {
    const f: StallFacts = { ...base, stage: 'construction', stageSince: '2024-06-01', investmentMonths: [] };
    assert.deepEqual(stallReasons(f, '2024-09-05'), [], 'window 06–08 starts in the month construction began');
    assert.equal(stallReasons(f, '2024-10-05').length, 1);
  });
  it('never flags a project in production', () => {
    assert.deepEqual(stallReasons({ ...base, stage: 'production', planned: { signed: '2000-01-01' } }, '2024-01-01'), []);
  });
});

describe('addMonthsToDate', () => {
  it('clips the day to the month', () => {
    assert.equal(addMonthsToDate('2024-11-30', 3), '2025-02-28');
    assert.equal(addMonthsToDate('2023-12-15', 2), '2024-02-15');
  });
});
