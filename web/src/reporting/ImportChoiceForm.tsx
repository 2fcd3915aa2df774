import { useId, type FormEvent } from 'react';
import type { ReportForm } from '../api/reportingTypes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { PeriodSelect } from './PeriodSelect.tsx';

export type ImportBusy = 'dry' | 'commit' | 'template' | null;

/** The import's first step: the form, the period and the file, then a dry run (or a template to fill in). */
export function ImportChoiceForm({
  forms,
  form,
  onForm,
  periods,
  period,
  onPeriod,
  hasFile,
  onFile,
  busy,
  onDryRun,
  onTemplate,
}: {
  forms: ReportForm[];
  form: ReportForm;
  onForm: (code: string) => void;
  periods: string[];
  period: string;
  onPeriod: (period: string) => void;
  hasFile: boolean;
  onFile: (file: File | null) => void;
  busy: ImportBusy;
  onDryRun: () => void;
  onTemplate: () => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onDryRun();
  };
  return (
    <form className="panel import-form" onSubmit={submit} data-testid="import-form">
      <div className="form-grid">
        <div className="form-field">
          <label htmlFor={`${id}-form`}>{t('reporting.col.form')}</label>
          <select
            id={`${id}-form`}
            className="input"
            value={form.code}
            onChange={(e) => onForm(e.target.value)}
            data-testid="import-form-select"
          >
            {forms.map((f) => (
              <option key={f.code} value={f.code}>
                {lang === 'zh' ? f.name : f.nameEn}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-period`}>{t('reporting.col.period')}</label>
          <PeriodSelect id={`${id}-period`} value={period} periods={periods} onChange={onPeriod} testId="import-period" />
        </div>
        <div className="form-field">
          <label htmlFor={`${id}-file`}>{t('reporting.import.file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            className="input"
            accept=".xlsx,.csv"
            onChange={(e) => onFile(e.target.files?.[0] ?? null)}
            data-testid="import-file"
          />
        </div>
      </div>
      <div className="form-actions import-actions">
        <button type="submit" className="btn btn-primary" disabled={!hasFile || busy !== null} data-testid="import-dry-run">
          {busy === 'dry' ? t('reporting.import.checking') : t('reporting.import.dryRun')}
        </button>
        <button type="button" className="btn" disabled={busy !== null} onClick={onTemplate} data-testid="import-template">
          {busy === 'template' ? t('reporting.import.downloading') : t('reporting.import.template')}
        </button>
        <span className="muted small">{t('reporting.import.templateNote')}</span>
      </div>
    </form>
  );
}
