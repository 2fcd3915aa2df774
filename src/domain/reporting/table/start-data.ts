import { columnLetter } from './column-letter.ts';
import { rowReaderFor } from './emit-figure.ts';
import { placeHeadingMonths } from './place-heading-months.ts';
import { unknownUnitProblem, type SheetPlan } from './plan-sheet.ts';
import { fillPeriod } from './sheet-lines.ts';
import { ignoreSheet, sheetProblem, type SheetState } from './sheet-state.ts';
import type { TableRun } from './table-run.ts';
import type { SheetRow } from './table.types.ts';

/** True when the plan's columns (or its period column) give every figure a period of its own. */
function planStatesPeriod(plan: SheetPlan): boolean {
  switch (plan.layout) {
    case 'wide':
      return plan.periodColumn !== null || plan.columns.every((c) => c.period !== null);
    case 'long':
      return plan.periodColumn !== null;
    case 'indicator_rows':
      return plan.values.every((c) => c.period !== null);
    default:
      return plan.columns.every((c) => c.period !== null);
  }
}

/**
 * The heading has been read: settle the sheet's period and (for an indicator-row sheet) its unit,
 * then read data rows with `plan`; or ignore the sheet, saying why.
 */
export function startData(
  run: TableRun,
  state: SheetState,
  plan: SheetPlan,
  headingRow: number,
  headingRows: SheetRow[] = state.heading,
): void {
  fillPeriod(run, state);
  placeHeadingMonths(plan, state.period, run.frequency, {
    sink: run.sink,
    sheet: state.summary.name,
    row: headingRow,
    headingRows,
  });
  state.plan = plan;
  state.summary.layout = plan.layout;
  state.above = [];
  state.heading = [];
  if (!planStatesPeriod(plan) && state.period === null) {
    sheetProblem(
      run.sink,
      state,
      { row: headingRow, column: null, value: null },
      'missing_period',
      'The table has no period column and the upload names no period',
      '表格没有期间列，本次上传也未指定期间',
    );
    return ignoreSheet(
      state,
      'no period: no period column and none chosen for the upload',
      '无期间：表格没有期间列，上传时也未指定',
    );
  }
  if (plan.layout === 'indicator_rows') {
    const org = sheetOrgUnit(run, state);
    if (org === null) return ignoreSheet(state, 'reporting unit not recognised', '无法确定填报单位');
    state.orgUnit = org;
  }
  state.phase = 'data';
  state.reader = rowReaderFor(run, state);
}

/**
 * The unit an indicator-row sheet reports for: its 填报单位 line, else its name. Null (with a
 * problem when a line named none or several) when it names no one unit of the form.
 */
function sheetOrgUnit(run: TableRun, state: SheetState): number | null {
  const { ctx, sink } = run;
  const line = state.orgLine;
  const found = ctx.findUnit(line?.text ?? state.summary.name);
  if (found?.kind === 'unit') return found.index;
  if (line && !found)
    sink.problem(
      unknownUnitProblem(
        ctx,
        { sheet: state.summary.name, row: line.row, column: columnLetter(line.column), value: line.text },
        line.text,
      ),
    );
  else if (line)
    sheetProblem(
      sink,
      state,
      { row: line.row, column: line.column, value: line.text },
      'ambiguous_org_unit',
      `"${line.text}" is not the code or name of one reporting unit of this form`,
      `“${line.text}”不是本报表某一填报单位的代码或名称`,
    );
  else
    sheetProblem(
      sink,
      state,
      { row: null, column: null, value: null },
      'missing_org_unit',
      `Sheet "${state.summary.name}" lists indicators but names no reporting unit (add a line "填报单位：…" above the table)`,
      `工作表“${state.summary.name}”未注明填报单位（请在表头上方填写“填报单位：…”）`,
    );
  return null;
}
