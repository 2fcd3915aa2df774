import { useCallback, useMemo } from 'react';
import { useAsync } from '../api/useAsync.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n, type I18n } from '../i18n/I18nProvider.tsx';
import { markerPixels, yunnanBackdrop } from '../industry-map/industryMapChart.ts';
import { industryMapApi } from '../industry-map/industryMapApi.ts';
import { EChart } from '../monitor/EChart.tsx';
import type { ChartOption, echarts } from '../monitor/echarts.ts';
import { registerYunnan } from '../monitor/yunnanGeo.ts';
import { href, navigate } from '../router.ts';
import type { Boards, Project, Stage, UnitRef } from './projectTypes.ts';

type Chart = ReturnType<typeof echarts.init>;

/** One zone with projects in the chosen stage; its position comes from the industry map (placed by the server). */
interface StageZone {
  code: string;
  name: string;
  prefecture: UnitRef | null;
  position: { lng: number; lat: number } | null;
  projects: Project[];
  stalled: number;
}

const COLOUR = { normal: '#1f6feb', stalled: '#d4380d' };

/** Groups a board column's projects by zone (sorted by prefecture, then zone code, as the industry map lists them). */
function stageZones(
  projects: readonly Project[],
  positions: ReadonlyMap<string, { lng: number; lat: number } | null>,
): StageZone[] {
  const zones = new Map<string, StageZone>();
  for (const p of projects) {
    const z = zones.get(p.zone.code) ?? {
      code: p.zone.code,
      name: p.zone.name,
      prefecture: p.prefecture,
      position: positions.get(p.zone.code) ?? null,
      projects: [],
      stalled: 0,
    };
    z.projects.push(p);
    if (p.stalled) z.stalled += 1;
    zones.set(z.code, z);
  }
  return [...zones.values()].sort(
    (a, b) => (a.prefecture?.code ?? '~').localeCompare(b.prefecture?.code ?? '~') || a.code.localeCompare(b.code),
  );
}

/** Marker area grows with the number of projects (diameter ∝ √n, capped), so one busy zone does not swamp the map. */
const markerSize = (n: number) => Math.min(44, 8 + 8 * Math.sqrt(n));

function projectMapOption(zones: StageZone[], stage: Stage, i18n: Pick<I18n, 't' | 'label' | 'num' | 'count'>): ChartOption {
  const { t, label, num, count } = i18n;
  const byCode = new Map(zones.map((z) => [z.code, z]));
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; data?: { code?: string } }) => {
        const z = p.data?.code ? byCode.get(p.data.code) : undefined;
        if (!z) return escape(p.name);
        // Amounts per project as the server sent them (decimal strings); no float sums.
        return [
          `<strong>${escape(z.name)}</strong> · ${label('projects.stage', stage)} · ${t('projects.count', { n: count(z.projects.length) })}`,
          ...z.projects.map(
            (x) =>
              `${escape(x.name)} · ${num(x.totalInvestment)}${x.stalled ? ` <b style="color:${COLOUR.stalled}">${t('projects.stalled')}</b>` : ''}`,
          ),
        ].join('<br/>');
      },
    },
    geo: yunnanBackdrop(),
    series: [
      {
        name: label('projects.stage', stage),
        type: 'scatter',
        coordinateSystem: 'geo',
        geoIndex: 0,
        data: zones
          .filter((z) => z.position)
          .map((z) => ({
            name: z.name,
            code: z.code,
            value: [z.position!.lng, z.position!.lat, z.projects.length],
            symbol: 'circle',
            symbolSize: markerSize(z.projects.length),
            itemStyle: {
              color: z.stalled > 0 ? COLOUR.stalled : COLOUR.normal,
              opacity: 0.85,
              borderColor: z.stalled > 0 ? '#5c0011' : '#ffffff',
              borderWidth: z.stalled > 0 ? 2.5 : 1,
            },
          })),
        emphasis: { scale: 1.3 },
        zlevel: 1,
      },
    ],
  };
}

