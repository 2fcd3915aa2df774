import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attributeFigure, type MonthDelta } from './attribute-figure.ts';

const d = (month: string, value: string): MonthDelta => ({ month, value, origin: 'reported' });
const deltas = [d('2024-01', '1'), d('2024-04', '2'), d('2024-06', '4'), d('2024-08', '8')];

describe('attributeFigure', () => {
  it('adds the deltas of January up to the last month of a year figure', () => {
    const own = { value: '100', origin: 'reported' as const, partial: true, lastPeriod: '2024-06' };
    assert.deepEqual(attributeFigure(own, deltas, { kind: 'year', year: 2024 }, []), { ...own, value: '107' });
    const whole = { ...own, partial: false, lastPeriod: '2024-12' };
    assert.equal(attributeFigure(whole, deltas, { kind: 'year', year: 2024 }, [])!.value, '115');
  });
  it('adds a quarter of a year-to-date series from January, of a flow series from the quarter start', () => {
    const own = { value: '50', origin: 'reported' as const, partial: false, lastPeriod: '2024-06' };
    const q2 = { kind: 'quarter' as const, year: 2024, quarter: 2 as const };
    const ytd = [{ period: '2024-06', value: '50', cumulative: true, origin: 'reported' as const }];
    assert.equal(attributeFigure(own, deltas, q2, ytd)!.value, '57');
    const flow = [{ period: '2024-06', value: '20', cumulative: false, origin: 'reported' as const }];
    assert.equal(attributeFigure(own, deltas, q2, flow)!.value, '56');
  });
  it('forms a partial figure from the deltas alone when the unit reported nothing', () => {
    const f = attributeFigure(null, [{ ...d('2024-04', '2'), origin: 'synthetic' }], { kind: 'year', year: 2024 }, []);
    assert.deepEqual(f, { value: '2', origin: 'synthetic', partial: true, lastPeriod: '2024-04' });
  });
  it('gives a destination that reported nothing no (negative) figure', () => {
    assert.equal(attributeFigure(null, [d('2024-04', '-2')], { kind: 'year', year: 2024 }, []), null);
  });
  it('keeps the figure as it is when no delta falls into its months', () => {
    const own = { value: '9', origin: 'plan' as const, partial: false, lastPeriod: '2023' };
    assert.equal(attributeFigure(own, deltas, { kind: 'year', year: 2023 }, []), own);
    assert.equal(attributeFigure(null, [], { kind: 'year', year: 2024 }, []), null);
  });
});
