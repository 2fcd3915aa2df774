import { useMemo, useState, type ReactNode } from 'react';
import { CommentaryPanel } from './CommentaryPanel.tsx';
import { RevisionPanel } from './RevisionPanel.tsx';
import { api } from '../api/client.ts';
import { PROGRESS_METHODS, type TargetDetail } from '../api/progressTypes.ts';
import { useAsync } from '../api/useAsync.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useIndicatorI18n } from './indicatorDecimals.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { disagrees } from './classes.ts';
import { EChart } from './EChart.tsx';
import { ClassBadge, MethodVerdict, SyntheticTag, usePercent, WarningBadge } from './MonitorBits.tsx';
import { targetText } from './targetText.ts';
import { periodLabel } from '../reporting/periods.ts';
import { detailChartOption } from './detailChart.ts';
import { usePlanAndAt } from './MonitorOverviewPage.tsx';
import { PlanPageFrame } from './PlanPageFrame.tsx';
import { PublishedSources } from './PublishedSources.tsx';

function JudgementPanel({ d }: { d: TargetDetail }) {
  const i18n = useI18n();
  const { t, lang, label } = i18n;
  // The indicator's figures to its precision; the plan's goal stays as the plan wrote it.
  const { num } = useIndicatorI18n(d.indicator.code);
  const pct = usePercent();
  const j = d.judgement;
  const facts: [string, ReactNode][] = [
    [
      t('monitor.detail.baseline'),
      d.baseline ? (
        <>
          {d.baseline.year}: {num(d.baseline.value)}
          {d.indicator.unit}
          {d.baseline.note && (
            <span className="muted small" data-testid="baseline-note">
              {' '}
              {lang === 'zh' ? `（${d.baseline.note.zh}）` : `(${d.baseline.note.en})`}
            </span>
          )}
        </>
      ) : (
        t('common.dash')
      ),
    ],
    [t('monitor.detail.targetValue'), targetText(d, i18n)],
    [
      t('monitor.col.current'),
      j.current === null ? (
        t('common.dash')
      ) : (
        <>
          {j.dataYear}: {num(j.current)}
          {d.indicator.unit}
          {j.currentOrigin === 'synthetic' && <SyntheticTag />}
          {j.currentOrigin === 'published' && (
            <span className="badge tag-published" title={t('monitor.publishedTitle')} data-testid="published-tag">
              {t('monitor.published')}
            </span>
          )}
        </>
      ),
    ],
    [t('monitor.col.achievement'), pct(j.achievementRatio)],
    [t('monitor.overview.timeElapsed'), pct(j.timeElapsedShare)],
    [t('monitor.overview.halfTime'), label('monitor.halfTime', j.halfTimeHalfTask)],
    [t('monitor.col.required'), pct(j.requiredAnnualGrowth)],
    [t('monitor.col.observed'), pct(j.observedAnnualGrowth)],
  ];
  if (j.projection)
    facts.push([
      t('monitor.detail.projection'),
      t('monitor.detail.projectionText', {
        year: j.projection.year,
        value: num(j.projection.value),
        low: num(j.projection.low),
        high: num(j.projection.high),
      }),
    ]);
  return (
    <section className="card monitor-card" aria-labelledby="judgement-heading" data-testid="judgement" data-class={j.class}>
      <h2 id="judgement-heading" className="section-title">
        {t('monitor.detail.judgement')} <ClassBadge cls={j.class} /> <WarningBadge level={d.warning.level} />
      </h2>
      <p className="judgement-explanation" data-testid="explanation">
        {lang === 'zh' ? j.explanation.zh : j.explanation.en}
      </p>
      {d.warning.reasons.length > 0 && (
        <ul className="warning-reasons small">
          {d.warning.reasons.map((r) => (
            <li key={r.zh}>{lang === 'zh' ? r.zh : r.en}</li>
          ))}
        </ul>
      )}
      <dl className="fact-list">
        {facts.map(([k, v]) => (
          <div key={k} className="fact">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h3 className="subsection-title">{t('monitor.detail.methods')}</h3>
      <DataTable
        className="data-table methods-mini"
        testId="detail-methods"
        scroll={false}
        columns={['monitor.col.method', 'monitor.col.verdict']}
      >
        {PROGRESS_METHODS.map((m) => (
          <tr key={m} data-method={m} className={disagrees(m, j) ? 'disagree' : undefined}>
            <th scope="row">{label('monitor.method', m)}</th>
            <td>
              <MethodVerdict method={m} judgement={j} />
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

/** 指标详情 (#/monitor/<plan>/targets/<key>?at=). */
export function TargetDetailPage({ planId, targetKey, at: asked }: { planId: string; targetKey: string; at: string | null }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const planAndAt = usePlanAndAt(planId, asked);
  const { at } = planAndAt;
  // Bumped after a correction (修订), so the judgement is read again with the corrected values.
  const [revised, setRevised] = useState(0);
  const state = useAsync(
    (signal) => (at ? api.targetProgress(planId, targetKey, at, signal) : Promise.resolve(null)),
    [planId, targetKey, at, revised],
  );
  const d = state.status === 'ok' ? state.data : null;
  const figures = useIndicatorI18n(d?.indicator.code);
  const option = useMemo(() => (d ? detailChartOption(d, figures) : null), [d, figures]);
  const synthetic = d?.series.some((p) => p.origin === 'synthetic') ?? false;

  return (
    <PlanPageFrame
      planId={planId}
      planAndAt={planAndAt}
      path={['targets', targetKey]}
      headingId="detail-heading"
      heading={
        <>
          {d ? (lang === 'zh' ? d.indicator.name : d.indicator.nameEn) : targetKey}
          {d && <span className="muted"> · {d.subject.name}</span>}
        </>
      }
      intro={d && targetText(d, i18n)}
      indicator={d?.indicator.code}
      testId="monitor-detail"
    >
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {d && option && (
        <div data-testid="detail-data" data-at={at}>
          {synthetic && (
            <p className="hint-box synthetic-note" data-testid="synthetic-note">
              {t('monitor.syntheticNote')}
            </p>
          )}
          <div className="monitor-grid monitor-grid-detail">
            <section className="card monitor-card" aria-labelledby="series-heading">
              <h2 id="series-heading" className="section-title">
                {t('monitor.detail.series')}
                {d.freshness.lastPeriod && (
                  <span className="muted small">
                    {' '}
                    · {t('monitor.fresh.period', { period: periodLabel(d.freshness.lastPeriod, lang) })}
                  </span>
                )}
              </h2>
              <EChart option={option} height={380} label={t('monitor.detail.chart')} testId="detail-chart" />
            </section>
            <JudgementPanel d={d} />
          </div>
          <section className="list-section" aria-labelledby="quote-heading">
            <h2 id="quote-heading" className="section-title">
              {t('monitor.detail.source')}
              {d.source.section && <span className="muted small"> · {d.source.section}</span>}
            </h2>
            <blockquote className="source-quote" data-testid="source-quote">
              {d.source.quote}
            </blockquote>
          </section>
          {at && <CommentaryPanel plan={planId} targetKey={targetKey} period={at} />}
          <RevisionPanel plan={planId} targetKey={targetKey} onRevised={() => setRevised((n) => n + 1)} />
          <PublishedSources figures={d.publishedFigures} />
        </div>
      )}
    </PlanPageFrame>
  );
}
