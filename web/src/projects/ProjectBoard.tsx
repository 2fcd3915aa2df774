import { Empty } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router.ts';
import type { Boards, Project } from './projectTypes.ts';

/** A project on the board: its name, stalled/synthetic/transferred badges, zone, chain and investment. */
function ProjectCard({ p }: { p: Project }) {
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

/** The board view: one column per stage, with its count, investment and stalled projects, then its cards. */
export function ProjectBoard({ boards }: { boards: Boards }) {
  const { t, label, num, count } = useI18n();
  return (
    <div className="project-board">
      {boards.columns.map((c) => (
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
  );
}
