import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scheme, units } from './demo.fixture.ts';
import { evaluate } from './evaluate.ts';

describe('evaluate', () => {
  const r = evaluate(scheme, units);
  const by = (c: string) => r.find((x) => x.code === c)!;

  it('scores with min–max, shared weights for missing optional values and capped bonus/penalty', () => {
    // Weights 0.6, 0.4, 0.2 → 0.5, 1/3, 1/6. gdp range 4–8, pm 20–80 (lower better), park 1–5.
    assert.ok(Math.abs(by('a').baseScore! - 100) < 1e-9);
    assert.equal(by('a').bonus, 3); // 9 reported, item cap 3
    assert.ok(Math.abs(by('a').score! - 103) < 1e-9);
    // b: park missing → weights 0.5 and 1/3 renormalised to 0.6 and 0.4: 0.6×0.5 + 0.4×(50/60).
    assert.ok(Math.abs(by('b').baseScore! - 100 * (0.6 * 0.5 + 0.4 * (50 / 60))) < 1e-9);
    assert.equal(by('b').contributions.find((c) => c.indicator === 'park')!.weight, 0);
    assert.equal(by('c').penalty, 2);
  });

  it('marks a unit missing a required value incomplete: no score, rank or grade', () => {
    assert.equal(by('e').status, 'incomplete');
    assert.deepEqual(by('e').missing, ['gdp', 'park']);
    assert.equal(by('e').score, null);
    assert.equal(by('e').rank, null);
    assert.equal(by('e').grade, null);
  });

  it('applies a veto: lowest grade whatever the score', () => {
    assert.equal(by('d').vetoes.length, 1);
    assert.equal(by('d').grade, '较差');
    assert.equal(by('a').grade, '优秀');
  });

  it('ranks with ties and by comparison group with its own weights', () => {
    const t = evaluate(scheme, [
      { code: 'x', name: 'x', values: { gdp: 1, pm: 1, park: 1 } },
      { code: 'y', name: 'y', values: { gdp: 1, pm: 1, park: 1 } },
      { code: 'z', name: 'z', values: { gdp: 0, pm: 2, park: 1 } },
      { code: 'm1', name: 'm1', group: 'g2', values: { gdp: 1, pm: 2, park: 1 } },
      { code: 'm2', name: 'm2', group: 'g2', values: { gdp: 0, pm: 1, park: 1 } },
    ]);
    assert.deepEqual(
      t.map((u) => u.rank),
      [1, 1, 3, 2, 1],
    );
    // Group g2 weights gdp 0.2, pm 0.4, park 0.2 → 0.25, 0.5, 0.25; m2 (best pm, parks all equal) wins.
    assert.ok(Math.abs(t[4]!.score! - 75) < 1e-9);
    assert.throws(() => evaluate(scheme, [{ code: 'q', name: 'q', group: 'nope', values: {} }]));
  });

  it('aggregates with the weighted geometric mean', () => {
    const g = evaluate({ ...scheme, aggregation: 'weighted_geometric', vetoes: [], adjustments: [] }, units.slice(0, 3));
    assert.ok(Math.abs(g[0]!.score! - 100) < 1e-9);
    assert.ok(g[2]!.score! < 1); // zero on gdp floors near zero
    assert.equal(g[0]!.contributions[0]!.points, null);
  });
});
