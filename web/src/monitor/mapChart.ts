import { PROGRESS_CLASSES, type MapData, type ProgressClass } from '../api/progressTypes.ts';
import type { I18n } from '../i18n/I18nProvider.tsx';
import { CLASS_COLOURS, NO_CLASS_COLOUR } from './classes.ts';
import type { ChartOption } from './echarts.ts';
import { PREFECTURE_CENTROIDS, YUNNAN_MAP, zonePosition } from './yunnanGeo.ts';

export type MapColouring = 'class' | 'value';

interface ZonePoint {
  name: string;
  value: [number, number, number | null];
  cls: ProgressClass | null;
  code: string;
}

/** Where each zone is drawn: its own coordinates when the API has them, else near its prefecture's centroid. */
export function zonePoints(data: MapData): ZonePoint[] {
  const byCode = new Map(data.prefectures.map((p) => [p.code, p.mapName]));
  const out: ZonePoint[] = [];
  for (const z of data.zones) {
    let lngLat: [number, number] | null = z.lng !== null && z.lat !== null ? [z.lng, z.lat] : null;
    if (!lngLat) {
      const centre = PREFECTURE_CENTROIDS.get(byCode.get(z.prefecture) ?? z.prefecture);
      if (centre) lngLat = zonePosition(z.code, centre);
    }
    if (!lngLat) continue;
    out.push({
      name: z.name,
      code: z.code,
      cls: z.class,
      value: [lngLat[0], lngLat[1], z.value === null ? null : Number(z.value)],
    });
  }
  return out;
}

/**
 * The Yunnan map: a shared geo component holding the prefecture choropleth (a map series: by class, one
 * colour per class; by value, a continuous visualMap) and the zones as points coloured by class.
 * Figures are decimal strings turned into numbers only for colouring.
 */
export function mapChartOption(
  data: MapData,
  colouring: MapColouring,
  animate: boolean,
  i18n: Pick<I18n, 't' | 'label' | 'num'>,
): ChartOption {
  const { t, label, num } = i18n;
  const values = data.prefectures.filter((p) => p.value !== null).map((p) => Number(p.value));
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  const unit = data.indicator.unit;
  const show = (v: number | null | undefined) =>
    v === null || v === undefined || Number.isNaN(v) ? t('monitor.map.noValue') : `${num(v)}${unit}`;
  const classOf = new Map(data.prefectures.map((p) => [p.mapName, p.class]));

  const regions = data.prefectures.map((p) => ({
    name: p.mapName,
    value: p.value === null ? null : Number(p.value),
  }));
  // A map series drawn on a shared geo takes only visualMap colours; fixed colours go on the geo's regions.
  const classRegions =
    colouring === 'class'
      ? data.prefectures.map((p) => ({
          name: p.mapName,
          itemStyle: { areaColor: p.class ? CLASS_COLOURS[p.class] : NO_CLASS_COLOUR },
        }))
      : [];
  const zones = zonePoints(data);

  // One point series per class, so the legend names the classes. The ripple of effectScatter never
  // ends (ECharts would never report 'finished'), so without animations the points are plain scatter.
  const zoneSeries = PROGRESS_CLASSES.map((cls) => ({
    name: label('monitor.class', cls),
    type: animate ? 'effectScatter' : 'scatter',
    coordinateSystem: 'geo',
    geoIndex: 0,
    rippleEffect: { scale: 2.5, brushType: 'stroke' },
    showEffectOn: 'render',
    symbolSize: 9,
    itemStyle: { color: CLASS_COLOURS[cls], borderColor: '#fff', borderWidth: 1 },
    data: zones.filter((z) => z.cls === cls),
    zlevel: 1,
  }));
  const unclassified = zones.filter((z) => z.cls === null);

  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesType: string; name: string; value: number | [number, number, number | null] }) => {
        if (p.seriesType === 'map') {
          const cls = classOf.get(p.name);
          return `${p.name}<br/>${show(p.value as number)}${cls ? `<br/>${label('monitor.class', cls)}` : ''}`;
        }
        const v = Array.isArray(p.value) ? p.value[2] : null;
        return `${p.name}<br/>${show(v)}`;
      },
    },
    legend: { bottom: 8, left: 8, orient: 'vertical', data: PROGRESS_CLASSES.map((c) => label('monitor.class', c)) },
    ...(colouring === 'value'
      ? {
          visualMap: {
            type: 'continuous',
            seriesIndex: 0,
            min,
            max: max === min ? min + 1 : max,
            right: 8,
            bottom: 8,
            text: [num(max), num(min)],
            calculable: false,
            inRange: { color: ['#fde7e4', '#f1a394', '#c94f3d', '#7f1d12'] },
            outOfRange: { color: NO_CLASS_COLOUR },
          },
        }
      : {}),
    geo: {
      map: YUNNAN_MAP,
      roam: false,
      layoutCenter: ['50%', '50%'],
      layoutSize: '95%',
      label: { show: true, fontSize: 10, color: '#1f2329' },
      itemStyle: { areaColor: '#f4f5f7', borderColor: '#ffffff', borderWidth: 1 },
      emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffe58f' } },
      regions: classRegions,
    },
    series: [
      { name: t('monitor.map.prefectures'), type: 'map', geoIndex: 0, data: regions },
      ...zoneSeries,
      {
        name: t('monitor.map.noValue'),
        type: 'scatter',
        coordinateSystem: 'geo',
        geoIndex: 0,
        symbolSize: 7,
        itemStyle: { color: NO_CLASS_COLOUR, borderColor: '#5f6670', borderWidth: 1 },
        data: unclassified,
        zlevel: 1,
      },
    ],
  };
}
