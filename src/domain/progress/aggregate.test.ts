import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePeriod, type Period } from '../period/period.ts';
import {
  aggregateMembers,
  collapsePeriod,
  collapseYear,
  combineFigures,
  preferredFigures,
  rollUp,
  weakestOrigin,
  type AggregationRule,
  type PeriodFigure,
} from './aggregate.ts';

const y = (text: string): Period => parsePeriod(text)!;
const fig = (period: string, value: string, cumulative = false, origin: PeriodFigure['origin'] = 'reported'): PeriodFigure => ({
  period,
  value,
  cumulative,
  origin,
});
const m = (o: Record<string, string>) => new Map(Object.entries(o));

describe('collapsePeriod', () => {
  it('a year of a cumulative (累计) monthly series is its December figure', () => {
    const pts = [
      fig('2024-11', '90', true),
      fig('2024-12', '100.5', true),
      fig('2024-06', '40', true),
      fig('2023-12', '70', true),
    ];
    assert.deepEqual(collapsePeriod(pts, y('2024'), true), {
      value: '100.5',
      lastPeriod: '2024-12',
      partial: false,
      origin: 'reported',
    });
  });
  it('before December the latest year-to-date figure, marked partial', () => {
    const pts = [fig('2024-05', '30', true), fig('2024-06', '40', true)];
    assert.deepEqual(collapsePeriod(pts, y('2024'), true), {
      value: '40',
      lastPeriod: '2024-06',
      partial: true,
      origin: 'reported',
    });
  });
  it('a year of a monthly flow is the sum of its months (decimal, no float drift)', () => {
    const pts = Array.from({ length: 12 }, (_, i) => fig(`2024-${String(i + 1).padStart(2, '0')}`, '0.1'));
    const r = collapsePeriod(pts, y('2024'), true)!;
    assert.equal(r.value, '1.2');
    assert.equal(r.partial, false);
    assert.equal(collapsePeriod(pts.slice(0, 5), y('2024'), true)!.partial, true);
  });
  it('a year of quarterly flows sums the quarters; a quarter of months sums three months', () => {
    const q = ['2024Q1', '2024Q2', '2024Q3', '2024Q4'].map((p) => fig(p, '2.5'));
    assert.equal(collapsePeriod(q, y('2024'), true)!.value, '10');
    const months = [fig('2024-04', '1'), fig('2024-05', '2'), fig('2024-06', '3'), fig('2024-07', '9')];
    assert.deepEqual(collapsePeriod(months, y('2024Q2'), true), {
      value: '6',
      lastPeriod: '2024-06',
      partial: false,
      origin: 'reported',
    });
  });
  it('a quarter of a cumulative series is the year-to-date figure at the quarter end', () => {
    const pts = [fig('2024Q1', '10', true), fig('2024Q2', '25', true)];
    assert.equal(collapsePeriod(pts, y('2024'), true)!.value, '25');
    assert.equal(collapsePeriod(pts, y('2024'), true)!.partial, true);
    assert.equal(collapsePeriod([fig('2024-06', '25', true)], y('2024Q2'), true)!.value, '25');
  });
  it('levels (non-additive) take the latest value; a stated annual figure wins', () => {
    const pts = [fig('2024-03', '55'), fig('2024-12', '58')];
    assert.equal(collapsePeriod(pts, y('2024'), false)!.value, '58');
    assert.equal(collapsePeriod([...pts, fig('2024', '57', false, 'plan')], y('2024'), false)!.value, '57');
  });
  it('the combined origin is the weakest: synthetic months make a synthetic year', () => {
    const pts = [fig('2024-01', '1'), fig('2024-02', '1', false, 'synthetic')];
    assert.equal(collapsePeriod(pts, y('2024'), true)!.origin, 'synthetic');
    assert.equal(weakestOrigin(['reported', 'plan']), 'plan');
    assert.equal(collapsePeriod([], y('2024'), true), null);
  });
});

