import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { useState } from 'react';
import { PageHead } from '../components/PageHead.tsx';
import { Empty, ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { canDefinePlans } from '../auth/permissions.ts';
import { PlanFacts } from './PlanFacts.tsx';
import { WithdrawnPlans, WithdrawPlan } from './PlanWithdrawal.tsx';

export function PlanListPage() {
  const { t, lang, count } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const state = useAsync((signal) => api.plans(signal), [attempt]);
  const me = useMe();
  const reload = () => setAttempt((a) => a + 1);

  return (
    <section className="page" aria-labelledby="plans-heading">
      <PageHead id="plans-heading" title={t('plans.heading')} intro={t('plans.intro')} />
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} onRetry={() => setAttempt((a) => a + 1)} />}
      {state.status === 'ok' &&
        (state.data.length === 0 ? (
          <Empty>{t('plans.empty')}</Empty>
        ) : (
          <>
            <p className="result-count">{t('plans.total', { n: count(state.data.length) })}</p>
            <ul className="plan-list">
              {state.data.map((p) => (
                <li key={p.id} className="card plan-item" data-testid="plan-item" data-plan-id={p.id}>
                  <h2 className="plan-title">
                    <a href={href('plans', p.id)}>{p.title}</a>
                  </h2>
                  {lang === 'en' && p.titleEn && <p className="plan-title-en">{p.titleEn}</p>}
                  <PlanFacts plan={p} />
                  <ul className="plan-counts">
                    <li>
                      <span className="count-value">{count(p.counts.sections)}</span>
                      <span className="count-label">{t('plans.sections')}</span>
                    </li>
                    <li>
                      <span className="count-value">{count(p.counts.targets)}</span>
                      <span className="count-label">{t('plans.targets')}</span>
                    </li>
                    <li>
                      <span className="count-value">{count(p.counts.tasks)}</span>
                      <span className="count-label">{t('plans.tasks')}</span>
                    </li>
                  </ul>
                  {me && canDefinePlans(me) && <WithdrawPlan plan={p.id} onDone={reload} />}
                </li>
              ))}
            </ul>
          </>
        ))}
      <WithdrawnPlans canRestore={!!me?.grants.some((g) => g.role === 'admin')} reload={attempt} onDone={reload} />
    </section>
  );
}
