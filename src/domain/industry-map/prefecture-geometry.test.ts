import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodePrefectures, decodeRing, insidePolygons, ringCentroid, type Ring } from './prefecture-geometry.ts';

/** ECharts' encoding (the inverse of decodeRing): deltas, zig-zag, +64, as characters. */
function encodeRing(ring: Ring, scale: number): { text: string; offset: [number, number] } {
  const ints = ring.map(([x, y]) => [Math.round(x * scale), Math.round(y * scale)] as const);
  const offset: [number, number] = [ints[0]![0], ints[0]![1]];
  let [px, py] = offset;
  let text = '';
  const zig = (v: number) => (v << 1) ^ (v >> 31);
  for (const [x, y] of ints) {
    text += String.fromCharCode(zig(x - px) + 64, zig(y - py) + 64);
    [px, py] = [x, y];
  }
  return { text, offset };
}

describe('prefecture geometry', () => {
  const square: Ring = [
    [100, 24],
    [101, 24],
    [101, 25],
    [100, 25],
  ];

  it('decodes what ECharts encodes', () => {
    const { text, offset } = encodeRing(square, 1024);
    assert.deepEqual(decodeRing(text, offset, 1024), square);
  });

  it('finds the centroid of a ring and of the largest polygon of a prefecture', () => {
    const c = ringCentroid(square);
    assert.equal(c.area, 1);
    assert.ok(Math.abs(c.lng - 100.5) < 1e-12 && Math.abs(c.lat - 24.5) < 1e-12);
    const islet = encodeRing(
      [
        [103, 22],
        [103.1, 22],
        [103.1, 22.1],
      ],
      1024,
    );
    const main = encodeRing(square, 1024);
    const [p] = decodePrefectures({
      features: [
        {
          properties: { name: '某州' },
          geometry: {
            type: 'MultiPolygon',
            coordinates: [[islet.text], [main.text]],
            encodeOffsets: [[islet.offset], [main.offset]],
          },
        },
      ],
    });
    assert.equal(p!.name, '某州');
    assert.equal(p!.polygons.length, 2);
    assert.ok(Math.abs(p!.centroid[0] - 100.5) < 1e-9 && Math.abs(p!.centroid[1] - 24.5) < 1e-9);
  });

  it('tells inside from outside, holes being outside', () => {
    const hole: Ring = [
      [100.4, 24.4],
      [100.6, 24.4],
      [100.6, 24.6],
      [100.4, 24.6],
    ];
    assert.equal(insidePolygons([100.2, 24.2], [[square]]), true);
    assert.equal(insidePolygons([101.2, 24.2], [[square]]), false);
    assert.equal(insidePolygons([100.5, 24.5], [[square, hole]]), false);
    assert.equal(insidePolygons([100.2, 24.5], [[square, hole]]), true);
  });
});
