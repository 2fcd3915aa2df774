import { useEffect } from 'react';
import type { SheetKey } from '../api/client.ts';
import type { EntrySheet } from '../api/reportingTypes.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { canReport, canReview } from '../auth/permissions.ts';
import { ErrorMessage } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { EntryGrid } from './EntryGrid.tsx';
import { LoadedSheet } from './LoadedSheet.tsx';
import { SheetAttachments } from './SheetAttachments.tsx';
import { ReturnedComment, SheetFact, SheetHead } from './SheetHead.tsx';
import { ConflictPanel, SaveStatus, SheetHistory, SubmitBar } from './SheetPanels.tsx';
import { useEntryEditor } from './useEntryEditor.ts';
import { href } from '../router.ts';

function SheetEditor({ sheetKey, initial }: { sheetKey: SheetKey; initial: EntrySheet }) {
  const me = useMe();
  const { t, dateTime } = useI18n();
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

  return (
    <section className="page entry-page" aria-labelledby="entry-heading" data-testid="entry-page" data-status={sub.status}>
      <nav className="breadcrumb" aria-label={t('reporting.breadcrumb')}>
        <a href={href('reporting')}>{t('reporting.heading')}</a>
      </nav>
      <SheetHead sheet={sheet} headingId="entry-heading">
        {sub.firstSubmittedAt && (
          <SheetFact label={t('reporting.sheet.firstSubmitted')}>{dateTime(sub.firstSubmittedAt)}</SheetFact>
        )}
        {editable && (
          <SheetFact label={t('reporting.sheet.saved')}>
            <SaveStatus editor={editor} />
          </SheetFact>
        )}
      </SheetHead>

      <ReturnedComment sheet={sheet} />
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
export function EntrySheetPage(sheetKey: SheetKey) {
  const { t } = useI18n();
  return (
    <LoadedSheet sheetKey={sheetKey} back={{ href: href('reporting'), label: t('reporting.heading') }} errorTestId="entry-error">
      {(key, sheet) => <SheetEditor sheetKey={key} initial={sheet} />}
    </LoadedSheet>
  );
}
