import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate, keepRows, prepareGroup } from './evaluate.ts';
import { scheme, units } from './demo.fixture.ts';
import { createPrng } from './prng.ts';
import { perturbWeights, sensitivity } from './sensitivity.ts';

describe('sensitivity', () => {
  const prepared = prepareGroup(scheme, units, null);
  const opts = { samples: 2000, seed: 7, perturbation: { kind: 'uniform' as const, spread: 0.3 } };

  it('is reproducible bit for bit from the seed', () => {
    assert.deepEqual(sensitivity(scheme, [prepared], opts), sensitivity(scheme, [prepared], opts));
  });

  it('gives rank intervals containing the base rank, grade probabilities and robustness flags', () => {
    const base = evaluate(scheme, units);
    // As computeRun does: only the ranked units (b lacks an optional figure and is not ranked).
    const s = sensitivity(scheme, [keepRows(prepared, (k) => base[k]!.rank !== null)], opts);
    assert.deepEqual(
      s.map((u) => u.code),
      ['a', 'c', 'd'],
    );
    for (const u of s) {
      const b = base.find((x) => x.code === u.code)!;
      assert.ok(u.rankLow <= b.rank! && b.rank! <= u.rankHigh, `${u.code}`);
      assert.ok(Math.abs(u.gradeProbabilities.reduce((a, x) => a + x, 0) - 1) < 1e-12);
    }
    assert.equal(s[0]!.modalGrade, '优秀');
    assert.equal(s[0]!.robust, true);
    assert.deepEqual(s[2]!.gradeProbabilities, [0, 0, 0, 1]); // vetoed
  });

  it('flags a unit whose grade flips with the weights', () => {
    const s = sensitivity(
      { ...scheme, vetoes: [] },
      [prepareGroup({ ...scheme, vetoes: [] }, [...units, { code: 'f', name: '己', values: { gdp: 7, pm: 55, park: 1 } }], null)],
      { samples: 2000, seed: 1, perturbation: { kind: 'dirichlet', concentration: 20 } },
    );
    assert.equal(s.find((u) => u.code === 'f')!.robust, false);
  });

  it('perturbs weights around the base: renormalised, Dirichlet mean ≈ base', () => {
    const base = Float64Array.from([0.5, 0.3, 0.2]);
    const out = new Float64Array(3);
    const prng = createPrng(3);
    const mean = [0, 0, 0];
    for (let s = 0; s < 4000; s++) {
      perturbWeights(base, { kind: 'dirichlet', concentration: 50 }, prng, out);
      assert.ok(Math.abs(out.reduce((a, x) => a + x, 0) - 1) < 1e-12);
      out.forEach((x, j) => (mean[j]! += x / 4000));
    }
    mean.forEach((m, j) => assert.ok(Math.abs(m - base[j]!) < 0.01));
  });

  it('can also vary the normalisation between prepared variants', () => {
    const zs = prepareGroup(scheme, units, null, [{ method: 'zscore' }, { method: 'zscore' }, { method: 'rank' }]);
    const s = sensitivity(scheme, [prepared, zs], opts);
    assert.equal(s.length, 4);
  });
});
