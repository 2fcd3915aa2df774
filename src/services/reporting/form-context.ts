import { formatPeriod, parsePeriod, periodBounds } from '../../domain/period/period.ts';
import { dueDate } from '../../domain/reporting/forms/form-periods.ts';
import type { ReportForm } from '../../domain/reporting/forms/form.schema.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import { indicatorsByCodes } from '../../repositories/indicator.repository.ts';
import { findReportingUnit } from '../../repositories/org-unit.repository.ts';
import { findForm, type StoredForm } from '../../repositories/report-form.repository.ts';
import { ensureSubmission } from '../../repositories/submission.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import { readScope } from '../read-scope.ts';
import type { Actor } from '../actor.ts';

export interface IndicatorInfo {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  synonyms: string[];
}

/** A form with what every reporting use case needs: its indicators' ids, names and units. */
export interface FormContext extends StoredForm {
  indicators: Map<string, IndicatorInfo>;
}

export const todayIso = (): string => new Date().toISOString().slice(0, 10);

export async function loadFormContext(db: Executor, code: string): Promise<FormContext> {
  const stored = await findForm(db, code);
  if (!stored) throw new AppError('NOT_FOUND', `report form "${code}" not found`, `未找到报表“${code}”`);
  const codes = stored.form.items.map((i) => i.indicator);
  const rows = await indicatorsByCodes(db, codes);
  const indicators = new Map(
    rows.map((r) => [r.code, { id: r.id, code: r.code, name: r.name, nameEn: r.name_en, unit: r.unit, synonyms: r.synonyms }]),
  );
  return { ...stored, indicators };
}

/** Display names for rule messages. */
export function ruleNames(ctx: FormContext): Record<string, { name: string; nameEn: string; unit: string }> {
  return Object.fromEntries([...ctx.indicators.values()].map((i) => [i.code, { name: i.name, nameEn: i.nameEn, unit: i.unit }]));
}

export function itemKeys(ctx: FormContext) {
  return ctx.form.items.map((item) => ({ ...item, indicatorId: ctx.indicators.get(item.indicator)!.id }));
}

/** Checks a period is of the form's frequency and collected (from firstPeriod on, and already over). */
export function checkFormPeriod(
  form: ReportForm,
  period: string,
  today: string = todayIso(),
): { start: string; end: string; due: string } {
  const p = parsePeriod(period);
  if (!p || p.kind !== form.frequency)
    throw new AppError(
      'INVALID_PERIOD',
      `${form.code} is collected per ${form.frequency}; "${period}" is not such a period`,
      `报表${form.code}按${FREQ_ZH[form.frequency]}报送，“${period}”不是有效期间`,
    );
  const bounds = periodBounds(p);
  const first = periodBounds(parsePeriod(form.firstPeriod)!).start;
  if (bounds.start < first || bounds.end >= today)
    throw new AppError(
      'PERIOD_NOT_OPEN',
      `${formatPeriod(p)} is not open for ${form.code} (collected from ${form.firstPeriod}, once a period is over)`,
      `${formatPeriod(p)}不在${form.code}的填报期内（自${form.firstPeriod}起，期末之后开放）`,
    );
  return { ...bounds, due: dueDate(period, form.deadline) };
}

const FREQ_ZH = { month: '月', quarter: '季', year: '年' } as const;

/**
 * The org unit of a submission: it must report this form and be inside what the actor may read
 * (outside the actor's scope it answers 404, as if it did not exist).
 */
export async function resolveReportingUnit(db: Executor, actor: Actor, form: ReportForm, code: string) {
  const unit = await findReportingUnit(db, code);
  const scope = await readScope(db, actor);
  if (!unit || (scope !== null && !scope.includes(unit.id))) throw notFound('org unit', code);
  if (!form.reporters.kinds.includes(unit.kind) && !form.reporters.units.includes(unit.code))
    throw new AppError(
      'NOT_A_REPORTER',
      `${unit.code} does not report form ${form.code}`,
      `${unit.name}不是报表${form.name}的填报单位`,
    );
  return unit;
}

/**
 * The sheet a reporter writes to: the form, the unit (the reporter's, reporting this form), the period
 * (open for it) and the submission, created as a draft the first time it is written to.
 */
export async function openReportingSheet(db: Executor, actor: Actor, formCode: string, unitCode: string, period: string) {
  const ctx = await loadFormContext(db, formCode);
  const unit = await resolveReportingUnit(db, actor, ctx.form, unitCode);
  const dates = checkFormPeriod(ctx.form, period);
  const submission = await ensureSubmission(db, {
    formId: ctx.id,
    unitId: unit.id,
    period,
    formVersion: ctx.version,
    dueDate: dates.due,
  });
  return { ctx, unit, submission };
}
