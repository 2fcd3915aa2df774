import { useState } from 'react';
import type { TargetCommentary } from '../../../src/presenters/commentary.presenter.ts';
import { api } from '../api/client.ts';
import { useAction } from '../api/useAction.ts';
import { useAsync } from '../api/useAsync.ts';
import { AsyncView } from '../components/AsyncView.tsx';
import { ErrorMessage } from '../components/Status.tsx';
import { TitledSection } from '../components/TitledSection.tsx';
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
  const { busy: saving, error, run } = useAction();
  const save = () =>
    run(async () => {
      await api.writeCommentary(plan, targetKey, period, text, current?.version ?? 0);
      onSaved();
    });
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
    <TitledSection id="commentary-heading" title={t('commentary.heading')} className="list-section" data-testid="commentary">
      <AsyncView state={state}>
        {(data) => (
          <>
            <p data-testid="commentary-owner">
              {t('commentary.owner')}
              {data.owner ? data.owner.name : t('commentary.noOwner')}
            </p>
            {data.items.length === 0 ? (
              <p className="muted">{t('commentary.none')}</p>
            ) : (
              <ul className="plain-list">
                {data.items.map((c) => (
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
            {data.canWrite && (
              <Editor
                key={`${period}/${data.items.find((c) => c.period === period)?.version ?? 0}`}
                plan={plan}
                targetKey={targetKey}
                period={period}
                data={data}
                onSaved={() => setReload((n) => n + 1)}
              />
            )}
          </>
        )}
      </AsyncView>
    </TitledSection>
  );
}
