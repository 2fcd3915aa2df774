import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AhpError, ahpEigen, ahpWeights } from './ahp.ts';

describe('AHP', () => {
  it('recovers the weights of a perfectly consistent matrix exactly (λmax = n, CR = 0)', () => {
    const w = [0.5, 0.3, 0.2];
    const m = w.map((wi) => w.map((wj) => wi / wj));
    const r = ahpWeights(m);
    r.weights.forEach((x, i) => assert.ok(Math.abs(x - w[i]!) < 1e-12));
    assert.ok(Math.abs(r.lambdaMax - 3) < 1e-12);
    assert.ok(r.consistencyRatio < 1e-12);
  });

  it('regression check on the 3×3 matrix [[1,3,5],[1/3,1,3],[1/5,1/3,1]]', () => {
    // Figures recalled (w = 0.637, 0.258, 0.105; λmax = 3.039; CR = 0.033), not taken from a citable page: the
    // published examples are in published-examples.test.ts. The defining property A w = λmax w is checked below.
    const r = ahpWeights([
      [1, 3, 5],
      [1 / 3, 1, 3],
      [1 / 5, 1 / 3, 1],
    ]);
    assert.deepEqual(
      r.weights.map((x) => x.toFixed(3)),
      ['0.637', '0.258', '0.105'],
    );
    assert.equal(r.lambdaMax.toFixed(3), '3.039');
    assert.equal(r.consistencyRatio.toFixed(3), '0.033');
    // Defining property: A w = λmax w.
    const m = [
      [1, 3, 5],
      [1 / 3, 1, 3],
      [1 / 5, 1 / 3, 1],
    ];
    m.forEach((row, i) => {
      const aw = row.reduce((s, a, j) => s + a * r.weights[j]!, 0);
      assert.ok(Math.abs(aw - r.lambdaMax * r.weights[i]!) < 1e-12);
    });
  });

  it('refuses CR ≥ 0.1 with a zh/en message and a stable code', () => {
    const bad = [
      [1, 9, 1 / 9],
      [1 / 9, 1, 9],
      [9, 1 / 9, 1],
    ];
    assert.ok(ahpEigen(bad).consistencyRatio >= 0.1);
    assert.throws(
      () => ahpWeights(bad),
      (e: unknown) =>
        e instanceof AhpError && e.code === 'AHP_INCONSISTENT' && /一致性/.test(e.messageZh) && /CR =/.test(e.messageEn),
    );
  });

  it('refuses a matrix that is not reciprocal', () => {
    assert.throws(
      () =>
        ahpWeights([
          [1, 2],
          [2, 1],
        ]),
      (e: unknown) => e instanceof AhpError && e.code === 'AHP_NOT_RECIPROCAL',
    );
  });
});
