import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { Empty, ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href, navigate, type Route } from '../router.ts';
import { ProjectDetailPage } from './ProjectDetailPage.tsx';
import type { Boards, Project } from './projectTypes.ts';
import './projects.css';

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

function BoardsPage({ route }: { route: Route }) {
  const { t, label, num, count } = useI18n();
  const zone = route.query.get('zone') ?? '';
  const chain = route.query.get('chain') ?? '';
  const state = useAsync(
    (signal) => api.projectBoards({ zone: zone || undefined, chain: chain || undefined }, signal),
    [zone, chain],
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
  const go = (z: string, c: string) => navigate(href('projects', { zone: z, chain: c }));
  return (
    <div data-testid="projects-page">
      <div className="page-head">
        <h1>{t('projects.heading')}</h1>
        <p className="page-intro">{t('projects.intro')}</p>
      </div>
      <div className="project-filters">
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
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ok' && (
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
