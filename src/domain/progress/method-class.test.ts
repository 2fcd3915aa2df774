import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { judgeProgress } from './judge-progress.ts';
import { classByMethod, methodVerdicts } from './method-class.ts';

// 2021–2025 plan, baseline 100 (2020), target 200 (2025); 2023 value 130: 30 % of the way at 60 % of the time.
const j = judgeProgress({
  facts: {
    comparator: 'at_least',
    direction: 'higher_better',
    nature: 'expected',
    baseline: { year: 2020, value: '100' },
    target: { year: 2025, value: '200' },
    periodStart: 2021,
    periodEnd: 2025,
  },
  observed: [
    { year: 2021, value: '110' },
    { year: 2022, value: '120' },
    { year: 2023, value: '130' },
  ],
  asOfYear: 2023,
});

describe('classByMethod', () => {
  it('keeps the official class and maps the others onto the official scale', () => {
    assert.equal(classByMethod(j, 'official'), 'behind');
    assert.equal(classByMethod(j, 'unsd'), j.methods.unsd!.category === 'on_track' ? 'on_track' : 'behind');
    assert.equal(classByMethod(j, 'opensdg'), 'behind');
    // ESCAP index 0.3 ÷ time share 0.6 = 0.5 < 0.9.
    assert.equal(classByMethod(j, 'escap'), 'behind');
    assert.deepEqual(Object.keys(methodVerdicts(j)), ['official', 'unsd', 'opensdg', 'escap']);
    assert.equal(methodVerdicts(j).escap, 1);
  });
});
