import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cagr, requiredAnnualGrowth } from './growth.ts';

const close = (a: number | null, b: number) => assert.ok(a !== null && Math.abs(a - b) < 1e-6, `${String(a)} ≠ ${b}`);

test('CAGR', () => {
  close(cagr('100', '121', 2), 0.1); // √1.21 − 1
  close(cagr('100', '81', 2), -0.1); // √0.81 − 1
  assert.equal(cagr('0', '10', 2), null);
  assert.equal(cagr('10', '20', 0), null);
});

test('required growth to reach the target', () => {
  close(requiredAnnualGrowth('1000', '1331', 3), 0.1); // ∛1.331 − 1
});
