import { useRef, useState } from 'react';
import type { Plan } from '../api/types.ts';
import { HistoryPanel } from '../components/HistoryPanel.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { PlanFacts } from './PlanFacts.tsx';

/** The plan's title, its facts (issuer, date, period, counts) and, for readers of the audit log, its history. */
export function PlanHead({ plan, showHistoryButton }: { plan: Plan; showHistoryButton: boolean }) {
  const { t, lang, count } = useI18n();
  const [historyOpen, setHistoryOpen] = useState(false);
  const historyButton = useRef<HTMLButtonElement>(null);
  return (
    <>
      <header className="page-head plan-head">
        <div className="plan-head-top">
          <div className="plan-head-titles">
            <h1 id="plan-heading">{plan.title}</h1>
            {lang === 'en' && plan.titleEn && <p className="plan-title-en">{plan.titleEn}</p>}
          </div>
          {showHistoryButton && (
            <div className="plan-actions">
              <button
                type="button"
                ref={historyButton}
                className="btn btn-small"
                aria-expanded={historyOpen}
                aria-controls="plan-history-panel"
                onClick={() => setHistoryOpen((o) => !o)}
                data-testid="plan-history"
              >
                {t('history.open')}
              </button>
            </div>
          )}
        </div>
        <PlanFacts plan={plan}>
          <div>
            <dt>{t('plans.sections')}</dt>
            <dd>{count(plan.counts.sections)}</dd>
          </div>
          <div>
            <dt>{t('plans.targets')}</dt>
            <dd>{count(plan.counts.targets)}</dd>
          </div>
          <div>
            <dt>{t('plans.tasks')}</dt>
            <dd>{count(plan.counts.tasks)}</dd>
          </div>
        </PlanFacts>
      </header>

      {showHistoryButton && historyOpen && (
        <div id="plan-history-panel" className="plan-history">
          <HistoryPanel
            entity="plan"
            entityKey={plan.id}
            onClose={() => {
              setHistoryOpen(false);
              historyButton.current?.focus();
            }}
          />
        </div>
      )}
    </>
  );
}
