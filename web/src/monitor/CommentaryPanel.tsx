import { useState } from 'react';
import type { TargetCommentary } from '../../../src/presenters/commentary.presenter.ts';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { periodLabel } from '../reporting/periods.ts';

const MAX = 500;

/** The editor of the as-of period's commentary, for those who may write it (version 0 when new). */
function Editor({
  plan,
  targetKey,
  period,
  data,
  onSaved,
}: {
  plan: string;
  targetKey: string;
  period: string;
  data: TargetCommentary;
  onSaved: () => void;
}) {
  const { t, lang } = useI18n();
  const current = data.items.find((c) => c.period === period);
  const [text, setText] = useState(current?.text ?? '');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await api.writeCommentary(plan, targetKey, period, text, current?.version ?? 0);
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      className="commentary-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className="field-label" htmlFor="commentary-text">
        {t('commentary.edit', { period: periodLabel(period, lang) })}
      </label>
      <textarea
        id="commentary-text"
        data-testid="commentary-text"
        rows={3}
        maxLength={MAX}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="toolbar">
        <span className="muted small">{t('commentary.length', { n: text.length, max: MAX })}</span>
        <button type="submit" className="btn" disabled={saving || text.trim() === ''} data-testid="commentary-save">
          {t('commentary.save')}
        </button>
      </div>
      {error !== null && <ErrorMessage error={error} testId="commentary-error" />}
    </form>
  );
}

/** 责任单位与进展说明: the target's owner and the commentary its unit wrote, period by period (issue 19). */
export function CommentaryPanel({ plan, targetKey, period }: { plan: string; targetKey: string; period: string }) {
  const { t, lang, dateTime } = useI18n();
  const [reload, setReload] = useState(0);
  const state = useAsync((signal) => api.targetCommentary(plan, targetKey, signal), [plan, targetKey, reload]);
  return (
    <section className="list-section" aria-labelledby="commentary-heading" data-testid="commentary">
      <h2 id="commentary-heading" className="section-title">
        {t('commentary.heading')}
      </h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ok' && (
        <>
          <p data-testid="commentary-owner">
            {t('commentary.owner')}
            {state.data.owner ? state.data.owner.name : t('commentary.noOwner')}
          </p>
          {state.data.items.length === 0 ? (
            <p className="muted">{t('commentary.none')}</p>
          ) : (
            <ul className="plain-list">
              {state.data.items.map((c) => (
                <li key={c.period} data-testid="commentary-item" data-period={c.period}>
                  <strong>{periodLabel(c.period, lang)}</strong>
                  {t('common.colon')}
                  {c.text}
                  <span className="muted small">
                    {' '}
                    — {c.author ?? t('common.dash')} · {dateTime(c.updatedAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {state.data.canWrite && (
            <Editor
              key={`${period}/${state.data.items.find((c) => c.period === period)?.version ?? 0}`}
              plan={plan}
              targetKey={targetKey}
              period={period}
              data={state.data}
              onSaved={() => setReload((n) => n + 1)}
            />
          )}
        </>
      )}
    </section>
  );
}
