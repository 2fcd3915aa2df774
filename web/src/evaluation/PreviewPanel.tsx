import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { RunView, SchemeDefinition } from '../api/evaluationTypes.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { byGroupThenRank, ResultsTable } from './RunPage.tsx';
import { TitledSection } from '../components/TitledSection.tsx';

/** Pause after the last edit before the preview is asked for, so typing a weight sends one request. */
const DEBOUNCE_MS = 400;

type PreviewState =
  | { status: 'loading'; run: RunView | null }
  | { status: 'ok'; run: RunView }
  | { status: 'error'; run: RunView | null; error: unknown };

/**
 * The ranking the edited (unsaved) definition gives for the year, asked of the server after each pause in
 * editing (POST /evaluation/preview: nothing is stored). Earlier answers are dropped when a newer one is
 * on its way; an invalid definition shows the server's field errors and keeps the last good ranking.
 */
export function PreviewPanel({ definition, year }: { definition: SchemeDefinition; year: number }) {
  const { t, lang } = useI18n();
  const [state, setState] = useState<PreviewState>({ status: 'loading', run: null });
  const seq = useRef(0);
  useEffect(() => {
    const ctrl = new AbortController();
    const mine = ++seq.current;
    setState((s) => ({ status: 'loading', run: s.run }));
    const timer = window.setTimeout(() => {
      api.evaluationPreview(definition, year, ctrl.signal).then(
        (run) => {
          if (mine === seq.current) setState({ status: 'ok', run });
        },
        (error: unknown) => {
          if (ctrl.signal.aborted || mine !== seq.current) return;
          setState((s) => ({ status: 'error', run: s.run, error }));
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      ctrl.abort();
    };
  }, [definition, year]);

  const run = state.run;
  const units = run ? [...run.units].sort(byGroupThenRank(run)) : [];
  return (
    <TitledSection
      className="card eval-preview"
      id="preview-heading"
      title={t('eval.editor.preview', { year })}
      data-testid="eval-preview"
      data-state={state.status}
    >
      <p className="muted small">{t('eval.editor.previewNote')}</p>
      {state.status === 'loading' && <Loading label={t('eval.editor.previewLoading')} />}
      {state.status === 'error' && (
        <>
          <ErrorMessage error={state.error} title={t('eval.editor.previewFailed')} testId="preview-error" />
          <FieldErrors error={state.error} lang={lang} />
        </>
      )}
      {run && (
        <div
          className={state.status === 'ok' ? undefined : 'eval-stale'}
          data-testid="preview-data"
          data-order={units.map((u) => u.code).join()}
        >
          <ResultsTable run={run} units={units} testId="preview-results" compact />
        </div>
      )}
    </TitledSection>
  );
}

/** Field paths of a 400 (details.issues: { path, message, messageZh }), so the editor names what to fix. */
export function FieldErrors({ error, lang }: { error: unknown; lang: string }) {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return null;
  const raw = Array.isArray(error.details) ? error.details : (error.details as { issues?: unknown }).issues;
  if (!Array.isArray(raw)) return null;
  const issues = (raw as unknown[]).filter(
    (d): d is { path?: unknown; message?: unknown; messageZh?: unknown } => typeof d === 'object' && d !== null,
  );
  if (issues.length === 0) return null;
  return (
    <ul className="small eval-field-errors" data-testid="preview-issues">
      {issues.slice(0, 12).map((d, k) => (
        <li key={k}>
          <code>{Array.isArray(d.path) ? d.path.join('.') : String(d.path ?? '')}</code>{' '}
          {String((lang === 'zh' ? (d.messageZh ?? d.message) : d.message) ?? '')}
        </li>
      ))}
    </ul>
  );
}
