import { parsePeriod } from '../../period/period.ts';
import { createFigureIndex } from './figure-index.ts';
import { finishHeading, readDataRow, seekHeading } from './read-sheet-row.ts';
import { isHeadingRow } from './heading-rows.ts';
import { periodTextToCanonical } from './parse-period-text.ts';
import { ignoreNoHeading, isBlankRow, newSheetState, type SheetState } from './sheet-state.ts';
import { buildTableContext } from './table-context.ts';
import { createCappedSink, type TableRun } from './table-run.ts';
import type { InterpreterOptions, SheetSummary, TableInterpreter, TableProblem } from './table.types.ts';

export { HEADING_SEARCH_ROWS } from './sheet-state.ts';
export { GROWTH_CLAIMS_MAX, NOTE_CAP, PROBLEM_CAP } from './table-run.ts';

/**
 * Interprets spreadsheet rows as reported figures, streaming: rows go in one at a time and the
 * records they yield come straight back. State is the column plan of the current sheet, the
 * lookup tables, and one compact key per figure to catch duplicates; rows are never kept, except
 * the first rows of a sheet until its heading is found.
 *
 * A sheet goes seek (rows above the heading: statements, titles) → heading (a wide table's
 * stacked heading rows) → data, or is ignored; see read-sheet-row.ts.
 */
export function createTableInterpreter(options: InterpreterOptions): TableInterpreter {
  const defaultPeriod = uploadPeriod(options);
  const capped = createCappedSink();
  const run: TableRun = {
    ctx: buildTableContext(options.items, options.units, options.otherIndicators ?? []),
    sink: capped.sink,
    frequency: options.frequency,
    out: [],
    growth: [],
    growthTotal: 0,
    sheetNames: [],
    figures: (options.detectDuplicates ?? true) ? createFigureIndex(options.units.length, options.items.length) : null,
  };
  const sheets: SheetSummary[] = [];
  let current: SheetState | null = null;

  function openSheet(name: string): SheetState {
    const summary: SheetSummary = { name, layout: null, status: 'read', reason: null, rows: 0, records: 0 };
    sheets.push(summary);
    run.sheetNames.push(name);
    return newSheetState(sheets.length - 1, summary, defaultPeriod);
  }

  return {
    push(row) {
      if (!current || current.summary.name !== row.sheet) {
        if (current) closeSheet(run, current);
        current = openSheet(row.sheet);
      }
      const state = current;
      state.summary.rows++;
      run.out = [];
      if (state.phase === 'seek') seekHeading(run, state, row);
      else if (state.phase === 'heading') {
        if (isBlankRow(row)) return run.out;
        if (isHeadingRow(state, row)) state.heading.push(row);
        else {
          finishHeading(run, state);
          if ((state.phase as SheetState['phase']) === 'data') readDataRow(run, state, row);
        }
      } else if (state.phase === 'data') readDataRow(run, state, row);
      return run.out;
    },
    finish() {
      if (current) closeSheet(run, current);
      current = null;
      if (!sheets.some((s) => s.status === 'read')) run.sink.problem(noTableProblem(sheets));
      return {
        problems: capped.problems,
        problemsTotal: capped.problemsTotal(),
        notes: capped.notes,
        sheets,
        growth: run.growth,
        growthTotal: run.growthTotal,
      };
    },
  };
}

/** The upload's period in canonical form (null when rows must state their own); a RangeError when it is not of the form's frequency. */
function uploadPeriod(options: InterpreterOptions): string | null {
  const period = options.period === null ? null : (periodTextToCanonical(options.period) ?? '');
  if (period === '' || (period !== null && parsePeriod(period)?.kind !== options.frequency))
    throw new RangeError(`period ${options.period} is not a ${options.frequency} period`);
  return period;
}

function closeSheet(run: TableRun, state: SheetState): void {
  if (state.phase === 'seek') ignoreNoHeading(state);
  else if (state.phase === 'heading') finishHeading(run, state);
}

function noTableProblem(sheets: readonly SheetSummary[]): TableProblem {
  const list = sheets.map((s) => s.name).join(', ');
  return {
    sheet: '',
    row: null,
    column: null,
    value: null,
    code: 'no_table',
    reason: `No sheet holds a table this form can read (sheets: ${list || 'none'})`,
    reasonZh: `没有可读取的报表工作表（工作表：${sheets.map((s) => s.name).join('、') || '无'}）`,
  };
}
