import { lazy, Suspense, useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href, navigate, type Route } from '../router.ts';
import { ProjectDetailPage } from './ProjectDetailPage.tsx';
import { canEditProjects, ProjectForm } from './ProjectForm.tsx';
import { ProjectBoard } from './ProjectBoard.tsx';
import { ProjectFilters, type View } from './ProjectFilters.tsx';
import { STAGES, type Boards, type Stage } from './projectTypes.ts';
import './projects.css';

/** The map view carries ECharts and the Yunnan geometry: fetched only when a user switches to it. */
const ProjectMapView = lazy(() => import('./ProjectMapView.tsx').then((m) => ({ default: m.ProjectMapView })));

/** #/projects (the boards) and #/projects/<id> (one project; the industry map links here). */
export function ProjectsPage({ route }: { route: Route }) {
  const id = route.segments[1];
  if (id && /^\d+$/.test(id)) return <ProjectDetailPage id={Number(id)} />;
  return <BoardsPage route={route} />;
}

/** #/projects?view=map&stage=reserve&zone=&chain= : the view and the map's stage sit beside the filters in the hash. */
function BoardsPage({ route }: { route: Route }) {
  const { t } = useI18n();
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
      <ProjectFilters view={view} stage={stage} zone={zone} chain={chain} options={options} go={go} />
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
      {state.status === 'ok' && view === 'board' && <ProjectBoard boards={state.data} />}
    </div>
  );
}
