import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePeriod } from '../period/period.ts';
import { collapsePeriod, type AggregationRule, type PeriodFigure } from './aggregate.ts';
import { subjectFigure, type SeriesNode } from './subject-series.ts';

const fig = (period: string, value: string, origin: PeriodFigure['origin'] = 'reported'): PeriodFigure => ({
  period,
  value,
  cumulative: false,
  origin,
});
const year = parsePeriod('2024')!;
const rule: AggregationRule = { code: 'REVENUE', aggregation: 'sum' };
const rules = new Map([['REVENUE', rule]]);
const flow = () => true;
const leaf = (points: PeriodFigure[]): SeriesNode => ({ points: new Map([['REVENUE', points]]), children: [] });

describe('subjectFigure', () => {
  const a = [fig('2024-01', '1.5'), fig('2024-02', '2.25', 'synthetic')];
  const b = [fig('2024Q1', '10'), fig('2024Q2', '20'), fig('2024Q3', '30'), fig('2024Q4', '40')];

  it("rolls children's collapsed periods up by the rule, with the weakest origin and partial flag", () => {
    const root: SeriesNode = { points: new Map(), children: [leaf(a), leaf(b)] };
    assert.deepEqual(subjectFigure(root, year, rule, rules, ['REVENUE'], flow), {
      value: '103.75',
      origin: 'synthetic',
      partial: true,
      lastPeriod: '2024Q4',
    });
  });

  it('a precomputed (collapsed) figure stands for the points it was made from: same result', () => {
    const raw: SeriesNode = { points: new Map(), children: [leaf(a), leaf(b)] };
    const pre = (points: PeriodFigure[]): SeriesNode => ({
      points: new Map(),
      collapsed: new Map([['REVENUE', collapsePeriod(points, year, true)!]]),
      children: [],
    });
    const mixed: SeriesNode = { points: new Map(), children: [pre(a), leaf(b)] };
    const all: SeriesNode = { points: new Map(), children: [pre(a), pre(b)] };
    const expected = subjectFigure(raw, year, rule, rules, ['REVENUE'], flow);
    assert.deepEqual(subjectFigure(mixed, year, rule, rules, ['REVENUE'], flow), expected);
    assert.deepEqual(subjectFigure(all, year, rule, rules, ['REVENUE'], flow), expected);
  });

  it("forms a leaf's derived figure from its own inputs (亩均 of a single zone)", () => {
    const perMu: AggregationRule = { code: 'REVENUE_PER_MU', aggregation: 'ratio', formula: 'REVENUE * 10000 / LAND_AREA_MU' };
    const all = new Map([
      ['REVENUE', rule],
      ['LAND_AREA_MU', { code: 'LAND_AREA_MU', aggregation: 'sum' as const }],
      ['REVENUE_PER_MU', perMu],
    ]);
    const zone: SeriesNode = {
      points: new Map([
        ['REVENUE', [fig('2024', '12')]],
        ['LAND_AREA_MU', [fig('2024', '2000', 'plan')]],
      ]),
      children: [],
    };
    const codes = ['REVENUE_PER_MU', 'REVENUE', 'LAND_AREA_MU'];
    assert.deepEqual(subjectFigure(zone, year, perMu, all, codes, flow), {
      value: '60',
      origin: 'plan',
      partial: false,
      lastPeriod: '2024',
    });
    // Its own reported figure still wins over the formula.
    const reported: SeriesNode = { ...zone, points: new Map([...zone.points, ['REVENUE_PER_MU', [fig('2024', '61')]]]) };
    assert.equal(subjectFigure(reported, year, perMu, all, codes, flow)?.value, '61');
  });
});
