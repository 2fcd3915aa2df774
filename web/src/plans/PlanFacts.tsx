import type { ReactNode } from 'react';
import type { Plan } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** A plan's issuer, date of issue and period, then any further facts (the plan page adds its counts). */
export function PlanFacts({ plan, children }: { plan: Plan; children?: ReactNode }) {
  const { t, date } = useI18n();
  return (
    <dl className="facts facts-inline">
      <div>
        <dt>{t('plans.issuer')}</dt>
        <dd>{plan.issuer}</dd>
      </div>
      {plan.issuedOn && (
        <div>
          <dt>{t('plans.issuedOn')}</dt>
          <dd>
            <time dateTime={plan.issuedOn}>{date(plan.issuedOn)}</time>
          </dd>
        </div>
      )}
      <div>
        <dt>{t('plans.period')}</dt>
        <dd>{t('plans.periodValue', { start: plan.periodStart, end: plan.periodEnd })}</dd>
      </div>
      {children}
    </dl>
  );
}
