import { displayNamesByUsername } from '../../repositories/user.repository.ts';
import { parsePeriod, formatPeriod } from '../../domain/period/period.ts';
import { previousPeriod, samePeriodLastYear } from '../../domain/reporting/forms/form-periods.ts';
import { buildRuleContext, contextPeriods } from '../../domain/reporting/forms/rule-context.ts';
import { canSubmit, evaluateRules, type Finding } from '../../domain/reporting/rules/evaluate-rules.ts';
import { cellsNamedIn } from '../../domain/reporting/workflow/comment-cells.ts';
import { figureBeside, type FigureBeside } from '../../domain/reporting/workflow/figure-beside.ts';
import type { Database } from '../../db/database.ts';
import { presentAttachment } from '../../presenters/task-tracking.presenter.ts';
import { attachmentsOf } from '../../repositories/attachment.repository.ts';
import { auditHistory } from '../../repositories/audit.repository.ts';
import {
  findSubmission,
  reportedValues,
  submittedValues,
  unitValues,
  type SubmissionRow,
} from '../../repositories/submission.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import type { Actor } from '../actor.ts';
import { checkFormPeriod, itemKeys, loadFormContext, resolveReportingUnit, ruleNames, type FormContext } from './form-context.ts';

/** Key of a finding for explanations: one comment per rule and indicator. */
export const findingKey = (f: Pick<Finding, 'ruleId' | 'indicators'>): string => `${f.ruleId}/${f.indicators.join('+')}`;

export interface SheetItem {
  indicator: string;
  name: string;
  nameEn: string;
  unit: string;
  cumulative: boolean;
  required: boolean;
  value: string | null;
  version: number;
  previous: EarlierFigure;
  lastYear: EarlierFigure;
}

type EarlierFigure = FigureBeside & { period: string };

/**
 * The figures of one submission checked against the form's rules, with the previous period and
 * the same period last year beside each (approved or stated figures only).
 */
export async function evaluateSubmission(trx: Executor, ctx: FormContext, unitId: number, period: string) {
  const items = itemKeys(ctx);
  const ids = items.map((i) => i.indicatorId);
  const codeOf = new Map(items.map((i) => [i.indicatorId, i]));
  const current: Record<string, string> = {};
  const versions: Record<string, number> = {};
  for (const r of await reportedValues(trx, unitId, ids, period)) {
    const item = codeOf.get(r.indicator_id)!;
    if (r.cumulative !== item.cumulative) continue;
    current[item.indicator] = r.value;
    versions[item.indicator] = r.version;
  }
  const earlier = new Map<string, Map<string, string>>();
  // Where each earlier figure comes from, so that demo (synthetic) history is shown as such.
  const origins = new Map<string, string>();
  for (const r of await unitValues(trx, unitId, ids, contextPeriods(period), { approvedOnly: true })) {
    const item = codeOf.get(r.indicator_id)!;
    if (r.cumulative !== item.cumulative) continue;
    if (!earlier.has(item.indicator)) earlier.set(item.indicator, new Map());
    earlier.get(item.indicator)!.set(r.period, r.value);
    origins.set(`${item.indicator}/${r.period}`, r.origin);
  }
  const ruleContext = buildRuleContext(ctx.form, period, current, earlier, ruleNames(ctx));
  const evaluation = evaluateRules(ctx.form.rules, ruleContext);
  const missing = ctx.form.items.filter((i) => i.required && current[i.indicator] === undefined).map((i) => i.indicator);
  return { current, versions, earlier, origins, evaluation, missing };
}

export type SubmissionEvaluation = Awaited<ReturnType<typeof evaluateSubmission>>;

/** Soft findings that still lack the reporter's explanation. */
export function unexplained(evaluation: SubmissionEvaluation['evaluation'], explanations: Readonly<Record<string, string>>) {
  return evaluation.findings.filter((f) => f.severity === 'warning' && f.needsComment && !explanations[findingKey(f)]?.trim());
}

export function submissionState(row: SubmissionRow | undefined) {
  return {
    status: (row?.status ?? 'draft') as 'draft' | 'submitted' | 'returned' | 'approved',
    version: row?.version ?? 0,
    dueDate: row ? new Date(row.due_date).toISOString().slice(0, 10) : null,
    firstSubmittedAt: row?.first_submitted_at?.toISOString() ?? null,
    submittedAt: row?.submitted_at?.toISOString() ?? null,
    reviewedAt: row?.reviewed_at?.toISOString() ?? null,
    reviewComment: row?.review_comment ?? null,
    reviewCellComments: (row?.review_cell_comments ?? {}) as Record<string, string>,
    explanations: (row?.explanations ?? {}) as Record<string, string>,
  };
}

