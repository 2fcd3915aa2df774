import assert from 'node:assert/strict';
import { test } from 'node:test';
import { project } from './projection.ts';

test('two points: CAGR projection, range spans the linear trend', () => {
  // 100 → 121 over 2 years: CAGR 10 %; 2025 = 121 × 1.1² = 146.41. Trend: slope 10.5 → 121 + 21 = 142.
  const p = project(
    [
      { year: 2020, value: '100' },
      { year: 2022, value: '121' },
    ],
    2024,
    1.645,
  )!;
  assert.equal(p.method, 'cagr');
  assert.ok(Math.abs(p.value - 146.41) < 1e-9);
  assert.ok(Math.abs(p.low - 142) < 1e-9);
  assert.ok(Math.abs(p.high - 146.41) < 1e-9);
});

test('a perfect line has no extra width; one point gives no projection', () => {
  const p = project(
    [
      { year: 2020, value: '0' },
      { year: 2021, value: '10' },
      { year: 2022, value: '20' },
    ],
    2025,
    1.645,
  )!;
  assert.equal(p.method, 'trend'); // CAGR undefined from 0
  assert.equal(p.value, 50);
  assert.equal(p.low, 50);
  assert.equal(project([{ year: 2020, value: '1' }], 2025, 1.645), null);
});
