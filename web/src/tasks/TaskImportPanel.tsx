import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorMessage } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { tasksApi } from './tasksApi.ts';
import type { TaskImportResult } from './taskTypes.ts';

/** The result carried by a rejected import (422), or null. */
function rejectedResult(err: unknown): TaskImportResult | null {
  if (err instanceof ApiError && err.details && typeof err.details === 'object' && 'rows' in err.details)
    return err.details as TaskImportResult;
  return null;
}

/** Excel import: preview first (rows, problems, unmatched unit names), then confirm; all or nothing. */
export function TaskImportPanel({ plan, onImported }: { plan: string; onImported: () => void }) {
  const { t, lang, label } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<TaskImportResult | null>(null);
  const [keep, setKeep] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const r = await tasksApi.importSheet(plan, file, { dryRun, keepUnmatched: keep });
      setPreview(r);
      if (!dryRun) {
        setMessage(r.committed ? t('tasks.import.done') : t('tasks.import.nothing'));
        onImported();
      }
    } catch (err) {
      const r = rejectedResult(err);
      if (r) setPreview(r);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const blocking = preview?.unmatched.filter((u) => !u.alreadyKept).length ?? 0;

  return (
    <details className="task-import" data-testid="task-import">
      <summary>{t('tasks.import.heading')}</summary>
      <p className="muted small">{t('tasks.import.hint')}</p>
      <div className="toolbar">
        <label className="form-field">
          {t('tasks.import.file')}
          <input
            type="file"
            accept=".xlsx"
            data-testid="import-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              setError(null);
              setMessage(null);
            }}
          />
        </label>
        <button
          type="button"
          className="btn"
          data-testid="import-preview"
          disabled={!file || busy}
          onClick={() => void run(true)}
        >
          {t('tasks.import.preview')}
        </button>
        {preview && (
          <>
            {blocking > 0 && (
              <label className="form-check">
                <input type="checkbox" data-testid="import-keep" checked={keep} onChange={(e) => setKeep(e.target.checked)} />
                {t('tasks.import.keep')}
              </label>
            )}
            <button
              type="button"
              className="btn btn-primary"
              data-testid="import-commit"
              disabled={busy || preview.problems.length > 0 || (blocking > 0 && !keep)}
              onClick={() => void run(false)}
            >
              {t('tasks.import.commit')}
            </button>
          </>
        )}
      </div>
      {message && (
        <p className="status status-ok" role="status">
          {message}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
      {preview && (
        <div data-testid="import-result">
          <p>{t('tasks.import.counts', preview.counts)}</p>
          {preview.problems.length > 0 && (
            <>
              <h4>{t('tasks.import.problems', { n: preview.problems.length })}</h4>
              <ul className="problem-list">
                {preview.problems.map((p, i) => (
                  <li key={i}>{lang === 'zh' ? p.messageZh : p.message}</li>
                ))}
              </ul>
            </>
          )}
          {preview.unmatched.length > 0 && (
            <>
              <h4>{t('tasks.import.unmatched', { n: preview.unmatched.length })}</h4>
              <DataTable
                testId="unmatched-table"
                scroll={false}
                columns={['tasks.import.row', 'tasks.import.field', 'tasks.import.name']}
              >
                {preview.unmatched.map((u, i) => (
                  <tr key={i} data-testid="unmatched-row">
                    <td>{u.row}</td>
                    <td>{label('tasks.field', u.field)}</td>
                    <td>
                      {u.name}
                      {u.alreadyKept && <span className="muted small"> ({t('tasks.import.kept')})</span>}
                    </td>
                  </tr>
                ))}
              </DataTable>
            </>
          )}
          <table className="data-table small">
            <tbody>
              {preview.rows
                .filter((r) => r.action !== 'unchanged')
                .map((r) => (
                  <tr key={r.row}>
                    <td>{r.ordinal}</td>
                    <td>{label('tasks.action', r.action)}</td>
                    <td>{r.text}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
