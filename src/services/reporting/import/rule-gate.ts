import { contextPeriods } from '../../../domain/reporting/forms/rule-context.ts';
import { gateSubmission, type GateFigure, type GateWarning } from '../../../domain/reporting/rules/import-gate.ts';
import type { TableProblem } from '../../../domain/reporting/table/table.types.ts';
import { historyForGate, storedForGate, stagedForGate } from '../../../repositories/import-staging.repository.ts';
import type { Executor } from '../../../repositories/transaction.ts';
import { ruleNames, type FormContext } from '../form-context.ts';

/**
 * Applies the form's rules to every submission the staged upload touches, as the upload would
 * leave it (its figures over the stored reported ones, of the kind the form collects). Hard rules
 * give problems that refuse the upload; soft rules give warnings to explain at submission, read
 * against the unit's approved history as the entry sheet reads it.
 */
export async function gateStaged(db: Executor, ctx: FormContext): Promise<{ problems: TableProblem[]; warnings: GateWarning[] }> {
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
  // History only where a soft rule could read it: hard rules compare this period's figures.
  const earlier = new Map<number, Map<string, Map<string, string>>>();
  if (ctx.form.rules.some((r) => r.severity !== 'error')) {
    const periods = new Set([...groups.values()].flatMap((g) => contextPeriods(g.period)));
    const seen = new Set<string>();
    for (const r of await historyForGate(db, [...periods])) {
      if (kind.get(r.indicator) !== r.cumulative) continue;
      const k = `${r.org_unit_id}/${r.indicator}/${r.period}`;
      if (seen.has(k)) continue; // the highest-priority origin came first
      seen.add(k);
      const unit = earlier.get(r.org_unit_id) ?? new Map<string, Map<string, string>>();
      earlier.set(r.org_unit_id, unit);
      const series = unit.get(r.indicator) ?? new Map<string, string>();
      unit.set(r.indicator, series);
      series.set(r.period, r.value);
    }
  }
  const names = ruleNames(ctx);
  const problems: TableProblem[] = [];
  const warnings: GateWarning[] = [];
  for (const [key, g] of groups) {
    const unitId = Number(key.split('|')[0]);
    const out = gateSubmission(ctx.form, g.period, g.figures, names, g.unit, earlier.get(unitId));
    problems.push(...out.problems);
    warnings.push(...out.warnings);
  }
  return { problems, warnings };
}
