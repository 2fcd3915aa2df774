import { formatPeriod, parsePeriod } from '../../../domain/period/period.ts';
import { samePeriodLastYear } from '../../../domain/reporting/forms/form-periods.ts';
import { checkGrowth } from '../../../domain/reporting/table/check-growth.ts';
import type { GrowthClaim, TableNote } from '../../../domain/reporting/table/table.types.ts';
import { unitValues } from '../../../repositories/submission.repository.ts';
import type { Executor } from '../../../repositories/transaction.ts';
import type { FormContext } from '../form-context.ts';

const DIFFERS_LISTED = 200;

/**
 * Checks the 同比 cells of an upload (issue 18) against last year's figure of the same period and
 * kind — approved, published or stated, as the rules compare with — and answers notes: one per
 * growth that the figures do not give (row, column, stated and computed), and one summary. A stated
 * growth is never stored and never rejects the file: last year's figure may have been revised.
 */
export async function checkGrowthClaims(
  db: Executor,
  ctx: FormContext,
  unitIdOf: (code: string) => number | undefined,
  claims: readonly GrowthClaim[],
  total: number,
): Promise<TableNote[]> {
  if (total === 0) return [];
  const byUnit = new Map<number, GrowthClaim[]>();
  for (const c of claims) {
    const id = unitIdOf(c.orgUnit);
    if (id !== undefined) byUnit.set(id, [...(byUnit.get(id) ?? []), c]);
  }
  const notes: TableNote[] = [];
  let agrees = 0;
  let differs = 0;
  let unchecked = total - claims.length;
  for (const [unitId, list] of byUnit) {
    const lastYearOf = (p: string) => formatPeriod(samePeriodLastYear(parsePeriod(p)!));
    const periods = [...new Set(list.map((c) => lastYearOf(c.period)))];
    const ids = [...new Set(list.map((c) => ctx.indicators.get(c.indicator)?.id).filter((x): x is number => x !== undefined))];
    const stored = await unitValues(db, unitId, ids, periods, { approvedOnly: true });
    const value = new Map(stored.map((r) => [`${r.indicator_id}/${r.period}/${r.cumulative}`, r.value]));
    for (const c of list) {
      const info = ctx.indicators.get(c.indicator)!;
      const lastYear = value.get(`${info.id}/${lastYearOf(c.period)}/${c.cumulative}`) ?? null;
      const check = checkGrowth(c.stated, c.figure, lastYear);
      if (check.kind === 'agrees') agrees++;
      else if (check.kind === 'unchecked') unchecked++;
      else {
        differs++;
        if (differs <= DIFFERS_LISTED)
          notes.push({
            sheet: c.sheet,
            row: c.row,
            code: 'growth_differs',
            message: `Cell ${c.column}${c.row}: the stated year-on-year growth of ${info.nameEn}, ${c.stated}%, is not what the figures give: ${c.figure} on last year's ${lastYear} (${lastYearOf(c.period)}) is ${check.computed}%; please check the figure or last year's`,
            messageZh: `${c.column}${c.row}单元格：“${info.name}”的同比增速填报为 ${c.stated}%，按本期数 ${c.figure} 与上年同期数 ${lastYear}（${lastYearOf(c.period)}）计算为 ${check.computed}%，两者不符，请核实本期数或上年同期数`,
          });
      }
    }
  }
  notes.push({
    sheet: claims[0]?.sheet ?? '',
    row: null,
    code: 'growth_checked',
    message: `Year-on-year growth (同比) cells: ${agrees} agree with the figures, ${differs} do not, ${unchecked} could not be checked (no figure in the row or no figure for last year)`,
    messageZh: `同比增速单元格：${agrees} 个与数据相符，${differs} 个不符，${unchecked} 个无法核对（该行无本期数或无上年同期数）`,
  });
  return notes;
}
