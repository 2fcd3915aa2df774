import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseWeights, weightedGeometric, weightedSum } from './aggregate.ts';

const f = (...xs: number[]) => Float64Array.from(xs);

describe('aggregation', () => {
  it('weighted sum and geometric mean', () => {
    assert.equal(weightedSum(f(1, 0.5), f(0.5, 0.5)), 0.75);
    assert.ok(Math.abs(weightedGeometric(f(1, 0.25), f(0.5, 0.5)) - 0.5) < 1e-15);
  });
  it('shares the weight of a missing value among the others', () => {
    assert.equal(weightedSum(f(0.8, NaN), f(0.25, 0.75)), 0.8);
    assert.ok(Number.isNaN(weightedSum(f(NaN), f(1))));
  });
  it('normalises weights', () => {
    assert.deepEqual([...normaliseWeights([1, 3])], [0.25, 0.75]);
    assert.throws(() => normaliseWeights([0, 0]));
  });
});
