import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anchorsFromPlans, type PlanTarget } from './plan-anchors.ts';

const target = (t: Partial<PlanTarget>): PlanTarget => ({
  orgUnit: null,
  groupMembers: [],
  indicator: 'TRADE_TOTAL',
  indicatorUnit: '亿元',
  aggregation: 'sum',
  baselineYear: null,
  baselineValue: null,
  targetYear: 2025,
  comparator: 'at_least',
  targetValue: null,
  targetMin: null,
  targetMax: null,
  targetRate: null,
  trajectory: [],
  ...t,
});

describe('anchorsFromPlans', () => {
  it('takes yearly stated figures as facts, a stock at a date as near its year, and drops year-to-date figures', () => {
    const anchors = anchorsFromPlans(
      [
        { orgUnit: 'ZN-KM-BONDED', indicator: 'TRADE_TOTAL', period: '2021', cumulative: false, value: '77.33' },
        { orgUnit: 'ZN-KM-BONDED', indicator: 'REGISTERED_ENTERPRISES', period: '2020-10', cumulative: false, value: '167' },
        { orgUnit: 'X', indicator: 'REVENUE', period: '2021-06', cumulative: true, value: '5' },
      ],
      [],
    );
    assert.deepEqual(
      anchors.map((a) => [a.indicator, a.year, a.firmness, a.value]),
      [
        ['TRADE_TOTAL', 2021, 'stated', '77.33'],
        ['REGISTERED_ENTERPRISES', 2020, 'target', '167'],
      ],
    );
  });

  it('turns baselines, targets, ranges, trajectories and growth rates into anchors', () => {
    const anchors = anchorsFromPlans(
      [],
      [
        target({ orgUnit: 'YN-FTZ', baselineYear: 2020, baselineValue: '717.9', targetValue: '2675.78' }),
        target({
          orgUnit: 'ZN-KM-BONDED',
          baselineYear: 2021,
          baselineValue: '77.33',
          targetValue: '160',
          trajectory: [{ year: 2022, value: '115' }],
        }),
        target({ orgUnit: 'YN', indicator: 'Z', comparator: 'range', targetMin: '1', targetMax: '2' }),
        target({ orgUnit: 'YN', comparator: 'qualitative' }),
        target({ orgUnit: 'ZN-KM-BONDED', indicator: 'PROCESSING_TRADE_VALUE', comparator: 'share', targetValue: '10' }),
      ],
    );
    assert.deepEqual(
      anchors.map((a) => `${a.orgUnit} ${a.indicator} ${a.year} ${a.kind} ${a.firmness} ${a.value}`),
      [
        'YN-FTZ TRADE_TOTAL 2020 level stated 717.9',
        'YN-FTZ TRADE_TOTAL 2025 level target 2675.78',
        'ZN-KM-BONDED TRADE_TOTAL 2021 level stated 77.33',
        'ZN-KM-BONDED TRADE_TOTAL 2025 level target 160',
        'ZN-KM-BONDED TRADE_TOTAL 2022 level target 115',
        'YN Z 2025 level target 1.5',
      ],
    );
  });

  it('applies a group target to each member only when it does not add up over units', () => {
    const members = ['ZN-A', 'ZN-B'];
    const anchors = anchorsFromPlans(
      [],
      [
        target({ groupMembers: members, indicator: 'REVENUE_PER_MU', aggregation: 'ratio', targetValue: '600' }),
        target({ groupMembers: members, indicator: 'REVENUE', comparator: 'annual_growth', targetRate: '15' }),
        target({ groupMembers: members, indicator: 'NEW_CENTRES', targetValue: '50' }),
      ],
    );
    assert.deepEqual(
      anchors.map((a) => `${a.orgUnit} ${a.indicator} ${a.kind} ${a.value}`),
      ['ZN-A REVENUE_PER_MU level 600', 'ZN-B REVENUE_PER_MU level 600', 'ZN-A REVENUE growth 15', 'ZN-B REVENUE growth 15'],
    );
  });
});
