import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entropyWeights } from './entropy.ts';

describe('entropyWeights', () => {
  it('gives no weight to a constant column and all of it to a fully discriminating one', () => {
    const r = entropyWeights([
      [1, 1],
      [1, 0],
    ]);
    assert.deepEqual(r.entropy, [1, 0]);
    assert.deepEqual(r.weights, [0, 1]);
  });

  it('worked example (3 units × 2 indicators), computed by hand in docs/evaluation.md', () => {
    // Column 1: p = 1/6, 2/6, 3/6; e₁ = −(1/ln 3) Σ p ln p = 0.920620…
    // Column 2: p = 1/3, 1/3, 1/3; e₂ = 1.  Column 3: p = 1, 0, 0; e₃ = 0.
    const r = entropyWeights([
      [1, 5, 4],
      [2, 5, 0],
      [3, 5, 0],
    ]);
    const e1 = -(1 / Math.log(3)) * ((1 / 6) * Math.log(1 / 6) + (2 / 6) * Math.log(2 / 6) + (3 / 6) * Math.log(3 / 6));
    assert.equal(e1.toFixed(6), '0.920620');
    assert.ok(Math.abs(r.entropy[0]! - e1) < 1e-15);
    assert.equal(r.entropy[1]!.toFixed(12), '1.000000000000');
    assert.equal(r.entropy[2], 0);
    assert.deepEqual(
      r.weights.map((w) => w.toFixed(4)),
      ['0.0735', '0.0000', '0.9265'],
    );
  });

  it('gives a constant indicator exactly zero weight, never a tiny negative one (scheme weights must be ≥ 0)', () => {
    // Σ p ln p rounds so that e came out as 1 ± 2⁻⁵² (five units: 1 + 2⁻⁵², six: 1 − 2⁻⁵³); the weight was then about
    // ∓3e-15 instead of 0, and a negative one is refused by a scheme (weight ≥ 0). Many sizes and constant values.
    for (let m = 2; m <= 40; m++)
      for (const v of [0.05, 0.1, 0.3, 0.7, 1, 3, 29, 123.456]) {
        const r = entropyWeights(Array.from({ length: m }, (_, i) => [v, i + 1]));
        assert.equal(r.entropy[0], 1, `m = ${m}, v = ${v}`);
        assert.equal(r.weights[0], 0, `m = ${m}, v = ${v}`);
        assert.ok(r.entropy[1]! >= 0 && r.entropy[1]! <= 1);
      }
  });

  it('falls back to equal weights when nothing discriminates', () => {
    assert.deepEqual(
      entropyWeights([
        [2, 3],
        [2, 3],
      ]).weights,
      [0.5, 0.5],
    );
  });
});
