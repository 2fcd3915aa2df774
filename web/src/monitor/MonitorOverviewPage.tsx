import { useEffect, useMemo } from 'react';
import { api } from '../api/client.ts';
import { PROGRESS_CLASSES, PROGRESS_METHODS, type PlanProgress, type ProgressMethod } from '../api/progressTypes.ts';
import type { Plan } from '../api/types.ts';
import { useAsync } from '../api/useAsync.ts';
import { DownloadLink } from '../components/DownloadLink.tsx';
import { Empty, ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { CLASS_COLOURS } from './classes.ts';
import { EChart } from './EChart.tsx';
import type { ChartOption } from './echarts.ts';
import { SyntheticTag, usePercent, WarningBadge } from './MonitorBits.tsx';
import { atWithData, defaultMonitorPlan } from './defaults.ts';
import { asOfChoices } from './periods.ts';
import { AtPicker, MethodPicker, PlanPicker } from './Pickers.tsx';
import { href, navigate } from '../router.ts';
import { parseTargetFilter, targetFilterParams } from '../../../src/domain/progress/target-filter.ts';
import { OverviewTargetsTable } from './OverviewTargetsTable.tsx';
import { StaleSection, WarningsSection } from './OverviewWarnings.tsx';

function ClassChart({ data }: { data: PlanProgress }) {
  const { t, label } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'category', data: PROGRESS_CLASSES.map((c) => label('monitor.class', c)), axisTick: { show: false } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 48,
          label: { show: true, position: 'top' },
          data: PROGRESS_CLASSES.map((c) => ({ value: data.summary.byClass[c] ?? 0, itemStyle: { color: CLASS_COLOURS[c] } })),
        },
      ],
    }),
    [data, label],
  );
  return <EChart option={option} height={260} label={t('monitor.overview.classesChart')} testId="class-chart" />;
}

function SummaryTiles({ data }: { data: PlanProgress }) {
  const { t, label, count } = useI18n();
  return (
    <ul className="summary-tiles" data-testid="class-summary">
      <li className="summary-tile" data-testid="class-total" data-count={data.summary.total}>
        <span className="tile-value">{count(data.summary.total)}</span>
        <span className="tile-label">{t('monitor.overview.total')}</span>
      </li>
      {PROGRESS_CLASSES.map((c) => (
        <li
          key={c}
          className="summary-tile"
          style={{ borderTopColor: CLASS_COLOURS[c] }}
          data-testid="class-tile"
          data-class={c}
          data-count={data.summary.byClass[c] ?? 0}
        >
          <span className="tile-value">{count(data.summary.byClass[c] ?? 0)}</span>
          <span className="tile-label">{label('monitor.class', c)}</span>
        </li>
      ))}
    </ul>
  );
}

/** 时序进度 as a bar, with the 50 % mark of the 时间过半、任务过半 test and the warning counts. */
function TimePanel({ data }: { data: PlanProgress }) {
  const { t, count } = useI18n();
  const pct = usePercent();
  const share = Math.min(Math.max(data.timeElapsedShare, 0), 1);
  return (
    <div className="monitor-time" data-testid="time-panel">
      <h2 className="section-title">{t('monitor.overview.timeElapsed')}</h2>
      <div className="time-bar" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)}>
        <span className="time-bar-fill" style={{ width: `${share * 100}%` }} />
        <span className="time-bar-half" aria-hidden="true" />
      </div>
      <p className="time-figure">{pct(data.timeElapsedShare)}</p>
      <h3 className="subsection-title">{t('monitor.overview.halfTime')}</h3>
      <p data-testid="half-time" data-fail={data.summary.halfTimeFail}>
        {data.timeElapsedShare < 0.5
          ? t('monitor.overview.halfTimeNa')
          : t('monitor.overview.halfTimeFail', { n: count(data.summary.halfTimeFail) })}
      </p>
      <h3 className="subsection-title">{t('monitor.overview.warnings')}</h3>
      <ul className="warning-counts" data-testid="warning-counts">
        {(['red', 'yellow', 'green'] as const).map((level) => (
          <li key={level} data-level={level} data-count={data.summary.warnings[level]}>
            <WarningBadge level={level} /> {count(data.summary.warnings[level])}
          </li>
        ))}
      </ul>
    </div>
  );
}

