import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkConsistency, type TargetFacts } from './check-consistency.ts';

const base: Omit<TargetFacts, 'ref' | 'scope' | 'value'> = {
  indicator: 'TRADE_TOTAL',
  indicatorUnit: '亿元',
  aggregation: 'sum',
  year: 2025,
  comparator: 'at_least',
  min: null,
  max: null,
  rate: null,
  conflictsWith: [],
};
const t = (ref: string, scope: string, value: string, extra: Partial<TargetFacts> = {}): TargetFacts => ({
  ...base,
  ref,
  scope,
  value,
  ...extra,
});
const parents: Record<string, string> = { 'YN-KM': 'YN', 'YN-HH': 'YN' };
const parentOf = {
  parentOf: (c: string) => parents[c] ?? null,
  childrenOf: (c: string) => Object.keys(parents).filter((k) => parents[k] === c),
};

describe('checkConsistency', () => {
  it('finds the bonded zone’s 160 vs 110 and marks it acknowledged when linked', () => {
    const issues = checkConsistency([t('bz:a', 'ZN', '160', { conflictsWith: ['bz:b'] }), t('bz:b', 'ZN', '110')], parentOf);
    assert.deepEqual(
      issues.map((i) => [i.kind, i.targets, i.acknowledged]),
      [['conflicting_targets', ['bz:a', 'bz:b'], true]],
    );
  });
  it('does not compare a growth rate with an amount, nor equal figures', () => {
    assert.deepEqual(
      checkConsistency(
        [
          t('p:a', 'YN', '100'),
          t('p:b', 'YN', '100'),
          t('p:c', 'YN', '', { comparator: 'annual_growth', value: null, rate: '10' }),
        ],
        parentOf,
      ),
      [],
    );
  });
  it('flags prefecture targets whose floors exceed the province’s ceiling, and ceilings below its floor', () => {
    const exceed = checkConsistency(
      [t('p:yn', 'YN', '100', { comparator: 'at_most' }), t('p:km', 'YN-KM', '70'), t('p:hh', 'YN-HH', '40')],
      parentOf,
    );
    assert.deepEqual(
      exceed.map((i) => i.kind),
      ['parts_exceed_whole'],
    );
    const short = checkConsistency(
      [
        t('p:yn', 'YN', '100'),
        t('p:km', 'YN-KM', '50', { comparator: 'at_most' }),
        t('p:hh', 'YN-HH', '40', { comparator: 'at_most' }),
      ],
      parentOf,
    );
    assert.deepEqual(
      short.map((i) => i.kind),
      ['parts_fall_short'],
    );
    // A child without a target makes falling short uncertain: no issue.
    assert.deepEqual(
      checkConsistency([t('p:yn', 'YN', '100'), t('p:km', 'YN-KM', '50', { comparator: 'at_most' })], parentOf),
      [],
    );
  });
  it('flags a stated unit that differs from the catalogue', () => {
    const issues = checkConsistency([t('p:a', 'YN', '2675780', { statedUnit: '万元' })], parentOf);
    assert.equal(issues[0]!.kind, 'unit_mismatch');
    assert.match(issues[0]!.messageZh, /万元/);
  });
});
