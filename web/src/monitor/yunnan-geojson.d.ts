/** ECharts' compressed GeoJSON (echarts 4.x map files): ring coordinates are encoded strings. */
interface CompressedGeoJson {
  type: 'FeatureCollection';
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
  features: {
    id?: string;
    type: 'Feature';
    properties: { name: string; cp?: [number, number]; childNum?: number };
    geometry:
      | { type: 'Polygon'; coordinates: string[]; encodeOffsets: number[][] }
      | { type: 'MultiPolygon'; coordinates: string[][]; encodeOffsets: number[][][] };
  }[];
}

declare module 'echarts-map-data/map/json/province/yunnan.json' {
  const value: CompressedGeoJson;
  export default value;
}
