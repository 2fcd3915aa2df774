import { sql } from 'kysely';
import type { Finding } from '../../../domain/reporting/rules/evaluate-rules.ts';
import { gateSubmission, type GateFigure } from '../../../domain/reporting/rules/import-gate.ts';
import type { TableProblem } from '../../../domain/reporting/table/table.types.ts';
import type { Executor } from '../../../repositories/transaction.ts';
import { ruleNames, type FormContext } from '../form-context.ts';

/**
 * Applies the form's rules to every submission the staged upload touches, as the upload would
 * leave it (its figures over the stored reported ones, of the kind the form collects). Hard rules
 * give problems that refuse the upload; soft rules give warnings to explain at submission.
 */
export async function gateStaged(db: Executor, ctx: FormContext): Promise<{ problems: TableProblem[]; warnings: Finding[] }> {
  const kind = new Map(ctx.form.items.map((i) => [i.indicator, i.cumulative]));
  const staged = await sql<{
    org_unit_id: number;
    unit_code: string;
    unit_name: string;
    period: string;
    indicator: string;
    cumulative: boolean;
    value: string;
    sheet: string;
    row_no: number;
    col: string;
    raw: string;
  }>`select s.org_unit_id, u.code as unit_code, u.name as unit_name, s.period, i.code as indicator, s.cumulative,
      s.value::text as value, s.sheet, s.row_no, s.col, s.raw
    from import_staging s join org_unit u on u.id = s.org_unit_id join indicator i on i.id = s.indicator_id
    order by s.org_unit_id, s.period, s.seq`.execute(db);
  const stored = await sql<{ org_unit_id: number; period: string; indicator: string; cumulative: boolean; value: string }>`
    select d.org_unit_id, d.period, i.code as indicator, d.cumulative, d.value::text as value
    from data_value d join indicator i on i.id = d.indicator_id
    where d.origin = 'reported'
      and (d.org_unit_id, d.period) in (select distinct org_unit_id, period from import_staging)`.execute(db);
  const groups = new Map<string, { unit: { code: string; name: string }; period: string; figures: GateFigure[] }>();
  for (const r of staged.rows) {
    if (kind.get(r.indicator) !== r.cumulative) continue;
    const key = `${r.org_unit_id}|${r.period}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { unit: { code: r.unit_code, name: r.unit_name }, period: r.period, figures: [] }));
    g.figures.push({ indicator: r.indicator, value: r.value, at: { sheet: r.sheet, row: r.row_no, column: r.col, raw: r.raw } });
  }
  for (const r of stored.rows) {
    if (kind.get(r.indicator) !== r.cumulative) continue;
    groups.get(`${r.org_unit_id}|${r.period}`)?.figures.push({ indicator: r.indicator, value: r.value, at: null });
  }
  const names = ruleNames(ctx);
  const problems: TableProblem[] = [];
  const warnings: Finding[] = [];
  for (const g of groups.values()) {
    const out = gateSubmission(ctx.form, g.period, g.figures, names, g.unit);
    problems.push(...out.problems);
    warnings.push(...out.warnings);
  }
  return { problems, warnings };
}
