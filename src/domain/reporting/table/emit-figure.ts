import { normaliseText } from '../../text/normalise.ts';
import { parseReportedValue } from '../parse-reported-value.ts';
import { readCell } from '../read-cell.ts';
import { columnLetter } from './column-letter.ts';
import { duplicateProblem } from './duplicate-problem.ts';
import type { RowReader } from './read-table-row.ts';
import type { SheetState } from './sheet-state.ts';
import { GROWTH_CLAIMS_MAX, type TableRun } from './table-run.ts';
import type { SheetRow } from './table.types.ts';

/** The reader the row readers call back: figures become records of the run, 同比 cells growth claims. */
export function rowReaderFor(run: TableRun, state: SheetState): RowReader {
  return {
    ctx: run.ctx,
    sink: run.sink,
    frequency: run.frequency,
    period: state.period,
    growth: (row, column, org, item, period, cumulative, figureColumn) =>
      readGrowthCell(run, row, column, { org, item, period, cumulative }, figureColumn),
    emit: (row, column, org, item, period, unit, cumulative) =>
      emitFigure(run, state, row, column, { org, item, period, cumulative }, unit),
  };
}

/** Which figure a cell gives: unit and indicator (indexes into the run's lookups), period and kind. */
interface FigureOf {
  org: number;
  item: number;
  period: string;
  cumulative: boolean;
}

/** Reads one figure cell into a record, or a problem when it is unreadable or given twice; blank cells are dropped. */
function emitFigure(run: TableRun, state: SheetState, row: SheetRow, column: number, f: FigureOf, unit: string | null): void {
  const { ctx, sink } = run;
  const raw = row.cells[column] ?? null;
  const item = ctx.items[f.item]!;
  const reading = readCell(raw, item.unit, unit);
  if (reading.kind === 'blank') return;
  const col = columnLetter(column);
  if (reading.kind === 'error') {
    sink.problem({
      sheet: row.sheet,
      row: row.row,
      column: col,
      value: raw,
      code: reading.code,
      reason: `${item.nameEn}: ${reading.reason}`,
      reasonZh: `${item.name}：${reading.reasonZh}`,
    });
    return;
  }
  const first = run.figures?.claim(f.org, f.item, f.period, f.cumulative, { sheet: state.index, row: row.row, column });
  if (first) {
    sink.problem(
      duplicateProblem({
        at: { sheet: row.sheet, row: row.row, column: col, value: raw },
        first: { sheet: run.sheetNames[first.sheet] ?? '', cell: `${columnLetter(first.column)}${first.row}` },
        unit: ctx.units[f.org]!,
        item,
        period: f.period,
      }),
    );
    return;
  }
  state.summary.records++;
  run.out.push({
    sheet: row.sheet,
    row: row.row,
    column: col,
    orgUnit: ctx.units[f.org]!.code,
    indicator: item.indicator,
    cumulative: f.cumulative,
    period: f.period,
    value: reading.kind === 'not_applicable' ? null : reading.value,
    raw: raw ?? '',
    fromUnit: reading.kind === 'not_applicable' ? null : reading.fromUnit,
    exact: reading.kind === 'not_applicable' ? true : reading.exact,
  });
}

/** Reads a 同比 cell: a percent ("8.3", "8.3%", "-2.1", full-width too); anything else is noted, never guessed. */
function readGrowthCell(run: TableRun, row: SheetRow, column: number, f: FigureOf, figureColumn: number | null): void {
  const raw = row.cells[column] ?? '';
  const t = normaliseText(raw).replace(/[\s%]/g, '');
  if (t === '' || parseReportedValue(t).kind === 'not_applicable') return;
  const col = columnLetter(column);
  if (!/^[-+]?\d+(\.\d+)?$/.test(t)) {
    run.sink.note({
      sheet: row.sheet,
      row: row.row,
      code: 'growth_unreadable',
      message: `Cell ${col}${row.row} "${raw}" is not a growth rate in percent; not checked`,
      messageZh: `${col}${row.row}单元格“${raw}”不是百分数形式的增速，未核对`,
    });
    return;
  }
  run.growthTotal++;
  if (run.growth.length >= GROWTH_CLAIMS_MAX) return;
  const figureCol = figureColumn === null ? null : columnLetter(figureColumn);
  const figure =
    figureCol === null ? undefined : run.out.find((r) => r.row === row.row && r.column === figureCol && r.sheet === row.sheet);
  run.growth.push({
    sheet: row.sheet,
    row: row.row,
    column: col,
    orgUnit: run.ctx.units[f.org]!.code,
    indicator: run.ctx.items[f.item]!.indicator,
    cumulative: f.cumulative,
    period: f.period,
    stated: t.replace(/^\+/, ''),
    figure: figure?.value ?? null,
  });
}
