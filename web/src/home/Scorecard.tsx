import type { LeaderHome } from '../../../src/presenters/home.presenter.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ClassBadge, WarningBadge } from '../monitor/MonitorBits.tsx';
import { href } from '../router.ts';
import { Sparkline } from './Sparkline.tsx';

type Laggard = LeaderHome['laggards'][number];
type Trend = NonNullable<Laggard['trend']>;

const ARROWS: Record<Trend['direction'], string> = { up: '↑', down: '↓', flat: '→' };

/** ↑ / ↓ / → against the previous year, green when the move is towards the target, red when away. */
export function TrendArrow({ trend }: { trend: Trend | null }) {
  const { t } = useI18n();
  if (!trend)
    return (
      <span className="trend trend-none muted" data-testid="trend" data-direction="none" title={t('home.trend.none')}>
        –
      </span>
    );
  const words = t(`home.trend.${trend.direction}`, { year: trend.previousYear });
  const sense = trend.improving === null ? '' : t(trend.improving ? 'home.trend.better' : 'home.trend.worse');
  const tone = trend.improving === null ? 'flat' : trend.improving ? 'better' : 'worse';
  return (
    <span
      className={`trend trend-${tone}`}
      data-testid="trend"
      data-direction={trend.direction}
      title={[words, sense].filter(Boolean).join('，')}
    >
      <span aria-hidden="true">{ARROWS[trend.direction]}</span>
      <span className="visually-hidden">{[words, sense].filter(Boolean).join('，')}</span>
    </span>
  );
}

/** The sparkline's colour: the warning's, blue without one. */
export const levelColour = (level: 'red' | 'yellow' | 'green') =>
  level === 'red' ? '#c62828' : level === 'yellow' ? '#b7791f' : '#1e6fb8';

/** One laggard as a ClearPoint-style scorecard: who, the judgement's sentence, the arrow and the sparkline. */
export function Scorecard({ item }: { item: Laggard }) {
  const { t } = useI18n();
  return (
    <li className={`scorecard level-${item.level}`} data-testid="laggard" data-key={item.key} data-plan={item.plan.id}>
      <div className="scorecard-head">
        <a href={href('monitor', item.plan.id, 'targets', item.key, { at: item.at })} className="scorecard-title">
          {item.subject.name} · {item.indicator.name}
        </a>
        <span className="scorecard-badges">
          {item.level !== 'green' && <WarningBadge level={item.level} />}
          <ClassBadge cls={item.class} />
        </span>
      </div>
      <p className="scorecard-sentence" data-testid="laggard-sentence">
        {item.sentence}
      </p>
      <div className="scorecard-trend">
        <TrendArrow trend={item.trend} />
        <div className="sparkline-box">
          <Sparkline
            points={item.spark}
            colour={levelColour(item.level)}
            label={t('home.spark', { name: item.indicator.name })}
          />
        </div>
        <span className="muted small">{item.plan.title}</span>
      </div>
    </li>
  );
}
