import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { Empty } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { periodLabel } from '../reporting/periods.ts';
import { href } from '../router.ts';
import { HomeFrame } from './HomeFrame.tsx';

/** The plan manager's home: their plans, each with data-path coverage, stale figures and warnings (issue 19). */
export function PlannerHome() {
  const { t, lang, count } = useI18n();
  const state = useAsync((signal) => api.homePlans(signal), []);
  return (
    <HomeFrame kind="planner" state={state}>
      {(data) =>
        data.plans.length === 0 ? (
          <Empty>{t('home.planner.none')}</Empty>
        ) : (
          <div className="table-wrap" data-testid="home-data">
            <table className="data-table" data-testid="home-plans">
              <thead>
                <tr>
                  <th scope="col">{t('home.col.plan')}</th>
                  <th scope="col">{t('home.col.at')}</th>
                  <th scope="col" className="num">
                    {t('home.col.total')}
                  </th>
                  <th scope="col" className="num">
                    {t('home.planner.col.path')}
                  </th>
                  <th scope="col" className="num">
                    {t('home.planner.col.noPath')}
                  </th>
                  <th scope="col" className="num">
                    {t('home.planner.col.figure')}
                  </th>
                  <th scope="col" className="num">
                    {t('home.col.stale')}
                  </th>
                  <th scope="col" className="num">
                    {t('home.col.red')}
                  </th>
                  <th scope="col" className="num">
                    {t('home.col.yellow')}
                  </th>
                  <th scope="col" className="num">
                    {t('home.planner.col.tasks')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.plans.map((p) => (
                  <tr
                    key={p.plan.id}
                    data-testid="home-plan"
                    data-plan={p.plan.id}
                    data-targets={p.targets}
                    data-with-path={p.withPath}
                    data-stale={p.stale}
                  >
                    <th scope="row">
                      <a href={p.targets > 0 ? href('monitor', p.plan.id, { at: p.at }) : href('plans', p.plan.id)}>
                        {p.plan.title}
                      </a>
                      <div className="muted small">
                        {p.periodStart}—{p.periodEnd}
                      </div>
                    </th>
                    {p.targets === 0 ? (
                      <td colSpan={8} className="muted">
                        {t('home.planner.noTargets')}
                      </td>
                    ) : (
                      <>
                        <td>{periodLabel(p.at, lang)}</td>
                        <td className="num">{count(p.targets)}</td>
                        <td className="num">{count(p.withPath)}</td>
                        <td className={p.withoutPath > 0 ? 'num cell-alert' : 'num'}>{count(p.withoutPath)}</td>
                        <td className="num">{count(p.withFigure)}</td>
                        <td className={p.stale > 0 ? 'num cell-alert' : 'num'}>
                          <a href={href('monitor', p.plan.id, { at: p.at })}>{count(p.stale)}</a>
                        </td>
                        <td className="num">{count(p.warnings.red)}</td>
                        <td className="num">{count(p.warnings.yellow)}</td>
                      </>
                    )}
                    <td className="num">{count(p.tasks)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </HomeFrame>
  );
}
