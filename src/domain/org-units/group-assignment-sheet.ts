import type { SheetRow } from '../reporting/table/table.types.ts';

/** One row of a plan office's group assignment sheet: a unit (code, GB/T 2260 code or name) and a group (code or name). */
export interface AssignmentRow {
  unit: string;
  group: string;
  row: number;
}

/** What is wrong with one row, in both languages; `field` is the column (单位 or 分组). */
export interface AssignmentProblem {
  row: number;
  field: 'unit' | 'group' | 'header';
  reason: string;
  reasonZh: string;
}

const UNIT_HEADING = /^(单位代码|单位名称|单位|行政区划代码|区划代码|县市区|unit)/i;
const GROUP_HEADING = /^(分组代码|分组名称|分组|类型|主体功能区类型|主体功能区|group)/i;

const text = (cell: string | null | undefined) => (cell ?? '').trim();

/**
 * Reads the rows of an assignment workbook's first sheet: the header row is the first row naming both a unit
 * column (单位, 单位代码, 行政区划代码) and a group column (分组, 类型); each later non-blank row gives one unit and
 * the group it is put in. A row missing either is a problem naming its row and column; nothing is guessed.
 */
export function assignmentRowsFromSheet(rows: readonly SheetRow[]): {
  rows: AssignmentRow[];
  problems: AssignmentProblem[];
} {
  const headerAt = rows.findIndex(
    (r) => r.cells.some((c) => UNIT_HEADING.test(text(c))) && r.cells.some((c) => GROUP_HEADING.test(text(c))),
  );
  if (headerAt < 0)
    return {
      rows: [],
      problems: [
        {
          row: 1,
          field: 'header',
          reason: 'no header row naming a unit column (单位 or 单位代码) and a group column (分组 or 类型)',
          reasonZh: '未找到表头行：应有“单位”（或“单位代码”）列与“分组”（或“类型”）列',
        },
      ],
    };
  const header = rows[headerAt]!.cells.map(text);
  const unitCol = header.findIndex((c) => UNIT_HEADING.test(c));
  const groupCol = header.findIndex((c) => GROUP_HEADING.test(c));
  const out: AssignmentRow[] = [];
  const problems: AssignmentProblem[] = [];
  for (const r of rows.slice(headerAt + 1)) {
    if (r.cells.every((c) => text(c) === '')) continue;
    const unit = text(r.cells[unitCol]);
    const group = text(r.cells[groupCol]);
    if (unit === '') problems.push({ row: r.row, field: 'unit', reason: 'the unit is empty', reasonZh: '单位为空' });
    if (group === '') problems.push({ row: r.row, field: 'group', reason: 'the group is empty', reasonZh: '分组为空' });
    if (unit !== '' && group !== '') out.push({ unit, group, row: r.row });
  }
  if (out.length === 0 && problems.length === 0)
    problems.push({
      row: rows[headerAt]!.row,
      field: 'header',
      reason: 'no rows below the header',
      reasonZh: '表头下没有数据行',
    });
  return { rows: out, problems };
}
