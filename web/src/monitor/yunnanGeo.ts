/*
 * Yunnan's 16 prefectures (州市), shipped with the bundle: the file is imported at build time and never
 * fetched at run time.
 *
 * Geometry: echarts 4.9.0, map/json/province/yunnan.json, vendored as dataset/geo/yunnan.json
 * (© The Apache Software Foundation, Apache License 2.0; see dataset/geo/README.md). It is stored in ECharts'
 * compressed form (UTF8Encoding: coordinates zig-zag and delta encoded as characters); it is decoded
 * once, into a copy, by src/domain/industry-map/prefecture-geometry.ts, because the dashboards also need
 * each prefecture's centroid.
 */
import geometry from '../../../dataset/geo/yunnan.json';
import {
  decodePrefectures,
  type CompressedFeatureCollection,
  type Polygons,
} from '../../../src/domain/industry-map/prefecture-geometry.ts';
import { echarts } from './echarts.ts';

export const YUNNAN_MAP = 'yunnan';

/** A prefecture as GeoJSON, always a MultiPolygon: ECharts draws a Polygon and a one-member MultiPolygon alike. */
export interface PrefectureFeature {
  type: 'Feature';
  properties: { name: string };
  geometry: { type: 'MultiPolygon'; coordinates: Polygons };
}

// Decoded by the same domain code the server places zone markers with, so both read the file alike.
// A JSON literal types its "Polygon"/"MultiPolygon" tags as plain strings, hence the cast to the file's known form.
const DECODED = decodePrefectures(geometry as unknown as CompressedFeatureCollection);

export const PREFECTURES: readonly PrefectureFeature[] = DECODED.map((p) => ({
  type: 'Feature',
  properties: { name: p.name },
  geometry: { type: 'MultiPolygon', coordinates: p.polygons },
}));

/** Prefecture name as in the geometry (昆明市, 红河哈尼族彝族自治州 …) → [lng, lat] of its centroid. */
export const PREFECTURE_CENTROIDS: ReadonlyMap<string, [number, number]> = new Map(DECODED.map((p) => [p.name, p.centroid]));

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