function BehindList({ data, planId }: { data: PlanProgress; planId: string }) {
  const { t, lang } = useI18n();
  const behind = data.targets.filter((x) => x.judgement.class === 'behind');
  return (
    <section className="list-section" aria-labelledby="behind-heading" data-testid="behind-list">
      <h2 id="behind-heading" className="section-title">
        {t('monitor.overview.behind')}
        <span className="count-pill">{behind.length}</span>
      </h2>
      {behind.length === 0 ? (
        <Empty>{t('monitor.overview.behindNone')}</Empty>
      ) : (
        <ul className="behind-list">
          {behind.map((x) => (
            <li key={x.key} data-testid="behind-item" data-target={x.key}>
              <a href={href('monitor', planId, 'targets', x.key, { at: data.at })}>
                {lang === 'zh' ? x.indicator.name : x.indicator.nameEn} · {x.subject.name}
              </a>
              {x.judgement.currentOrigin === 'synthetic' && <SyntheticTag />}
              <p className="behind-explanation">{lang === 'zh' ? x.judgement.explanation.zh : x.judgement.explanation.en}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Links to the other monitoring views of a plan. */
export function MonitorLinks({ planId, at, indicator }: { planId: string; at: string; indicator?: string }) {
  const { t } = useI18n();
  return (
    <nav className="reporting-links" aria-label={t('monitor.links')}>
      <a className="btn" href={href('monitor', planId, { at })} data-testid="link-overview">
        {t('monitor.heading')}
      </a>
      <a className="btn" href={href('monitor', planId, 'methods', { at })} data-testid="link-methods">
        {t('monitor.methods.heading')}
      </a>
      <a className="btn" href={href('monitor', 'compare', { plan: planId, at, indicator })} data-testid="link-compare">
        {t('monitor.compare.heading')}
      </a>
      <a className="btn" href={href('monitor', 'map', { plan: planId, at, indicator })} data-testid="link-map">
        {t('monitor.map.heading')}
      </a>
    </nav>
  );
}

/** The monitoring brief (.docx) and its tables (.xlsx) for this plan and period, from the same figures as the page. */
function ReportDownloads({ planId, at, method }: { planId: string; at: string; method: string | null }) {
  const { t } = useI18n();
  const url = (format: 'docx' | 'xlsx') =>
    `/api/v1/reports/monitoring?${new URLSearchParams({ plan: planId, at, format, ...(method ? { method } : {}) })}`;
  return (
    <nav className="reporting-links" aria-label={t('monitor.report.label')}>
      <DownloadLink className="btn btn-primary" href={url('docx')} fallbackName={`${planId}-${at}.docx`} testId="report-docx">
        {t('monitor.report.docx')}
      </DownloadLink>
      <DownloadLink className="btn" href={url('xlsx')} fallbackName={`${planId}-${at}.xlsx`} testId="report-xlsx">
        {t('monitor.report.xlsx')}
      </DownloadLink>
    </nav>
  );
}

/** The plan (null: the first one listed with targets) and the as-of period (null: the latest the plan allows). */
export function usePlanAndAt(askedPlan: string | null, asked: string | null) {
  const plans = useAsync((signal) => api.plans(signal), []);
  const planId = askedPlan ?? (plans.status === 'ok' ? defaultMonitorPlan(plans.data) : null);
  const plan: Plan | null = plans.status === 'ok' ? (plans.data.find((p) => p.id === planId) ?? null) : null;
  const choices = plan ? asOfChoices(plan.periodStart, plan.periodEnd) : [];
  const at = asked ?? (plan ? (choices[0] ?? String(plan.periodStart)) : null);
  return { plans, plan, planId, choices, at };
}

/** 规划监测总览 (#/monitor/<plan>?at=&method=, and the targets table's class=&warning=&q=&subject=&sort=&page=). */
export function MonitorOverviewPage({
  planId,
  at: asked,
  method: askedMethod,
  query,
}: {
  planId: string;
  at: string | null;
  method: string | null;
  /** The whole hash query: the targets table keeps its filter, sort and page in it. */
  query: URLSearchParams;
}) {
  const { t, lang } = useI18n();
  const method = PROGRESS_METHODS.includes(askedMethod as ProgressMethod) ? (askedMethod as ProgressMethod) : null;
  const { plans, plan, choices, at } = usePlanAndAt(planId, asked);
  const state = useAsync(
    (signal) => (at ? api.progress(planId, at, method, signal) : Promise.resolve(null)),
    [planId, at, method],
  );
  const go = (next: { plan?: string; at?: string; method?: string | null }) =>
    navigate(
      href('monitor', next.plan ?? planId, {
        // Another period or method keeps the table's filter; another plan has other targets.
        ...(next.plan ? {} : targetFilterParams(parseTargetFilter((k) => query.get(k)))),
        at: next.plan ? undefined : (next.at ?? at),
        method: next.method === undefined ? method : next.method,
      }),
      { replace: true },
    );
  const data = state.status === 'ok' ? state.data : null;
  // Opened without a period: a past plan moves to the latest year with figures (issue 19).
  const moveTo = asked === null && data && at ? atWithData(choices, at, data.targets) : null;
  useEffect(() => {
    if (moveTo) navigate(href('monitor', planId, { at: moveTo, method: method ?? undefined }), { replace: true });
  }, [moveTo, planId, method]);
  const synthetic = data?.targets.some((x) => x.judgement.currentOrigin === 'synthetic') ?? false;

  return (
    <section className="page monitor-page" aria-labelledby="monitor-heading" data-testid="monitor-overview">
      <header className="page-head reporting-head">
        <div>
          <h1 id="monitor-heading">
            {t('monitor.heading')}
            {plan && <span className="muted"> · {lang === 'zh' ? plan.title : (plan.titleEn ?? plan.title)}</span>}
          </h1>
          <p className="page-intro">{t('monitor.intro')}</p>
        </div>
        {at && (
          <div className="monitor-head-actions">
            <MonitorLinks planId={planId} at={at} indicator={data?.targets[0]?.indicator.code} />
            <ReportDownloads planId={planId} at={at} method={method} />
          </div>
        )}
      </header>
      {plans.status === 'loading' && <Loading />}
      {plans.status === 'error' && <ErrorMessage error={plans.error} />}
      {plans.status === 'ok' && at && (
        <div className="toolbar monitor-toolbar">
          <PlanPicker plans={plans.data} value={planId} onChange={(id) => go({ plan: id })} />
          <AtPicker choices={choices} value={at} onChange={(v) => go({ at: v })} />
          <MethodPicker value={data?.method ?? method ?? 'official'} onChange={(m) => go({ method: m })} />
        </div>
      )}
      {state.status === 'loading' && at && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {data && (
        <div data-testid="overview-data" data-at={data.at} data-method={data.method}>
          {synthetic && (
            <p className="hint-box synthetic-note" data-testid="synthetic-note">
              {t('monitor.syntheticNote')}
            </p>
          )}
          {data.targets.length === 0 ? (
            <Empty>{t('monitor.noTargets')}</Empty>
          ) : (
            <>
              <SummaryTiles data={data} />
              <div className="monitor-grid">
                <section className="card monitor-card" aria-labelledby="classes-heading">
                  <h2 id="classes-heading" className="section-title">
                    {t('monitor.overview.classes')}
                  </h2>
                  <ClassChart data={data} />
                </section>
                <section className="card monitor-card">
                  <TimePanel data={data} />
                </section>
              </div>
              <BehindList data={data} planId={planId} />
              <WarningsSection data={data} planId={planId} />
              <StaleSection planId={planId} at={data.at} />
              <OverviewTargetsTable data={data} planId={planId} query={query} method={method} />
            </>
          )}
        </div>
      )}
    </section>
  );
}
