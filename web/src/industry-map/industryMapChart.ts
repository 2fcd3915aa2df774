import type { I18n } from '../i18n/I18nProvider.tsx';
import type { ChartOption } from '../monitor/echarts.ts';
import { YUNNAN_MAP } from '../monitor/yunnanGeo.ts';
import type { IndustryMap, MapZone } from './industryMapTypes.ts';

export const NO_INDUSTRY = '__none';

/** ECharts symbol names of the server's marker shapes (a diamond reads as 国家级 at a glance). */
const SYMBOL = { diamond: 'diamond', circle: 'circle', triangle: 'triangle' } as const;

export interface ZonePoint {
  name: string;
  code: string;
  value: [number, number];
  symbol: string;
  symbolSize: number;
  itemStyle: { color: string; borderColor: string; borderWidth: number };
}

function point(z: MapZone, selected: boolean): ZonePoint | null {
  if (!z.position) return null;
  return {
    name: z.name,
    code: z.code,
    value: [z.position.lng, z.position.lat],
    symbol: SYMBOL[z.marker.symbol],
    symbolSize: selected ? z.marker.size + 8 : z.marker.size,
    itemStyle: { color: z.marker.colour, borderColor: selected ? '#1f2329' : '#ffffff', borderWidth: selected ? 2.5 : 1 },
  };
}

/** The prefectures as a plain, non-selectable backdrop for zone points (the project map draws on it too). */
export function yunnanBackdrop() {
  return {
    map: YUNNAN_MAP,
    roam: false,
    layoutCenter: ['50%', '50%'],
    layoutSize: '95%',
    label: { show: true, fontSize: 10, color: '#5f6670' },
    itemStyle: { areaColor: '#f4f5f7', borderColor: '#c9ced6', borderWidth: 1 },
    emphasis: { label: { show: true }, itemStyle: { areaColor: '#eef1f5' } },
    select: { disabled: true },
  };
}

/**
 * Where each zone's marker is drawn (CSS pixels in the chart box), keyed by zone code: kept on the chart's
 * element as data-markers so browser tests can click a marker without guessing coordinates.
 */
export function markerPixels(
  chart: { convertToPixel: (finder: { geoIndex: number }, value: number[]) => unknown },
  zones: readonly { code: string; position: { lng: number; lat: number } | null }[],
): Record<string, [number, number]> {
  const at: Record<string, [number, number]> = {};
  for (const z of zones) {
    if (!z.position) continue;
    const px = chart.convertToPixel({ geoIndex: 0 }, [z.position.lng, z.position.lat]);
    if (Array.isArray(px)) at[z.code] = [Math.round(Number(px[0])), Math.round(Number(px[1]))];
  }
  return at;
}

/**
 * The industry map: the prefectures as a plain geo backdrop and the zones as points on it, one scatter
 * series per industry so the legend names (and toggles) the industries; each point keeps its own
 * chain shade, shape and size from the server.
 */
export function industryMapOption(
  data: IndustryMap,
  selected: string | null,
  i18n: Pick<I18n, 't' | 'label' | 'lang' | 'count'>,
): ChartOption {
  const { t, label, lang, count } = i18n;
  const name = (x: { name: string; nameEn: string }) => (lang === 'zh' ? x.name : x.nameEn);
  const chainName = new Map(data.chains.map((c) => [c.code, name(c)]));
  const industryName = new Map(data.industries.map((i) => [i.code, name(i)]));
  const byCode = new Map(data.zones.map((z) => [z.code, z]));
  const groups = [
    ...data.industries.map((i) => ({ key: i.code, name: name(i), colour: i.colour })),
    {
      key: NO_INDUSTRY,
      name: t('imap.noIndustry'),
      colour: '#9aa1ab',
    },
  ];
  const series = groups.map((g) => ({
    name: g.name,
    type: 'scatter',
    coordinateSystem: 'geo',
    geoIndex: 0,
    itemStyle: { color: g.colour },
    data: data.zones
      .filter((z) => (z.primaryIndustry ?? NO_INDUSTRY) === g.key)
      .map((z) => point(z, z.code === selected))
      .filter((p): p is ZonePoint => p !== null),
    emphasis: { scale: 1.4 },
    zlevel: 1,
  }));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesType: string; name: string; data?: { code?: string } }) => {
        const z = p.data?.code ? byCode.get(p.data.code) : undefined;
        if (!z) return p.name;
        const lines = [
          `<strong>${z.name}</strong>`,
          [label('zoneLevel', z.level), z.zoneKind ? label('zoneKind', z.zoneKind) : label('orgKind', z.kind)]
            .filter(Boolean)
            .join(' · '),
          z.chains.length
            ? `${t('imap.chains')}：${z.chains.map((c) => chainName.get(c) ?? c).join('、')}`
            : z.primaryIndustry
              ? `${t('imap.industry')}：${industryName.get(z.primaryIndustry) ?? z.primaryIndustry}`
              : t('imap.noIndustry'),
          [
            z.counts.projects === null ? '' : `${t('imap.list.projects')} ${count(z.counts.projects)}`,
            z.counts.tasks === null ? '' : `${t('imap.list.tasks')} ${count(z.counts.tasks)}`,
          ]
            .filter(Boolean)
            .join(' · '),
        ].filter(Boolean);
        return lines.join('<br/>');
      },
    },
    legend: {
      bottom: 8,
      left: 8,
      orient: 'vertical',
      data: groups.filter((g) => series.find((s) => s.name === g.name)!.data.length > 0).map((g) => g.name),
    },
    geo: yunnanBackdrop(),
    series,
  };
}