describe('aggregateMembers', () => {
  const members = [
    m({ REVENUE: '100', LAND_AREA_MU: '1000', REVENUE_PER_MU: '1000000' }),
    m({ REVENUE: '300', LAND_AREA_MU: '1000', REVENUE_PER_MU: '3000000' }),
    m({ REVENUE: '50', LAND_AREA_MU: '3000' }),
  ];
  it('sums additive amounts', () => {
    assert.equal(aggregateMembers({ code: 'REVENUE', aggregation: 'sum' }, members), '450');
  });
  it('ratio of sums for a derived indicator: 亩均营业收入 = Σ revenue × 10000 ÷ Σ land, not the mean of ratios', () => {
    const rule: AggregationRule = { code: 'REVENUE_PER_MU', aggregation: 'ratio', formula: 'REVENUE * 10000 / LAND_AREA_MU' };
    // (100 + 300 + 50) × 10000 ÷ (1000 + 1000 + 3000) = 900; the mean of the three ratios would be (1000000+3000000+166666.7)/3.
    assert.equal(aggregateMembers(rule, members), '900');
    assert.equal(aggregateMembers({ ...rule, formula: null }, members), null);
    assert.equal(aggregateMembers(rule, [m({ REVENUE: '1' })]), null);
  });
  it('weighted average by the weight indicator', () => {
    const rule: AggregationRule = { code: 'SHARE', aggregation: 'weighted_average', weight: 'LAND' };
    const ms = [m({ SHARE: '50', LAND: '1' }), m({ SHARE: '80', LAND: '3' }), m({ SHARE: '10' })];
    assert.equal(aggregateMembers(rule, ms), '72.5');
    assert.equal(aggregateMembers(rule, [m({ SHARE: '1', LAND: '0' })]), null);
  });
  it('plain average and none', () => {
    assert.equal(aggregateMembers({ code: 'A', aggregation: 'average' }, [m({ A: '1' }), m({ A: '2' })]), '1.5');
    assert.equal(aggregateMembers({ code: 'A', aggregation: 'none' }, [m({ A: '1' }), m({ A: '2' })]), null);
    assert.equal(aggregateMembers({ code: 'A', aggregation: 'none' }, [m({ A: '7' }), m({})]), '7');
  });
});

describe('rollUp', () => {
  const rules = new Map<string, AggregationRule>([
    ['REVENUE_PER_MU', { code: 'REVENUE_PER_MU', aggregation: 'ratio', formula: 'REVENUE * 10000 / LAND_AREA_MU' }],
  ]);
  it('forms a missing parent figure from the children, ratio over summed inputs', () => {
    const leaf = (r: string, l: string) => ({ figures: m({ REVENUE: r, LAND_AREA_MU: l }), children: [] });
    const tree = { figures: m({}), children: [{ figures: m({}), children: [leaf('1', '1'), leaf('3', '1')] }, leaf('4', '2')] };
    const out = rollUp(tree, rules);
    assert.equal(out.get('REVENUE'), '8');
    assert.equal(out.get('LAND_AREA_MU'), '4');
    assert.equal(out.get('REVENUE_PER_MU'), '20000');
  });
  it("a unit's own figure wins over its children's", () => {
    const tree = { figures: m({ REVENUE: '10' }), children: [{ figures: m({ REVENUE: '3' }), children: [] }] };
    assert.equal(rollUp(tree, rules).get('REVENUE'), '10');
    assert.equal(combineFigures(rules, []).size, 0);
  });
});

describe('preferredFigures', () => {
  it('keeps the most trusted origin per slot: reported over plan over synthetic, whatever the order', () => {
    const pts = [fig('2024', '3', false, 'synthetic'), fig('2024', '2', false, 'plan'), fig('2023', '9', false, 'synthetic')];
    const slot = (f: PeriodFigure) => `${f.period}/${f.cumulative}`;
    assert.deepEqual(preferredFigures(pts, slot), [fig('2024', '2', false, 'plan'), fig('2023', '9', false, 'synthetic')]);
    const withReported = [...pts, fig('2024', '1', false, 'reported'), fig('2024', '5', true, 'synthetic')];
    assert.deepEqual(
      preferredFigures(withReported, slot).map((f) => f.value),
      ['1', '9', '5'],
    );
  });
});

describe('collapseYear', () => {
  it('is the year collapse plus the periods present and whether any was year-to-date', () => {
    const pts = [fig('2024-02', '5'), fig('2024-01', '4'), fig('2024-02', '7', true)];
    assert.deepEqual(collapseYear(pts, 2024, true), {
      ...collapsePeriod(pts, y('2024'), true)!,
      periods: ['2024-01', '2024-02'],
      cumulative: true,
    });
    assert.equal(collapseYear([], 2024, true), null);
  });
});
