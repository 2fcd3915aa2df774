import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { judgeTask, type TaskState } from './task-status.ts';

const base: TaskState = { closed: false, latestPercent: null, milestones: [], deadlineOn: null, today: '2026-11-23' };

describe('judgeTask', () => {
  it('is not started until something is reported', () => {
    assert.deepEqual(judgeTask(base), { status: 'not_started', overdue: false, missedMilestones: 0 });
    assert.equal(judgeTask({ ...base, milestones: [{ dueOn: '2027-01-01', done: false }] }).status, 'not_started');
  });
  it('is in progress with an update or a milestone done', () => {
    assert.equal(judgeTask({ ...base, latestPercent: 0 }).status, 'in_progress');
    assert.equal(judgeTask({ ...base, milestones: [{ dueOn: '2026-01-01', done: true }] }).status, 'in_progress');
  });
  it('lags when a milestone is missed or the deadline passed, even before any update', () => {
    const missed = judgeTask({ ...base, latestPercent: 40, milestones: [{ dueOn: '2026-11-22', done: false }] });
    assert.deepEqual(missed, { status: 'lagging', overdue: true, missedMilestones: 1 });
    assert.equal(judgeTask({ ...base, deadlineOn: '2020-12-31' }).status, 'lagging');
    // Due today is not yet late.
    assert.equal(judgeTask({ ...base, deadlineOn: '2026-11-23', latestPercent: 10 }).status, 'in_progress');
  });
  it('is completed at 100% with every milestone done, and then never overdue', () => {
    const done = judgeTask({
      ...base,
      latestPercent: 100,
      deadlineOn: '2020-12-31',
      milestones: [{ dueOn: '2020-06-30', done: true }],
    });
    assert.deepEqual(done, { status: 'completed', overdue: false, missedMilestones: 0 });
    assert.equal(
      judgeTask({ ...base, latestPercent: 100, milestones: [{ dueOn: '2030-01-01', done: false }] }).status,
      'in_progress',
    );
  });
  it('closure (销号) overrides everything', () => {
    assert.deepEqual(judgeTask({ ...base, closed: true, deadlineOn: '2020-12-31' }), {
      status: 'closed',
      overdue: false,
      missedMilestones: 0,
    });
  });
});
