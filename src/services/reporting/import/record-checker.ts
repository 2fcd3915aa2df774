import { authorize } from '../../../domain/access/authorize.ts';
import type { TableProblem, TableRecord } from '../../../domain/reporting/table/table.types.ts';
import { AppError } from '../../../errors/app-error.ts';
import type { StagedValue } from '../../../repositories/import-staging.repository.ts';
import { parentLinks } from '../../../repositories/org-unit.repository.ts';
import { reportingUnits } from '../../../repositories/submission.repository.ts';
import type { Executor } from '../../../repositories/transaction.ts';
import type { Actor } from '../../actor.ts';
import { aliasesByUnit } from '../../org-units/unit-alias.service.ts';
import { checkFormPeriod, todayIso, type FormContext } from '../form-context.ts';

/**
 * Per-record checks that need the database: the unit reports this form and lies inside the
 * actor's reporting scope, and the period is open. Answers are cached per unit and period.
 */
export async function recordChecker(db: Executor, actor: Actor, ctx: FormContext) {
  const units = await reportingUnits(db, ctx.form.reporters);
  const parents = await parentLinks(db);
  const aliases = await aliasesByUnit(
    db,
    units.map((u) => u.id),
  );
  const mayReport = (code: string) => authorize(actor.grants, 'report', { orgUnit: code }, (c) => parents.get(c));
  const byCode = new Map(units.map((u) => [u.code, u]));
  const allowed = new Map<string, boolean>();
  const today = todayIso();
  const periods = new Map<string, { start: string; end: string; due: string; kind: string } | [en: string, zh: string]>();
  const itemOf = new Map(ctx.form.items.map((i) => [i.indicator, i]));
  let seq = 0;
  const problem = (r: TableRecord, code: string, reason: string, reasonZh: string): { problem: TableProblem } => ({
    problem: { sheet: r.sheet, row: r.row, column: r.column, value: r.raw, code, reason, reasonZh },
  });
  return {
    unitId: (code: string) => byCode.get(code)?.id,
    // Aliases as administrators entered or the start seeded them; "did you mean" offers only units the uploader may report for.
    units: units.map((u) => ({
      code: u.code,
      name: u.name,
      aliases: [...(u.name_en ? [u.name_en] : []), ...(aliases.get(u.id) ?? [])],
      inScope: mayReport(u.code),
    })),
    check(r: TableRecord): { value: StagedValue } | { problem: TableProblem } {
      const unit = byCode.get(r.orgUnit);
      const item = itemOf.get(r.indicator);
      const info = ctx.indicators.get(r.indicator);
      if (!unit || !item || !info)
        return problem(
          r,
          'not_on_form',
          `${r.orgUnit}/${r.indicator} is not on this form`,
          `${r.orgUnit}/${r.indicator}不在本报表中`,
        );
      let may = allowed.get(unit.code);
      if (may === undefined) {
        may = mayReport(unit.code);
        allowed.set(unit.code, may);
      }
      if (!may)
        return problem(
          r,
          'outside_scope',
          `you may not report figures for ${unit.name} (${unit.code})`,
          `您无权为${unit.name}（${unit.code}）填报数据`,
        );
      let dates = periods.get(r.period);
      if (dates === undefined) {
        try {
          dates = { ...checkFormPeriod(ctx.form, r.period, today), kind: ctx.form.frequency };
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          dates = [err.message, err.messageZh];
        }
        periods.set(r.period, dates);
      }
      if (Array.isArray(dates)) return problem(r, 'period_not_open', dates[0]!, dates[1]!);
      return {
        value: {
          seq: ++seq,
          sheet: r.sheet,
          row: r.row,
          column: r.column,
          unitId: unit.id,
          indicatorId: info.id,
          period: r.period,
          periodKind: dates.kind,
          periodStart: dates.start,
          periodEnd: dates.end,
          dueDate: dates.due,
          cumulative: r.cumulative,
          value: r.value!,
          raw: r.raw,
        },
      };
    },
  };
}
