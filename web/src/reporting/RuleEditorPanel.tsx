import type { ReportForm } from '../api/reportingTypes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { RuleDraftForm } from './RuleDraftForm.tsx';

/** The rule bench's draft editor: the draft form, why it cannot be read, save (for plan definers) and revert. */
export function RuleEditorPanel({
  id,
  form,
  text,
  edited,
  parseError,
  mayEdit,
  busy,
  saved,
  inWords,
  onChange,
  onSave,
  onRevert,
}: {
  id: string;
  form: ReportForm;
  text: string;
  /** The draft differs from the saved rules. */
  edited: boolean;
  /** Why the draft cannot be read ('not-array' or the JSON parser's message); null when it can. */
  parseError: string | null;
  mayEdit: boolean;
  busy: 'test' | 'save' | null;
  saved: boolean;
  inWords: (expression: string) => string;
  onChange: (text: string) => void;
  onSave: () => void;
  onRevert: () => void;
}) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby={`${id}-edit`}>
      <h2 id={`${id}-edit`} className="panel-title">
        {t('reporting.rules.editor')}
      </h2>
      <p className="panel-note muted small">{t(mayEdit ? 'reporting.rules.editorNote' : 'reporting.rules.editorNoteReadOnly')}</p>
      <RuleDraftForm id={id} text={text} form={form} inWords={inWords} onChange={onChange} />
      {parseError !== null && (
        <p className="field-error" data-testid="rules-json-error">
          {t('reporting.rules.jsonError', {
            detail: parseError === 'not-array' ? t('reporting.rules.notArray') : parseError,
          })}
        </p>
      )}
      <div className="form-actions">
        {mayEdit && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy !== null || !edited || parseError !== null}
            onClick={onSave}
            data-testid="rules-save"
          >
            {busy === 'save' ? t('reporting.rules.saving') : t('reporting.rules.save')}
          </button>
        )}
        <button type="button" className="btn" disabled={!edited} onClick={onRevert} data-testid="rules-revert">
          {t('reporting.rules.revert')}
        </button>
        {edited && <span className="muted small">{t('reporting.rules.draftUsed')}</span>}
      </div>
      {saved && (
        <p className="status status-ok" role="status" data-testid="rules-saved">
          {t('reporting.rules.saved', { version: form.version })}
        </p>
      )}
    </section>
  );
}
