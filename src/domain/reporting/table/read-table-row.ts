import { parsePeriod } from '../../period/period.ts';
import { normaliseText } from '../../text/normalise.ts';
import { splitHeaderUnit } from '../units.ts';
import { columnLetter } from './column-letter.ts';
import { isCategoryLabel, isFooterLabel, isTotalLabel, matchKey, type Qualifier } from './header-words.ts';
import { periodTextToCanonical } from './parse-period-text.ts';
import {
  FREQUENCY_ZH,
  isCumulativeColumn,
  unknownUnitProblem,
  type IndicatorRowsPlan,
  type LongPlan,
  type UnitsInColumnsPlan,
  type WidePlan,
} from './plan-sheet.ts';
import type { TableContext } from './table-context.ts';
import type { TableSink } from './table-sink.ts';
import type { SheetRow } from './table.types.ts';

/** What a row reader needs from the interpreter: lookups, reporting, and where figures go. */
export interface RowReader {
  ctx: TableContext;
  sink: TableSink;
  frequency: 'month' | 'quarter' | 'year';
  /** The sheet's period: its 报告期 line, else the upload's. */
  period: string | null;
  /** Reads one figure cell into a record (or a problem); blank cells are dropped. */
  emit(row: SheetRow, column: number, org: number, item: number, period: string, unit: string | null, cumulative: boolean): void;
  /** Reads one 同比 cell (growth in %) of the figure in `figureColumn` of the same row, to be checked. */
  growth(
    row: SheetRow,
    column: number,
    org: number,
    item: number,
    period: string,
    cumulative: boolean,
    figureColumn: number | null,
  ): void;
}

const text = (cell: string | null | undefined): string => (cell ? normaliseText(cell).trim() : '');
const isBlank = (cell: string | null | undefined): boolean => text(cell) === '';

function firstFilled(row: SheetRow, columns: readonly number[]): { column: number; text: string } | null {
  for (const column of columns) {
    const t = text(row.cells[column]);
    if (t) return { column, text: t };
  }
  return null;
}

function note(r: RowReader, row: SheetRow, code: string, en: string, zh: string): void {
  r.sink.note({ sheet: row.sheet, row: row.row, code, message: `Row ${row.row} ${en}`, messageZh: `第${row.row}行${zh}` });
}

function problem(
  r: RowReader,
  row: SheetRow,
  column: number | null,
  code: string,
  en: string,
  zh: string,
  extra: { mapText?: string } = {},
): void {
  r.sink.problem({
    ...extra,
    sheet: row.sheet,
    row: row.row,
    column: column === null ? null : columnLetter(column),
    value: column === null ? null : (row.cells[column] ?? null),
    code,
    reason: en,
    reasonZh: zh,
  });
}

/** A note under the table ("填表人：…", "注：…") starting in any column. */
function isFooterRow(r: RowReader, row: SheetRow): boolean {
  const first = row.cells.find((c) => !isBlank(c));
  const t = text(first);
  if (!first || !isFooterLabel(t)) return false;
  note(r, row, 'footer_row', `"${t}" is a note under the table and was skipped`, `“${t}”为表尾说明，已跳过`);
  return true;
}

/**
 * Names the unit of a row, or says why the row is skipped: footers, total and subtotal rows,
 * category lines without figures. Returns the unit index or null (row done).
 */
function rowUnit(r: RowReader, row: SheetRow, orgColumns: readonly number[], hasFigures: boolean): number | null {
  const org = firstFilled(row, orgColumns);
  if (!org) {
    if (hasFigures)
      problem(
        r,
        row,
        orgColumns[0] ?? null,
        'missing_org_unit',
        `Row ${row.row} has figures but no reporting unit`,
        `第${row.row}行有数据但未填写填报单位`,
      );
    return null;
  }
  if (isTotalLabel(org.text)) {
    note(
      r,
      row,
      'total_row_skipped',
      `"${org.text}" is a total or subtotal row and was skipped`,
      `“${org.text}”为合计或小计行，已跳过`,
    );
    return null;
  }
  const found = r.ctx.findUnit(org.text);
  if (found?.kind === 'unit') return found.index;
  if (found?.kind === 'ambiguous') {
    problem(
      r,
      row,
      org.column,
      'ambiguous_org_unit',
      `"${org.text}" matches several reporting units (${found.codes.join(', ')}); use the unit code`,
      `“${org.text}”对应多个填报单位（${found.codes.join('、')}），请填写单位代码`,
    );
    return null;
  }
  if (!hasFigures || isCategoryLabel(org.text)) {
    note(
      r,
      row,
      'row_skipped',
      `"${org.text}" is not a reporting unit and has no figures; skipped`,
      `“${org.text}”不是填报单位且无数据，已跳过`,
    );
    return null;
  }
  r.sink.problem(
    unknownUnitProblem(
      r.ctx,
      { sheet: row.sheet, row: row.row, column: columnLetter(org.column), value: row.cells[org.column] ?? null },
      org.text,
    ),
  );
  return null;
}

