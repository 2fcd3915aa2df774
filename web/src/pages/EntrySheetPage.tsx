import { useEffect, useState } from 'react';
import { api, type SheetKey } from '../api/client.ts';
import type { EntrySheet } from '../api/reportingTypes.ts';
import { useAsync } from '../api/useAsync.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { canReport, canReview } from '../auth/permissions.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { StatusBadge } from '../reporting/Badges.tsx';
import { EntryGrid } from '../reporting/EntryGrid.tsx';
import { periodLabel } from '../reporting/periods.ts';
import { SheetAttachments } from '../reporting/SheetAttachments.tsx';
import { ConflictPanel, SaveStatus, SheetHistory, SubmitBar } from '../reporting/SheetPanels.tsx';
import { useEntryEditor } from '../reporting/useEntryEditor.ts';
import { href } from '../router.ts';

function SheetEditor({ sheetKey, initial }: { sheetKey: SheetKey; initial: EntrySheet }) {
  const me = useMe();
  const { t, lang, date, dateTime } = useI18n();
  const editor = useEntryEditor(sheetKey, initial);
  const { sheet } = editor;
  const sub = sheet.submission;
  const editable = canReport(me) && (sub.status === 'draft' || sub.status === 'returned');
  const unsaved = editor.save === 'pending' || editor.save === 'saving';

  // Leaving the page with unsaved figures asks first (the autosave may not have run yet).
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const unitName = lang === 'zh' ? sheet.orgUnit.name : (sheet.orgUnit.nameEn ?? sheet.orgUnit.name);
  return (
    <section className="page entry-page" aria-labelledby="entry-heading" data-testid="entry-page" data-status={sub.status}>
      <nav className="breadcrumb" aria-label={t('reporting.breadcrumb')}>
        <a href={href('reporting')}>{t('reporting.heading')}</a>
      </nav>
      <header className="page-head entry-head">
        <div>
          <h1 id="entry-heading">
            {unitName} · {periodLabel(sheet.period, lang)}
          </h1>
          <p className="page-intro">
            {lang === 'zh' ? sheet.form.name : sheet.form.nameEn}
            {lang === 'en' && <span className="muted"> · {sheet.form.code}</span>}
          </p>
        </div>
        <dl className="facts-inline entry-facts">
          <div>
            <dt>{t('reporting.sheet.status')}</dt>
            <dd>
              <StatusBadge status={sub.status} />
            </dd>
          </div>
          <div>
            <dt>{t('reporting.sheet.due')}</dt>
            <dd data-testid="due-date">{date(sub.dueDate)}</dd>
          </div>
          {sub.firstSubmittedAt && (
            <div>
              <dt>{t('reporting.sheet.firstSubmitted')}</dt>
              <dd>{dateTime(sub.firstSubmittedAt)}</dd>
            </div>
          )}
          {editable && (
            <div>
              <dt>{t('reporting.sheet.saved')}</dt>
              <dd>
                <SaveStatus editor={editor} />
              </dd>
            </div>
          )}
        </dl>
      </header>

      {sub.status === 'returned' && sub.reviewComment && (
        <div className="returned-box" role="note" data-testid="returned-comment">
          <strong>{t('reporting.sheet.returned')}</strong>
          <p>{sub.reviewComment}</p>
        </div>
      )}
      {!editable && (
        <p className="lock-note" data-testid="read-only-note">
          {t(
            sub.status === 'approved'
              ? 'reporting.sheet.lockedApproved'
              : sub.status === 'submitted'
                ? 'reporting.sheet.lockedSubmitted'
                : 'reporting.sheet.readOnly',
          )}
        </p>
      )}
      {editor.save === 'error' && editor.saveError !== null && (
        <ErrorMessage error={editor.saveError} title={t('reporting.save.failed')} testId="save-error" />
      )}
      <ConflictPanel editor={editor} />

      <EntryGrid editor={editor} editable={editable} />

      <SheetAttachments sheetKey={sheetKey} files={sheet.attachments} canAdd={editable} onChanged={() => void editor.reload()} />
      {editable && <SubmitBar editor={editor} />}
      {canReview(me) && (sub.status === 'submitted' || sub.status === 'approved') && (
        <p className="hint-box review-link" data-testid="go-to-review">
          {t('reporting.review.goToReviewHint')}{' '}
          <a
            className="btn btn-small btn-primary"
            href={href('reporting', 'review', sheet.form.code, sheet.orgUnit.code, sheet.period)}
          >
            {t('reporting.review.goToReview')}
          </a>
        </p>
      )}
      <SheetHistory sheet={sheet} />
    </section>
  );
}

/** 填报表 of one form, unit and period (#/reporting/<form>/<orgUnit>/<period>). */
export function EntrySheetPage({ form, orgUnit, period }: SheetKey) {
  const { t } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const state = useAsync((signal) => api.entrySheet({ form, orgUnit, period }, signal), [form, orgUnit, period, attempt]);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <section className="page">
        <nav className="breadcrumb">
          <a href={href('reporting')}>{t('reporting.heading')}</a>
        </nav>
        <ErrorMessage error={state.error} onRetry={() => setAttempt((a) => a + 1)} testId="entry-error" />
      </section>
    );
  return <SheetEditor key={`${form}/${orgUnit}/${period}`} sheetKey={{ form, orgUnit, period }} initial={state.data} />;
}
