import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { schemeSchema } from './scheme.schema.ts';

const base = {
  code: 's',
  name: '考核',
  indicators: [{ code: 'gdp', name: 'GDP', weight: 1 }],
  grades: [
    { label: '优秀', minScore: 90 },
    { label: '较差', minScore: 0 },
  ],
};

describe('schemeSchema', () => {
  it('fills defaults', () => {
    const s = schemeSchema.parse(base);
    assert.equal(s.aggregation, 'weighted_sum');
    assert.deepEqual(s.indicators[0]!.normalisation, { method: 'minmax' });
    assert.equal(s.indicators[0]!.required, true);
  });
  it('refuses unknown indicators, bad grade order and zero weights', () => {
    assert.equal(
      schemeSchema.safeParse({ ...base, vetoes: [{ code: 'v', indicator: 'x', op: 'lt', value: 0, reason: 'r' }] }).success,
      false,
    );
    assert.equal(schemeSchema.safeParse({ ...base, grades: [...base.grades].reverse() }).success, false);
    assert.equal(schemeSchema.safeParse({ ...base, indicators: [{ code: 'gdp', name: 'GDP', weight: 0 }] }).success, false);
  });
});
