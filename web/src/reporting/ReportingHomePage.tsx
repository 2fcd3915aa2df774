import { api } from '../api/client.ts';
import type { MyWork, OverdueEntry, ReportForm } from '../api/reportingTypes.ts';
import { useAsync } from '../api/useAsync.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { canDefinePlans, canReport, canReview, canSeeReporting } from '../auth/permissions.ts';
import { NoRightsPage } from '../components/NoRightsPage.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { Empty, ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { StatusBadge, TimelinessBadge } from './Badges.tsx';
import { closedPeriods, periodLabel, todayIso } from './periods.ts';
import { href } from '../router.ts';
import { isOwed } from '../../../src/domain/reporting/workflow/work-periods.ts';

export function NoReportingRights() {
  const { t } = useI18n();
  return <NoRightsPage title={t('reporting.heading')} note={t('reporting.forbidden')} testId="reporting-forbidden" />;
}

function WorkTable({ work }: { work: MyWork }) {
  const { t, lang, date, count } = useI18n();
  const me = useMe();
  const reporter = canReport(me);
  // Overdue and returned periods are listed however old (within the open window), and named up front.
  const owed = [...new Set(work.rows.filter(isOwed).map((r) => r.period))];
  return (
    <section className="list-section" data-testid="work-form" data-form={work.form.code}>
      <h2 className="section-title">
        {lang === 'zh' ? work.form.name : work.form.nameEn}
        {lang === 'en' && <span className="muted small"> {work.form.code}</span>}
      </h2>
      {owed.length > 0 && (
        <p className="hint-box" role="status" data-testid="work-owed">
          {t('reporting.work.owed', {
            n: count(owed.length),
            periods: owed.map((p) => periodLabel(p, lang)).join(lang === 'zh' ? '、' : ', '),
          })}
        </p>
      )}
      <DataTable
        className="data-table work-table"
        columns={[
          'reporting.col.unit',
          'reporting.col.period',
          'reporting.col.status',
          'reporting.col.due',
          'reporting.col.timeliness',
          'reporting.col.actions',
        ]}
      >
        {work.rows.map((r) => {
          const open = reporter && (r.status === null || r.status === 'draft' || r.status === 'returned');
          return (
            <tr
              key={`${r.orgUnit.code}/${r.period}`}
              data-testid="work-row"
              data-unit={r.orgUnit.code}
              data-period={r.period}
              data-status={r.status ?? 'none'}
              data-owed={isOwed(r) ? 'true' : undefined}
            >
              <td className="name-zh">{lang === 'zh' ? r.orgUnit.name : (r.orgUnit.nameEn ?? r.orgUnit.name)}</td>
              <td className="nowrap">{periodLabel(r.period, lang)}</td>
              <td>
                <StatusBadge status={r.status} />
                {r.status === 'returned' && r.reviewComment && <div className="muted small work-comment">{r.reviewComment}</div>}
              </td>
              <td className="nowrap">{date(r.dueDate)}</td>
              <td>
                <TimelinessBadge timeliness={r.timeliness} />
              </td>
              <td className="nowrap">
                <a
                  className={`btn btn-small${open ? ' btn-primary' : ''}`}
                  href={href('reporting', work.form.code, r.orgUnit.code, r.period)}
                  data-testid="open-sheet"
                >
                  {open ? t('reporting.work.fill') : t('reporting.work.view')}
                </a>
              </td>
            </tr>
          );
        })}
      </DataTable>
      <p className="small">
        <a href={href('reporting', work.form.code, 'completeness', { period: work.rows[0]?.period })}>
          {t('reporting.work.completeness')}
        </a>
      </p>
    </section>
  );
}

