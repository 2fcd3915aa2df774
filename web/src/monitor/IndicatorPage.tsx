import type { ReactNode } from 'react';
import { Empty, ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { MonitorLinks, usePlanAndAt } from './MonitorOverviewPage.tsx';
import { useIndicatorChoices } from './useIndicatorChoices.ts';
import { href, navigate } from '../router.ts';
import { AtPicker, OptionPicker, PlanPicker } from './Pickers.tsx';

/** The view's own choice beside the indicator (the map's colouring, the comparison's grouping). */
export interface ViewChoice<T extends string> {
  /** Its query parameter; its label and values are the messages monitor.<view>.<key>[.<value>]. */
  key: string;
  /** The values it takes, the first the default. */
  values: readonly [T, ...T[]];
}

/**
 * What the one-indicator views (comparison, map) share: plan, as-of period and indicator from the
 * query (defaults: the first plan, its latest period, its first indicator), the view's own choice
 * (the default when the query names none it knows), and navigation that keeps that choice.
 */
export function useIndicatorPage<T extends string>(query: URLSearchParams, view: 'compare' | 'map', own: ViewChoice<T>) {
  const { plans, planId, choices, at } = usePlanAndAt(query.get('plan'), query.get('at'));
  const indicators = useIndicatorChoices(planId, at);
  const indicator = query.get('indicator') ?? (indicators.status === 'ok' ? (indicators.data[0]?.code ?? null) : null);
  const asked = query.get(own.key);
  const choice: T = own.values.find((v) => v === asked) ?? own.values[0];
  const kept = { [own.key]: choice };
  const go = (next: Record<string, string>) =>
    navigate(href('monitor', view, { plan: planId, at, indicator, ...kept, ...next }), { replace: true });
  const switchPlan = (id: string) => navigate(href('monitor', view, { plan: id, ...kept }), { replace: true });
  return { view, own, choice, plans, planId, choices, at, indicators, indicator, go, switchPlan };
}

export type IndicatorPageState<T extends string> = ReturnType<typeof useIndicatorPage<T>>;

/** Heading, loading states and the plan / period / indicator pickers, with the view's own choice last. */
export function IndicatorPageFrame<T extends string>(props: {
  page: IndicatorPageState<T>;
  indicatorName: { name: string; nameEn: string } | null;
  children: ReactNode;
}) {
  const { t, lang, label } = useI18n();
  const { view, own, choice, plans, planId, at, choices, indicators, indicator, go, switchPlan } = props.page;
  const headingId = `${view}-heading`;
  const ownLabel = `monitor.${view}.${own.key}`;
  return (
    <section className="page monitor-page" aria-labelledby={headingId} data-testid={`monitor-${view}`}>
      <header className="page-head reporting-head">
        <div>
          <h1 id={headingId}>
            {t(`monitor.${view}.heading`)}
            {props.indicatorName && (
              <span className="muted"> · {lang === 'zh' ? props.indicatorName.name : props.indicatorName.nameEn}</span>
            )}
          </h1>
          <p className="page-intro">{t(`monitor.${view}.intro`)}</p>
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
          <OptionPicker
            label={label(`monitor.${view}`, own.key)}
            value={choice}
            options={own.values.map((v) => ({ value: v, text: label(ownLabel, v) }))}
            onChange={(v) => go({ [own.key]: v })}
            testId={`${own.key}-picker`}
          />
        </div>
      )}
      {indicators.status === 'error' && <ErrorMessage error={indicators.error} />}
      {props.children}
    </section>
  );
}
