import { useId, useState, type FormEvent } from 'react';
import { ApiError, api, hasErrorCode } from '../api/client.ts';
import type { ImportResult, ReportForm } from '../api/reportingTypes.ts';
import { useAsync } from '../api/useAsync.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { canDefinePlans, canReport } from '../auth/permissions.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { PeriodSelect } from '../reporting/PeriodSelect.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ImportPreview } from '../reporting/ImportPreview.tsx';
import { MappingsPanel, type MappingChoices } from '../reporting/NameMappings.tsx';
import { periodLabel } from '../reporting/periods.ts';
import { closedPeriods, todayIso } from '../reporting/periods.ts';
import { href } from '../router.ts';
import { OPEN_PERIODS } from '../../../src/domain/reporting/workflow/work-periods.ts';

const ACCEPTED = /\.(xlsx|csv)$/i;

type FormChoice = ReportForm;

/** The server answers 404 "no such route" while the import service is not deployed. */
export function isMissingRoute(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === 'HTTP_404' || error.code === 'HTTP_405' || (error.code === 'NOT_FOUND' && error.message === 'no such route'))
  );
}

/** Forms the user may import into: the forms they report for, else every form. */
async function loadForms(reporter: boolean, signal: AbortSignal): Promise<FormChoice[]> {
  const all = await api.forms(signal);
  if (!reporter) return all;
  const mine = new Set((await api.myWork(signal)).map((w) => w.form.code));
  const forms = all.filter((f) => mine.has(f.code));
  return forms.length ? forms : all;
}

function Unavailable() {
  const { t } = useI18n();
  return (
    <p className="hint-box" data-testid="import-unavailable">
      {t('reporting.import.unavailable')}
    </p>
  );
}

