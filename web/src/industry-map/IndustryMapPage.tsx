import { useCallback, useId, useMemo } from 'react';
import { useAsync } from '../api/useAsync.ts';
import { DataTable } from '../components/DataTable.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { TitledSection } from '../components/TitledSection.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { EChart } from '../monitor/EChart.tsx';
import { Select } from '../monitor/Pickers.tsx';
import type { echarts } from '../monitor/echarts.ts';
import { registerYunnan } from '../monitor/yunnanGeo.ts';
import { href, navigate, type Route } from '../router.ts';
import { industryMapOption, markerPixels } from './industryMapChart.ts';
import { industryMapApi } from './industryMapApi.ts';
import type { IndustryMap, MapZone } from './industryMapTypes.ts';
import { ZoneProfilePanel } from './ZoneProfilePanel.tsx';
import './industry-map.css';

type Chart = ReturnType<typeof echarts.init>;
const LEVELS = ['national', 'provincial'] as const;

/** Query of the page: #/industry-map?chain=&industry=&level=&zone=&at= */
function useMapQuery(route: Route) {
  const q = route.query;
  const state = {
    chain: q.get('chain'),
    industry: q.get('industry'),
    level: q.get('level'),
    zone: q.get('zone'),
    at: q.get('at'),
  };
  const go = (next: Partial<typeof state>) => navigate(href('industry-map', { ...state, ...next }), { replace: true });
  return { ...state, go };
}

