/**
 * Prefecture outlines from ECharts' compressed GeoJSON (echarts 4.9 map/json/province/yunnan.json, the
 * file the web app draws the map from), decoded here so the server can place zone markers. The web app
 * (web/src/monitor/yunnanGeo.ts) draws its map with this same decoder, so markers fall inside the shapes
 * drawn: keep this module free of Node imports, since Vite bundles it too.
 */

export type Ring = [number, number][];
/** Polygons, each an outer ring followed by its holes. */
export type Polygons = Ring[][];

export interface Prefecture {
  /** Name as in the geometry: the full official name (昆明市, 红河哈尼族彝族自治州 …). */
  name: string;
  polygons: Polygons;
  /** [lng, lat] of the area-weighted centroid of its largest polygon's outer ring. */
  centroid: [number, number];
}

export interface CompressedFeatureCollection {
  UTF8Scale?: number;
  features: {
    properties: { name: string };
    geometry:
      | { type: 'Polygon'; coordinates: string[]; encodeOffsets: number[][] }
      | { type: 'MultiPolygon'; coordinates: string[][]; encodeOffsets: number[][][] };
  }[];
}

/** ECharts' decoding of one ring: characters → zig-zag → deltas from the ring's offset → degrees. */
export function decodeRing(text: string, offset: readonly number[], scale: number): Ring {
  const out: Ring = [];
  let x = offset[0] ?? 0;
  let y = offset[1] ?? 0;
  for (let i = 0; i + 1 < text.length; i += 2) {
    let dx = text.charCodeAt(i) - 64;
    let dy = text.charCodeAt(i + 1) - 64;
    dx = (dx >> 1) ^ -(dx & 1);
    dy = (dy >> 1) ^ -(dy & 1);
    x += dx;
    y += dy;
    out.push([x / scale, y / scale]);
  }
  return out;
}

/** Signed-area centroid of a closed ring (shoelace formula). */
export function ringCentroid(ring: Ring): { area: number; lng: number; lat: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[(i + 1) % ring.length]!;
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (a === 0) return { area: 0, lng: ring[0]?.[0] ?? 0, lat: ring[0]?.[1] ?? 0 };
  return { area: Math.abs(a / 2), lng: cx / (3 * a), lat: cy / (3 * a) };
}

/** Even-odd ray casting over every ring, so holes count as outside. */
export function insidePolygons(point: readonly [number, number], polygons: Polygons): boolean {
  const [px, py] = point;
  let inside = false;
  for (const polygon of polygons)
    for (const ring of polygon)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
      }
  return inside;
}

export function decodePrefectures(source: CompressedFeatureCollection): Prefecture[] {
  const scale = source.UTF8Scale ?? 1024;
  return source.features.map((f) => {
    const g = f.geometry;
    const polygons: Polygons =
      g.type === 'Polygon'
        ? [g.coordinates.map((r, i) => decodeRing(r, g.encodeOffsets[i] ?? [], scale))]
        : g.coordinates.map((poly, p) => poly.map((r, i) => decodeRing(r, g.encodeOffsets[p]?.[i] ?? [], scale)));
    let best = { area: -1, lng: 0, lat: 0 };
    for (const polygon of polygons) {
      const c = ringCentroid(polygon[0] ?? []);
      if (c.area > best.area) best = c;
    }
    return { name: f.properties.name, polygons, centroid: [best.lng, best.lat] };
  });
}