export const submissionEntityKey = (form: string, unit: string, period: string) => `${form}/${unit}/${period}`;

/** What the data-entry screen shows for one form, unit and period. */
export async function getEntrySheet(database: Database, actor: Actor, formCode: string, unitCode: string, period: string) {
  return readEntrySheet(database.db, actor, formCode, unitCode, period);
}

export async function readEntrySheet(db: Executor, actor: Actor, formCode: string, unitCode: string, period: string) {
  const ctx = await loadFormContext(db, formCode);
  const unit = await resolveReportingUnit(db, actor, ctx.form, unitCode);
  const dates = checkFormPeriod(ctx.form, period);
  const row = await findSubmission(db, ctx.id, unit.id, period);
  const { current, versions, earlier, origins, evaluation, missing } = await evaluateSubmission(db, ctx, unit.id, period);
  const p = parsePeriod(period)!;
  const prev = formatPeriod(previousPeriod(p));
  const lastYear = formatPeriod(samePeriodLastYear(p));
  // Figures sent for those periods and still under review are shown too, marked 待审 (figureBeside).
  const keys = itemKeys(ctx);
  const pending = new Map<string, string>();
  for (const r of await submittedValues(
    db,
    unit.id,
    keys.map((k) => k.indicatorId),
    [prev, lastYear],
  )) {
    const item = keys.find((k) => k.indicatorId === r.indicator_id)!;
    if (r.cumulative === item.cumulative) pending.set(`${item.indicator}/${r.period}`, r.value);
  }
  const items: SheetItem[] = ctx.form.items.map((item) => {
    const info = ctx.indicators.get(item.indicator)!;
    const series = earlier.get(item.indicator);
    const earlierFigure = (at: string): EarlierFigure => {
      const value = series?.get(at);
      const submitted = pending.get(`${item.indicator}/${at}`);
      return {
        period: at,
        ...figureBeside(
          value === undefined ? undefined : { value, origin: origins.get(`${item.indicator}/${at}`)! },
          submitted === undefined ? undefined : { value: submitted },
        ),
      };
    };
    return {
      indicator: item.indicator,
      name: info.name,
      nameEn: info.nameEn,
      unit: info.unit,
      cumulative: item.cumulative,
      required: item.required,
      value: current[item.indicator] ?? null,
      version: versions[item.indicator] ?? 0,
      previous: earlierFigure(prev),
      lastYear: earlierFigure(lastYear),
    };
  });
  const { reviewCellComments, ...state } = submissionState(row);
  const attachments = row ? await attachmentsOf(db, 'report_submission', [row.id]) : [];
  const history = await auditHistory(db, 'report_submission', submissionEntityKey(formCode, unitCode, period), 50);
  const actorNames = await displayNamesByUsername(
    db,
    history.map((h) => h.actor),
  );
  return {
    form: {
      code: ctx.form.code,
      name: ctx.form.name,
      nameEn: ctx.form.nameEn,
      frequency: ctx.form.frequency,
      version: ctx.version,
    },
    orgUnit: { code: unit.code, name: unit.name, nameEn: unit.name_en },
    period,
    submission: {
      ...state,
      dueDate: state.dueDate ?? dates.due,
      // A returned sheet shows the reviewer's comment at the cells it names (issue 18).
      commentCells:
        state.status === 'returned' && state.reviewComment
          ? cellsNamedIn(
              state.reviewComment,
              ctx.form.items.map((i) => {
                const info = ctx.indicators.get(i.indicator)!;
                return { indicator: i.indicator, names: [info.name, ...info.synonyms] };
              }),
            )
          : [],
      // The reviewer's comments written at single cells, as written; only while the sheet is returned.
      cellComments: state.status === 'returned' ? reviewCellComments : {},
    },
    items,
    // Files the unit sent with the sheet (issue 18), shown on the review view.
    attachments: attachments.map(presentAttachment),
    findings: evaluation.findings.map((f) => ({ ...f, key: findingKey(f) })),
    skipped: evaluation.skipped.length,
    missing,
    canSubmit: canSubmit(evaluation) && missing.length === 0 && unexplained(evaluation, state.explanations).length === 0,
    history: history.map((h) => ({
      at: h.at,
      actor: h.actor,
      actorName: actorNames.get(h.actor) ?? null,
      action: h.action,
      after: h.after,
    })),
  };
}
export type EntrySheet = Awaited<ReturnType<typeof readEntrySheet>>;
