import { buildRuleContext, type UnitSeries } from '../../domain/reporting/forms/rule-context.ts';
import { reportFormSchema } from '../../domain/reporting/forms/form.schema.ts';
import { evaluateRules } from '../../domain/reporting/rules/evaluate-rules.ts';
import type { ValidationRuleInput } from '../../domain/reporting/rules/rule.schema.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { listForms, updateForm } from '../../repositories/report-form.repository.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { evaluateSubmission } from './entry-sheet.service.ts';
import { checkFormPeriod, loadFormContext, resolveReportingUnit, ruleNames, type FormContext } from './form-context.ts';

function describeForm(ctx: FormContext) {
  const f = ctx.form;
  return {
    code: f.code,
    name: f.name,
    nameEn: f.nameEn,
    frequency: f.frequency,
    version: ctx.version,
    reporters: f.reporters,
    deadline: f.deadline,
    firstPeriod: f.firstPeriod,
    plans: f.plans,
    source: f.source ?? null,
    items: f.items.map((i) => {
      const info = ctx.indicators.get(i.indicator)!;
      return { ...i, name: info.name, nameEn: info.nameEn, unit: info.unit };
    }),
    rules: f.rules,
  };
}

export async function listReportForms(database: Database) {
  const forms = await listForms(database.db);
  return Promise.all(forms.map(async (f) => describeForm(await loadFormContext(database.db, f.form.code))));
}

export async function getReportForm(database: Database, code: string) {
  return describeForm(await loadFormContext(database.db, code));
}

/** Checks rules against a form: schema, expressions, and that they name only the form's indicators. */
function checkedRules(ctx: FormContext, rules: readonly ValidationRuleInput[]) {
  const parsed = reportFormSchema.safeParse({ ...ctx.form, rules, rulePreset: undefined });
  if (!parsed.success)
    throw new AppError('INVALID_RULES', 'the rules are not valid', '校验规则无效', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  const onForm = new Set(ctx.form.items.map((i) => i.indicator));
  const stray = parsed.data.rules.flatMap((r, i) =>
    (r.appliesTo ?? [])
      .filter((c) => !onForm.has(c))
      .map((c) => ({ path: `${i}.appliesTo`, message: `${c} is not on the form` })),
  );
  if (stray.length)
    throw new AppError('INVALID_RULES', 'a rule names an indicator that is not on the form', '规则引用了报表之外的指标', {
      issues: stray,
    });
  return parsed.data;
}

/** Replaces a form's rules (optimistic concurrency on the form version); audited. */
export async function updateFormRules(
  database: Database,
  actor: Actor,
  code: string,
  version: number,
  rules: ValidationRuleInput[],
) {
  return database.db.transaction().execute(async (trx) => {
    const ctx = await loadFormContext(trx, code);
    const form = checkedRules(ctx, rules);
    const newVersion = await updateForm(trx, ctx.id, version, form);
    if (newVersion === null)
      throw new AppError('VERSION_CONFLICT', 'the form changed since you loaded it; reload', '报表定义已被他人修改，请刷新', {
        currentVersion: ctx.version,
      });
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'report_form',
      entityKey: code,
      before: { version: ctx.version, rules: ctx.form.rules.length },
      after: { version: newVersion, rules: form.rules.length },
    });
    return describeForm(await loadFormContext(trx, code));
  });
}

/**
 * The rule test bench: runs draft rules over given figures, with a real unit's history when one
 * is named (so change, year-on-year and outlier rules can be tried), without saving anything.
 */
export async function testFormRules(
  database: Database,
  actor: Actor,
  code: string,
  input: { rules?: ValidationRuleInput[]; orgUnit?: string; period: string; values: Record<string, string> },
) {
  const db = database.db;
  const ctx = await loadFormContext(db, code);
  const rules = input.rules ? checkedRules(ctx, input.rules).rules : ctx.form.rules;
  let earlier: UnitSeries = new Map();
  if (input.orgUnit) {
    const unit = await resolveReportingUnit(db, actor, ctx.form, input.orgUnit);
    checkFormPeriod(ctx.form, input.period, '9999-12-31');
    earlier = (await evaluateSubmission(db, ctx, unit.id, input.period)).earlier;
  }
  const context = buildRuleContext(ctx.form, input.period, input.values, earlier, ruleNames(ctx));
  const result = evaluateRules(rules, context);
  return {
    findings: result.findings,
    skipped: result.skipped,
    context: { previous: context.previous, lastYear: context.lastYear },
  };
}
