import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anchoredPath } from './anchor-path.ts';

const years = [2020, 2021, 2022, 2023, 2024, 2025];
const shape = [100, 110, 121, 133.1, 146.41, 161.051];
const quiet = { dev: 0, noise: years.map(() => 0), additive: false };

describe('anchoredPath', () => {
  it('keeps the unanchored shape when there is no anchor', () => {
    assert.deepEqual(anchoredPath(years, shape, [], quiet), shape);
  });

  it('meets stated figures exactly and runs geometrically between anchors', () => {
    const path = anchoredPath(
      years,
      shape,
      [
        { year: 2020, value: 717.9, stated: true },
        { year: 2025, value: 2675.78, stated: false },
      ],
      quiet,
    );
    assert.equal(path[0], 717.9);
    assert.ok(Math.abs(path[5]! - 2675.78) < 1e-9);
    const ratio = path[1]! / path[0]!;
    for (let k = 1; k < 6; k++) assert.ok(Math.abs(path[k]! / path[k - 1]! - ratio) < 1e-9);
  });

  it('takes the shape outside the anchors and the most ambitious of conflicting targets', () => {
    const path = anchoredPath(
      years,
      shape,
      [
        { year: 2021, value: 77.33, stated: true },
        { year: 2025, value: 110, stated: false },
        { year: 2025, value: 160, stated: false },
      ],
      quiet,
    );
    assert.ok(Math.abs(path[0]! - (77.33 * 100) / 110) < 1e-9);
    assert.ok(Math.abs(path[5]! - 160) < 1e-9);
  });

  it('drifts off targets by dev at the horizon but never off stated figures', () => {
    const noise = years.map(() => 0.01);
    const path = anchoredPath(
      years,
      shape,
      [
        { year: 2021, value: 50, stated: true },
        { year: 2025, value: 100, stated: false },
      ],
      { dev: -0.2, noise, additive: false },
    );
    assert.equal(path[1], 50);
    assert.ok(Math.abs(path[5]! - 100 * 0.8 * 1.01) < 1e-9);
    const points = anchoredPath(years, [40, 41, 42, 43, 44, 45], [{ year: 2025, value: 65, stated: false }], {
      dev: 3,
      noise: years.map(() => 0),
      additive: true,
    });
    assert.ok(Math.abs(points[5]! - 68) < 1e-9);
    assert.ok(Math.abs(points[0]! - 60) < 1e-9);
  });
});
