import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { topsis } from './topsis.ts';

describe('topsis', () => {
  it('worked example (3 units × 2 criteria, one cost criterion), computed by hand in docs/evaluation.md', () => {
    // Column norms: 5 (x₁ ∈ {3, 4, 0}) and 3 (x₂ ∈ {2, 1, 2}).
    const r = topsis(
      [
        [3, 2],
        [4, 1],
        [0, 2],
      ],
      [0.5, 0.5],
      [true, false],
    );
    // v = [[0.3, 1/3], [0.4, 1/6], [0, 1/3]]; A+ = (0.4, 1/6), A− = (0, 1/3).
    const s = (a: number, b: number) => Math.sqrt(a * a + b * b);
    const expected = [s(0.3, 0) / (s(0.1, 1 / 6) + s(0.3, 0)), 1, 0];
    r.closeness.forEach((c, i) => assert.ok(Math.abs(c - expected[i]!) < 1e-12));
    assert.equal(r.closeness[0]!.toFixed(4), '0.6068');
  });
  it('gives 0.5 to identical units', () => {
    assert.deepEqual(
      topsis(
        [
          [1, 1],
          [1, 1],
        ],
        [0.5, 0.5],
        [true, true],
      ).closeness,
      [0.5, 0.5],
    );
  });
});
