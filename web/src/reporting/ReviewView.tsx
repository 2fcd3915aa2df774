import { useId, useState } from 'react';
import { api, hasErrorCode, type SheetKey } from '../api/client.ts';
import type { EntrySheet, Transition } from '../api/reportingTypes.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { canReview } from '../auth/permissions.ts';
import { ErrorMessage } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href } from '../router.ts';
import { LoadedSheet } from './LoadedSheet.tsx';
import { ReviewTable } from './ReviewTable.tsx';
import { SheetAttachments } from './SheetAttachments.tsx';
import { ReturnedComment, SheetFact, SheetHead } from './SheetHead.tsx';
import { SheetHistory } from './SheetPanels.tsx';

/**
 * 审核 of one submission (#/reporting/review/<form>/<orgUnit>/<period>), where the review queue
 * leads (issue 18). Figures are read, not edited; the reviewer approves, or returns with a comment
 * for the sheet and comments at the cells they concern, which the reporter then sees at those cells.
 */
export function ReviewViewPage(sheetKey: SheetKey) {
  const { t } = useI18n();
  return (
    <LoadedSheet
      sheetKey={sheetKey}
      back={{ href: href('reporting', 'review'), label: t('reporting.review.queue') }}
      errorTestId="review-view-error"
    >
      {(key, sheet) => <ReviewSheet sheetKey={key} initial={sheet} />}
    </LoadedSheet>
  );
}

function ReviewSheet({ sheetKey, initial }: { sheetKey: SheetKey; initial: EntrySheet }) {
  const me = useMe();
  const { t, dateTime, count } = useI18n();
  const [sheet, setSheet] = useState(initial);
  const [cellComments, setCellComments] = useState<Record<string, string>>(() => ({ ...initial.submission.cellComments }));
  const sub = sheet.submission;
  const reviewer = canReview(me);
  const deciding = reviewer && (sub.status === 'submitted' || sub.status === 'approved');
  const warnings = sheet.findings.filter((f) => f.severity === 'warning').length;
  const errors = sheet.findings.filter((f) => f.severity === 'error').length;

  const reload = async () => {
    const fresh = await api.entrySheet(sheetKey);
    setSheet(fresh);
    setCellComments({ ...fresh.submission.cellComments });
  };

  return (
    <section className="page review-view" aria-labelledby="review-heading" data-testid="review-view" data-status={sub.status}>
      <nav className="breadcrumb" aria-label={t('reporting.breadcrumb')}>
        <a href={href('reporting')}>{t('reporting.heading')}</a>
        <span aria-hidden="true"> › </span>
        <a href={href('reporting', 'review')}>{t('reporting.review.queue')}</a>
      </nav>
      <SheetHead
        sheet={sheet}
        headingId="review-heading"
        headingPrefix={
          <>
            {t('reporting.reviewView.heading')}
            {t('common.colon')}
          </>
        }
      >
        {sub.submittedAt && <SheetFact label={t('reporting.col.submittedAt')}>{dateTime(sub.submittedAt)}</SheetFact>}
        <SheetFact label={t('reporting.reviewView.findings')} testId="review-finding-counts">
          {t('reporting.reviewView.findingCounts', { errors: count(errors), warnings: count(warnings) })}
        </SheetFact>
      </SheetHead>

      {sub.status !== 'submitted' && (
        <p className="lock-note" data-testid="review-state-note">
          {t(`reporting.reviewView.state.${sub.status}`)}{' '}
          <a href={href('reporting', sheet.form.code, sheet.orgUnit.code, sheet.period)}>{t('reporting.reviewView.openSheet')}</a>
        </p>
      )}
      <ReturnedComment sheet={sheet} />

      <ReviewTable
        sheet={sheet}
        comments={cellComments}
        onComment={(indicator, text) => setCellComments((c) => ({ ...c, [indicator]: text }))}
        commentable={deciding}
      />

      <SheetAttachments sheetKey={sheetKey} files={sheet.attachments} canAdd={false} />
      {deciding && (
        <DecisionPanel sheet={sheet} sheetKey={sheetKey} cellComments={cellComments} onDone={setSheet} onReload={reload} />
      )}
      <SheetHistory sheet={sheet} />
    </section>
  );
}

/** 审核通过, or 退回修改 / 重新打开 with a comment for the sheet and the comments written at cells. */
function DecisionPanel({
  sheet,
  sheetKey,
  cellComments,
  onDone,
  onReload,
}: {
  sheet: EntrySheet;
  sheetKey: SheetKey;
  cellComments: Readonly<Record<string, string>>;
  onDone: (sheet: EntrySheet) => void;
  onReload: () => Promise<void>;
}) {
  const { t, count } = useI18n();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<Transition | null>(null);
  const [error, setError] = useState<unknown>(null);
  const id = useId();
  const status = sheet.submission.status;
  const atCells = Object.fromEntries(Object.entries(cellComments).filter(([, text]) => text.trim() !== ''));
  const cellCount = Object.keys(atCells).length;
  const hasReason = comment.trim() !== '' || cellCount > 0;

  const run = async (name: Transition) => {
    setBusy(name);
    setError(null);
    try {
      const next = await api.transition(
        sheetKey,
        name,
        sheet.submission.version,
        name === 'approve' ? undefined : comment.trim(),
        name === 'approve' ? undefined : atCells,
      );
      setComment('');
      onDone(next);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel review-panel" aria-labelledby={`${id}-h`} data-testid="review-panel">
      <h2 id={`${id}-h`} className="panel-title">
        {t('reporting.review.title')}
      </h2>
      <div className="form-field">
        <label htmlFor={`${id}-c`}>
          {t(status === 'submitted' ? 'reporting.reviewView.commentLabel' : 'reporting.review.reasonLabel')}
        </label>
        <textarea
          id={`${id}-c`}
          className="input"
          rows={3}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t(status === 'submitted' ? 'reporting.review.commentPlaceholder' : 'reporting.review.reasonPlaceholder')}
          data-testid="review-comment"
        />
      </div>
      <p className="muted small" data-testid="cell-comment-count">
        {cellCount > 0
          ? t('reporting.reviewView.cellCommentCount', { n: count(cellCount) })
          : t('reporting.reviewView.cellCommentHint')}
      </p>
      <div className="form-actions review-actions">
        {status === 'submitted' ? (
          <>
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy !== null || cellCount > 0}
              title={cellCount > 0 ? t('reporting.reviewView.approveWithComments') : undefined}
              onClick={() => void run('approve')}
              data-testid="approve"
            >
              {busy === 'approve' ? t('reporting.review.busy') : t('reporting.review.approve')}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy !== null || !hasReason}
              title={!hasReason ? t('reporting.review.commentNeeded') : undefined}
              onClick={() => void run('return')}
              data-testid="return"
            >
              {busy === 'return' ? t('reporting.review.busy') : t('reporting.review.return')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="btn btn-danger"
            disabled={busy !== null || !hasReason}
            title={!hasReason ? t('reporting.review.reasonNeeded') : undefined}
            onClick={() => void run('reopen')}
            data-testid="reopen"
          >
            {busy === 'reopen' ? t('reporting.review.busy') : t('reporting.review.reopen')}
          </button>
        )}
      </div>
      {error !== null && (
        <ErrorMessage
          error={error}
          title={t('reporting.review.failed')}
          testId="review-error"
          onRetry={hasErrorCode(error, 'VERSION_CONFLICT') ? () => void onReload().then(() => setError(null)) : undefined}
        />
      )}
    </section>
  );
}
