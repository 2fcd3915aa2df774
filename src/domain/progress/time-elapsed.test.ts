import assert from 'node:assert/strict';
import { test } from 'node:test';
import { halfTimeHalfTask, timeElapsedShare } from './time-elapsed.ts';

test('时序进度 of a five-year plan', () => {
  assert.equal(timeElapsedShare(2021, 2025, 2023), 0.6); // 3 / 5
  assert.equal(timeElapsedShare(2021, 2025, 2023, 6), 0.5); // (2 + 6/12) / 5
  assert.equal(timeElapsedShare(2021, 2025, 2020), 0);
  assert.equal(timeElapsedShare(2021, 2025, 2030), 1);
});

test('时间过半、任务过半', () => {
  assert.equal(halfTimeHalfTask(0.4, 0.1), 'na');
  assert.equal(halfTimeHalfTask(0.6, 0.5), 'pass');
  assert.equal(halfTimeHalfTask(0.6, 0.49), 'fail');
  assert.equal(halfTimeHalfTask(0.6, null), 'na');
});
