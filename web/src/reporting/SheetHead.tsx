import type { ReactNode } from 'react';
import type { EntrySheet } from '../api/reportingTypes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { StatusBadge } from './Badges.tsx';
import { periodLabel } from './periods.ts';

/** One fact in a sheet's head: a term and its value. */
export function SheetFact({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/**
 * A sheet's heading (the unit and period, after `headingPrefix`), its form, and its facts: the status,
 * the due date, then the page's own (`children`, as SheetFact).
 */
export function SheetHead({
  sheet,
  headingId,
  headingPrefix,
  children,
}: {
  sheet: EntrySheet;
  headingId: string;
  headingPrefix?: ReactNode;
  children: ReactNode;
}) {
  const { t, lang, date } = useI18n();
  const unitName = lang === 'zh' ? sheet.orgUnit.name : (sheet.orgUnit.nameEn ?? sheet.orgUnit.name);
  return (
    <header className="page-head entry-head">
      <div>
        <h1 id={headingId}>
          {headingPrefix}
          {unitName} · {periodLabel(sheet.period, lang)}
        </h1>
        <p className="page-intro">
          {lang === 'zh' ? sheet.form.name : sheet.form.nameEn}
          {lang === 'en' && <span className="muted"> · {sheet.form.code}</span>}
        </p>
      </div>
      <dl className="facts-inline entry-facts">
        <SheetFact label={t('reporting.sheet.status')}>
          <StatusBadge status={sheet.submission.status} />
        </SheetFact>
        <SheetFact label={t('reporting.sheet.due')} testId="due-date">
          {date(sheet.submission.dueDate)}
        </SheetFact>
        {children}
      </dl>
    </header>
  );
}

/** The reviewer's comment on a returned sheet. */
export function ReturnedComment({ sheet }: { sheet: EntrySheet }) {
  const { t } = useI18n();
  const sub = sheet.submission;
  if (sub.status !== 'returned' || !sub.reviewComment) return null;
  return (
    <div className="returned-box" role="note" data-testid="returned-comment">
      <strong>{t('reporting.sheet.returned')}</strong>
      <p>{sub.reviewComment}</p>
    </div>
  );
}
