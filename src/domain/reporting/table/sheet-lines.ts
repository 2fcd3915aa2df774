import { parsePeriod } from '../../period/period.ts';
import { readSheetLines } from './header-words.ts';
import { periodTextToCanonical } from './parse-period-text.ts';
import { statedPeriodFor } from './period-in-text.ts';
import { FREQUENCY_ZH } from './plan-sheet.ts';
import { cellText, sheetProblem, type SheetState } from './sheet-state.ts';
import type { TableRun } from './table-run.ts';
import type { SheetRow } from './table.types.ts';

/** Reads the "单位：万元", "填报单位：…", "报告期：…" statements of a row above the heading; true when it held one. */
export function takeLines(run: TableRun, state: SheetState, row: SheetRow): boolean {
  const { ctx, frequency } = run;
  let found = false;
  const filled = row.cells.map(cellText).filter(Boolean);
  // "单位" | "万元" written in two cells.
  if (filled.length === 2 && /^(金额|计量)?单位[:：]?$/.test(filled[0]!) && ctx.unitOf(filled[1]!)) {
    state.sheetUnit = ctx.unitOf(filled[1]!);
    return true;
  }
  row.cells.forEach((cell, column) => {
    for (const line of cell ? readSheetLines(cell) : []) {
      found = true;
      if (line.kind === 'unit') state.sheetUnit = ctx.unitOf(line.unit) ?? state.sheetUnit;
      else if (line.kind === 'org_unit') state.orgLine = { row: row.row, column, text: line.text };
      else {
        const p = periodTextToCanonical(line.text);
        if (p && parsePeriod(p)?.kind === frequency) state.period = p;
        else
          sheetProblem(
            run.sink,
            state,
            { row: row.row, column, value: cell },
            p ? 'period_frequency' : 'bad_period',
            `The sheet's period "${line.text}" is not a ${frequency} period`,
            `工作表的报告期“${line.text}”不是${FREQUENCY_ZH[frequency]}`,
          );
      }
    }
  });
  return found;
}

/** Remembers the period a title row states, for a sheet whose upload and 报告期 give none. */
export function takeTitle(run: TableRun, state: SheetState, row: SheetRow): void {
  if (state.titlePeriod) return;
  const filled = row.cells.map(cellText).filter(Boolean);
  if (filled.length === 0 || filled.length > 2) return;
  const period = statedPeriodFor(filled.join(' '), run.frequency);
  if (period) state.titlePeriod = { period, row: row.row, text: filled.join(' ') };
}

/**
 * The period of a sheet that states none in a 报告期 line and whose upload names none: its title,
 * else its name ("2024年6月"). A title that contradicts the chosen period is noted, not obeyed.
 */
export function fillPeriod(run: TableRun, state: SheetState): void {
  const fromName = statedPeriodFor(state.summary.name, run.frequency);
  if (state.period === null) {
    const found = state.titlePeriod?.period ?? fromName;
    if (found) {
      state.period = found;
      run.sink.note({
        sheet: state.summary.name,
        row: state.titlePeriod?.row ?? null,
        code: 'period_from_title',
        message: `Period ${found} read from the ${state.titlePeriod ? `title "${state.titlePeriod.text}"` : 'sheet name'}`,
        messageZh: `报告期${found}取自${state.titlePeriod ? `标题“${state.titlePeriod.text}”` : '工作表名称'}`,
      });
    }
  } else if (state.titlePeriod && state.titlePeriod.period !== state.period) {
    run.sink.note({
      sheet: state.summary.name,
      row: state.titlePeriod.row,
      code: 'title_period_differs',
      message: `The title "${state.titlePeriod.text}" names ${state.titlePeriod.period}; the figures were read for ${state.period}`,
      messageZh: `标题“${state.titlePeriod.text}”写明${state.titlePeriod.period}，数据按${state.period}读取`,
    });
  }
}
