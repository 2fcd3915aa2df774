import { useCallback, useMemo } from 'react';
import { api } from '../api/client.ts';
import type { MapData } from '../api/progressTypes.ts';
import { useAsync } from '../api/useAsync.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useIndicatorI18n } from './indicatorDecimals.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { EChart } from './EChart.tsx';
import { animationsEnabled, type echarts } from './echarts.ts';
import { ClassBadge } from './MonitorBits.tsx';
import { IndicatorPageFrame, useIndicatorPage } from './IndicatorPage.tsx';
import { PREFECTURES, registerYunnan } from './yunnanGeo.ts';
import { mapChartOption, type MapColouring } from './mapChart.ts';

type Chart = ReturnType<typeof echarts.init>;

/** How many prefectures the geo component placed on the chart (the browser test checks all 16). */
function countDrawnRegions(chart: Chart): number {
  return PREFECTURES.filter((f) => {
    const at = chart.convertToPixel({ geoIndex: 0 }, f.properties.name) as unknown;
    return Array.isArray(at) && at.every((v) => Number.isFinite(v));
  }).length;
}

/** Accessible fallback: every prefecture and zone with its figure and class. */
function MapTable({ data }: { data: MapData }) {
  const { t } = useI18n();
  const { num } = useIndicatorI18n(data.indicator.code);
  const value = (v: string | null) => (v === null ? t('monitor.map.noValue') : `${num(v)}${data.indicator.unit}`);
  const prefectureName = new Map(data.prefectures.map((p) => [p.code, p.name]));
  return (
    <div className="monitor-grid">
      <section aria-labelledby="map-prefectures">
        <h2 id="map-prefectures" className="section-title">
          {t('monitor.map.prefectures')}
        </h2>
        <DataTable testId="map-prefecture-table" columns={['monitor.col.name', 'monitor.col.value', 'monitor.col.class']}>
          {data.prefectures.map((p) => (
            <tr key={p.code} data-testid="map-prefecture-row" data-code={p.code}>
              <td>{p.name}</td>
              <td className="num nowrap">{value(p.value)}</td>
              <td>
                <ClassBadge cls={p.class} />
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section aria-labelledby="map-zones">
        <h2 id="map-zones" className="section-title">
          {t('monitor.map.zones')}
        </h2>
        <DataTable
          testId="map-zone-table"
          columns={['monitor.col.name', 'monitor.col.prefecture', 'monitor.col.value', 'monitor.col.class']}
        >
          {data.zones.map((z) => (
            <tr key={z.code} data-testid="map-zone-row" data-code={z.code}>
              <td>{z.name}</td>
              {/* A zone under the province itself (code YN) has no prefecture: named, never its code. */}
              <td>{prefectureName.get(z.prefecture) ?? t('monitor.map.provinceLevel')}</td>
              <td className="num nowrap">{value(z.value)}</td>
              <td>
                <ClassBadge cls={z.class} />
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
    </div>
  );
}

/** 监测地图 (#/monitor/map?plan=&indicator=&at=&colour=class|value). */
export function MapPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const page = useIndicatorPage<MapColouring>(query, 'map', { key: 'colour', values: ['class', 'value'] });
  const colour = page.choice;
  const { planId, at, indicator } = page;
  const state = useAsync(
    (signal) => (at && indicator ? api.progressMap(indicator, at, planId, signal) : Promise.resolve(null)),
    [planId, at, indicator],
  );
  const data = state.status === 'ok' ? state.data : null;
  const figures = useIndicatorI18n(data?.indicator.code);
  const option = useMemo(() => {
    if (!data) return null;
    registerYunnan();
    return mapChartOption(data, colour, animationsEnabled(), figures);
  }, [data, colour, figures]);
  const onFinished = useCallback((chart: Chart, el: HTMLDivElement) => {
    el.dataset.regions = String(countDrawnRegions(chart));
  }, []);

  return (
    <IndicatorPageFrame page={page} indicatorName={data?.indicator ?? null}>
      {state.status === 'loading' && indicator && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {data && option && (
        <div data-testid="map-data" data-colour={colour}>
          <section className="card monitor-card">
            <EChart option={option} height={620} label={t('monitor.map.chart')} testId="map-chart" onFinished={onFinished} />
            <p className="muted small map-attribution">{t('monitor.map.attribution')}</p>
          </section>
          <MapTable data={data} />
        </div>
      )}
    </IndicatorPageFrame>
  );
}
