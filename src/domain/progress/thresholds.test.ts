import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_THRESHOLDS, withDefaults } from './thresholds.ts';

test('defaults and overrides', () => {
  assert.equal(DEFAULT_THRESHOLDS.onTrackRatio, 0.9);
  assert.ok(DEFAULT_THRESHOLDS.onTrackRatioBinding > DEFAULT_THRESHOLDS.onTrackRatio);
  assert.equal(withDefaults({ aheadRatio: 1.2 }).aheadRatio, 1.2);
  assert.equal(withDefaults().unsdOnTrack, 0.95);
});
