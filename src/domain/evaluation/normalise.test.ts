import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseColumn } from './normalise.ts';

const col = (...xs: number[]) => Float64Array.from(xs);
const close = (a: Float64Array, b: number[]) =>
  a.forEach((x, i) => assert.ok(Object.is(x, b[i]) || Math.abs(x - b[i]!) < 1e-12, `${x} vs ${b[i]}`));

describe('normaliseColumn', () => {
  it('min–max in both directions, keeping missing values missing', () => {
    close(normaliseColumn(col(10, 20, NaN, 30), { method: 'minmax' }, 'higher_better'), [0, 0.5, NaN, 1]);
    close(normaliseColumn(col(10, 20, 30), { method: 'minmax' }, 'lower_better'), [1, 0.5, 0]);
    close(normaliseColumn(col(5, 5), { method: 'minmax' }, 'higher_better'), [1, 1]);
  });
  it('target-based progress, clamped', () => {
    close(
      normaliseColumn(col(50, 100, 150, -1), { method: 'target', target: 100, baseline: 0 }, 'higher_better'),
      [0.5, 1, 1, 0],
    );
    close(normaliseColumn(col(8, 6, 7), { method: 'target', target: 6, baseline: 8 }, 'lower_better'), [0, 1, 0.5]);
  });
  it('z-score mapped to [0, 1]', () => {
    close(normaliseColumn(col(1, 3), { method: 'zscore' }, 'higher_better'), [2 / 6, 4 / 6]);
    close(normaliseColumn(col(1, 3), { method: 'zscore' }, 'lower_better'), [4 / 6, 2 / 6]);
  });
  it('mid-rank percentile with ties', () => {
    close(normaliseColumn(col(1, 2, 2, 3), { method: 'rank' }, 'higher_better'), [0, 0.5, 0.5, 1]);
    close(normaliseColumn(col(1, 2, 3), { method: 'rank' }, 'lower_better'), [1, 0.5, 0]);
  });
  it('threshold bands', () => {
    const spec = {
      method: 'bands' as const,
      bands: [
        { from: 90, score: 1 },
        { from: 60, to: 90, score: 0.6 },
        { to: 60, score: 0 },
      ],
    };
    close(normaliseColumn(col(95, 60, 59.9), spec, 'higher_better'), [1, 0.6, 0]);
  });
});
