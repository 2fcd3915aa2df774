import type { ReactNode } from 'react';
import { Empty, ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { MonitorLinks, usePlanAndAt } from '../pages/monitor/MonitorOverviewPage.tsx';
import { useIndicatorChoices } from '../pages/monitor/useIndicatorChoices.ts';
import { href, navigate } from '../router.ts';
import { AtPicker, OptionPicker, PlanPicker } from './Pickers.tsx';

/**
 * What the one-indicator views (comparison, map) share: plan, as-of period and indicator from the
 * query (defaults: the first plan, its latest period, its first indicator), and navigation that
 * keeps the page's own options.
 */
export function useIndicatorPage(query: URLSearchParams, page: 'compare' | 'map', own: Record<string, string>) {
  const { plans, planId, choices, at } = usePlanAndAt(query.get('plan'), query.get('at'));
  const indicators = useIndicatorChoices(planId, at);
  const indicator = query.get('indicator') ?? (indicators.status === 'ok' ? (indicators.data[0]?.code ?? null) : null);
  const go = (next: Record<string, string>) =>
    navigate(href('monitor', page, { plan: planId, at, indicator, ...own, ...next }), { replace: true });
  const switchPlan = (id: string) => navigate(href('monitor', page, { plan: id, ...own }), { replace: true });
  return { plans, planId, choices, at, indicators, indicator, go, switchPlan };
}

export type IndicatorPageState = ReturnType<typeof useIndicatorPage>;

/** Heading, loading states and the plan / period / indicator pickers, with the page's own picker last. */
export function IndicatorPageFrame(props: {
  page: IndicatorPageState;
  headingId: string;
  heading: MessageKey;
  intro: MessageKey;
  testId: string;
  indicatorName: { name: string; nameEn: string } | null;
  picker: ReactNode;
  children: ReactNode;
}) {
  const { t, lang } = useI18n();
  const { plans, planId, at, choices, indicators, indicator, go, switchPlan } = props.page;
  return (
    <section className="page monitor-page" aria-labelledby={props.headingId} data-testid={props.testId}>
      <header className="page-head reporting-head">
        <div>
          <h1 id={props.headingId}>
            {t(props.heading)}
            {props.indicatorName && (
              <span className="muted"> · {lang === 'zh' ? props.indicatorName.name : props.indicatorName.nameEn}</span>
            )}
          </h1>
          <p className="page-intro">{t(props.intro)}</p>
        </div>
        {planId && at && <MonitorLinks planId={planId} at={at} indicator={indicator ?? undefined} />}
      </header>
      {plans.status === 'loading' && <Loading />}
      {plans.status === 'error' && <ErrorMessage error={plans.error} />}
      {plans.status === 'ok' && plans.data.length === 0 && <Empty>{t('monitor.noPlans')}</Empty>}
      {plans.status === 'ok' && planId && at && (
        <div className="toolbar monitor-toolbar">
          <PlanPicker plans={plans.data} value={planId} onChange={switchPlan} />
          <AtPicker choices={choices} value={at} onChange={(v) => go({ at: v })} />
          {indicators.status === 'ok' && indicator && (
            <OptionPicker
              label={t('monitor.indicator')}
              value={indicator}
              options={indicators.data.map((i) => ({ value: i.code, text: lang === 'zh' ? i.name : i.nameEn }))}
              onChange={(v) => go({ indicator: v })}
              testId="indicator-picker"
            />
          )}
          {props.picker}
        </div>
      )}
      {indicators.status === 'error' && <ErrorMessage error={indicators.error} />}
      {props.children}
    </section>
  );
}
