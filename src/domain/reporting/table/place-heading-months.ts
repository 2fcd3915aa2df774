import { columnLetter } from './column-letter.ts';
import { placeHeadingMonth } from './heading-month.ts';
import type { SheetPlan } from './plan-sheet.ts';
import type { TableSink } from './table-sink.ts';

interface Where {
  sink: TableSink;
  sheet: string;
  row: number;
  /** The heading row(s), to name a column as written. */
  headingRows: readonly { cells: readonly (string | null)[] }[];
}

function headingAt(rows: Where['headingRows'], index: number): string {
  return rows
    .map((r) => r.cells[index])
    .filter((c): c is string => !!c && c.trim() !== '')
    .join(' / ');
}

/**
 * Once the sheet's period is known (upload, 报告期 line, title or sheet name), gives the columns whose
 * heading named a month without a year ("营业收入1-5月累计") their period in that year. A month that
 * ends no period of the form's frequency is an error naming the column, and the column is dropped
 * from the plan (the whole file is then refused), never read as the sheet's period.
 */
export function placeHeadingMonths(
  plan: SheetPlan,
  sheetPeriod: string | null,
  frequency: 'month' | 'quarter' | 'year',
  where: Where,
): void {
  if (plan.layout !== 'wide' && plan.layout !== 'units_in_columns') return;
  const misfits = new Set<number>();
  for (const c of plan.columns) {
    if (c.period !== null || !c.month) continue;
    const placed = placeHeadingMonth(c.month, sheetPeriod, frequency);
    if (placed === null) continue;
    if ('period' in placed) {
      c.period = placed.period;
      continue;
    }
    misfits.add(c.index);
    const col = columnLetter(c.index);
    const heading = headingAt(where.headingRows, c.index);
    where.sink.problem({
      sheet: where.sheet,
      row: where.row,
      column: col,
      value: heading,
      code: 'period_frequency',
      reason: `Column ${col} "${heading}" is for ${placed.misfit}, which ends no ${frequency} period of this form; the column was not imported`,
      reasonZh: `第${col}列“${heading}”的期间${placed.misfit}不是本报表的报告期末，该列未导入`,
    });
  }
  if (misfits.size === 0) return;
  if (plan.layout === 'wide') plan.columns = plan.columns.filter((c) => !misfits.has(c.index));
  else plan.columns = plan.columns.filter((c) => !misfits.has(c.index));
}