/** 导入 (#/reporting/import): a figures file is checked in a dry run, previewed, then committed. */
export function ReportImportPage() {
  const me = useMe();
  const { t, lang } = useI18n();
  const id = useId();
  const allowed = canReport(me) || canDefinePlans(me);
  const forms = useAsync((signal) => (allowed ? loadForms(canReport(me), signal) : Promise.resolve([])), [allowed]);
  const [formCode, setFormCode] = useState('');
  const [period, setPeriod] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'dry' | 'commit' | 'template' | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [committed, setCommitted] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [mapped, setMapped] = useState<string | null>(null);
  const [mappingsVersion, setMappingsVersion] = useState(0);
  const firstForm = forms.status === 'ok' ? (forms.data.find((f) => f.code === formCode) ?? forms.data[0] ?? null) : null;
  const mappings = useAsync(
    (signal) => (firstForm && canReport(me) ? api.formMappings(firstForm.code, signal) : Promise.resolve(null)),
    [firstForm?.code, mappingsVersion],
  );

  if (!allowed)
    return (
      <section className="page">
        <header className="page-head">
          <h1>{t('reporting.import.heading')}</h1>
        </header>
        <p className="hint-box" data-testid="import-forbidden">
          {t('reporting.import.forbidden')}
        </p>
      </section>
    );

  const list = forms.status === 'ok' ? forms.data : [];
  const form = firstForm;
  const periods = form ? closedPeriods(form.frequency, form.firstPeriod, todayIso(), OPEN_PERIODS[form.frequency]) : [];
  const chosenPeriod = periods.includes(period) ? period : (periods[0] ?? '');
  const reset = () => {
    setPreview(null);
    setCommitted(null);
    setError(null);
    setMapped(null);
  };

  const send = async (dryRun: boolean) => {
    if (!form || !file || !chosenPeriod) return;
    if (!ACCEPTED.test(file.name)) {
      setError(new Error(t('reporting.import.wrongType')));
      return;
    }
    setBusy(dryRun ? 'dry' : 'commit');
    setError(null);
    try {
      const result = await api.importFigures(form.code, file.name, chosenPeriod, dryRun, file);
      if (dryRun) setPreview(result);
      else {
        setCommitted(result);
        setPreview(null);
      }
    } catch (err) {
      if (isMissingRoute(err)) setMissing(true);
      else if (hasErrorCode(err, 'IMPORT_REJECTED') && err.details) {
        setPreview(err.details as ImportResult);
        setError(err);
      } else setError(err);
    } finally {
      setBusy(null);
    }
  };

  const downloadTemplate = async () => {
    if (!form || !chosenPeriod) return;
    setBusy('template');
    setError(null);
    try {
      const { blob, fileName } = await api.template(form.code, chosenPeriod);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName ?? `${form.code}-${chosenPeriod}.xlsx`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      if (isMissingRoute(err)) setMissing(true);
      else setError(err);
    } finally {
      setBusy(null);
    }
  };

  const known = mappings.status === 'ok' ? mappings.data : null;
  // A name the import did not recognise, mapped once for the form; the dry run is then repeated.
  const choices: MappingChoices | undefined =
    form && known
      ? {
          units: known.units,
          indicators: form.items.map((i) => ({ code: i.indicator, name: lang === 'zh' ? i.name : i.nameEn })),
          onMap: async (kind, text, target) => {
            try {
              await api.addFormMapping(form.code, { kind, text, target: target.code });
              setMappingsVersion((v) => v + 1);
              await send(true);
              setMapped(t('reporting.map.done', { text, target: target.name }));
            } catch (err) {
              setError(err);
            }
          },
        }
      : undefined;
  const removeMapping = async (id: number) => {
    if (!form) return;
    try {
      await api.removeFormMapping(form.code, id);
      setMappingsVersion((v) => v + 1);
    } catch (err) {
      setError(err);
    }
  };
  // After an import: the sheets it wrote to, to check and submit.
  const sheets = committed ? [...new Map(committed.changes.map((c) => [`${c.orgUnit}|${c.period}`, c])).values()] : [];

  const dryRun = (e: FormEvent) => {
    e.preventDefault();
    void send(true);
  };

  return (
    <section className="page import-page" aria-labelledby="import-heading">
      <nav className="breadcrumb">
        <a href={href('reporting')}>{t('reporting.heading')}</a>
      </nav>
      <header className="page-head">
        <h1 id="import-heading">{t('reporting.import.heading')}</h1>
        <p className="page-intro">{t('reporting.import.intro')}</p>
      </header>
      <ol className="ingest-steps">
        <li className={!preview && !committed ? 'is-current' : undefined}>{t('reporting.import.step.choose')}</li>
        <li className={preview ? 'is-current' : undefined}>{t('reporting.import.step.preview')}</li>
        <li className={committed ? 'is-current' : undefined}>{t('reporting.import.step.commit')}</li>
      </ol>

      {missing && <Unavailable />}
      {forms.status === 'loading' && <Loading />}
      {forms.status === 'error' && <ErrorMessage error={forms.error} />}
      {forms.status === 'ok' && form && (
        <form className="panel import-form" onSubmit={dryRun} data-testid="import-form">
          <div className="form-grid">
            <div className="form-field">
              <label htmlFor={`${id}-form`}>{t('reporting.col.form')}</label>
              <select
                id={`${id}-form`}
                className="input"
                value={form.code}
                onChange={(e) => {
                  setFormCode(e.target.value);
                  reset();
                }}
                data-testid="import-form-select"
              >
                {list.map((f) => (
                  <option key={f.code} value={f.code}>
                    {lang === 'zh' ? f.name : f.nameEn}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-field">
              <label htmlFor={`${id}-period`}>{t('reporting.col.period')}</label>
              <PeriodSelect
                id={`${id}-period`}
                value={chosenPeriod}
                periods={periods}
                onChange={(period) => {
                  setPeriod(period);
                  reset();
                }}
                testId="import-period"
              />
            </div>
            <div className="form-field">
              <label htmlFor={`${id}-file`}>{t('reporting.import.file')}</label>
              <input
                id={`${id}-file`}
                type="file"
                className="input"
                accept=".xlsx,.csv"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  reset();
                }}
                data-testid="import-file"
              />
            </div>
          </div>
          <div className="form-actions import-actions">
            <button type="submit" className="btn btn-primary" disabled={!file || busy !== null} data-testid="import-dry-run">
              {busy === 'dry' ? t('reporting.import.checking') : t('reporting.import.dryRun')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={busy !== null}
              onClick={() => void downloadTemplate()}
              data-testid="import-template"
            >
              {busy === 'template' ? t('reporting.import.downloading') : t('reporting.import.template')}
            </button>
            <span className="muted small">{t('reporting.import.templateNote')}</span>
          </div>
        </form>
      )}

      {error !== null && <ErrorMessage error={error} title={t('reporting.import.failed')} testId="import-error" />}
      {mapped !== null && (
        <p className="status status-ok" role="status" data-testid="import-mapped">
          {mapped}
        </p>
      )}

      {committed && (
        <div className="status status-ok" role="status" data-testid="import-committed">
          {t('reporting.import.done', {
            id: committed.importId ?? '—',
            values: committed.counts.values,
            changed: committed.counts.changed + committed.counts.created,
          })}
          {form && sheets.length > 0 && (
            <ul className="import-sheet-links" data-testid="import-sheet-links">
              {sheets.map((c) => (
                <li key={`${c.orgUnit}|${c.period}`}>
                  <a href={href('reporting', form.code, c.orgUnit, c.period)} data-testid="import-sheet-link">
                    {t('reporting.import.toSheet', { unit: c.orgUnitName, period: periodLabel(c.period, lang) })}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      {preview && (
        <section className="panel import-result" aria-labelledby={`${id}-preview`}>
          <h2 id={`${id}-preview`} className="panel-title">
            {t('reporting.import.previewTitle')}
          </h2>
          <ImportPreview result={preview} choices={choices} />
          <div className="form-actions import-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy !== null || preview.problems.length > 0 || !preview.dryRun}
              onClick={() => void send(false)}
              data-testid="import-commit"
            >
              {busy === 'commit' ? t('reporting.import.committing') : t('reporting.import.commit')}
            </button>
            {preview.problems.length > 0 && <span className="muted">{t('reporting.import.fixFirst')}</span>}
          </div>
        </section>
      )}
      {committed && <ImportPreview result={committed} />}
      {known && <MappingsPanel mappings={known.mappings} onRemove={removeMapping} />}
    </section>
  );
}
