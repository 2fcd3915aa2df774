import { useState } from 'react';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { ErrorMessage } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** 撤回规划 (issue 17 item 5): a plan manager withdraws a plan with a reason; it is hidden, its data kept. */
export function WithdrawPlan({ plan, onDone }: { plan: string; onDone: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  if (!open)
    return (
      <button type="button" className="btn btn-secondary" onClick={() => setOpen(true)} data-testid="withdraw-open">
        {t('withdraw.open')}
      </button>
    );
  return (
    <form
      className="withdraw-form"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        api.withdrawPlan(plan, reason).then(onDone, setError);
      }}
    >
      <p className="hint-box">{t('withdraw.hint')}</p>
      <label className="field-label">
        {t('withdraw.reason')}
        <input
          className="input"
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
          data-testid="withdraw-reason"
        />
      </label>
      <button type="submit" className="btn" disabled={reason.trim() === ''} data-testid="withdraw-confirm">
        {t('withdraw.confirm')}
      </button>
      {error !== null && <ErrorMessage error={error} />}
    </form>
  );
}

/** 已撤回的规划: what was withdrawn, by whom and why; an administrator restores it. */
export function WithdrawnPlans({ canRestore, reload, onDone }: { canRestore: boolean; reload: number; onDone: () => void }) {
  const { t, dateTime } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const state = useAsync((signal) => api.withdrawnPlans(signal), [reload]);
  if (state.status !== 'ok' || state.data.length === 0) return null;
  return (
    <section className="list-section" aria-labelledby="withdrawn-heading" data-testid="withdrawn-plans">
      <h2 id="withdrawn-heading" className="section-title">
        {t('withdraw.heading')}
      </h2>
      <ul className="plain-list">
        {state.data.map((p) => (
          <li key={p.id} data-testid="withdrawn-plan" data-plan-id={p.id}>
            <strong>{p.title}</strong>
            {p.withdrawn && (
              <span className="muted small">
                {' '}
                {t('withdraw.by', { at: dateTime(p.withdrawn.at), by: p.withdrawn.by, reason: p.withdrawn.reason })}
              </span>
            )}{' '}
            {canRestore && (
              <button
                type="button"
                className="btn btn-secondary"
                data-testid="restore-plan"
                onClick={() => {
                  setError(null);
                  api.restorePlan(p.id).then(onDone, setError);
                }}
              >
                {t('withdraw.restore')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
}
