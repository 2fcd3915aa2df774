import type { Finding } from '../../../domain/reporting/rules/evaluate-rules.ts';
import { gateSubmission, type GateFigure } from '../../../domain/reporting/rules/import-gate.ts';
import type { TableProblem } from '../../../domain/reporting/table/table.types.ts';
import { storedForGate, stagedForGate } from '../../../repositories/import-staging.repository.ts';
import type { Executor } from '../../../repositories/transaction.ts';
import { ruleNames, type FormContext } from '../form-context.ts';

/**
 * Applies the form's rules to every submission the staged upload touches, as the upload would
 * leave it (its figures over the stored reported ones, of the kind the form collects). Hard rules
 * give problems that refuse the upload; soft rules give warnings to explain at submission.
 */
export async function gateStaged(db: Executor, ctx: FormContext): Promise<{ problems: TableProblem[]; warnings: Finding[] }> {
  const kind = new Map(ctx.form.items.map((i) => [i.indicator, i.cumulative]));
  const staged = await stagedForGate(db);
  const stored = await storedForGate(db);
  const groups = new Map<string, { unit: { code: string; name: string }; period: string; figures: GateFigure[] }>();
  for (const r of staged) {
    if (kind.get(r.indicator) !== r.cumulative) continue;
    const key = `${r.org_unit_id}|${r.period}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { unit: { code: r.unit_code, name: r.unit_name }, period: r.period, figures: [] }));
    g.figures.push({ indicator: r.indicator, value: r.value, at: { sheet: r.sheet, row: r.row_no, column: r.col, raw: r.raw } });
  }
  for (const r of stored) {
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
