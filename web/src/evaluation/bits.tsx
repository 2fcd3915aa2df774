import { useMemo, type ReactNode } from 'react';
import { runNames } from '../../../src/domain/evaluation/run-names.ts';
import type { RunView, UnitResultView } from '../api/evaluationTypes.ts';
import { href } from '../router.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ChartText } from './charts.ts';

/** Names of a run's units, indicators, grades and groups in the page's language (Chinese where no English is stored). */
export function useRunNames(run: RunView) {
  const { lang, t } = useI18n();
  return useMemo(() => {
    const names = runNames(run, lang);
    const measures = new Map(run.indicators.map((i) => [i.code, i.unit]));
    return {
      ...names,
      measure: (code: string) => measures.get(code) ?? '',
      grade: (label: string | null) => (label === null ? '' : names.grade(label)),
      group: (code: string | null) => (code === null ? t('eval.group.default') : names.group(code)),
    };
  }, [run, lang, t]);
}

export function useChartText(): ChartText {
  const { t } = useI18n();
  return useMemo(
    () => ({
      lastYear: t('eval.chart.lastYear'),
      thisYear: t('eval.chart.thisYear'),
      unit: t('eval.chart.unit'),
      group: t('eval.chart.groupMedian'),
      median: t('eval.chart.median'),
      rank: t('eval.chart.rank'),
      missing: t('eval.chart.missing'),
    }),
    [t],
  );
}

/** The way back to 考核评价 above an evaluation page's title, with any further steps after it. */
export function EvalCrumbs({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <p className="muted small">
      <a href={href('evaluation')}>{t('eval.heading')}</a>
      {children}
    </p>
  );
}

/** Grade colours by position (best first); the lowest grade is always red. */
export function gradeColour(run: RunView, label: string | null): string {
  const k = run.grades.findIndex((g) => g.label === label);
  if (k < 0) return '#9aa5b1';
  const palette = ['#2e7d32', '#1f6fb2', '#c77700', '#c62828'];
  return k === run.grades.length - 1 ? palette[3]! : (palette[Math.min(k, 2)] ?? '#9aa5b1');
}

export function GradeBadge({ run, label }: { run: RunView; label: string | null }) {
  const names = useRunNames(run);
  const { t } = useI18n();
  if (label === null) return <span className="muted">{t('common.dash')}</span>;
  return (
    <span className="badge eval-grade" style={{ background: gradeColour(run, label) }} data-testid="grade" data-grade={label}>
      {names.grade(label)}
    </span>
  );
}

/** Places gained since last year (positive = up), or null. */
export function rankChange(u: UnitResultView): number | null {
  return u.previous && u.previous.rank !== null && u.rank !== null ? u.previous.rank - u.rank : null;
}

export function RankChange({ unit }: { unit: UnitResultView }) {
  const { t } = useI18n();
  const d = rankChange(unit);
  if (d === null)
    return (
      <span className="muted" title={unit.previous ? t('eval.change.noRank') : t('eval.change.noPrevious')}>
        {t('common.dash')}
      </span>
    );
  const cls = d > 0 ? 'eval-up' : d < 0 ? 'eval-down' : 'eval-same';
  return (
    <span className={cls} data-testid="rank-change" data-change={d}>
      {d > 0 ? `↑${d}` : d < 0 ? `↓${-d}` : '='}
    </span>
  );
}

/** Marks beside a unit: missing data (named), veto, grade not robust. Never silent. */
export function UnitFlags({ run, unit }: { run: RunView; unit: UnitResultView }) {
  const { t, lang } = useI18n();
  const names = useRunNames(run);
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  return (
    <span className="eval-flags">
      {unit.missing.length > 0 && (
        <span className="badge eval-flag-incomplete" data-testid="flag-incomplete">
          {t('eval.flag.incomplete', { list: unit.missing.map(names.indicator).join(lang === 'zh' ? '、' : ', ') })}
        </span>
      )}
      {unit.vetoes.map((v) => (
        <span key={v.code} className="badge eval-flag-veto" data-testid="flag-veto">
          {t('eval.flag.veto', { reason: lang === 'en' ? (v.reasonEn ?? v.reason) : v.reason })}
        </span>
      ))}
      {unit.sensitivity && !unit.sensitivity.robust && (
        <span
          className="badge eval-flag-shaky"
          data-testid="flag-not-robust"
          title={t('eval.flag.notRobustTitle', {
            p: pct(unit.sensitivity.gradeProbabilities[unit.sensitivity.modalGrade] ?? 0),
          })}
        >
          {t('eval.flag.notRobust')}
        </span>
      )}
      {unit.supervision && (
        <a
          className="badge eval-flag-supervised"
          data-testid="flag-supervised"
          href={href('tasks', unit.supervision.plan, unit.supervision.key)}
        >
          {t('eval.flag.supervised')}
        </a>
      )}
    </span>
  );
}

export function formatScore(x: number | null, num: (v: string) => string): string {
  return x === null ? '—' : num(x.toFixed(2));
}
