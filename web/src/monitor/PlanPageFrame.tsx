import type { ReactNode } from 'react';
import { ErrorMessage } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { AtPicker } from './Pickers.tsx';
import { href, navigate } from '../router.ts';
import { MonitorLinks, type usePlanAndAt } from './MonitorOverviewPage.tsx';

/**
 * A page below one plan's overview (方法比较, 指标详情): the link back to the overview, the heading
 * with its intro and the monitor links, then the as-of picker (the page's own controls after it).
 * Changing the period stays on the page: #/monitor/<plan>/<path…>?at=.
 */
export function PlanPageFrame({
  planId,
  planAndAt: { plans, choices, at },
  path,
  headingId,
  heading,
  intro,
  indicator,
  testId,
  tools,
  children,
}: {
  planId: string;
  planAndAt: ReturnType<typeof usePlanAndAt>;
  /** The page's path below the plan, e.g. ['methods']. */
  path: readonly string[];
  headingId: string;
  heading: ReactNode;
  /** Left out while there is none (the target's text before it has loaded). */
  intro: ReactNode;
  /** The indicator the monitor links open on. */
  indicator: string | undefined;
  testId: string;
  tools?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="page monitor-page" aria-labelledby={headingId} data-testid={testId}>
      <nav className="breadcrumb">
        <a href={href('monitor', planId, { at: at ?? undefined })}>{t('monitor.detail.back')}</a>
      </nav>
      <header className="page-head reporting-head">
        <div>
          <h1 id={headingId}>{heading}</h1>
          {intro ? <p className="page-intro">{intro}</p> : null}
        </div>
        {at && <MonitorLinks planId={planId} at={at} indicator={indicator} />}
      </header>
      {plans.status === 'error' && <ErrorMessage error={plans.error} />}
      {at && (
        <div className="toolbar monitor-toolbar">
          <AtPicker
            choices={choices}
            value={at}
            onChange={(v) => navigate(href('monitor', planId, ...path, { at: v }), { replace: true })}
          />
          {tools}
        </div>
      )}
      {children}
    </section>
  );
}
