/*
 * Yunnan's 16 prefectures (州市), shipped with the bundle: the file is imported at build time and never
 * fetched at run time.
 *
 * Geometry: echarts 4.9.0, map/json/province/yunnan.json (npm package "echarts", installed as
 * "echarts-map-data"), © The Apache Software Foundation, Apache License 2.0. It is stored in ECharts'
 * compressed form (UTF8Encoding: coordinates zig-zag and delta encoded as characters); it is decoded
 * here once, into a copy, because the dashboards also need each prefecture's centroid.
 */
import compressed from 'echarts-map-data/map/json/province/yunnan.json';
import { echarts } from './echarts.ts';

export const YUNNAN_MAP = 'yunnan';

type Ring = [number, number][];
type Geometry = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
export interface PrefectureFeature {
  type: 'Feature';
  properties: { name: string };
  geometry: Geometry;
}

/** ECharts' decoding of one ring: characters → zig-zag → deltas from the ring's offset → degrees. */
function decodeRing(text: string, offset: readonly number[], scale: number): Ring {
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

function decode(source: CompressedGeoJson): PrefectureFeature[] {
  const scale = source.UTF8Scale ?? 1024;
  return source.features.map((f) => {
    const g = f.geometry;
    const geometry: Geometry =
      g.type === 'Polygon'
        ? {
            type: 'Polygon',
            coordinates: (g.coordinates as string[]).map((r, i) =>
              decodeRing(r, (g.encodeOffsets as number[][])[i] ?? [], scale),
            ),
          }
        : {
            type: 'MultiPolygon',
            coordinates: (g.coordinates as string[][]).map((poly, p) =>
              poly.map((r, i) => decodeRing(r, (g.encodeOffsets as number[][][])[p]?.[i] ?? [], scale)),
            ),
          };
    return { type: 'Feature', properties: { name: f.properties.name }, geometry };
  });
}

/** Signed area and area-weighted centroid of a closed ring (shoelace formula). */
function ringCentroid(ring: Ring): { area: number; lng: number; lat: number } {
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

/** Centroid of a prefecture: that of its largest polygon's outer ring (islands and enclaves aside). */
function centroid(geometry: Geometry): [number, number] {
  const outers = geometry.type === 'Polygon' ? [geometry.coordinates[0] ?? []] : geometry.coordinates.map((p) => p[0] ?? []);
  let best = { area: -1, lng: 0, lat: 0 };
  for (const ring of outers) {
    const c = ringCentroid(ring);
    if (c.area > best.area) best = c;
  }
  return [best.lng, best.lat];
}

export const PREFECTURES: readonly PrefectureFeature[] = decode(compressed);

/** Prefecture name as in the geometry (昆明市, 红河哈尼族彝族自治州 …) → [lng, lat] of its centroid. */
export const PREFECTURE_CENTROIDS: ReadonlyMap<string, [number, number]> = new Map(
  PREFECTURES.map((f) => [f.properties.name, centroid(f.geometry)]),
);

let registered = false;

/** Registers the decoded geometry with ECharts once. */
export function registerYunnan(): void {
  if (registered) return;
  echarts.registerMap(YUNNAN_MAP, { type: 'FeatureCollection', features: PREFECTURES } as unknown as Parameters<
    typeof echarts.registerMap
  >[1]);
  registered = true;
}

/** A 32-bit FNV-1a hash: the same zone code always gives the same offset. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Where a zone's point goes: zones carry no coordinates, so they sit around their prefecture's centroid,
 * each at its own small, deterministic offset (0.08–0.26° in a direction taken from its code).
 */
export function zonePosition(zoneCode: string, centre: readonly [number, number]): [number, number] {
  const h = hash(zoneCode);
  const angle = ((h & 0xffff) / 0x10000) * 2 * Math.PI;
  const radius = 0.08 + ((h >>> 16) / 0x10000) * 0.18;
  return [centre[0] + radius * Math.cos(angle), centre[1] + radius * Math.sin(angle)];
}
