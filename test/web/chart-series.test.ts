import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { observedLines, periodPosition, yearAxis, yearTickLabel } from '../../web/src/monitor/chartSeries.ts';

const point = (period: string, value: string, cumulative = false, origin = 'reported') => ({ period, value, origin, cumulative });

describe('chart series of a target (issue 19: years on their own tick, no cumulative sawtooth)', () => {
  it('places an annual figure on its own year, not on the next year', () => {
    assert.equal(periodPosition('2011')?.x, 2011);
    assert.equal(yearTickLabel(periodPosition('2011')!.x), '2011');
    // The year's last quarter and last month end where the year does.
    assert.equal(periodPosition('2011Q4')?.x, 2011);
    assert.equal(periodPosition('2011-12')?.x, 2011);
    assert.equal(periodPosition('2011Q2')?.x, 2010.5);
    assert.equal(periodPosition('2011 年'), null);
  });

  it('draws a cumulative quarterly series per quarter, not as a running total that falls back each January', () => {
    const cumulative = ['2023Q1', '2023Q2', '2023Q3', '2023Q4', '2024Q1', '2024Q2'].map((p, i) =>
      point(p, String([10, 25, 45, 70, 12, 30][i]), true),
    );
    const [line] = observedLines(cumulative);
    assert.ok(line);
    assert.equal(line.perPeriod, true);
    assert.deepEqual(
      line.points.map((p) => [p.period, p.y]),
      [
        ['2023Q1', 10],
        ['2023Q2', 15],
        ['2023Q3', 20],
        ['2023Q4', 25],
        ['2024Q1', 12],
        ['2024Q2', 18],
      ],
    );
  });

  it('leaves out a cumulative period whose previous period of the year is missing', () => {
    const [line] = observedLines([point('2024-01', '5', true), point('2024-03', '20', true), point('2024-04', '26', true)]);
    assert.deepEqual(
      line?.points.map((p) => [p.period, p.y]),
      [
        ['2024-01', 5],
        ['2024-04', 6],
      ],
    );
  });

  it('keeps annual and non-cumulative figures as they are, one line per kind and origin, in time order', () => {
    const lines = observedLines([
      point('2022', '3'),
      point('2021', '2'),
      point('2021', '1.5', false, 'synthetic'),
      point('2022Q1', '4'),
      point('2022', '9', true),
    ]);
    assert.deepEqual(
      lines.map((l) => [l.kind, l.origin, l.perPeriod, l.points.map((p) => [p.x, p.y])]),
      [
        [
          'year',
          'reported',
          false,
          [
            [2021, 2],
            [2022, 3],
            [2022, 9],
          ],
        ],
        ['year', 'synthetic', false, [[2021, 1.5]]],
        ['quarter', 'reported', false, [[2021.25, 4]]],
      ],
    );
  });

  it('labels each whole year once and nothing between', () => {
    const axis = yearAxis([2010.25, 2011, 2025]);
    assert.deepEqual(axis, { min: 2010, max: 2025, interval: 1 });
    const labels: string[] = [];
    for (let x = axis.min; x <= axis.max; x += 0.25) labels.push(yearTickLabel(x));
    const shown = labels.filter(Boolean);
    assert.equal(new Set(shown).size, shown.length, 'no label repeats');
    assert.equal(shown.length, 16);
    assert.deepEqual(yearAxis([2011]), { min: 2010, max: 2011, interval: 1 });
  });
});
