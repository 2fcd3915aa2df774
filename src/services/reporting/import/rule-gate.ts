import { contextPeriods } from '../../../domain/reporting/forms/rule-context.ts';
import { gateSubmission, type GateFigure, type GateWarning } from '../../../domain/reporting/rules/import-gate.ts';
import type { TableProblem } from '../../../domain/reporting/table/table.types.ts';
import { historyForGate, storedForGate, stagedForGate } from '../../../repositories/import-staging.repository.ts';
import type { Executor } from '../../../repositories/transaction.ts';
import { ruleNames, type FormContext } from '../form-context.ts';
import { inFileOrder, MAX_PROBLEMS } from './import-result.ts';

/**
 * Staged figures the gate reads at once: a page holds a few hundred submissions, never the whole
 * upload. Smaller pages keep less alive across the page's queries (instrumented 20 MB imports: the
 * gate peaked at 372 MB RSS with 20,000-row pages, 285 MB with 5,000, below the audit step after it).
 */
export const GATE_PAGE_ROWS = 5_000;

export interface GateOptions {
  /** The upload's sheets in file order: the problems kept are the first in the file. */
  sheets: readonly string[];
  pageRows?: number;
  /** How many problems and warnings are kept; problemsTotal counts every problem. */
  keep?: number;
}

export interface GateResult {
  /** The first `keep` problems in file order. */
  problems: TableProblem[];
  /** Every hard rule broken, also those not kept (absent: as many as problems). */
  problemsTotal?: number;
  /** The first `keep` warnings, by unit and period. */
  warnings: GateWarning[];
}

interface Submission {
  unitId: number;
  unit: { code: string; name: string };
  period: string;
  figures: GateFigure[];
}

/**
 * Applies the form's rules to every submission the staged upload touches, as the upload would
 * leave it (its figures over the stored reported ones, of the kind the form collects). Hard rules
 * give problems that refuse the upload; soft rules give warnings to explain at submission, read
 * against the unit's approved history as the entry sheet reads it.
 *
 * The staged rows come a page at a time, by unit and period, with the stored figures and history
 * of that page's submissions only, and only the findings are kept (issue 22: holding every staged
 * and stored row of a 1.5 M-figure upload took the import from 300 MB to 1.1 GB).
 */
export async function gateStaged(db: Executor, ctx: FormContext, options: GateOptions): Promise<GateResult> {
  const pageRows = options.pageRows ?? GATE_PAGE_ROWS;
  const keep = options.keep ?? MAX_PROBLEMS;
  const kind = new Map(ctx.form.items.map((i) => [i.indicator, i.cumulative]));
  const names = ruleNames(ctx);
  // History only where a soft rule could read it: hard rules compare this period's figures.
  const soft = ctx.form.rules.some((r) => r.severity !== 'error');
  let problems: TableProblem[] = [];
  let problemsTotal = 0;
  const warnings: GateWarning[] = [];

  const gate = async (submissions: Submission[]) => {
    if (submissions.length === 0) return;
    const byKey = new Map(submissions.map((s) => [`${s.unitId}|${s.period}`, s]));
    for (const r of await storedForGate(db, submissions)) {
      if (kind.get(r.indicator) !== r.cumulative) continue;
      byKey.get(`${r.org_unit_id}|${r.period}`)?.figures.push({ indicator: r.indicator, value: r.value, at: null });
    }
    const earlier = soft ? await history(db, kind, submissions) : new Map<number, Map<string, Map<string, string>>>();
    for (const s of submissions) {
      const out = gateSubmission(ctx.form, s.period, s.figures, names, s.unit, earlier.get(s.unitId));
      problemsTotal += out.problems.length;
      problems.push(...out.problems);
      // Bounded however many rows break a rule: the first in the file are kept, the rest counted.
      if (problems.length > 2 * keep) problems = inFileOrder(problems, options.sheets).slice(0, keep);
      for (const w of out.warnings) if (warnings.length < keep) warnings.push(w);
    }
  };

  // The page's last submission may go on in the next page: it is gated with that one.
  let open: Submission | undefined;
  for await (const page of stagedForGate(db, pageRows)) {
    const done: Submission[] = [];
    for (const r of page) {
      if (kind.get(r.indicator) !== r.cumulative) continue;
      if (!open || open.unitId !== r.org_unit_id || open.period !== r.period) {
        if (open) done.push(open);
        open = { unitId: r.org_unit_id, unit: { code: r.unit_code, name: r.unit_name }, period: r.period, figures: [] };
      }
      open.figures.push({
        indicator: r.indicator,
        value: r.value,
        at: { sheet: r.sheet, row: r.row_no, column: r.col, raw: r.raw },
      });
    }
    await gate(done);
  }
  if (open) await gate([open]);
  return { problems: inFileOrder(problems, options.sheets).slice(0, keep), problemsTotal, warnings };
}

/** The approved history of the submissions' units over the periods their rules may read, by unit, indicator and period. */
async function history(db: Executor, kind: ReadonlyMap<string, boolean>, submissions: readonly Submission[]) {
  const earlier = new Map<number, Map<string, Map<string, string>>>();
  const units = [...new Set(submissions.map((s) => s.unitId))];
  const periods = [...new Set(submissions.flatMap((s) => contextPeriods(s.period)))];
  const seen = new Set<string>();
  for (const r of await historyForGate(db, units, periods)) {
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
  return earlier;
}
