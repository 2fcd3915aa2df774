import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { trailingDeclines, warningLevel, type WarningInput } from './warning-level.ts';

const base: WarningInput = {
  class: 'on_track',
  nature: 'expected',
  direction: 'higher_better',
  progressShare: 0.6,
  timeElapsedShare: 0.6,
  halfTimeHalfTask: 'pass',
  yearly: [],
  stale: false,
  overdue: false,
};
const yv = (...vs: string[]) => vs.map((value, i) => ({ year: 2020 + i, value }));

describe('warningLevel', () => {
  it('green when on track with fresh data', () => {
    assert.deepEqual(warningLevel(base), { level: 'green', reasons: [] });
  });
  it('binding and behind is red', () => {
    const r = warningLevel({ ...base, class: 'behind', nature: 'binding', progressShare: 0.55 });
    assert.equal(r.level, 'red');
    assert.deepEqual(
      r.reasons.map((x) => x.code),
      ['binding_behind'],
    );
  });
  it('expected and behind is yellow unless the shortfall exceeds 20 points', () => {
    assert.equal(warningLevel({ ...base, class: 'behind', progressShare: 0.45 }).level, 'yellow');
    const r = warningLevel({ ...base, class: 'behind', progressShare: 0.39 });
    assert.equal(r.level, 'red');
    assert.match(r.reasons[0]!.zh, /完成进度39%，落后时序进度60%超过20个百分点/);
    assert.equal(warningLevel({ ...base, class: 'behind', progressShare: 0.39 }, { redShortfall: 0.25 }).level, 'yellow');
  });
  it('data past due is red; stale data and insufficient data are yellow', () => {
    assert.equal(warningLevel({ ...base, overdue: true }).level, 'red');
    assert.equal(warningLevel({ ...base, stale: true }).level, 'yellow');
    assert.equal(warningLevel({ ...base, class: 'insufficient_data', progressShare: null }).level, 'yellow');
    assert.equal(warningLevel({ ...base, class: 'insufficient_data' }, { insufficientData: 'green' }).level, 'green');
  });
  it('the half-time test and two consecutive declines are yellow', () => {
    assert.equal(warningLevel({ ...base, halfTimeHalfTask: 'fail' }).level, 'yellow');
    assert.equal(warningLevel({ ...base, yearly: yv('10', '9', '8') }).reasons[0]!.code, 'declines');
    assert.equal(warningLevel({ ...base, yearly: yv('10', '11', '10') }).level, 'green');
    assert.equal(warningLevel({ ...base, direction: 'lower_better', yearly: yv('10', '11', '12') }).level, 'yellow');
  });
});

describe('trailingDeclines', () => {
  it('a warning raised on synthetic figures says so, at the same level; a green one gains no reason', () => {
    const demo = warningLevel({ ...base, class: 'behind', nature: 'binding', progressShare: 0.55, synthetic: true });
    assert.equal(demo.level, 'red');
    assert.deepEqual(
      demo.reasons.map((x) => x.code),
      ['binding_behind', 'synthetic'],
    );
    assert.match(demo.reasons[1]!.zh, /模拟数据/);
    assert.deepEqual(warningLevel({ ...base, synthetic: true }), { level: 'green', reasons: [] });
  });
  it('counts bad moves at the end only, in decimal', () => {
    assert.equal(trailingDeclines(yv('5', '4', '6', '5.9', '5.89'), 'higher_better'), 2);
    assert.equal(trailingDeclines(yv('5', '4'), 'in_range'), 0);
  });
});
