import { useId, useState } from 'react';
import { api } from '../api/client.ts';
import type { Completeness, ReportForm } from '../api/reportingTypes.ts';
import { useAsync } from '../api/useAsync.ts';
import { DataTable } from '../components/DataTable.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { StatusBadge, TimelinessBadge } from './Badges.tsx';
import { closedPeriods, periodLabel, todayIso } from './periods.ts';
import { href, navigate } from '../router.ts';

/** How many past periods the picker offers. */
const PICKER_PERIODS = { month: 24, quarter: 12, year: 6 } as const;

function Summary({ data }: { data: Completeness }) {
  const { t, count, num } = useI18n();
  const s = data.summary;
  const cells: [string, string, string][] = [
    ['completeness', t('reporting.completeness.rate'), `${num(s.completeness)}%`],
    ['units', t('reporting.completeness.units'), count(s.units)],
    ['on_time', t('reporting.timeliness.on_time'), count(s.onTime)],
    ['late', t('reporting.timeliness.late'), count(s.late)],
    ['overdue', t('reporting.timeliness.overdue'), count(s.overdue)],
    ['pending', t('reporting.timeliness.pending'), count(s.pending)],
    ['approved', t('reporting.status.approved'), count(s.approved)],
  ];
  return (
    <ul className="summary-tiles" data-testid="completeness-summary">
      {cells.map(([key, label, value]) => (
        <li key={key} className={`summary-tile tile-${key}`} data-testid={`summary-${key}`}>
          <span className="tile-value">{value}</span>
          <span className="tile-label">{label}</span>
        </li>
      ))}
    </ul>
  );
}

function UnitsTable({ data, formCode }: { data: Completeness; formCode: string }) {
  const { t, lang, date, dateTime } = useI18n();
  return (
    <DataTable
      testId="completeness-units"
      columns={[
        'reporting.col.unit',
        'reporting.col.status',
        'reporting.col.timeliness',
        'reporting.col.firstSubmitted',
        'reporting.col.due',
      ]}
    >
      {data.units.map((u) => (
        <tr key={u.orgUnit.code} data-testid="completeness-row" data-unit={u.orgUnit.code}>
          <td>
            <a href={href('reporting', formCode, u.orgUnit.code, u.period)}>
              {lang === 'zh' ? u.orgUnit.name : (u.orgUnit.nameEn ?? u.orgUnit.name)}
            </a>
          </td>
          <td>
            <StatusBadge status={u.status} />
          </td>
          <td>
            <TimelinessBadge timeliness={u.timeliness} />
          </td>
          <td className="nowrap">{u.firstSubmittedAt ? dateTime(u.firstSubmittedAt) : t('common.dash')}</td>
          <td className="nowrap">{date(u.dueDate)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function PeriodPicker({ form, period }: { form: ReportForm; period: string }) {
  const { t, lang } = useI18n();
  const id = useId();
  const choices = closedPeriods(form.frequency, form.firstPeriod, todayIso(), PICKER_PERIODS[form.frequency]);
  if (!choices.includes(period)) choices.unshift(period);
  return (
    <div className="toolbar">
      <label htmlFor={id}>{t('reporting.col.period')}</label>
      <select
        id={id}
        className="input toolbar-input period-select"
        value={period}
        onChange={(e) => navigate(href('reporting', form.code, 'completeness', { period: e.target.value }), { replace: true })}
        data-testid="period-picker"
      >
        {choices.map((p) => (
          <option key={p} value={p}>
            {periodLabel(p, lang)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** 报送情况 (#/reporting/<form>/completeness?period=): who submitted on time, late or not at all. */
export function CompletenessPage({ formCode, period: asked }: { formCode: string; period: string | null }) {
  const { t, lang, date } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const formState = useAsync((signal) => api.form(formCode, signal), [formCode, attempt]);
  const form = formState.status === 'ok' ? formState.data : null;
  const period = asked ?? (form ? (closedPeriods(form.frequency, form.firstPeriod, todayIso(), 1)[0] ?? null) : null);
  const state = useAsync(
    (signal) => (period ? api.completeness(formCode, period, signal) : Promise.resolve(null)),
    [formCode, period, attempt],
  );
  const retry = () => setAttempt((a) => a + 1);

  return (
    <section className="page completeness-page" aria-labelledby="completeness-heading">
      <nav className="breadcrumb">
        <a href={href('reporting')}>{t('reporting.heading')}</a>
      </nav>
      <PageHead
        id="completeness-heading"
        title={
          <>
            {t('reporting.completeness.heading')}
            {form && <span className="muted"> · {lang === 'zh' ? form.name : form.nameEn}</span>}
          </>
        }
        intro={t('reporting.completeness.intro')}
      />
      {formState.status === 'loading' && <Loading />}
      {formState.status === 'error' && <ErrorMessage error={formState.error} onRetry={retry} />}
      {form && period && <PeriodPicker form={form} period={period} />}
      {form && state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} onRetry={retry} />}
      {state.status === 'ok' && state.data && (
        <>
          <p className="muted">{t('reporting.completeness.due', { date: date(state.data.dueDate) })}</p>
          <Summary data={state.data} />
          <UnitsTable data={state.data} formCode={formCode} />
        </>
      )}
    </section>
  );
}
