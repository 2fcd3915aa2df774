import type { TableItem, TableProblem, TableUnit } from './table.types.ts';

/**
 * The problem for a figure given twice in one upload, naming where it was first given. Shared by
 * the interpreter and the importer's staging check, so both say it the same way.
 */
export function duplicateProblem(d: {
  at: { sheet: string; row: number; column: string; value: string | null };
  first: { sheet: string; cell: string };
  unit: Pick<TableUnit, 'code' | 'name'>;
  item: Pick<TableItem, 'name' | 'nameEn'>;
  period: string;
}): TableProblem {
  return {
    sheet: d.at.sheet,
    row: d.at.row,
    column: d.at.column,
    value: d.at.value,
    code: 'duplicate',
    reason: `${d.item.nameEn} of ${d.unit.code} for ${d.period} was already given in sheet "${d.first.sheet}" cell ${d.first.cell}`,
    reasonZh: `${d.unit.name}${d.period}的“${d.item.name}”已在工作表“${d.first.sheet}”${d.first.cell}单元格填报，重复`,
  };
}
