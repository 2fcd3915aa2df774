import { scorecardGroups } from '../../../src/domain/home/target-scorecard.ts';
import type { LeaderHome } from '../../../src/presenters/home.presenter.ts';
import type { TargetValue } from '../api/types.ts';
import { describeTargetValue } from '../i18n/targetWording.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ClassBadge, WarningBadge } from '../monitor/MonitorBits.tsx';
import { href } from '../router.ts';
import { levelColour, TrendArrow } from './Scorecard.tsx';
import { Sparkline } from './Sparkline.tsx';

type Card = LeaderHome['scorecards'][number];

/**
 * One table per plan, each indicator once (a group row with its name and unit) and below it one row
 * per target: the subject, its latest figure, judgement, warning, trend arrow and sparkline.
 */
export function TargetScorecards({ cards }: { cards: readonly Card[] }) {
  const { t } = useI18n();
  return (
    <section className="list-section" data-testid="home-scorecards">
      <h2 className="section-title">{t('home.scorecards')}</h2>
      <p className="muted small">{t('home.scorecards.intro')}</p>
      {scorecardGroups(cards).map(({ plan, groups }) => (
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
            {groups.map((g) => (
              <tbody key={g.indicator.code} data-testid="scorecard-indicator" data-indicator={g.indicator.code}>
                <tr className="scorecard-group">
                  <th scope="colgroup" colSpan={5} data-testid="scorecard-indicator-name">
                    {g.indicator.name}
                    {g.indicator.unit && <span className="muted small">（{g.indicator.unit}）</span>}
                  </th>
                </tr>
                {g.cards.map((c) => (
                  <ScorecardRow key={c.key} card={c} />
                ))}
              </tbody>
            ))}
          </table>
        </div>
      ))}
    </section>
  );
}

/** One target's row: its subject (the indicator is the group's), figure, class, warning, trend and sparkline. */
function ScorecardRow({ card: c }: { card: Card }) {
  const i18n = useI18n();
  const { t, fixed } = i18n;
  const goal = { ...c.goal, comparator: c.goal.comparator as TargetValue['comparator'], reference: null, everyYear: false };
  const asks = t('home.scorecards.goal', { year: c.goal.year, goal: describeTargetValue(goal, c.indicator.unit, i18n) });
  return (
    <tr data-testid="scorecard-row" data-key={c.key} data-decimals={c.decimals}>
      <th scope="row" className="scorecard-subject">
        <a href={href('monitor', c.plan.id, 'targets', c.key, { at: c.at })} title={c.indicator.name}>
          {c.subject.name}
        </a>
        <div className="muted small" data-testid="scorecard-goal">
          {asks}
          {c.section && <span className="scorecard-section">{t('home.scorecards.section', { section: c.section })}</span>}
        </div>
      </th>
      <td className="num" data-testid="scorecard-current">
        {c.current === null ? (
          <span className="muted">{t('home.scorecards.none')}</span>
        ) : (
          <>
            {fixed(c.current, c.decimals)} {c.indicator.unit}
            {c.dataYear !== null && <div className="muted small">{t('home.scorecards.year', { year: c.dataYear })}</div>}
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
        <Sparkline points={c.spark} colour={levelColour(c.level)} label={t('home.spark', { name: c.indicator.name })} />
      </td>
    </tr>
  );
}
