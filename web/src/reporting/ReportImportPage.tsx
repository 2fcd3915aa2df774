import { useState } from 'react';
import { ApiError, api, hasErrorCode } from '../api/client.ts';
import type { ImportResult, ReportForm } from '../api/reportingTypes.ts';
import { useAsync } from '../api/useAsync.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { canDefinePlans, canReport } from '../auth/permissions.ts';
import { saveBlob } from '../components/DownloadLink.tsx';
import { NoRightsPage } from '../components/NoRightsPage.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ImportPreview } from './ImportPreview.tsx';
import { ImportChoiceForm, type ImportBusy } from './ImportChoiceForm.tsx';
import { ImportCommitted, ImportPreviewPanel } from './ImportOutcome.tsx';
import { MappingsPanel, type MappingChoices } from './NameMappings.tsx';
import { closedPeriods, todayIso } from './periods.ts';
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
  const { t } = useI18n();
  if (canReport(me) || canDefinePlans(me)) return <ReportImport reporter={canReport(me)} />;
  return <NoRightsPage title={t('reporting.import.heading')} note={t('reporting.import.forbidden')} testId="import-forbidden" />;
}

/** The import for a user who may import: a reporter (into the forms they report for) or a plan definer. */
function ReportImport({ reporter }: { reporter: boolean }) {
  const { t, lang } = useI18n();
  const forms = useAsync((signal) => loadForms(reporter, signal), [reporter]);
  const [formCode, setFormCode] = useState('');
  const [period, setPeriod] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<ImportBusy>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [committed, setCommitted] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [mapped, setMapped] = useState<string | null>(null);
  const [mappingsVersion, setMappingsVersion] = useState(0);
  const firstForm = forms.status === 'ok' ? (forms.data.find((f) => f.code === formCode) ?? forms.data[0] ?? null) : null;
  const mappings = useAsync(
    (signal) => (firstForm && reporter ? api.formMappings(firstForm.code, signal) : Promise.resolve(null)),
    [firstForm?.code, mappingsVersion],
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
      saveBlob(blob, fileName ?? `${form.code}-${chosenPeriod}.xlsx`);
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
  return (
    <section className="page import-page" aria-labelledby="import-heading">
      <nav className="breadcrumb">
        <a href={href('reporting')}>{t('reporting.heading')}</a>
      </nav>
      <PageHead id="import-heading" title={t('reporting.import.heading')} intro={t('reporting.import.intro')} />
      <ol className="ingest-steps">
        <li className={!preview && !committed ? 'is-current' : undefined}>{t('reporting.import.step.choose')}</li>
        <li className={preview ? 'is-current' : undefined}>{t('reporting.import.step.preview')}</li>
        <li className={committed ? 'is-current' : undefined}>{t('reporting.import.step.commit')}</li>
      </ol>

      {missing && <Unavailable />}
      {forms.status === 'loading' && <Loading />}
      {forms.status === 'error' && <ErrorMessage error={forms.error} />}
      {forms.status === 'ok' && form && (
        <ImportChoiceForm
          forms={list}
          form={form}
          onForm={(code) => {
            setFormCode(code);
            reset();
          }}
          periods={periods}
          period={chosenPeriod}
          onPeriod={(period) => {
            setPeriod(period);
            reset();
          }}
          hasFile={file !== null}
          onFile={(file) => {
            setFile(file);
            reset();
          }}
          busy={busy}
          onDryRun={() => void send(true)}
          onTemplate={() => void downloadTemplate()}
        />
      )}

      {error !== null && <ErrorMessage error={error} title={t('reporting.import.failed')} testId="import-error" />}
      {mapped !== null && (
        <p className="status status-ok" role="status" data-testid="import-mapped">
          {mapped}
        </p>
      )}

      {committed && <ImportCommitted result={committed} formCode={form?.code ?? null} />}

      {preview && <ImportPreviewPanel result={preview} choices={choices} busy={busy} onCommit={() => void send(false)} />}
      {committed && <ImportPreview result={committed} />}
      {known && <MappingsPanel mappings={known.mappings} onRemove={removeMapping} />}
    </section>
  );
}
