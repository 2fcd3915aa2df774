import { orgHeadingColumns, stackedAbove, takeSubheading } from './heading-rows.ts';
import {
  hasIndicatorHeading,
  headingLayout,
  planIndicatorRows,
  planLong,
  planUnitsInColumns,
  planWide,
  type PlanInput,
} from './plan-sheet.ts';
import { readIndicatorRow, readLongRow, readUnitsInColumnsRow, readWideRow } from './read-table-row.ts';
import { takeLines, takeTitle } from './sheet-lines.ts';
import { HEADING_SEARCH_ROWS, ignoreNoHeading, ignoreSheet, isBlankRow, type SheetState } from './sheet-state.ts';
import { startData } from './start-data.ts';
import type { TableRun } from './table-run.ts';
import type { SheetRow } from './table.types.ts';

function planInput(run: TableRun, state: SheetState): PlanInput {
  return { ctx: run.ctx, sink: run.sink, sheet: state.summary.name, frequency: run.frequency, sheetUnit: state.sheetUnit };
}

/**
 * A row while the sheet's heading is still sought: a sheet-level statement, a heading (which plans
 * the sheet's columns), or a title row kept in case a wide heading stacks on it.
 */
export function seekHeading(run: TableRun, state: SheetState, row: SheetRow): void {
  if (isBlankRow(row)) state.above.push(row);
  else if (takeLines(run, state, row)) {
    state.lineRows.add(row.row);
    state.above.push(row);
  } else {
    const layout = headingLayout(row.cells);
    const input = planInput(run, state);
    if (layout === 'wide') {
      state.heading = [...stackedAbove(state, row), row];
      state.headingOrgColumns = orgHeadingColumns(row);
      state.phase = 'heading';
      return;
    }
    const transposed = layout !== 'long' && hasIndicatorHeading(row.cells) ? planUnitsInColumns(input, row) : null;
    if (transposed) return startData(run, state, transposed, row.row, [row]);
    const plan = layout === 'long' ? planLong(input, row) : layout === 'indicator_rows' ? planIndicatorRows(input, row) : null;
    if (plan) return startData(run, state, plan, row.row);
    takeTitle(run, state, row);
    state.above.push(row);
  }
  if (state.above.length >= HEADING_SEARCH_ROWS) ignoreNoHeading(state);
}

/** The wide heading's rows are all in: plan its columns and start reading data, or ignore the sheet. */
export function finishHeading(run: TableRun, state: SheetState): void {
  const plan = planWide(planInput(run, state), state.heading);
  if (!plan) return ignoreSheet(state, 'no column heading names an indicator of this form', '表头中没有本报表的指标列');
  startData(run, state, plan, state.heading[0]!.row);
}

/** A data row, read by the reader of the sheet's layout. */
export function readDataRow(run: TableRun, state: SheetState, row: SheetRow): void {
  const plan = state.plan!;
  const reader = state.reader!;
  if (plan.layout === 'wide') readWideRow(reader, plan, row);
  else if (plan.layout === 'long') readLongRow(reader, plan, row);
  else if (plan.layout === 'units_in_columns') {
    const first = state.subheadingOpen;
    state.subheadingOpen = false;
    if (!(first && takeSubheading(plan, row, run.frequency))) readUnitsInColumnsRow(reader, plan, row);
  } else readIndicatorRow(reader, plan, state.orgUnit!, row);
}
