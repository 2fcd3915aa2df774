import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classify, type ClassifyInput } from './classify.ts';
import { DEFAULT_THRESHOLDS, withDefaults } from './thresholds.ts';

const i: ClassifyInput = {
  met: false,
  progressShare: 0.5,
  timeShare: 0.5,
  asOfYear: 2023,
  targetYear: 2025,
  nature: 'expected',
  onTrajectory: null,
};

test('classes by progress ÷ time', () => {
  assert.equal(classify({ ...i, progressShare: 0.55 }, DEFAULT_THRESHOLDS), 'ahead'); // k = 1.1
  assert.equal(classify({ ...i, progressShare: 0.45 }, DEFAULT_THRESHOLDS), 'on_track'); // k = 0.9
  assert.equal(classify({ ...i, progressShare: 0.44 }, DEFAULT_THRESHOLDS), 'behind');
  assert.equal(classify({ ...i, progressShare: 0.45, nature: 'binding' }, DEFAULT_THRESHOLDS), 'behind');
  assert.equal(classify({ ...i, met: true }, DEFAULT_THRESHOLDS), 'achieved_early');
  assert.equal(classify({ ...i, met: null }, DEFAULT_THRESHOLDS), 'insufficient_data');
  assert.equal(classify({ ...i, progressShare: null }, DEFAULT_THRESHOLDS), 'insufficient_data');
});

test('thresholds are configurable', () => {
  assert.equal(classify({ ...i, progressShare: 0.45 }, withDefaults({ onTrackRatio: 0.95 })), 'behind');
});
