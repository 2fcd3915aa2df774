import type { ReactNode } from 'react';
import type { Problem } from '../ingest/reviewModel.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/* The parts the candidate editors (target and task) are built from. */

/** A field of an editor: label, control, and its problems. */
export function Field({
  label,
  htmlFor,
  problems,
  wide = false,
  children,
}: {
  label: string;
  htmlFor?: string;
  problems?: Problem[];
  wide?: boolean;
  children: ReactNode;
}) {
  const { lang } = useI18n();
  return (
    <div className={`form-field${wide ? ' field-wide' : ''}`}>
      {htmlFor ? <label htmlFor={htmlFor}>{label}</label> : <span className="field-label">{label}</span>}
      {children}
      {problems?.map((p) => (
        <span key={p.field + p.en} className="field-error" role="alert">
          {lang === 'zh' ? p.zh : p.en}
        </span>
      ))}
    </div>
  );
}

/** The problems of the given fields. */
export const at = (problems: Problem[], ...fields: string[]) => problems.filter((p) => fields.includes(p.field));

/** A field holding one text input. */
export function InputField({
  label,
  id,
  problems,
  value,
  onChange,
  testId,
  className = 'input',
  inputMode,
  placeholder,
  lang,
}: {
  label: string;
  id: string;
  problems?: Problem[];
  value: string;
  onChange: (value: string) => void;
  testId: string;
  className?: string;
  inputMode?: 'numeric' | 'decimal';
  placeholder?: string;
  lang?: string;
}) {
  return (
    <Field label={label} htmlFor={id} problems={problems}>
      <input
        id={id}
        className={className}
        lang={lang}
        inputMode={inputMode}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    </Field>
  );
}

/** Save (which also accepts the candidate) and cancel, shared by both editors. */
export function EditorActions({ onCancel }: { onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="editor-actions">
      <button type="submit" className="btn btn-primary" data-testid="edit-save">
        {t('ingest.edit.saveAccept')}
      </button>
      <button type="button" className="btn" onClick={onCancel} data-testid="edit-cancel">
        {t('ingest.edit.cancel')}
      </button>
    </div>
  );
}
