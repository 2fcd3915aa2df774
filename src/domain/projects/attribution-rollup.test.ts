import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PeriodFigure } from '../progress/aggregate.ts';
import { subjectFigure, type SeriesNode } from '../progress/subject-series.ts';
import type { MonthDelta } from './attribute-figure.ts';

/**
 * The hook in subject-series: deltas land on a unit's own figure (its subtree's deltas), never twice
 * on a roll-up, and a common ancestor's own figure is unchanged when both zones sit below it.
 */
const ytd = (value: string): Map<string, PeriodFigure[]> =>
  new Map([['FAI', [{ period: '2024-12', value, cumulative: true, origin: 'reported' }]]]);
const deltas = (v: string): Map<string, MonthDelta[]> => new Map([['FAI', [{ month: '2024-05', value: v, origin: 'reported' }]]]);
const rule = { code: 'FAI', aggregation: 'sum' as const };
const year = { kind: 'year' as const, year: 2024 };
const value = (n: SeriesNode) => subjectFigure(n, year, rule, new Map([['FAI', rule]]), ['FAI'], () => true)?.value;

describe('transfer deltas in the roll-up', () => {
  const origin: SeriesNode = { points: ytd('10'), children: [], transfers: deltas('0.4') };
  const destination: SeriesNode = { points: ytd('20'), children: [], transfers: deltas('-0.4') };
  it('adds each zone its delta', () => {
    assert.equal(value(origin), '10.4');
    assert.equal(value(destination), '19.6');
  });
  it('rolls the adjusted zones up once, and leaves a parent that reports its own figure its own deltas', () => {
    const rolled: SeriesNode = { points: new Map(), children: [origin, destination] };
    assert.equal(value(rolled), '30');
    const p1: SeriesNode = { points: new Map(), children: [origin], transfers: deltas('0.4') };
    assert.equal(value(p1), '10.4', 'rolled up from the zone: the parent’s own delta list is not added again');
    const p1Own: SeriesNode = { points: ytd('100'), children: [origin], transfers: deltas('0.4') };
    assert.equal(value(p1Own), '100.4');
  });
  it('gives a zone that reported nothing its share alone, partial', () => {
    const empty: SeriesNode = { points: new Map(), children: [], transfers: deltas('0.4') };
    const f = subjectFigure(empty, year, rule, new Map([['FAI', rule]]), ['FAI'], () => true);
    assert.deepEqual(f, { value: '0.4', origin: 'reported', partial: true, lastPeriod: '2024-05' });
  });
  it('leaves levels alone', () => {
    const f = subjectFigure(origin, year, rule, new Map([['FAI', rule]]), ['FAI'], () => false);
    assert.equal(f?.value, '10');
  });
});
