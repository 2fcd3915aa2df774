import type { Database } from '../../db/database.ts';
import { parsePeriod, periodBounds } from '../../domain/period/period.ts';
import { closedPeriods, dueDate } from '../../domain/reporting/forms/form-periods.ts';
import type { SubmissionStatus } from '../../domain/reporting/workflow/submission-workflow.ts';
import { classifyTimeliness } from '../../domain/reporting/workflow/timeliness.ts';
import { insertNotifications, type NewNotification } from '../../repositories/notification.repository.ts';
import { listForms } from '../../repositories/report-form.repository.ts';
import { listSubmissions, reportingUnits } from '../../repositories/submission.repository.ts';
import { recipientFinder } from './recipients.ts';

/** A reminder goes out this many days before a report is due. */
export const DEADLINE_WARNING_DAYS = 3;
/**
 * Overdue notices cover reports that fell due within this many days: a freshly installed system
 * does not flood its users with every report missed in years past (the completeness view lists those).
 */
export const OVERDUE_LOOKBACK_DAYS = 45;
/** Periods of each form looked at, newest first (as in the reporting work lists). */
const RECENT = { month: 3, quarter: 2, year: 2 } as const;

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

export interface DeadlineResult {
  today: string;
  approaching: number;
  overdue: number;
  notifications: number;
}

/**
 * Notices for reports not yet submitted: due within DEADLINE_WARNING_DAYS (to the unit's reporters)
 * and overdue (to its reporters and the reviewers over it). One notice per report and recipient,
 * however often this runs.
 */
export async function deadlineNotifications(database: Database, today: string): Promise<DeadlineResult> {
  const db = database.db;
  const recipients = await recipientFinder(db);
  const notices: NewNotification[] = [];
  const result: DeadlineResult = { today, approaching: 0, overdue: 0, notifications: 0 };
  for (const stored of await listForms(db)) {
    const f = stored.form;
    const periods = closedPeriods(f.frequency, f.firstPeriod, today, RECENT[f.frequency]);
    const units = await reportingUnits(db, f.reporters);
    const subs = await listSubmissions(db, { formId: stored.id, periods, unitIds: units.map((u) => u.id) });
    const byKey = new Map(subs.map((s) => [`${s.org_unit_id}/${s.period}`, s]));
    for (const period of periods) {
      const due = dueDate(period, f.deadline);
      const left = daysBetween(today, due);
      if (left > DEADLINE_WARNING_DAYS || -left > OVERDUE_LOOKBACK_DAYS) continue;
      for (const u of units) {
        const s = byKey.get(`${u.id}/${period}`);
        const timeliness = classifyTimeliness({
          status: (s?.status ?? null) as SubmissionStatus | null,
          firstSubmittedAt: s?.first_submitted_at ? new Date(s.first_submitted_at).toISOString() : null,
          periodEnd: periodBounds(parsePeriod(period)!).end,
          dueDate: due,
          today,
        });
        if (timeliness !== 'pending' && timeliness !== 'overdue') continue;
        const overdue = timeliness === 'overdue';
        result[overdue ? 'overdue' : 'approaching'] += 1;
        const what = { zh: `${u.name}《${f.name}》${period}`, en: `${u.name_en ?? u.code}: ${f.nameEn} ${period}` };
        const notice = overdue
          ? {
              kind: 'report_overdue' as const,
              title: { zh: `逾期未报：${what.zh}`, en: `Overdue: ${what.en}` },
              body: {
                zh: `${what.zh}应于${due}前报送，已逾期${-left}天，请尽快填报。`,
                en: `${what.en} was due on ${due} and is ${-left} day(s) overdue; please submit it.`,
              },
            }
          : {
              kind: 'deadline_approaching' as const,
              title: { zh: `即将到期：${what.zh}`, en: `Due soon: ${what.en}` },
              body: {
                zh: `${what.zh}应于${due}前报送，还剩${left}天。`,
                en: `${what.en} is due on ${due}, in ${left} day(s).`,
              },
            };
        const roles = overdue ? (['reporter', 'reviewer'] as const) : (['reporter'] as const);
        for (const userId of recipients({ orgUnit: u.code, roles }))
          notices.push({
            userId,
            ...notice,
            link: `#/reporting/${f.code}/${u.code}/${period}`,
            dueOn: due,
            dedupeKey: `${notice.kind}:${f.code}:${u.code}:${period}`,
          });
      }
    }
  }
  result.notifications = (await insertNotifications(db, notices)).length;
  return result;
}
