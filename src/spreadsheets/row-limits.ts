import type { InputLimits } from '../config/input-limits.ts';
import type { SheetRow } from '../domain/reporting/table/table.types.ts';
import { AppError } from '../errors/app-error.ts';
import { textFlaw } from '../domain/text/well-formed.ts';
import { columnLetter } from '../domain/reporting/table/column-letter.ts';

export type RowLimits = Pick<InputLimits, 'maxRows' | 'maxColumns' | 'maxCells'>;

const TOO_MANY = { rows: 'TOO_MANY_ROWS', columns: 'TOO_MANY_COLUMNS', cells: 'TOO_MANY_CELLS' } as const;

const tooMany = (what: 'rows' | 'columns' | 'cells', limit: number, where: string, whereZh: string) => {
  const setting = `PLANTRACK_MAX_${what.toUpperCase()}`;
  const zh = { rows: '行', columns: '列', cells: '个非空单元格' }[what];
  return new AppError(
    TOO_MANY[what],
    `the file has more than ${limit} ${what} (${setting}), at ${where}; split the file`,
    `文件超过 ${limit} ${zh}（上限 ${setting}），位置：${whereZh}；请拆分文件`,
    { limit, setting, at: where },
  );
};

/**
 * Counts rows, columns and non-empty cells as a reader yields them and throws a 413 naming the
 * limit as soon as one is passed, so that a reader stops early instead of reading a huge sheet.
 * Cell text with NUL or a lone surrogate (which PostgreSQL cannot store) is a 422 naming the cell.
 */
export function rowCounter(limits: RowLimits) {
  let rows = 0;
  let cells = 0;
  return {
    /** Before the cells of a row are built: its width alone may be over the limit. */
    width(sheet: string, row: number, columns: number): void {
      if (columns > limits.maxColumns)
        throw tooMany('columns', limits.maxColumns, `${sheet}!${row}`, `工作表“${sheet}”第 ${row} 行`);
    },
    row(r: SheetRow): void {
      rows++;
      if (rows > limits.maxRows) throw tooMany('rows', limits.maxRows, `${r.sheet}!${r.row}`, `工作表“${r.sheet}”第 ${r.row} 行`);
      this.width(r.sheet, r.row, r.cells.length);
      r.cells.forEach((c, i) => {
        if (c === null) return;
        cells++;
        const flaw = textFlaw(c);
        if (flaw)
          throw new AppError(
            'INVALID_FILE_TEXT',
            `cell ${r.sheet}!${columnLetter(i)}${r.row} contains ${flaw === 'nul' ? 'a NUL character' : 'an unpaired UTF-16 surrogate'}`,
            `工作表“${r.sheet}”单元格 ${columnLetter(i)}${r.row} 含有${flaw === 'nul' ? '空字符（NUL）' : '不成对的 UTF-16 代理字符'}`,
            { sheet: r.sheet, row: r.row, column: columnLetter(i) },
          );
      });
      if (cells > limits.maxCells)
        throw tooMany('cells', limits.maxCells, `${r.sheet}!${r.row}`, `工作表“${r.sheet}”第 ${r.row} 行`);
    },
  };
}
