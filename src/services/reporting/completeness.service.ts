import { ACTION_ROLES } from '../../domain/access/roles.ts';
import { parsePeriod, periodBounds } from '../../domain/period/period.ts';
import { closedPeriods, dueDate } from '../../domain/reporting/forms/form-periods.ts';
import type { ReportForm } from '../../domain/reporting/forms/form.schema.ts';
import type { SubmissionStatus } from '../../domain/reporting/workflow/submission-workflow.ts';
import { classifyTimeliness, type Timeliness } from '../../domain/reporting/workflow/timeliness.ts';
import { OPEN_PERIODS, workListRows } from '../../domain/reporting/workflow/work-periods.ts';
import type { Database } from '../../db/database.ts';
import { subtreeUnitIds } from '../../repositories/org-unit.repository.ts';
import { listForms } from '../../repositories/report-form.repository.ts';
import { listSubmissions, reportingUnits } from '../../repositories/submission.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import type { Actor } from '../actor.ts';
import { readScope } from '../read-scope.ts';
import { checkFormPeriod, loadFormContext, todayIso } from './form-context.ts';

/** Units the actor holds a role for the action in (reporter or reviewer scope); null = everywhere. */
async function actionScope(db: Executor, actor: Actor, action: 'report' | 'review'): Promise<readonly number[] | null> {
  const grants = actor.grants.filter((g) => ACTION_ROLES[action].includes(g.role));
  if (grants.some((g) => g.scopeOrgUnit === null)) return null;
  return subtreeUnitIds(
    db,
    grants.map((g) => g.scopeOrgUnit!),
  );
}

interface UnitStanding {
  orgUnit: { code: string; name: string; nameEn: string | null };
  period: string;
  status: SubmissionStatus | null;
  dueDate: string;
  timeliness: Timeliness;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  reviewComment: string | null;
  version: number;
}

/** Each reporting unit's standing on some periods of one form, within the units given. */
async function standings(
  db: Executor,
  formId: number,
  form: ReportForm,
  periods: readonly string[],
  unitIds: readonly number[] | null,
  today: string,
): Promise<UnitStanding[]> {
  const units = (await reportingUnits(db, form.reporters)).filter((u) => unitIds === null || unitIds.includes(u.id));
  const subs = await listSubmissions(db, { formId, periods, unitIds: units.map((u) => u.id) });
  const byKey = new Map(subs.map((s) => [`${s.org_unit_id}/${s.period}`, s]));
  return periods.flatMap((period) =>
    units.map((u) => {
      const s = byKey.get(`${u.id}/${period}`);
      const due = dueDate(period, form.deadline);
      const firstSubmittedAt = s?.first_submitted_at?.toISOString() ?? null;
      return {
        orgUnit: { code: u.code, name: u.name, nameEn: u.name_en },
        period,
        status: (s?.status ?? null) as SubmissionStatus | null,
        dueDate: due,
        timeliness: classifyTimeliness({
          status: (s?.status ?? null) as SubmissionStatus | null,
          firstSubmittedAt,
          periodEnd: periodBounds(parsePeriod(period)!).end,
          dueDate: due,
          today,
        }),
        firstSubmittedAt,
        submittedAt: s?.submitted_at?.toISOString() ?? null,
        reviewComment: s?.review_comment ?? null,
        version: s?.version ?? 0,
      };
    }),
  );
}

/** Completeness and timeliness of one form and period: who submitted on time, late or not at all. */
export async function formCompleteness(database: Database, actor: Actor, formCode: string, period: string) {
  const db = database.db;
  const ctx = await loadFormContext(db, formCode);
  const today = todayIso();
  checkFormPeriod(ctx.form, period, today);
  const units = await standings(db, ctx.id, ctx.form, [period], await readScope(db, actor), today);
  const count = (t: Timeliness) => units.filter((u) => u.timeliness === t).length;
  const approved = units.filter((u) => u.status === 'approved').length;
  return {
    form: { code: ctx.form.code, name: ctx.form.name, nameEn: ctx.form.nameEn },
    period,
    dueDate: dueDate(period, ctx.form.deadline),
    summary: {
      units: units.length,
      onTime: count('on_time'),
      late: count('late'),
      overdue: count('overdue'),
      pending: count('pending'),
      approved,
      completeness: units.length ? String(Math.round(((count('on_time') + count('late')) / units.length) * 1000) / 10) : '0',
    },
    units,
  };
}

/**
 * A reporter's work: each form and unit they report for, with its recent periods and every older open
 * period still owed (overdue or returned), classified exactly as 报送情况 classifies them.
 */
export async function myReportingWork(database: Database, actor: Actor) {
  const db = database.db;
  const scope = await actionScope(db, actor, 'report');
  if (scope !== null && scope.length === 0) return [];
  const today = todayIso();
  const out = [];
  for (const stored of await listForms(db)) {
    const f = stored.form;
    const periods = closedPeriods(f.frequency, f.firstPeriod, today, OPEN_PERIODS[f.frequency]);
    const rows = workListRows(await standings(db, stored.id, f, periods, scope, today), f.frequency);
    if (rows.length) out.push({ form: { code: f.code, name: f.name, nameEn: f.nameEn, frequency: f.frequency }, rows });
  }
  return out;
}

/** Submissions waiting for a decision in the reviewer's scope, oldest first. */
export async function reviewQueue(database: Database, actor: Actor) {
  const db = database.db;
  const scope = await actionScope(db, actor, 'review');
  const rows = await listSubmissions(db, { status: ['submitted'], unitIds: scope });
  return rows.map((s) => ({
    form: { code: s.form_code, name: s.form_name, nameEn: s.form_name_en },
    orgUnit: { code: s.org_unit_code, name: s.org_unit_name },
    period: s.period,
    submittedAt: s.submitted_at?.toISOString() ?? null,
    dueDate: new Date(s.due_date).toISOString().slice(0, 10),
    version: s.version,
  }));
}

/** Reporters who owe a figure: due date passed and nothing submitted, over each form's open periods. */
export async function overdueReporters(database: Database, actor: Actor) {
  const db = database.db;
  const scope = await readScope(db, actor);
  const today = todayIso();
  const out = [];
  for (const stored of await listForms(db)) {
    const f = stored.form;
    const periods = closedPeriods(f.frequency, f.firstPeriod, today, OPEN_PERIODS[f.frequency]);
    for (const row of await standings(db, stored.id, f, periods, scope, today))
      if (row.timeliness === 'overdue')
        out.push({
          form: { code: f.code, name: f.name, nameEn: f.nameEn },
          ...row,
          daysOverdue: Math.round((Date.parse(today) - Date.parse(row.dueDate)) / 86_400_000),
        });
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue);
}
