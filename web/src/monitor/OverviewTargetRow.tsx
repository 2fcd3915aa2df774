import type { TargetProgress } from '../api/progressTypes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ClassBadge, SyntheticTag, usePercent, WarningBadge } from './MonitorBits.tsx';
import { targetText } from './targetText.ts';
import { periodLabel } from '../reporting/periods.ts';
import { href } from '../router.ts';

function Freshness({ x }: { x: TargetProgress }) {
  const { t, date, lang } = useI18n();
  const f = x.freshness;
  return (
    <div className="freshness small" data-testid="freshness" data-stale={f.stale}>
      {f.lastUpdated ? t('monitor.fresh.updated', { date: date(f.lastUpdated.slice(0, 10)) }) : t('monitor.fresh.never')}
      {f.lastPeriod && <div className="muted">{t('monitor.fresh.period', { period: periodLabel(f.lastPeriod, lang) })}</div>}
      {f.stale && <span className="badge badge-stale">{t('monitor.fresh.stale')}</span>}
      {f.owes && (
        <div className="muted">
          {t('monitor.fresh.owes', {
            unit: f.owes.orgUnitName,
            period: periodLabel(f.owes.period, lang),
            date: date(f.owes.dueDate),
          })}
        </div>
      )}
    </div>
  );
}

/** One target of the overview's table: indicator and wording, subject, class, current value, achievement, growth, freshness, warning. */
export function OverviewTargetRow({ x, planId, at }: { x: TargetProgress; planId: string; at: string }) {
  const i18n = useI18n();
  const { t, lang, num } = i18n;
  const pct = usePercent();
  const j = x.judgement;
  return (
    <tr
      data-testid="progress-row"
      data-target={x.key}
      data-class={j.class}
      data-warning={x.warning.level}
      data-ratio={j.achievementRatio ?? ''}
    >
      <td>
        <a href={href('monitor', planId, 'targets', x.key, { at: at })} data-testid="target-link">
          {lang === 'zh' ? x.indicator.name : x.indicator.nameEn}
        </a>
        <div className="muted small">{targetText(x, i18n)}</div>
      </td>
      <td>{x.subject.name}</td>
      <td>
        <ClassBadge cls={j.class} />
      </td>
      <td className="nowrap">
        {j.current === null ? t('common.dash') : `${num(j.current)}${x.indicator.unit}`}
        {j.dataYear !== null && <div className="muted small">{j.dataYear}</div>}
        {j.currentOrigin === 'synthetic' && <SyntheticTag />}
      </td>
      <td className="nowrap num">{pct(j.achievementRatio)}</td>
      <td className="nowrap num">
        {pct(j.requiredAnnualGrowth)} / {pct(j.observedAnnualGrowth)}
      </td>
      <td>
        <Freshness x={x} />
      </td>
      <td>
        <WarningBadge level={x.warning.level} />
      </td>
    </tr>
  );
}
