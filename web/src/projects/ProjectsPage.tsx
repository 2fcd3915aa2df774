import { lazy, Suspense, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { Empty, ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href, navigate, type Route } from '../router.ts';
import { ProjectDetailPage } from './ProjectDetailPage.tsx';
import { canEditProjects, ProjectForm } from './ProjectForm.tsx';
import { STAGES, type Boards, type Project, type Stage } from './projectTypes.ts';
import './projects.css';

/** The map view carries ECharts and the Yunnan geometry: fetched only when a user switches to it. */
const ProjectMapView = lazy(() => import('./ProjectMapView.tsx').then((m) => ({ default: m.ProjectMapView })));

/** #/projects (the boards) and #/projects/<id> (one project; the industry map links here). */
export function ProjectsPage({ route }: { route: Route }) {
  const id = route.segments[1];
  if (id && /^\d+$/.test(id)) return <ProjectDetailPage id={Number(id)} />;
  return <BoardsPage route={route} />;
}

export function ProjectCard({ p }: { p: Project }) {
  const { t, num, lang } = useI18n();
  return (
    <li
      className={`card project-card${p.stalled ? ' project-card-stalled' : ''}`}
      data-testid="project-card"
      data-id={p.id}
      data-stalled={p.stalled}
    >
      <a href={href('projects', String(p.id))} className="card-title" data-testid="project-link">
        {p.name}
      </a>
      <div className="badges">
        {p.stalled && (
          <span
            className="badge badge-warning"
            data-testid="stalled-badge"
            title={p.stallReasons.map((r) => (lang === 'zh' ? r.zh : r.en)).join('; ')}
          >
            {t('projects.stalled')}
          </span>
        )}
        {p.synthetic && <span className="badge badge-sub">{t('projects.synthetic')}</span>}
        {p.transferredFrom && (
          <span className="badge badge-new">{t('projects.transferred', { zone: p.transferredFrom.name })}</span>
        )}
      </div>
      <div className="muted small">
        {p.zone.name}
        {p.chain ? ` · ${p.chain.name}` : ''} · {num(p.totalInvestment)}
      </div>
    </li>
  );
}

type View = 'board' | 'map';

/** #/projects?view=map&stage=reserve&zone=&chain= : the view and the map's stage sit beside the filters in the hash. */
function BoardsPage({ route }: { route: Route }) {
  const { t, label, num, count } = useI18n();
  const me = useMe();
  const zone = route.query.get('zone') ?? '';
  const chain = route.query.get('chain') ?? '';
  const view: View = route.query.get('view') === 'map' ? 'map' : 'board';
  const stageParam = route.query.get('stage') as Stage | null;
  const stage: Stage = stageParam && STAGES.includes(stageParam) ? stageParam : 'planning';
  const [reload, setReload] = useState(0);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ id: number; name: string } | null>(null);
  const state = useAsync(
    (signal) => api.projectBoards({ zone: zone || undefined, chain: chain || undefined }, signal),
    [zone, chain, reload],
  );
  // The filter options stay while the next board loads.
  const [options, setOptions] = useState<Pick<Boards, 'chains' | 'zones'>>({ chains: [], zones: [] });
  const loaded = state.status === 'ok' ? state.data : null;
  useEffect(() => {
    if (loaded) setOptions({ chains: loaded.chains, zones: loaded.zones });
  }, [loaded]);
  const prefectures = [
    ...new Map(options.zones.flatMap((z) => (z.prefecture ? [[z.prefecture.code, z.prefecture]] : []))).values(),
  ];
  const go = (z: string, c: string, next: { view?: View; stage?: Stage } = {}) => {
    const v = next.view ?? view;
    navigate(
      href('projects', {
        zone: z,
        chain: c,
        view: v === 'map' ? 'map' : null,
        stage: v === 'map' ? (next.stage ?? stage) : null,
      }),
    );
  };
  return (
    <div data-testid="projects-page">
      <div className="page-head">
        <h1>{t('projects.heading')}</h1>
        <p className="page-intro">{t('projects.intro')}</p>
      </div>
      <div className="project-filters">
        <div className="form-field project-view-field">
          <span>{t('projects.view.label')}</span>
          <div className="segmented" role="group" aria-label={t('projects.view.label')} data-testid="view-toggle">
            {(['board', 'map'] as const).map((v) => (
              <button
                key={v}
                type="button"
                className={`segment${view === v ? ' is-on' : ''}`}
                aria-pressed={view === v}
                data-testid={`view-${v}`}
                onClick={() => go(zone, chain, { view: v })}
              >
                {t(`projects.view.${v}`)}
              </button>
            ))}
          </div>
        </div>
        {view === 'map' && (
          <label className="form-field">
            {t('projects.map.stage')}
            <select
              className="input"
              data-testid="map-stage"
              value={stage}
              onChange={(e) => go(zone, chain, { stage: e.target.value as Stage })}
            >
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {label('projects.stage', s)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="form-field">
          {t('projects.filterZone')}
          <select className="input" data-testid="filter-zone" value={zone} onChange={(e) => go(e.target.value, chain)}>
            <option value="">{t('projects.allZones')}</option>
            <optgroup label={t('projects.prefectures')}>
              {prefectures.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('projects.zones')}>
              {options.zones.map((z) => (
                <option key={z.code} value={z.code}>
                  {z.name}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label className="form-field">
          {t('projects.filterChain')}
          <select className="input" data-testid="filter-chain" value={chain} onChange={(e) => go(zone, e.target.value)}>
            <option value="">{t('projects.allChains')}</option>
            {options.chains.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {canEditProjects(me) && !creating && (
        <p>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="new-project"
            onClick={() => {
              setCreated(null);
              setCreating(true);
            }}
          >
            {t('projects.form.new')}
          </button>
        </p>
      )}
      {created && (
        <p className="status status-ok" role="status" data-testid="project-created">
          <a href={href('projects', String(created.id))}>{t('projects.form.created', { name: created.name })}</a>
        </p>
      )}
      {creating && (
        <ProjectForm
          project={null}
          zones={options.zones}
          defaultZone={options.zones.some((z) => z.code === zone) ? zone : ''}
          onSaved={(p) => {
            setCreating(false);
            setCreated({ id: p.id, name: p.name });
            setReload((n) => n + 1);
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ok' && view === 'map' && (
        <Suspense fallback={<Loading />}>
          <ProjectMapView boards={state.data} stage={stage} />
        </Suspense>
      )}
      {state.status === 'ok' && view === 'board' && (
        <div className="project-board">
          {state.data.columns.map((c) => (
            <section
              key={c.stage}
              className={`panel project-column${c.battleMap ? ' project-column-battle' : ''}`}
              data-testid={`board-${c.stage}`}
            >
              <h2 className="panel-title">
                {label('projects.stage', c.stage)}
                {c.battleMap && <span className="muted small"> · {t('projects.battleMap')}</span>}
              </h2>
              <p className="muted small">
                {t('projects.count', { n: count(c.count) })} · {t('projects.total', { amount: num(c.totalInvestment) })}
                {c.stalledCount > 0 && ` · ${t('projects.stalledCount', { n: c.stalledCount })}`}
              </p>
              {c.projects.length === 0 ? (
                <Empty>{t('projects.none')}</Empty>
              ) : (
                <ul className="project-cards">
                  {c.projects.map((p) => (
                    <ProjectCard key={p.id} p={p} />
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
