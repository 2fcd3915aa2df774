import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { schemeSchema } from './scheme.schema.ts';
import { topsis } from './topsis.ts';
import { topsisRanking } from './topsis-ranking.ts';

const scheme = schemeSchema.parse({
  code: 't',
  name: 't',
  indicators: [
    { code: 'OUT', name: '产出', weight: 2 },
    { code: 'ENERGY', name: '能耗', weight: 1, direction: 'lower_better' },
    { code: 'INCIDENTS', name: '事故', weight: 0, required: false },
    { code: 'RD', name: '研发', weight: 1, required: false },
  ],
  grades: [{ label: '合格', minScore: 0 }],
  groups: [{ code: 'national', name: '国家级', weights: { ENERGY: 2 } }],
});

const units = [
  { code: 'a', name: 'a', values: { OUT: 600, ENERGY: 0.5, INCIDENTS: 0, RD: 3 } },
  { code: 'b', name: 'b', values: { OUT: 400, ENERGY: 0.3, INCIDENTS: 0, RD: null } },
  { code: 'c', name: 'c', values: { OUT: 400, ENERGY: 0.3, INCIDENTS: 1, RD: 2 } },
];

describe('topsisRanking', () => {
  it('ranks by closeness with the group weights, leaving out weight-0 and incomplete indicators', () => {
    const r = topsisRanking(scheme, 'national', units);
    // RD is missing for b and INCIDENTS weighs 0: TOPSIS over OUT (2/4) and ENERGY (2/4, lower better).
    const expected = topsis(
      units.map((u) => [u.values.OUT, u.values.ENERGY]),
      [0.5, 0.5],
      [true, false],
    ).closeness;
    assert.deepEqual(
      units.map((u) => r.get(u.code)!.closeness),
      expected,
    );
    // b and c are alike on the used indicators: a shared rank (1, 2, 2 or 1, 1, 3 by closeness).
    assert.equal(r.get('b')!.rank, r.get('c')!.rank);
    const order = [...r.values()].map((p) => p.rank).sort();
    assert.ok(order[0] === 1);
  });

  it('uses the scheme weights outside any group, and gives nothing when no indicator is complete', () => {
    const r = topsisRanking(scheme, null, units.slice(0, 2));
    const expected = topsis(
      [
        [600, 0.5],
        [400, 0.3],
      ],
      [2 / 3, 1 / 3],
      [true, false],
    ).closeness;
    assert.deepEqual([r.get('a')!.closeness, r.get('b')!.closeness], expected);
    const empty = topsisRanking(scheme, null, [{ code: 'x', name: 'x', values: { OUT: null, ENERGY: null } }]);
    assert.equal(empty.size, 0);
  });
});