/** The row's own period (its period cell), the sheet's when the cell is blank; undefined = row done. */
function rowPeriod(r: RowReader, row: SheetRow, column: number | null): string | null | undefined {
  if (column === null || isBlank(row.cells[column])) return r.period;
  const raw = text(row.cells[column]);
  const period = periodTextToCanonical(raw);
  if (!period) {
    problem(
      r,
      row,
      column,
      'bad_period',
      `"${raw}" is not a period (e.g. 2024年6月, 2024-06, 2024Q2)`,
      `“${raw}”不是有效的期间（如2024年6月、2024-06、2024Q2）`,
    );
    return undefined;
  }
  if (parsePeriod(period)?.kind !== r.frequency) {
    problem(
      r,
      row,
      column,
      'period_frequency',
      `"${raw}" (${period}) is not a ${r.frequency} period`,
      `“${raw}”（${period}）不是${FREQUENCY_ZH[r.frequency]}`,
    );
    return undefined;
  }
  return period;
}

function missingPeriod(r: RowReader, row: SheetRow, column: number | null): void {
  problem(
    r,
    row,
    column,
    'missing_period',
    `Row ${row.row} states no period and the upload names none`,
    `第${row.row}行未填写期间，本次上传也未指定期间`,
  );
}

export function readWideRow(r: RowReader, plan: WidePlan, row: SheetRow): void {
  const hasFigures = plan.columns.some((c) => !isBlank(row.cells[c.index]));
  if ((!hasFigures && row.cells.every(isBlank)) || isFooterRow(r, row)) return;
  const org = rowUnit(r, row, plan.orgColumns, hasFigures);
  if (org === null || !hasFigures) return;
  const period = rowPeriod(r, row, plan.periodColumn);
  if (period === undefined) return;
  let warned = false;
  for (const c of plan.columns) {
    if (isBlank(row.cells[c.index])) continue;
    const p = c.period ?? period;
    if (p === null) {
      if (!warned) missingPeriod(r, row, plan.periodColumn);
      warned = true;
      continue;
    }
    r.emit(row, c.index, org, c.item, p, c.unit, c.cumulative);
  }
  for (const g of plan.growth) {
    if (isBlank(row.cells[g.index])) continue;
    const figure = plan.columns.find((c) => c.index === g.figureColumn);
    const p = figure?.period ?? period;
    if (p === null) continue;
    const cumulative = figure ? figure.cumulative : isCumulativeColumn(g.qualifier, r.ctx.items[g.item!]!);
    r.growth(row, g.index, org, g.item!, p, cumulative, g.figureColumn);
  }
}

/** The indicator a cell names, allowing a unit in brackets ("营业收入（万元）"). */
function cellItem(r: RowReader, name: string): { item: number; unit: string | null } | null {
  const direct = r.ctx.findItem(name);
  if (direct !== null) return { item: direct, unit: null };
  const split = splitHeaderUnit(name);
  const item = split.unit ? r.ctx.findItem(split.name) : null;
  return item === null ? null : { item, unit: r.ctx.unitOf(split.unit!) ?? split.unit };
}

function unknownIndicator(r: RowReader, row: SheetRow, column: number, name: string): void {
  problem(
    r,
    row,
    column,
    'unknown_indicator',
    `"${name}" is not an indicator of this form (by code, name or synonym)`,
    `“${name}”不是本报表的指标（按代码、名称或别名均未匹配）`,
    { mapText: splitHeaderUnit(name).name.trim() || name },
  );
}

/** The unit a 计量单位 cell gives, or null when blank. */
function unitCell(r: RowReader, row: SheetRow, column: number | null): string | null {
  const t = column === null ? '' : text(row.cells[column]);
  return t ? (r.ctx.unitOf(t) ?? t) : null;
}

export function readLongRow(r: RowReader, plan: LongPlan, row: SheetRow): void {
  const hasFigures = !isBlank(row.cells[plan.valueColumn]);
  if ((!hasFigures && row.cells.every(isBlank)) || isFooterRow(r, row)) return;
  const org = rowUnit(r, row, plan.orgColumns, hasFigures);
  if (org === null || !hasFigures) return;
  const named = firstFilled(row, plan.indicatorColumns);
  if (!named) {
    problem(
      r,
      row,
      plan.indicatorColumns[0]!,
      'missing_indicator',
      `Row ${row.row} names no indicator`,
      `第${row.row}行未填写指标`,
    );
    return;
  }
  const found = cellItem(r, named.text);
  if (!found) return unknownIndicator(r, row, named.column, named.text);
  const period = rowPeriod(r, row, plan.periodColumn);
  if (period === undefined) return;
  if (period === null) return missingPeriod(r, row, plan.periodColumn);
  const item = r.ctx.items[found.item]!;
  r.emit(
    row,
    plan.valueColumn,
    org,
    found.item,
    period,
    unitCell(r, row, plan.unitColumn) ?? found.unit,
    item.cumulative === true,
  );
  if (plan.growthColumn !== null && !isBlank(row.cells[plan.growthColumn]))
    r.growth(row, plan.growthColumn, org, found.item, period, item.cumulative === true, plan.valueColumn);
}

