import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_PLACEMENT, placeMarkers, spiralSlot, type MarkerInput, type PlacementArea } from './place-markers.ts';

/** Distance on the ground in degrees of latitude (longitude shrunk by cos(latitude)). */
function groundDistance(a: readonly [number, number], b: readonly [number, number]): number {
  const k = Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  return Math.hypot((a[0] - b[0]) * k, a[1] - b[1]);
}

// An L-shaped prefecture: its centroid region is narrow, so some spiral slots fall outside it.
const L_SHAPE: PlacementArea = {
  centroid: [101.2, 25.2],
  polygons: [
    [
      [
        [100, 24],
        [103, 24],
        [103, 25],
        [101, 25],
        [101, 27],
        [100, 27],
      ],
    ],
  ],
};
const WIDE: PlacementArea = {
  centroid: [102.5, 25.5],
  polygons: [
    [
      [
        [100, 23],
        [105, 23],
        [105, 28],
        [100, 28],
      ],
    ],
  ],
};
const areas = new Map([
  ['L州', L_SHAPE],
  ['宽州', WIDE],
]);

const zones = (n: number, prefecture: string): MarkerInput[] =>
  Array.from({ length: n }, (_, i) => ({
    code: `ZN-${prefecture}-${String(i).padStart(2, '0')}`,
    prefecture,
    level: i % 3 === 0 ? 'national' : i % 3 === 1 ? 'provincial' : null,
  }));

describe('placeMarkers', () => {
  it('spaces any two spiral slots at least `spacing` apart on the ground', () => {
    const s = DEFAULT_PLACEMENT.spacing;
    const slots = Array.from({ length: DEFAULT_PLACEMENT.maxSlots }, (_, n) => spiralSlot([101, 25], n, s));
    let min = Infinity;
    for (let i = 0; i < slots.length; i++) for (let j = 0; j < i; j++) min = Math.min(min, groundDistance(slots[i]!, slots[j]!));
    assert.ok(min >= s * 0.999, `closest pair ${min}`);
  });

  it('keeps every marker inside its prefecture and apart from the others', () => {
    const all = [...zones(18, 'L州'), ...zones(5, '宽州')];
    const placed = placeMarkers(all, areas);
    for (const z of all) {
      const p = placed.get(z.code)!;
      assert.ok(p, z.code);
      const a = areas.get(z.prefecture)!;
      const [[ring]] = [a.polygons[0]!];
      const xs = ring!.map((q) => q[0]);
      assert.ok(p[0] >= Math.min(...xs) && p[0] <= Math.max(...xs), `${z.code} lng`);
    }
    const points = all.map((z) => placed.get(z.code)!);
    for (let i = 0; i < points.length; i++)
      for (let j = 0; j < i; j++)
        assert.ok(groundDistance(points[i]!, points[j]!) >= DEFAULT_PLACEMENT.spacing * 0.999, `${all[i]!.code}/${all[j]!.code}`);
    // The L's inner corner (101–103, 25–27) is outside: no marker may land there.
    for (const z of all.filter((x) => x.prefecture === 'L州')) {
      const [x, y] = placed.get(z.code)!;
      assert.ok(!(x > 101 && y > 25), `${z.code} at ${x},${y} is outside the L`);
    }
  });

  it('puts national zones nearest the centroid', () => {
    const placed = placeMarkers(zones(9, '宽州'), areas);
    const d = (code: string) => groundDistance(placed.get(code)!, WIDE.centroid);
    const national = zones(9, '宽州').filter((z) => z.level === 'national');
    const others = zones(9, '宽州').filter((z) => z.level !== 'national');
    assert.ok(Math.max(...national.map((z) => d(z.code))) < Math.min(...others.map((z) => d(z.code))));
  });

  it('gives no position when the prefecture is unknown', () => {
    const placed = placeMarkers([{ code: 'ZN-X', prefecture: '无此州', level: 'national' }], areas);
    assert.equal(placed.get('ZN-X'), null);
  });

  it('does not depend on the order of its input (property)', () => {
    const all = [...zones(12, 'L州'), ...zones(7, '宽州')];
    const reference = placeMarkers(all, areas);
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), (shuffled) => {
        assert.deepEqual(placeMarkers(shuffled, areas), reference);
      }),
      { numRuns: 50 },
    );
  });
});