/** The map view of #/projects: the zones with projects in one stage, on the industry map's backdrop, and their list. */
export function ProjectMapView({ boards, stage }: { boards: Boards; stage: Stage }) {
  const i18n = useI18n();
  const { t, label, num, count, lang } = i18n;
  // Positions only: the industry map places every zone in scope; its filters are not ours.
  const positions = useAsync((signal) => industryMapApi.map({}, signal), []);
  const column = boards.columns.find((c) => c.stage === stage);
  const zones = useMemo(() => {
    if (positions.status !== 'ok' || !column) return null;
    return stageZones(column.projects, new Map(positions.data.zones.map((z) => [z.code, z.position])));
  }, [positions, column]);
  const option = useMemo(() => {
    if (!zones) return null;
    registerYunnan();
    return projectMapOption(zones, stage, i18n);
  }, [zones, stage, i18n]);
  const onFinished = useCallback(
    (chart: Chart, el: HTMLDivElement) => {
      el.dataset.markers = JSON.stringify(markerPixels(chart, zones ?? []));
      chart.off('click');
      chart.on('click', (p) => {
        // A marker opens the first project of its zone's list; the list beside the map names them all.
        const code = (p.data as { code?: string } | undefined)?.code;
        const first = zones?.find((z) => z.code === code)?.projects[0];
        if (first) navigate(href('projects', String(first.id)));
      });
    },
    [zones],
  );

  if (positions.status === 'loading') return <Loading />;
  if (positions.status === 'error') return <ErrorMessage error={positions.error} />;
  if (!zones || !option || !column) return null;
  const unplaced = zones.filter((z) => !z.position).length;
  return (
    <div className="project-map" data-testid="project-map" data-stage={stage}>
      <section className="card monitor-card project-map-chart">
        <p className="muted small">
          {t('projects.count', { n: count(column.count) })} · {t('projects.total', { amount: num(column.totalInvestment) })}
          {column.stalledCount > 0 && ` · ${t('projects.stalledCount', { n: column.stalledCount })}`}
        </p>
        <EChart
          option={option}
          height={560}
          label={t('projects.map.chart', { stage: label('projects.stage', stage) })}
          testId="project-map-chart"
          onFinished={onFinished}
        />
        <p className="muted small">
          {t('projects.map.legend')}
          {unplaced > 0 && ` ${t('projects.map.unplaced', { n: unplaced })}`}
        </p>
      </section>
      <section className="project-map-list" aria-labelledby="project-map-list">
        <h2 id="project-map-list" className="section-title">
          {t('projects.map.list', { stage: label('projects.stage', stage) })}
        </h2>
        {zones.length === 0 ? (
          <p className="muted" data-testid="project-map-empty">
            {t('projects.none')}
          </p>
        ) : (
          <ul className="project-map-zones">
            {zones.map((z) => (
              <li
                key={z.code}
                data-testid="project-map-zone"
                data-code={z.code}
                data-count={z.projects.length}
                data-stalled={z.stalled}
                data-placed={z.position !== null}
              >
                <strong>{z.name}</strong>
                {z.prefecture && <span className="muted small"> · {z.prefecture.name}</span>}
                <span className="muted small">
                  {' '}
                  · {t('projects.count', { n: count(z.projects.length) })}
                  {z.stalled > 0 && ` · ${t('projects.stalledCount', { n: z.stalled })}`}
                </span>
                <ul>
                  {z.projects.map((p) => (
                    <li key={p.id}>
                      <a href={href('projects', String(p.id))} data-testid="project-map-link" data-id={p.id}>
                        {p.name}
                      </a>{' '}
                      <span className="muted small">{num(p.totalInvestment)}</span>
                      {p.stalled && (
                        <span
                          className="badge badge-warning"
                          title={p.stallReasons.map((r) => (lang === 'zh' ? r.zh : r.en)).join('; ')}
                        >
                          {t('projects.stalled')}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
