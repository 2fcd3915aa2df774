import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import {
  originAmount,
  sumDeltas,
  toIndicatorUnit,
  transferDeltas,
  type AgreementFacts,
  type ProjectMonthFacts,
} from './transfer-attribution.ts';
import { validateSharePair } from './transfer-shares.ts';

const agreement: AgreementFacts = {
  id: 1,
  projectId: 7,
  fromZone: 100,
  toZone: 200,
  shares: { from: '40', to: '60' },
  startMonth: '2024-03',
  endMonth: '2024-12',
};
const month = (
  m: string,
  investment: string | null,
  output: string | null = null,
  tax: string | null = null,
): ProjectMonthFacts => ({
  projectId: 7,
  month: m,
  investment,
  output,
  tax,
  origin: 'reported',
});

describe('transferDeltas', () => {
  it('moves 40 % of each figure from the destination to the origin, within the agreement months only', () => {
    const d = transferDeltas([agreement], [month('2024-02', '1000'), month('2024-03', '1000', '250.5'), month('2025-01', '9')]);
    assert.deepEqual(
      d.map((x) => [x.zone, x.indicator, x.month, x.value]),
      [
        [100, 'FAI', '2024-03', '400'],
        [200, 'FAI', '2024-03', '-400'],
        [100, 'INDUSTRIAL_OUTPUT', '2024-03', '100.2'],
        [200, 'INDUSTRIAL_OUTPUT', '2024-03', '-100.2'],
      ],
    );
  });
  it('uses per-indicator shares where the agreement gives them', () => {
    const a = { ...agreement, indicatorShares: { TAX_REVENUE: { from: '50', to: '50' } } };
    const d = transferDeltas([a], [month('2024-05', '10', null, '7')]);
    assert.deepEqual(
      d.filter((x) => x.zone === 100).map((x) => [x.indicator, x.value]),
      [
        ['FAI', '4'],
        ['TAX_REVENUE', '3.5'],
      ],
    );
  });
  it('rounds the origin amount half up to whole yuan and gives the destination its exact negative', () => {
    assert.equal(originAmount('0.00025', '50'), '0.0001'); // 0.000125 → 0.0001
    assert.equal(originAmount('0.00035', '50'), '0.0002'); // 0.000175 → 0.0002
    assert.equal(originAmount('100', '33.3333'), '33.3333');
    assert.equal(originAmount('1', '66.66665'), '0.6667'); // 0.6666665 → 0.6667
    const d = transferDeltas([{ ...agreement, shares: { from: '33.3333', to: '66.6667' } }], [month('2024-04', '0.7')]);
    assert.deepEqual(
      d.map((x) => x.value),
      ['0.2333', '-0.2333'],
    );
  });
  it('sums deltas per zone, indicator and month', () => {
    const other = { ...agreement, id: 2, projectId: 8 };
    const d = transferDeltas(
      [agreement, other],
      [month('2024-04', '10'), { ...month('2024-04', '5'), projectId: 8, origin: 'synthetic' }],
    );
    const s = sumDeltas(d);
    assert.deepEqual(s.get('100/FAI/2024-04'), {
      zone: 100,
      indicator: 'FAI',
      month: '2024-04',
      value: '6',
      origin: 'synthetic',
    });
    assert.equal(s.get('200/FAI/2024-04')!.value, '-6');
  });
  it('converts 万元 to the indicator unit exactly', () => {
    assert.equal(toIndicatorUnit('400.1234', '亿元'), '0.04001234');
    assert.equal(toIndicatorUnit('400', '万元'), '400');
    assert.equal(toIndicatorUnit('1', '人'), null);
  });
});

describe('transfer attribution properties', () => {
  const decimalText = fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }))
    .map(([n, scale]) => new Decimal(n.toString()).dividedBy(10 ** scale).toFixed());
  const share = fc.integer({ min: 0, max: 1_000_000 }).map((n) => new Decimal(n).dividedBy(10_000).toFixed());
  const months = ['2024-01', '2024-02', '2024-03', '2024-04'];
  const figure = fc.record({
    projectId: fc.constantFrom(1, 2, 3),
    month: fc.constantFrom(...months),
    investment: fc.option(decimalText, { nil: null }),
    output: fc.option(decimalText, { nil: null }),
    tax: fc.option(decimalText, { nil: null }),
    origin: fc.constantFrom('reported' as const, 'synthetic' as const),
  });
  const agreementArb = fc.record({
    projectId: fc.constantFrom(1, 2, 3),
    zones: fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 2 }),
    from: share,
    taxFrom: fc.option(share, { nil: undefined }),
    startMonth: fc.constantFrom(...months),
  });

  it('every project month and indicator gives deltas that sum to exactly zero, and the origin gets its share to the yuan', () => {
    fc.assert(
      fc.property(fc.array(agreementArb, { maxLength: 4 }), fc.array(figure, { maxLength: 12 }), (raw, figures) => {
        const agreements: AgreementFacts[] = raw.map((a, i) => ({
          id: i + 1,
          projectId: a.projectId,
          fromZone: a.zones[0]!,
          toZone: a.zones[1]!,
          shares: { from: a.from, to: new Decimal(100).minus(a.from).toFixed() },
          indicatorShares:
            a.taxFrom === undefined ? {} : { TAX_REVENUE: { from: a.taxFrom, to: new Decimal(100).minus(a.taxFrom).toFixed() } },
          startMonth: a.startMonth,
          endMonth: null,
        }));
        const deltas = transferDeltas(agreements, figures);
        // Pairwise zero, and zero over all zones for every indicator and month.
        const total = new Map<string, Decimal>();
        for (const d of deltas) {
          const k = `${d.indicator}/${d.month}`;
          total.set(k, (total.get(k) ?? new Decimal(0)).plus(d.value));
          if (new Decimal(d.value).gt(0)) {
            const exact = new Decimal(d.reported).times(d.share.from).dividedBy(100);
            assert.ok(exact.minus(d.value).abs().lte('0.00005'), `${d.value} vs ${exact.toFixed()}`);
          }
        }
        for (const [k, v] of total) assert.ok(v.isZero(), `${k}: ${v.toFixed()}`);
        for (const s of sumDeltas(deltas).values()) assert.ok(new Decimal(s.value).decimalPlaces() <= 4);
        assert.equal(deltas.length % 2, 0);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts exactly the share pairs that add up to 100', () => {
    fc.assert(
      fc.property(share, share, (a, b) => {
        const ok = validateSharePair({ from: a, to: b }, 'shares').length === 0;
        assert.equal(ok, new Decimal(a).plus(b).eq(100));
      }),
    );
  });
});