function OverdueSection() {
  const { t, lang, date, count } = useI18n();
  const state = useAsync((signal) => api.overdue(signal), []);
  return (
    <section className="list-section" aria-labelledby="overdue-heading" data-testid="overdue-section">
      <h2 id="overdue-heading" className="section-title">
        {t('reporting.overdue.heading')}
        {state.status === 'ok' && <span className="count-pill">{count(state.data.length)}</span>}
      </h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ok' &&
        (state.data.length === 0 ? (
          <Empty>{t('reporting.overdue.none')}</Empty>
        ) : (
          <div className="table-wrap">
            <DataTable
              scroll={false}
              columns={[
                'reporting.col.form',
                'reporting.col.unit',
                'reporting.col.period',
                'reporting.col.due',
                'reporting.col.daysOverdue',
              ]}
            >
              {state.data.slice(0, 200).map((o: OverdueEntry) => (
                <tr key={`${o.form.code}/${o.orgUnit.code}/${o.period}`} data-testid="overdue-row">
                  <td>{lang === 'zh' ? o.form.name : o.form.nameEn}</td>
                  <td>
                    <a href={href('reporting', o.form.code, o.orgUnit.code, o.period)}>
                      {lang === 'zh' ? o.orgUnit.name : (o.orgUnit.nameEn ?? o.orgUnit.name)}
                    </a>
                  </td>
                  <td className="nowrap">{periodLabel(o.period, lang)}</td>
                  <td className="nowrap">{date(o.dueDate)}</td>
                  <td className="nowrap">{t('reporting.overdue.days', { n: count(o.daysOverdue) })}</td>
                </tr>
              ))}
            </DataTable>
            {state.data.length > 200 && (
              <p className="muted small">{t('reporting.overdue.more', { n: count(state.data.length - 200) })}</p>
            )}
          </div>
        ))}
    </section>
  );
}

/** Every form, with links to its completeness and its rules (for readers and plan managers). */
function FormsSection() {
  const { t, lang } = useI18n();
  const me = useMe();
  const state = useAsync((signal) => api.forms(signal), []);
  const today = todayIso();
  return (
    <section className="list-section" aria-labelledby="forms-heading">
      <h2 id="forms-heading" className="section-title">
        {t('reporting.forms.heading')}
      </h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ok' && (
        <ul className="form-list">
          {state.data.map((f: ReportForm) => {
            const latest = closedPeriods(f.frequency, f.firstPeriod, today, 1)[0];
            return (
              <li key={f.code} className="form-list-item" data-testid="form-item" data-form={f.code}>
                <span className="name-zh">{lang === 'zh' ? f.name : f.nameEn}</span>
                <span className="muted small">
                  {lang === 'en' && `${f.code} · `}
                  {t(`reporting.frequency.${f.frequency}`)} · {t('reporting.forms.items', { n: f.items.length })}
                </span>
                <span className="form-links">
                  <a href={href('reporting', f.code, 'completeness', { period: latest })}>{t('reporting.forms.completeness')}</a>
                  <a href={href('reporting', 'forms', f.code, 'rules')} data-testid="rules-link">
                    {canDefinePlans(me) ? t('reporting.forms.editRules') : t('reporting.forms.rules')}
                  </a>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** 我的填报 (#/reporting): the user's forms and open periods, then overdue reporters and all forms. */
export function ReportingHomePage() {
  const me = useMe();
  const { t } = useI18n();
  const reporter = canReport(me);
  const state = useAsync((signal) => (reporter ? api.myWork(signal) : Promise.resolve([] as MyWork[])), [reporter]);
  if (!canSeeReporting(me)) return <NoReportingRights />;

  return (
    <section className="page reporting-page" aria-labelledby="reporting-heading">
      <header className="page-head reporting-head">
        <div>
          <h1 id="reporting-heading">{t('reporting.heading')}</h1>
          <p className="page-intro">{t('reporting.intro')}</p>
        </div>
        <nav className="reporting-links" aria-label={t('reporting.links')}>
          {canReview(me) && (
            <a className="btn" href={href('reporting', 'review')} data-testid="review-queue-link">
              {t('reporting.review.queue')}
            </a>
          )}
          {reporter && (
            <a className="btn" href={href('reporting', 'import')} data-testid="import-link">
              {t('reporting.import.heading')}
            </a>
          )}
        </nav>
      </header>

      {reporter && (
        <>
          {state.status === 'loading' && <Loading />}
          {state.status === 'error' && <ErrorMessage error={state.error} />}
          {state.status === 'ok' &&
            (state.data.length === 0 ? (
              <Empty>{t('reporting.work.none')}</Empty>
            ) : (
              state.data.map((w) => <WorkTable key={w.form.code} work={w} />)
            ))}
        </>
      )}
      <OverdueSection />
      <FormsSection />
    </section>
  );
}
