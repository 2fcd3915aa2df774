import { api } from '../api/client.ts';
import { PROGRESS_CLASSES, type ProgressClass } from '../api/progressTypes.ts';
import { CLASS_COLOURS } from '../monitor/classes.ts';
import { useAsync } from '../api/useAsync.ts';
import { DataTable } from '../components/DataTable.tsx';
import { Empty } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { periodLabel } from '../reporting/periods.ts';
import { href } from '../router.ts';
import { HomeFrame } from './HomeFrame.tsx';
import { TargetScorecards } from './TargetScorecards.tsx';

/** A plan's targets by class: one coloured bar, segments as wide as their share, with the counts in words. */
function ClassBar({ byClass, total }: { byClass: Partial<Record<ProgressClass, number>>; total: number }) {
  const { label, count } = useI18n();
  const present = PROGRESS_CLASSES.filter((c) => (byClass[c] ?? 0) > 0);
  return (
    <div className="class-bar-cell" data-testid="home-plan-classes">
      <div className="class-bar" aria-hidden="true">
        {present.map((c) => (
          <span key={c} style={{ width: `${((byClass[c] ?? 0) / total) * 100}%`, background: CLASS_COLOURS[c] }} />
        ))}
      </div>
      <div className="small">
        {present.map((c) => (
          <span key={c} className="class-count" data-class={c} data-count={byClass[c]}>
            {label('monitor.class', c)} {count(byClass[c] ?? 0)}
          </span>
        ))}
      </div>
    </div>
  );
}

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
          <div data-testid="home-data">
            <DataTable
              testId="home-plans"
              columns={[
                'home.col.plan',
                'home.col.at',
                'home.col.total',
                'home.planner.col.path',
                'home.planner.col.noPath',
                'home.planner.col.figure',
                'home.col.stale',
                'home.planner.col.classes',
                'home.col.red',
                'home.col.yellow',
                'home.planner.col.tasks',
              ]}
              numeric={[
                'home.col.total',
                'home.planner.col.path',
                'home.planner.col.noPath',
                'home.planner.col.figure',
                'home.col.stale',
                'home.col.red',
                'home.col.yellow',
                'home.planner.col.tasks',
              ]}
            >
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
                    <td colSpan={9} className="muted">
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
                      <td>
                        <ClassBar byClass={p.byClass} total={p.targets} />
                      </td>
                      <td className="num">{count(p.warnings.red)}</td>
                      <td className="num">{count(p.warnings.yellow)}</td>
                    </>
                  )}
                  <td className="num">{count(p.tasks)}</td>
                </tr>
              ))}
            </DataTable>
            <TargetScorecards cards={data.scorecards} />
          </div>
        )
      }
    </HomeFrame>
  );
}
