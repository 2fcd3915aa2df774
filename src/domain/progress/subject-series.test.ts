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

  it("a group's figure needs every member's: 滇中's 城镇化率 is not formed from 昆明 and 楚雄 alone", () => {
    // Urbanisation is a population-weighted mean; two of three members stated 2024 figures.
    const rate: AggregationRule = { code: 'URBANISATION_RATE', aggregation: 'weighted_average', weight: 'RESIDENT_POPULATION' };
    const all = new Map([
      ['URBANISATION_RATE', rate],
      ['RESIDENT_POPULATION', { code: 'RESIDENT_POPULATION', aggregation: 'sum' as const }],
    ]);
    const unit = (r: string | null, pop: string | null): SeriesNode => ({
      points: new Map([
        ...(r === null ? [] : [['URBANISATION_RATE', [fig('2024', r, 'published')]] as const]),
        ...(pop === null ? [] : [['RESIDENT_POPULATION', [fig('2024', pop, 'published')]] as const]),
      ]),
      children: [],
    });
    const codes = ['URBANISATION_RATE', 'RESIDENT_POPULATION'];
    const members = [unit('83.54', '868.7'), unit('49.55', '232.7')];
    const group = (...extra: SeriesNode[]): SeriesNode => ({
      points: new Map(),
      children: [...members, ...extra],
      everyMember: () => true,
    });
    assert.equal(subjectFigure(group(unit(null, null)), year, rate, all, codes, flow), null);
    // A member with the rate but no weight leaves the group without a figure too.
    assert.equal(subjectFigure(group(unit('51.79', null)), year, rate, all, codes, flow), null);
    // With every member's figures the group's is their weighted mean: (83.54·868.7 + 49.55·232.7 + 50·100) ÷ 1201.4 = 74.1647…
    const complete = subjectFigure(group(unit('50', '100')), year, rate, all, codes, flow);
    assert.equal(complete?.value.slice(0, 8), '74.16471');
    assert.equal(complete?.origin, 'published');
    // An optional item (everyMember false for it) adds up over the members that state it.
    const optional: SeriesNode = { points: new Map(), children: [leaf([fig('2024', '5')]), leaf([])], everyMember: () => false };
    assert.equal(subjectFigure(optional, year, rule, rules, ['REVENUE'], flow)?.value, '5');
    // A unit's subtree (not a group) still rolls up from the children that report: a province's sum.
    const province: SeriesNode = { points: new Map(), children: [leaf([fig('2024', '5')]), leaf([])] };
    assert.equal(subjectFigure(province, year, rule, rules, ['REVENUE'], flow)?.value, '5');
  });
});
