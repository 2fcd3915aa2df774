import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, canClose, canReply, escalationDue, ESCALATION_GRACE_DAYS, MAX_NOTICE_LEVEL } from './escalation.ts';

describe('escalationDue', () => {
  it('escalates an unreplied notice the day after its reply date, with a new grace period', () => {
    assert.equal(escalationDue({ status: 'open', level: 1, replyBy: '2026-11-23' }, '2026-11-23'), null);
    assert.deepEqual(escalationDue({ status: 'open', level: 1, replyBy: '2026-11-23' }, '2026-11-24'), {
      level: 2,
      replyBy: addDays('2026-11-24', ESCALATION_GRACE_DAYS),
    });
  });
  it('escalates again only after the next grace period, up to the top level', () => {
    const once = escalationDue({ status: 'open', level: 1, replyBy: '2026-11-01' }, '2026-11-24')!;
    assert.equal(escalationDue({ status: 'escalated', ...once }, '2026-11-25'), null);
    const twice = escalationDue({ status: 'escalated', ...once }, '2026-12-02')!;
    assert.equal(twice.level, MAX_NOTICE_LEVEL);
    assert.equal(escalationDue({ status: 'escalated', ...twice }, '2027-06-01'), null);
  });
  it('never escalates a replied or closed notice', () => {
    assert.equal(escalationDue({ status: 'replied', level: 1, replyBy: '2020-01-01' }, '2026-11-24'), null);
    assert.equal(escalationDue({ status: 'closed', level: 1, replyBy: '2020-01-01' }, '2026-11-24'), null);
  });
  it('adds days across months and leap years', () => {
    assert.equal(addDays('2024-02-25', 7), '2024-03-03');
  });
  it('allows replies while open or escalated, closing unless closed', () => {
    assert.deepEqual(
      (['open', 'replied', 'escalated', 'closed'] as const).map((s) => [canReply(s), canClose(s)]),
      [
        [true, true],
        [false, true],
        [true, true],
        [false, false],
      ],
    );
  });
});
