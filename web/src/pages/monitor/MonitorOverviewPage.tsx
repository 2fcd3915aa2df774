import { useEffect, useMemo } from 'react';
import { api } from '../../api/client.ts';
import {
  PROGRESS_CLASSES,
  PROGRESS_METHODS,
  type PlanProgress,
  type ProgressMethod,
  type TargetProgress,
} from '../../api/progressTypes.ts';
import type { Plan } from '../../api/types.ts';
import { useAsync } from '../../api/useAsync.ts';
import { Empty, ErrorMessage, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { CLASS_COLOURS } from '../../monitor/classes.ts';
import { EChart } from '../../monitor/EChart.tsx';
import type { ChartOption } from '../../monitor/echarts.ts';
import { ClassBadge, SyntheticTag, usePercent, WarningBadge } from '../../monitor/MonitorBits.tsx';
import { atWithData, defaultMonitorPlan } from '../../monitor/defaults.ts';
import { asOfChoices } from '../../monitor/periods.ts';
import { AtPicker, MethodPicker, PlanPicker } from '../../monitor/Pickers.tsx';
import { targetText } from '../../monitor/targetText.ts';
import { periodLabel } from '../../reporting/periods.ts';
import { href, navigate } from '../../router.ts';
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

function TargetsTable({ data, planId }: { data: PlanProgress; planId: string }) {
  const i18n = useI18n();
  const { t, lang, num } = i18n;
  const pct = usePercent();
  return (
    <section className="list-section" aria-labelledby="targets-heading">
      <h2 id="targets-heading" className="section-title">
        {t('monitor.overview.targets')}
      </h2>
      <div className="table-wrap">
        <table className="data-table monitor-table" data-testid="progress-targets">
          <thead>
            <tr>
              <th scope="col">{t('monitor.col.target')}</th>
              <th scope="col">{t('monitor.col.subject')}</th>
              <th scope="col">{t('monitor.col.class')}</th>
              <th scope="col">{t('monitor.col.current')}</th>
              <th scope="col">{t('monitor.col.achievement')}</th>
              <th scope="col">
                {t('monitor.col.required')} / {t('monitor.col.observed')}
              </th>
              <th scope="col">{t('monitor.col.freshness')}</th>
              <th scope="col">{t('monitor.col.warning')}</th>
            </tr>
          </thead>
          <tbody>
            {data.targets.map((x) => {
              const j = x.judgement;
              return (
                <tr key={x.key} data-testid="progress-row" data-target={x.key} data-class={j.class}>
                  <td>
                    <a href={href('monitor', planId, 'targets', x.key, { at: data.at })} data-testid="target-link">
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
            })}
          </tbody>
        </table>
      </div>
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
      <a className="btn btn-primary" href={url('docx')} download data-testid="report-docx">
        {t('monitor.report.docx')}
      </a>
      <a className="btn" href={url('xlsx')} download data-testid="report-xlsx">
        {t('monitor.report.xlsx')}
      </a>
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

/** 规划监测总览 (#/monitor/<plan>?at=&method=). */
export function MonitorOverviewPage({
  planId,
  at: asked,
  method: askedMethod,
}: {
  planId: string;
  at: string | null;
  method: string | null;
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
              <TargetsTable data={data} planId={planId} />
            </>
          )}
        </div>
      )}
    </section>
  );
}
