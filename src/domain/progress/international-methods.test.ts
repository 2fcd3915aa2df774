import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapCurrentStatus, openSdgCagrRatio, unsdProgressChart } from './international-methods.ts';
import { DEFAULT_THRESHOLDS as T } from './thresholds.ts';

test('UNSD Progress Chart', () => {
  assert.equal(unsdProgressChart(100, 200, 195, T)?.category, 'on_track'); // 95/100
  assert.equal(unsdProgressChart(100, 200, 110, T)?.category, 'acceleration_needed'); // 0.10
  assert.equal(unsdProgressChart(100, 200, 90, T)?.category, 'stagnation_or_regression'); // −0.1
  assert.equal(unsdProgressChart(10, 8, 7.9, T)?.category, 'on_track'); // lower is better: −2.1/−2
});

test('Open SDG / Statistics Canada CAGR ratio', () => {
  assert.equal(openSdgCagrRatio(0.05, 0.05, 1, false, T)?.category, 'substantial_progress');
  assert.equal(openSdgCagrRatio(0.03, 0.05, 1, false, T)?.category, 'moderate_progress'); // 0.6
  assert.equal(openSdgCagrRatio(0.01, 0.05, 1, false, T)?.category, 'limited_progress');
  assert.equal(openSdgCagrRatio(0.01, -0.05, -1, false, T)?.category, 'deterioration'); // −1 × 0.01 / 0.05
  assert.equal(openSdgCagrRatio(null, null, 1, true, T)?.category, 'achieved');
  assert.equal(openSdgCagrRatio(null, 0.05, 1, false, T), null);
});

test('ESCAP current status', () => {
  assert.deepEqual(escapCurrentStatus(0.6), { index: 0.6, stars: 3, regressed: false });
  assert.deepEqual(escapCurrentStatus(-0.2), { index: 0, stars: 0, regressed: true });
  assert.equal(escapCurrentStatus(1.3)?.stars, 5);
});