/** "一、", "（二）", "1." and "其中：" in front of an indicator name are layout, not the name. */
function bareIndicatorName(name: string): string {
  return name
    .replace(/^[(（]?[一二三四五六七八九十\d]+[)）、.．]\s*/, '')
    .replace(/^其中\s*[:：]\s*/, '')
    .trim();
}

/**
 * Emits the figure of each filled column of one indicator's row, in the unit and for the reporting
 * unit `at` gives; a column with no period (and none for the sheet) is reported once per row.
 */
function emitColumns<C extends { index: number; period: string | null; qualifier: Qualifier }>(
  r: RowReader,
  row: SheetRow,
  columns: readonly C[],
  itemIndex: number,
  at: (c: C) => { org: number; unit: string | null },
): void {
  const item = r.ctx.items[itemIndex]!;
  let warned = false;
  for (const c of columns) {
    if (isBlank(row.cells[c.index])) continue;
    const p = c.period ?? r.period;
    if (p === null) {
      if (!warned) missingPeriod(r, row, null);
      warned = true;
      continue;
    }
    const { org, unit } = at(c);
    r.emit(row, c.index, org, itemIndex, p, unit, isCumulativeColumn(c.qualifier, item));
  }
}

export function readIndicatorRow(r: RowReader, plan: IndicatorRowsPlan, org: number, row: SheetRow): void {
  const all = plan.values;
  const hasFigures = all.some((c) => !isBlank(row.cells[c.index]));
  if (isFooterRow(r, row)) return;
  const found = rowItem(r, row, plan.indicatorColumns, hasFigures);
  if (!found) return;
  const item = r.ctx.items[found.item]!;
  const unit = unitCell(r, row, plan.unitColumn) ?? found.unit;
  emitColumns(r, row, plan.values, found.item, (c) => ({ org, unit: unit ?? c.unit }));
  for (const g of plan.growth) {
    if (isBlank(row.cells[g.index])) continue;
    const figure = plan.values.find((c) => c.index === g.figureColumn);
    const p = figure?.period ?? r.period;
    if (p === null) continue;
    r.growth(row, g.index, org, found.item, p, isCumulativeColumn(figure?.qualifier ?? g.qualifier, item), g.figureColumn);
  }
}

/** Finds the indicator a row of an indicators-in-rows table names; null (row done) otherwise. */
function rowItem(
  r: RowReader,
  row: SheetRow,
  indicatorColumns: readonly number[],
  hasFigures: boolean,
): { item: number; unit: string | null } | null {
  const named = firstFilled(row, indicatorColumns);
  if (!named) {
    if (hasFigures)
      problem(
        r,
        row,
        indicatorColumns[0]!,
        'missing_indicator',
        `Row ${row.row} has figures but names no indicator`,
        `第${row.row}行有数据但未填写指标`,
      );
    return null;
  }
  const name = bareIndicatorName(named.text);
  const found = cellItem(r, name) ?? cellItem(r, name.replace(/\s+/g, ''));
  if (!found) {
    if (hasFigures) unknownIndicator(r, row, named.column, named.text);
    else if (matchKey(name))
      note(r, row, 'row_skipped', `"${named.text}" has no figures; skipped`, `“${named.text}”无数据，已跳过`);
    return null;
  }
  return hasFigures ? found : null;
}

/** One row of a transposed table: one indicator, one figure per unit column. */
export function readUnitsInColumnsRow(r: RowReader, plan: UnitsInColumnsPlan, row: SheetRow): void {
  const hasFigures = plan.columns.some((c) => !isBlank(row.cells[c.index]));
  if (isFooterRow(r, row)) return;
  const found = rowItem(r, row, plan.indicatorColumns, hasFigures);
  if (!found) return;
  const item = r.ctx.items[found.item]!;
  const unit = unitCell(r, row, plan.unitColumn) ?? found.unit;
  emitColumns(r, row, plan.columns, found.item, (c) => ({ org: c.org, unit }));
  // Each 同比 cell is the growth of its unit's figure: of the kind it states, else the nearest on its left.
  for (const g of plan.growth) {
    if (isBlank(row.cells[g.index])) continue;
    const own = plan.columns.filter((c) => c.org === g.org);
    const kind = g.qualifier === null ? own : own.filter((c) => c.qualifier === g.qualifier);
    const figure = kind.filter((c) => c.index < g.index).at(-1) ?? kind[0] ?? null;
    const p = figure?.period ?? r.period;
    if (p === null) continue;
    r.growth(
      row,
      g.index,
      g.org,
      found.item,
      p,
      isCumulativeColumn(figure?.qualifier ?? g.qualifier, item),
      figure?.index ?? null,
    );
  }
}
