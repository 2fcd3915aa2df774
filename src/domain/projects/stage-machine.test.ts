import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actualDatesAfterMove, classifyStageMove } from './stage-machine.ts';
import type { Stage } from './stages.ts';

describe('classifyStageMove', () => {
  it('calls one step forward an advance, with or without a reason', () => {
    assert.deepEqual(classifyStageMove('planning', 'packaging', null), { ok: true, kind: 'advance' });
    assert.deepEqual(classifyStageMove('construction', 'production', '竣工'), { ok: true, kind: 'advance' });
  });
  it('needs a reason to skip stages or to step back', () => {
    const skip = classifyStageMove('reserve', 'construction', '  ');
    assert.equal(skip.ok, false);
    assert.equal(!skip.ok && skip.code, 'REASON_REQUIRED');
    assert.match(!skip.ok ? skip.messageZh : '', /跨阶段推进/);
    assert.deepEqual(classifyStageMove('reserve', 'construction', '签约即开工'), { ok: true, kind: 'skip' });
    const back = classifyStageMove('signed', 'reserve', undefined);
    assert.equal(!back.ok && back.code, 'REASON_REQUIRED');
    assert.match(!back.ok ? back.messageZh : '', /阶段回调/);
    assert.deepEqual(classifyStageMove('signed', 'reserve', '投资方调整'), { ok: true, kind: 'adjustment' });
  });
  it('refuses a move to the same stage', () => {
    const r = classifyStageMove('reserve', 'reserve', 'x');
    assert.equal(!r.ok && r.code, 'SAME_STAGE');
  });
});

describe('actualDatesAfterMove', () => {
  it('dates the new stage and clears the stages beyond it after a back-step', () => {
    const before = new Map<Stage, string | null>([
      ['planning', '2024-01-05'],
      ['packaging', '2024-03-01'],
      ['reserve', '2024-06-01'],
      ['signed', '2024-09-01'],
    ]);
    const after = actualDatesAfterMove(before, 'packaging', '2024-10-10');
    assert.equal(after.get('planning'), '2024-01-05');
    assert.equal(after.get('packaging'), '2024-10-10');
    assert.equal(after.get('reserve'), null);
    assert.equal(after.get('signed'), null);
    assert.equal(before.get('signed'), '2024-09-01', 'input untouched');
  });
});
