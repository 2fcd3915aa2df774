import { actorLabel } from '../components/actorLabel.ts';
import { useId } from 'react';
import { hasErrorCode } from '../api/client.ts';
import { useAction } from '../api/useAction.ts';
import type { EntrySheet, Finding } from '../api/reportingTypes.ts';
import { ErrorMessage } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { EntryEditor } from './useEntryEditor.ts';

/** 已保存 / 保存中 / 未保存 / 冲突 / 保存失败, announced politely to screen readers. */
export function SaveStatus({ editor }: { editor: EntryEditor }) {
  const { t } = useI18n();
  return (
    <span className={`save-status save-${editor.save}`} role="status" data-testid="save-status" data-state={editor.save}>
      {t(`reporting.save.${editor.save}`)}
    </span>
  );
}

/** Both values of each cell someone else saved first; the user keeps one. */
export function ConflictPanel({ editor }: { editor: EntryEditor }) {
  const { t, lang, num } = useI18n();
  if (!editor.conflicts.length) return null;
  const nameOf = (code: string) => {
    const item = editor.sheet.items.find((i) => i.indicator === code);
    return item ? (lang === 'zh' ? item.name : item.nameEn) : code;
  };
  const shown = (v: string | null) => (v === null ? t('reporting.conflict.empty') : num(v));
  return (
    <section className="conflict-panel" role="alert" data-testid="conflict-panel">
      <h2 className="conflict-title">{t('reporting.conflict.title')}</h2>
      <p className="muted">{t('reporting.conflict.intro')}</p>
      <ul className="conflict-list">
        {editor.conflicts.map((c) => (
          <li key={c.indicator} className="conflict-item" data-testid="conflict" data-indicator={c.indicator}>
            <strong>{nameOf(c.indicator)}</strong>
            <span className="conflict-values">
              <span>
                {t('reporting.conflict.yours')}
                {t('common.colon')}
                <b data-testid="conflict-yours">{shown(c.yours)}</b>
              </span>
              <span>
                {t('reporting.conflict.theirs')}
                {t('common.colon')}
                <b data-testid="conflict-theirs">{shown(c.theirs)}</b>
              </span>
            </span>
            <span className="conflict-actions">
              <button
                type="button"
                className="btn btn-small btn-primary"
                onClick={() => editor.resolveConflict(c.indicator, 'mine')}
                data-testid="keep-mine"
              >
                {t('reporting.conflict.keepMine')}
              </button>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => editor.resolveConflict(c.indicator, 'theirs')}
                data-testid="keep-theirs"
              >
                {t('reporting.conflict.keepTheirs')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Why the sheet cannot be submitted yet; empty when it can. */
export function submitBlockers(editor: EntryEditor, t: ReturnType<typeof useI18n>['t'], lang: string): string[] {
  const { sheet } = editor;
  const nameOf = (code: string) => {
    const item = sheet.items.find((i) => i.indicator === code);
    return item ? (lang === 'zh' ? item.name : item.nameEn) : code;
  };
  const out: string[] = [];
  const sep = t('common.listSeparator');
  // A required cell typed but not saved yet is not missing any more.
  const missing = sheet.missing.filter((c) => !editor.cellText(c).trim());
  if (missing.length) out.push(t('reporting.blocker.missing', { n: missing.length, names: missing.map(nameOf).join(sep) }));
  if (editor.invalid.length) out.push(t('reporting.blocker.invalid', { n: editor.invalid.length }));
  const errors = sheet.findings.filter((f) => f.severity === 'error');
  if (errors.length) out.push(t('reporting.blocker.errors', { n: errors.length }));
  const unexplained = sheet.findings.filter((f) => f.severity === 'warning' && f.needsComment && !editor.noteText(f.key).trim());
  if (unexplained.length) out.push(t('reporting.blocker.unexplained', { n: unexplained.length }));
  if (editor.conflicts.length) out.push(t('reporting.blocker.conflict'));
  return out;
}

/** What a refused transition (422 SUBMISSION_INVALID) lists, in the page's language. */
function InvalidDetails({ error }: { error: unknown }) {
  const { t, lang } = useI18n();
  if (!hasErrorCode(error, 'SUBMISSION_INVALID')) return null;
  const d = (error.details ?? {}) as { missing?: string[]; errors?: Finding[]; unexplained?: Finding[] };
  const lines = [
    ...(d.missing?.length ? [t('reporting.blocker.missingCodes', { codes: d.missing.join(t('common.listSeparator')) })] : []),
    ...[...(d.errors ?? []), ...(d.unexplained ?? [])].map((f) => (lang === 'zh' ? f.message.zh : f.message.en)),
  ];
  if (!lines.length) return null;
  return (
    <ul className="invalid-details" data-testid="invalid-details">
      {lines.map((l, i) => (
        <li key={i}>{l}</li>
      ))}
    </ul>
  );
}

/** 提交审核, disabled with the reasons while figures are missing, wrong or unexplained. */
export function SubmitBar({ editor }: { editor: EntryEditor }) {
  const { t, lang } = useI18n();
  const { busy, error, run } = useAction();
  const reasonsId = useId();
  const blockers = submitBlockers(editor, t, lang);

  const submit = () =>
    run(async () => {
      if (!(await editor.flush())) throw new Error(t('reporting.submit.unsaved'));
      await editor.transition('submit');
    });

  return (
    <div className="submit-bar" data-testid="submit-bar">
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy || blockers.length > 0}
        aria-describedby={blockers.length ? reasonsId : undefined}
        onClick={() => void submit()}
        data-testid="submit"
      >
        {busy ? t('reporting.submit.busy') : t('reporting.submit.button')}
      </button>
      {blockers.length > 0 ? (
        <ul id={reasonsId} className="submit-reasons" data-testid="submit-reasons">
          {blockers.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      ) : (
        <span className="muted">{t('reporting.submit.ready')}</span>
      )}
      {error !== null && (
        <div className="submit-error">
          <ErrorMessage error={error} title={t('reporting.submit.failed')} testId="transition-error" />
          <InvalidDetails error={error} />
        </div>
      )}
    </div>
  );
}

/** The workflow steps of the submission (提交、退回、通过、重新打开), newest first. */
export function SheetHistory({ sheet }: { sheet: EntrySheet }) {
  const { t, label, dateTime } = useI18n();
  const id = useId();
  return (
    <section className="panel history-panel sheet-history" aria-labelledby={`${id}-h`} data-testid="sheet-history">
      <h2 id={`${id}-h`} className="panel-title">
        {t('reporting.history.title')}
      </h2>
      {sheet.history.length === 0 ? (
        <p className="muted">{t('reporting.history.empty')}</p>
      ) : (
        <ol className="history-list">
          {sheet.history.map((h, i) => {
            const after = (h.after ?? {}) as { status?: string; comment?: string };
            return (
              <li key={`${h.at}-${i}`} className="history-entry" data-testid="history-entry" data-action={h.action}>
                <div className="history-meta">
                  <time className="history-time" dateTime={h.at}>
                    {dateTime(h.at)}
                  </time>
                  <span className={`badge badge-action action-${h.action}`}>{label('reporting.action', h.action)}</span>
                  <span>{actorLabel(h, label)}</span>
                  {after.status && <span className="muted">→ {label('reporting.status', after.status)}</span>}
                </div>
                {after.comment && <p className="history-comment">{after.comment}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
