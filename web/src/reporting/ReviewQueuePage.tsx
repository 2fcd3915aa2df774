import { useState } from 'react';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { canReview } from '../auth/permissions.ts';
import { DataTable } from '../components/DataTable.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { Empty, ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { periodLabel } from './periods.ts';
import { href } from '../router.ts';

/** 审核队列 (#/reporting/review): submissions waiting for a decision in the reviewer's scope, oldest first. */
export function ReviewQueuePage() {
  const me = useMe();
  const { t, lang, date, dateTime, count } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const reviewer = canReview(me);
  const state = useAsync((signal) => (reviewer ? api.reviewQueue(signal) : Promise.resolve([])), [reviewer, attempt]);

  return (
    <section className="page review-queue-page" aria-labelledby="queue-heading">
      <nav className="breadcrumb">
        <a href={href('reporting')}>{t('reporting.heading')}</a>
      </nav>
      <PageHead
        id="queue-heading"
        title={
          <>
            {t('reporting.review.queue')}
            {state.status === 'ok' && reviewer && <span className="count-pill">{count(state.data.length)}</span>}
          </>
        }
        intro={t('reporting.review.queueIntro')}
      />
      {!reviewer ? (
        <p className="hint-box" data-testid="review-forbidden">
          {t('reporting.review.forbidden')}
        </p>
      ) : (
        <>
          {state.status === 'loading' && <Loading />}
          {state.status === 'error' && <ErrorMessage error={state.error} onRetry={() => setAttempt((a) => a + 1)} />}
          {state.status === 'ok' &&
            (state.data.length === 0 ? (
              <Empty>{t('reporting.review.queueEmpty')}</Empty>
            ) : (
              <DataTable
                testId="review-queue"
                columns={[
                  'reporting.col.form',
                  'reporting.col.unit',
                  'reporting.col.period',
                  'reporting.col.submittedAt',
                  'reporting.col.due',
                  'reporting.col.actions',
                ]}
              >
                {state.data.map((q) => (
                  <tr
                    key={`${q.form.code}/${q.orgUnit.code}/${q.period}`}
                    data-testid="queue-row"
                    data-form={q.form.code}
                    data-unit={q.orgUnit.code}
                    data-period={q.period}
                  >
                    <td>{lang === 'zh' ? q.form.name : q.form.nameEn}</td>
                    <td className="name-zh">{lang === 'zh' ? q.orgUnit.name : (q.orgUnit.nameEn ?? q.orgUnit.name)}</td>
                    <td className="nowrap">{periodLabel(q.period, lang)}</td>
                    <td className="nowrap">{q.submittedAt ? dateTime(q.submittedAt) : t('common.dash')}</td>
                    <td className="nowrap">{date(q.dueDate)}</td>
                    <td>
                      <a
                        className="btn btn-small btn-primary"
                        href={href('reporting', 'review', q.form.code, q.orgUnit.code, q.period)}
                        data-testid="review-open"
                      >
                        {t('reporting.review.open')}
                      </a>
                    </td>
                  </tr>
                ))}
              </DataTable>
            ))}
        </>
      )}
    </section>
  );
}
