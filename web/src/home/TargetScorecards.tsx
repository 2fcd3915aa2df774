import type { LeaderHome } from '../../../src/presenters/home.presenter.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ClassBadge, WarningBadge } from '../monitor/MonitorBits.tsx';
import { href } from '../router.ts';
import { levelColour, TrendArrow } from './Scorecard.tsx';
import { Sparkline } from './Sparkline.tsx';

type Card = LeaderHome['scorecards'][number];

/** One table per plan: every target with its latest figure, judgement, warning, trend arrow and sparkline. */
export function TargetScorecards({ cards }: { cards: readonly Card[] }) {
  const { t, fixed } = useI18n();
  const plans = [...new Map(cards.map((c) => [c.plan.id, c.plan])).values()];
  return (
    <section className="list-section" data-testid="home-scorecards">
      <h2 className="section-title">{t('home.scorecards')}</h2>
      <p className="muted small">{t('home.scorecards.intro')}</p>
      {plans.map((plan) => (
        <div key={plan.id} className="table-wrap scorecard-table">
          <table className="data-table" data-testid="scorecard-plan" data-plan={plan.id}>
            <caption>{plan.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('home.scorecards.col.target')}</th>
                <th scope="col" className="num">
                  {t('home.scorecards.col.current')}
                </th>
                <th scope="col">{t('home.scorecards.col.class')}</th>
                <th scope="col">{t('home.scorecards.col.trend')}</th>
                <th scope="col">{t('home.scorecards.col.spark')}</th>
              </tr>
            </thead>
            <tbody>
              {cards
                .filter((c) => c.plan.id === plan.id)
                .map((c) => (
                  <tr key={c.key} data-testid="scorecard-row" data-key={c.key} data-decimals={c.decimals}>
                    <th scope="row">
                      <a href={href('monitor', c.plan.id, 'targets', c.key, { at: c.at })}>{c.indicator.name}</a>
                      <div className="muted small">{c.subject.name}</div>
                    </th>
                    <td className="num" data-testid="scorecard-current">
                      {c.current === null ? (
                        <span className="muted">{t('home.scorecards.none')}</span>
                      ) : (
                        <>
                          {fixed(c.current, c.decimals)} {c.indicator.unit}
                          {c.dataYear !== null && (
                            <div className="muted small">{t('home.scorecards.year', { year: c.dataYear })}</div>
                          )}
                        </>
                      )}
                    </td>
                    <td>
                      <ClassBadge cls={c.class} /> {c.level !== 'green' && <WarningBadge level={c.level} />}
                    </td>
                    <td>
                      <TrendArrow trend={c.trend} />
                    </td>
                    <td>
                      <Sparkline
                        points={c.spark}
                        colour={levelColour(c.level)}
                        label={t('home.spark', { name: c.indicator.name })}
                      />
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
