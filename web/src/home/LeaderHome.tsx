import type { LeaderHome as Summary } from '../../../src/presenters/home.presenter.ts';
import { api } from '../api/client.ts';
import { PROGRESS_CLASSES } from '../api/progressTypes.ts';
import { useAsync } from '../api/useAsync.ts';
import { DataTable } from '../components/DataTable.tsx';
import { Empty } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { CLASS_COLOURS } from '../monitor/classes.ts';
import { periodLabel } from '../reporting/periods.ts';
import { href } from '../router.ts';
import { HomeFrame } from './HomeFrame.tsx';
import { Scorecard } from './Scorecard.tsx';
import { TargetScorecards } from './TargetScorecards.tsx';

function Tiles({ data }: { data: Summary }) {
  const { t, label, count } = useI18n();
  const w = data.totals.warnings;
  return (
    <ul className="summary-tiles" data-testid="home-tiles">
      <li className="summary-tile" data-testid="home-total" data-count={data.totals.total}>
        <span className="tile-value">{count(data.totals.total)}</span>
        <span className="tile-label">{t('home.totals')}</span>
      </li>
      {PROGRESS_CLASSES.map((c) => (
        <li key={c} className="summary-tile" style={{ borderTopColor: CLASS_COLOURS[c] }} data-testid="home-class" data-class={c}>
          <span className="tile-value">{count(data.totals.byClass[c] ?? 0)}</span>
          <span className="tile-label">{label('monitor.class', c)}</span>
        </li>
      ))}
      <li className="summary-tile tile-red" data-testid="home-red" data-count={w.red}>
        <span className="tile-value">{count(w.red)}</span>
        <span className="tile-label">{t('home.red')}</span>
      </li>
      <li className="summary-tile tile-yellow" data-testid="home-yellow" data-count={w.yellow}>
        <span className="tile-value">{count(w.yellow)}</span>
        <span className="tile-label">{t('home.yellow')}</span>
      </li>
    </ul>
  );
}

function PlanTable({ data }: { data: Summary }) {
  const { t, lang, count } = useI18n();
  return (
    <section className="list-section">
      <h2 className="section-title">{t('home.plans')}</h2>
      <DataTable
        testId="home-plans"
        columns={['home.col.plan', 'home.col.at', 'home.col.total', 'home.col.red', 'home.col.yellow', 'home.col.stale']}
        numeric={['home.col.total', 'home.col.red', 'home.col.yellow', 'home.col.stale']}
      >
        {data.plans.map((p) => (
          <tr
            key={p.plan.id}
            data-testid="home-plan"
            data-plan={p.plan.id}
            data-red={p.warnings.red}
            data-yellow={p.warnings.yellow}
          >
            <th scope="row">
              <a href={href('monitor', p.plan.id, { at: p.at })}>{p.plan.title}</a>
            </th>
            <td>{periodLabel(p.at, lang)}</td>
            <td className="num">{count(p.total)}</td>
            <td className="num">{count(p.warnings.red)}</td>
            <td className="num">{count(p.warnings.yellow)}</td>
            <td className="num">{count(p.stale)}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

function Freshness({ data }: { data: Summary }) {
  const { t, count, dateTime } = useI18n();
  const f = data.freshness;
  return (
    <section className="home-panel" data-testid="home-freshness" data-stale={f.stale}>
      <h2 className="section-title">{t('home.freshness')}</h2>
      <p>{t('home.freshness.stale', { stale: count(f.stale), total: count(f.total) })}</p>
      <p className="muted">
        {f.lastUpdated ? t('home.freshness.last', { date: dateTime(f.lastUpdated) }) : t('home.freshness.never')}
      </p>
    </section>
  );
}

function Evaluations({ data }: { data: Summary }) {
  const { t, count } = useI18n();
  return (
    <section className="home-panel" data-testid="home-evaluations">
      <h2 className="section-title">{t('home.evaluations')}</h2>
      {data.evaluations.length === 0 ? (
        <p className="muted">{t('home.evaluations.none')}</p>
      ) : (
        <ul className="plain-list">
          {data.evaluations.map((e) => (
            <li key={e.run} data-testid="home-evaluation">
              <a href={href('evaluation', 'runs', String(e.run))}>
                {t('home.evaluations.run', { year: e.year, name: e.scheme.name })}
              </a>
              <span className="muted small"> {t('home.evaluations.ranked', { n: count(e.ranked) })}</span>
              <div className="small">
                {t('home.evaluations.top')}
                {e.top.map((u) => `${u.rank}. ${u.name}${u.grade ? `（${u.grade}）` : ''}`).join('；')}
              </div>
              <div className="small muted">
                {t('home.evaluations.grades')}
                {e.grades.map((g) => `${g.label} ${count(g.count)}`).join('，')}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The leader's home: one screen over every plan in scope (issue 19). */
export function LeaderHome() {
  const { t } = useI18n();
  const state = useAsync((signal) => api.homeSummary(signal), []);
  return (
    <HomeFrame kind="leader" state={state}>
      {(data) => (
        <div data-testid="home-data">
          <Tiles data={data} />
          <div className="home-grid">
            <section className="home-panel home-laggards">
              <h2 className="section-title">{t('home.laggards')}</h2>
              {data.laggards.length === 0 ? (
                <Empty>{t('home.laggards.none')}</Empty>
              ) : (
                <ol className="scorecards">
                  {data.laggards.map((l) => (
                    <Scorecard key={`${l.plan.id}/${l.key}`} item={l} />
                  ))}
                </ol>
              )}
            </section>
            <div className="home-side">
              <Freshness data={data} />
              <Evaluations data={data} />
            </div>
          </div>
          <PlanTable data={data} />
          <TargetScorecards cards={data.scorecards} />
        </div>
      )}
    </HomeFrame>
  );
}