function Filters({ data, query }: { data: IndustryMap; query: ReturnType<typeof useMapQuery> }) {
  const { t, lang, label } = useI18n();
  const chainId = useId();
  const name = (x: { name: string; nameEn: string }) => (lang === 'zh' ? x.name : x.nameEn);
  const industry = query.industry ? data.industries.find((i) => i.code === query.industry) : undefined;
  return (
    <div className="toolbar imap-toolbar">
      <span className="toolbar-field">
        <label htmlFor={chainId}>{t('imap.filter.chain')}</label>
        <select
          id={chainId}
          className="input toolbar-input"
          value={query.chain ?? ''}
          onChange={(e) => query.go({ chain: e.target.value || null, zone: null })}
          data-testid="chain-filter"
        >
          <option value="">{t('imap.filter.allChains')}</option>
          {data.industries.map((i) => (
            <optgroup key={i.code} label={name(i)}>
              {data.chains
                .filter((c) => c.industry === i.code)
                .map((c) => (
                  <option key={c.code} value={c.code}>
                    {name(c)}（{c.zoneCount}）
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </span>
      <Select
        label={t('imap.filter.level')}
        value={query.level ?? ''}
        options={[{ value: '', text: t('imap.filter.all') }, ...LEVELS.map((l) => ({ value: l, text: label('zoneLevel', l) }))]}
        onChange={(v) => query.go({ level: v || null, zone: null })}
        testId="level-filter"
      />
      {industry && <span className="badge">{t('imap.filter.industry', { name: name(industry) })}</span>}
      {(query.chain || query.level || query.industry) && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => query.go({ chain: null, level: null, industry: null })}
          data-testid="clear-filters"
        >
          {t('imap.filter.clear')}
        </button>
      )}
      <span className="muted small" data-testid="zone-count">
        {t('imap.count', { shown: data.zones.length, total: data.totalInScope })}
      </span>
    </div>
  );
}

/** Legend by industry: each industry's chains in their shades; click a chain to filter by it. */
function Legend({ data, query }: { data: IndustryMap; query: ReturnType<typeof useMapQuery> }) {
  const { t, lang } = useI18n();
  const name = (x: { name: string; nameEn: string }) => (lang === 'zh' ? x.name : x.nameEn);
  return (
    <TitledSection className="card imap-legend" id="imap-legend" title={t('imap.legend.heading')}>
      <p className="small">{t('imap.legend.levels')}</p>
      <ul className="imap-legend-list">
        {data.industries.map((i) => (
          <li key={i.code}>
            <button
              type="button"
              className="imap-legend-industry"
              aria-pressed={query.industry === i.code}
              onClick={() => query.go({ industry: query.industry === i.code ? null : i.code, chain: null, zone: null })}
              title={i.source.quote}
            >
              <span className="imap-swatch" style={{ background: i.colour }} aria-hidden="true" />
              {name(i)}
            </button>
            <span className="imap-legend-chains">
              {data.chains
                .filter((c) => c.industry === i.code)
                .map((c) => (
                  <button
                    key={c.code}
                    type="button"
                    className="imap-chip"
                    aria-pressed={query.chain === c.code}
                    onClick={() => query.go({ chain: query.chain === c.code ? null : c.code, industry: null, zone: null })}
                    title={c.source.quote}
                    data-testid="legend-chain"
                    data-code={c.code}
                  >
                    <span className="imap-swatch" style={{ background: c.colour }} aria-hidden="true" />
                    {name(c)}
                  </button>
                ))}
            </span>
          </li>
        ))}
      </ul>
    </TitledSection>
  );
}

/** The accessible list of the zones shown: every one a button that opens its profile. */
function ZoneList({
  data,
  selected,
  onSelect,
}: {
  data: IndustryMap;
  selected: string | null;
  onSelect: (code: string) => void;
}) {
  const { t, lang, label, count } = useI18n();
  const chain = new Map(data.chains.map((c) => [c.code, lang === 'zh' ? c.name : c.nameEn]));
  const industry = new Map(data.industries.map((i) => [i.code, lang === 'zh' ? i.name : i.nameEn]));
  const primary = (z: MapZone) =>
    z.primaryChain ? chain.get(z.primaryChain) : z.primaryIndustry ? industry.get(z.primaryIndustry) : t('imap.noIndustry');
  const showProjects = data.zones.some((z) => z.counts.projects !== null);
  const showTasks = data.zones.some((z) => z.counts.tasks !== null);
  const sortedZones = [...data.zones].sort(
    (a, b) => (a.prefecture?.code ?? '~').localeCompare(b.prefecture?.code ?? '~') || a.code.localeCompare(b.code),
  );
  return (
    <TitledSection id="imap-list" title={t('imap.list.heading')} className="imap-list">
      {data.zones.length === 0 ? (
        <p className="muted">{t('imap.list.none')}</p>
      ) : (
        <DataTable
          testId="zone-table"
          columns={[
            'monitor.col.name',
            'imap.list.prefecture',
            'imap.list.level',
            'imap.list.primary',
            showProjects && 'imap.list.projects',
            showTasks && 'imap.list.tasks',
          ]}
        >
          {sortedZones.map((z) => (
            <tr key={z.code} data-testid="zone-row" data-code={z.code} aria-selected={z.code === selected}>
              <td>
                <button
                  type="button"
                  className="imap-zone-button"
                  onClick={() => onSelect(z.code)}
                  aria-current={z.code === selected ? 'true' : undefined}
                  data-testid="zone-button"
                  data-code={z.code}
                >
                  <span className="imap-swatch" style={{ background: z.marker.colour }} aria-hidden="true" />
                  {lang === 'zh' ? z.name : (z.nameEn ?? z.name)}
                </button>
              </td>
              <td>{z.prefecture?.name ?? <span className="muted">{t('imap.list.unplaced')}</span>}</td>
              <td className="nowrap">{z.level ? label('zoneLevel', z.level) : label('orgKind', z.kind)}</td>
              <td>{primary(z)}</td>
              {showProjects && <td className="num">{z.counts.projects === null ? '—' : count(z.counts.projects)}</td>}
              {showTasks && <td className="num">{z.counts.tasks === null ? '—' : count(z.counts.tasks)}</td>}
            </tr>
          ))}
        </DataTable>
      )}
    </TitledSection>
  );
}

/** 产业地图 (#/industry-map): zones on the Yunnan map by leading chain and level; a zone's profile beside it. */
export function IndustryMapPage({ route }: { route: Route }) {
  const i18n = useI18n();
  const { t } = i18n;
  const query = useMapQuery(route);
  const state = useAsync(
    (signal) => industryMapApi.map({ chain: query.chain, industry: query.industry, level: query.level }, signal),
    [query.chain, query.industry, query.level],
  );
  const data = state.status === 'ok' ? state.data : null;
  const selected = query.zone;
  const option = useMemo(() => {
    if (!data) return null;
    registerYunnan();
    return industryMapOption(data, selected, i18n);
  }, [data, selected, i18n]);

  const select = useCallback((code: string | null) => query.go({ zone: code }), [query]);
  const selectRef = useCallback(
    (chart: Chart, el: HTMLDivElement) => {
      // Re-bound at every render so the handler sees the current query.
      chart.off('click');
      chart.on('click', (p) => {
        const code = (p.data as { code?: string } | undefined)?.code;
        if (code) select(code);
      });
      // Where each zone's marker is drawn (CSS pixels in the chart box): the browser test clicks there.
      el.dataset.markers = JSON.stringify(markerPixels(chart, data?.zones ?? []));
    },
    [select, data],
  );

  return (
    <section className="page imap-page" aria-labelledby="imap-heading" data-testid="industry-map">
      <PageHead id="imap-heading" title={t('imap.heading')} intro={t('imap.intro')} />
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {data && option && (
        <>
          <Filters data={data} query={query} />
          <div className="imap-grid" data-testid="map-data" data-filter-chain={query.chain ?? ''}>
            <div className="imap-main">
              <section className="card monitor-card">
                <EChart option={option} height={640} label={t('imap.chart')} testId="industry-map-chart" onFinished={selectRef} />
                <p className="muted small map-attribution">{t('imap.attribution')}</p>
              </section>
              <Legend data={data} query={query} />
            </div>
            <aside className="imap-side card" aria-label={t('imap.profile.heading')}>
              {selected ? (
                <ZoneProfilePanel code={selected} at={query.at} chains={data.chains} onClose={() => select(null)} />
              ) : (
                <p className="muted" data-testid="profile-placeholder">
                  {t('imap.profile.placeholder')}
                </p>
              )}
            </aside>
          </div>
          <ZoneList data={data} selected={selected} onSelect={select} />
        </>
      )}
    </section>
  );
}
