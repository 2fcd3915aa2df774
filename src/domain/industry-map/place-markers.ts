import { insidePolygons, type Polygons } from './prefecture-geometry.ts';

/** The golden angle: successive points of a sunflower (Vogel) spiral never line up. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export interface MarkerInput {
  code: string;
  /** Prefecture name as in the geometry. */
  prefecture: string;
  /** National zones take the slots nearest the centroid. */
  level: 'national' | 'provincial' | null;
}

export interface PlacementArea {
  centroid: readonly [number, number];
  polygons: Polygons;
}

export interface PlacementOptions {
  /** Distance between neighbouring markers on the ground, in degrees of latitude. */
  spacing: number;
  /** Spiral slots tried per prefecture before a marker falls back to the centroid. */
  maxSlots: number;
}

export const DEFAULT_PLACEMENT: PlacementOptions = { spacing: 0.2, maxSlots: 400 };

const levelRank = (l: MarkerInput['level']) => (l === 'national' ? 0 : l === 'provincial' ? 1 : 2);

/** Slot n of the sunflower spiral around a centre; longitude stretched so spacing holds on the ground. */
export function spiralSlot(centre: readonly [number, number], n: number, spacing: number): [number, number] {
  // Vogel's spiral with r = c·√(n+1): any two of its first slots are at least 1.60·c apart (the
  // test checks the first maxSlots), so c = spacing / 1.6 keeps markers `spacing` apart on the ground.
  const r = (spacing / 1.6) * Math.sqrt(n + 1);
  const angle = n * GOLDEN_ANGLE;
  const lngScale = 1 / Math.cos((centre[1] * Math.PI) / 180);
  return [centre[0] + r * Math.cos(angle) * lngScale, centre[1] + r * Math.sin(angle)];
}

/**
 * Where each zone's marker goes. Zones carry no coordinates, so they sit on a spiral around their
 * prefecture's centroid: ordered by level then code (so the result does not depend on the input order),
 * each takes the next spiral slot that lies inside the prefecture. Zones whose prefecture is unknown
 * get no position (the caller lists them beside the map).
 */
export function placeMarkers(
  zones: readonly MarkerInput[],
  areas: ReadonlyMap<string, PlacementArea>,
  options: PlacementOptions = DEFAULT_PLACEMENT,
): Map<string, [number, number] | null> {
  const out = new Map<string, [number, number] | null>();
  const byPrefecture = new Map<string, MarkerInput[]>();
  for (const z of zones) {
    if (!areas.has(z.prefecture)) {
      out.set(z.code, null);
      continue;
    }
    const list = byPrefecture.get(z.prefecture) ?? [];
    list.push(z);
    byPrefecture.set(z.prefecture, list);
  }
  for (const [prefecture, list] of byPrefecture) {
    const area = areas.get(prefecture)!;
    list.sort((a, b) => levelRank(a.level) - levelRank(b.level) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    let slot = 0;
    for (const z of list) {
      let placed: [number, number] | null = null;
      while (slot < options.maxSlots && placed === null) {
        const p = spiralSlot(area.centroid, slot++, options.spacing);
        if (insidePolygons(p, area.polygons)) placed = p;
      }
      out.set(z.code, placed ?? [area.centroid[0], area.centroid[1]]);
    }
  }
  return out;
}
