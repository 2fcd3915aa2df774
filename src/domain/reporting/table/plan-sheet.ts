import { formatPeriod, parsePeriod } from '../../period/period.ts';
import { normaliseText } from '../../text/normalise.ts';
import { convertUnit, splitHeaderUnit, unitDimension } from '../units.ts';
import { columnLetter } from './column-letter.ts';
import {
  INDICATOR_HEADERS,
  isGrowthHeading,
  isPeriodOnPeriodHeading,
  isTotalLabel,
  matchKey,
  MEASURE_UNIT_HEADERS,
  ORG_CODE_HEADERS,
  ORG_NAME_HEADERS,
  PERIOD_HEADERS,
  qualifierOf,
  SKIPPED_HEADERS,
  valueHeading,
  withoutPeriodWords,
  type Qualifier,
} from './header-words.ts';
import { monthWithoutYear } from './heading-month.ts';
import { findPeriodInText } from './period-in-text.ts';
import { periodTextToCanonical } from './parse-period-text.ts';
import type { TableContext } from './table-context.ts';
import type { TableSink } from './table-sink.ts';
import type { SheetRow, TableLayout } from './table.types.ts';

/** A column holding one indicator's figures. */
export interface ValueColumn {
  index: number;
  item: number;
  /** Unit the heading (or a unit row, or the sheet's 单位： line) gives the figures in. */
  unit: string | null;
  /** Period the heading states, if any. */
  period: string | null;
  /** A month the heading states without a year ("1-5月累计"), placed in the sheet's year once that is known. */
  month?: number | null;
  qualifier: Qualifier;
}

/** The kind of figure a column holds for an item: its qualifier when it states one, else the item's own kind. */
export function isCumulativeColumn(qualifier: Qualifier, item: { cumulative?: boolean }): boolean {
  return qualifier === 'cumulative' ? true : qualifier === 'current' ? false : item.cumulative === true;
}

/** A 同比 column (growth on the same period last year, %): checked against the figures, never stored. */
export interface GrowthColumn {
  index: number;
  /** The indicator (wide tables); null in an indicators-in-rows table, where it is the row's. */
  item: number | null;
  /** The figure column it is the growth of, when the table has it (its period and kind apply). */
  figureColumn: number | null;
  qualifier: Qualifier;
}

export interface WidePlan {
  layout: 'wide';
  /** Unit code column first, then unit name column: the first non-blank one names the row's unit. */
  orgColumns: number[];
  periodColumn: number | null;
  columns: (ValueColumn & { cumulative: boolean })[];
  growth: GrowthColumn[];
}

export interface LongPlan {
  layout: 'long';
  orgColumns: number[];
  indicatorColumns: number[];
  periodColumn: number | null;
  valueColumn: number;
  unitColumn: number | null;
  /** A 同比 column: the growth (%) of each row's figure, checked against last year's. */
  growthColumn: number | null;
}

export interface IndicatorRowsPlan {
  layout: 'indicator_rows';
  indicatorColumns: number[];
  unitColumn: number | null;
  /** Every value column: 本月/当月 and 本年累计 are both read, each stored as its own kind of figure. */
  values: ValueColumn[];
  growth: GrowthColumn[];
}

/** A column of a transposed table: one reporting unit's figures (of one kind, maybe of one period). */
export interface UnitColumn {
  index: number;
  org: number;
  qualifier: Qualifier;
  period: string | null;
  /** As ValueColumn.month. */
  month?: number | null;
}

/** The transpose of wide: one row per indicator, one column per reporting unit (片区 across the top). */
export interface UnitsInColumnsPlan {
  layout: 'units_in_columns';
  indicatorColumns: number[];
  unitColumn: number | null;
  columns: UnitColumn[];
  /**
   * Blank heading cells right of a unit (merged over 本月 | 累计): they belong to that unit once a
   * sub-heading row names their kind.
   */
  pending: { index: number; org: number }[];
  /** 同比 columns: each the growth of one unit's figure of the row's indicator (issue 18). */
  growth: UnitGrowthColumn[];
}

/** A 同比 column of a transposed table: the unit it names, else the unit column on its left. */
export interface UnitGrowthColumn {
  index: number;
  org: number;
  qualifier: Qualifier;
}

export type SheetPlan = WidePlan | LongPlan | IndicatorRowsPlan | UnitsInColumnsPlan;

export interface PlanInput {
  ctx: TableContext;
  sink: TableSink;
  sheet: string;
  frequency: 'month' | 'quarter' | 'year';
  /** From a "单位：万元" line above the table. */
  sheetUnit: string | null;
}

const text = (cell: string | null | undefined): string => (cell ? normaliseText(cell).trim() : '');

/**
 * Which layout a row heads, if it is a table heading at all. A lone "单位" next to 指标 is the
 * measurement-unit column of an indicator-row table, not a column of reporting units.
 */
export function headingLayout(cells: readonly (string | null)[]): TableLayout | null {
  let org = 0;
  let bareUnit = false;
  let indicator = false;
  let value = false;
  let period = false;
  for (const cell of cells) {
    const t = text(cell);
    if (!t) continue;
    const k = matchKey(t);
    if (ORG_NAME_HEADERS.has(k) || ORG_CODE_HEADERS.has(k)) {
      org++;
      if (k === '单位') bareUnit = true;
    }
    if (INDICATOR_HEADERS.has(k)) indicator = true;
    if (valueHeading(t)) value = true;
    if (/\d{4}/.test(t) && periodTextToCanonical(t)) period = true;
  }
  if (indicator && org === 1 && bareUnit) org = 0;
  if (org > 0 && indicator && value) return 'long';
  if (org > 0) return 'wide';
  if (indicator && (value || period)) return 'indicator_rows';
  return null;
}

/** Role of the bare "单位" heading depends on the layout (see headingLayout). */
function orgColumns(cells: readonly string[], layout: TableLayout): number[] {
  const codes: number[] = [];
  const names: number[] = [];
  cells.forEach((t, i) => {
    const k = matchKey(t);
    if (ORG_CODE_HEADERS.has(k)) codes.push(i);
    else if (ORG_NAME_HEADERS.has(k) && !(layout === 'indicator_rows' && k === '单位')) names.push(i);
  });
  return [...codes.slice(0, 1), ...names.slice(0, 1)];
}

/**
 * Stacks the heading rows of a wide table into one list of parts per column. Merged cells carry
 * their text only in the top-left cell, so a blank is filled from its left neighbour: freely in
 * the top row, and below only where the cell above was itself filled (inside the same merged
 * group), so that a vertically merged heading does not leak into the next column.
 */
export function stackHeadings(rows: readonly (readonly (string | null)[])[]): { parts: string[]; own: boolean }[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const cols = Array.from({ length: width }, () => ({ parts: [] as string[], own: false }));
  let filledAbove: boolean[] = [];
  rows.forEach((row, r) => {
    const filled: boolean[] = [];
    let left = '';
    for (let j = 0; j < width; j++) {
      let t = text(row[j]);
      if (t) {
        filled[j] = false;
        cols[j]!.own = true;
      } else if (left && (r === 0 || filledAbove[j])) {
        t = left;
        filled[j] = true;
      }
      const parts = cols[j]!.parts;
      if (t && parts[parts.length - 1] !== t) parts.push(t);
      left = t;
    }
    filledAbove = filled;
  });
  return cols;
}

/** Removes 本月/本年累计 and the like around an indicator name: "本年累计营业收入" → 营业收入. */
function withoutQualifier(name: string): string {
  return name
    .replace(/^(本年累计|本月|本期|本年|累计|当月|全年|年末|期末|1[-~至]?\d{1,2}月)/, '')
    .replace(/(本年累计|本月|本期|累计|完成)$/, '');
}

interface HeadingReading {
  item: number | null;
  unit: string | null;
  qualifier: Qualifier;
  period: string | null;
  month: number | null;
  growth: boolean;
  unitOnly: boolean;
}

/** Reads a column's stacked heading parts: which indicator, unit, 本月/累计, stated period. */
function readHeading(ctx: TableContext, parts: readonly string[]): HeadingReading {
  const out: HeadingReading = {
    item: null,
    unit: null,
    qualifier: null,
    period: null,
    month: null,
    growth: false,
    unitOnly: true,
  };
  let itemUnit: string | null = null;
  let otherUnit: string | null = null;
  for (let p = parts.length - 1; p >= 0; p--) {
    const part = parts[p]!;
    const pure = ctx.unitOf(part);
    if (pure) {
      otherUnit ??= pure;
      continue;
    }
    out.unitOnly = false;
    const core = withoutPeriodWords(part);
    const split = splitHeaderUnit(core || part);
    const bracketUnit = split.unit ? ctx.unitOf(split.unit) : null;
    const inner = split.unit && !bracketUnit ? split.unit : null;
    const found = out.item === null ? findHeadingItem(ctx, part, split.name, core) : null;
    if (found !== null) {
      out.item = found;
      itemUnit = bracketUnit;
    } else {
      if (isGrowthHeading(part)) out.growth = true;
      if (bracketUnit) otherUnit ??= bracketUnit;
    }
    for (const t of inner ? [part, split.name, inner] : [part, split.name]) {
      out.qualifier ??= qualifierOf(t);
      if (/\d{4}/.test(t)) out.period ??= periodTextToCanonical(t) ?? headingPeriod(t);
      else out.month ??= monthWithoutYear(t);
    }
  }
  out.unit = itemUnit ?? otherUnit;
  return out;
}

/** A month or quarter stated inside a heading ("营业收入2024年1-6月累计"). */
function headingPeriod(t: string): string | null {
  const p = findPeriodInText(t, { yearAlone: false });
  return p ? formatPeriod(p) : null;
}

function findHeadingItem(ctx: TableContext, part: string, name: string, core: string): number | null {
  for (const candidate of [part, name, withoutQualifier(matchKey(name)), core]) {
    const found = candidate ? ctx.findItem(candidate) : null;
    if (found !== null) return found;
  }
  return null;
}

function skippedNote(
  input: PlanInput,
  row: number | null,
  column: number,
  heading: string,
  en: string,
  zh: string,
  mapText?: string,
): void {
  const col = columnLetter(column);
  input.sink.note({
    sheet: input.sheet,
    row,
    code: 'column_ignored',
    message: `Column ${col} "${heading}" ignored: ${en}`,
    messageZh: `第${col}列“${heading}”未导入：${zh}`,
    ...(mapText ? { mapText } : {}),
  });
}

/** The name a heading gives without its unit and period words ("营收（万元）1-6月" → 营收): what a mapping keys on. */
function headingName(ctx: TableContext, parts: readonly string[]): string {
  const named = parts.filter((p) => !ctx.unitOf(p));
  const last = named[named.length - 1] ?? '';
  return splitHeaderUnit(withoutPeriodWords(last) || last).name.trim();
}

/**
 * Checks that a heading's unit converts into the indicator's; the sheet's "单位：" line applies only
 * to columns of the same dimension (a 万元 line says nothing about 从业人员). Returns the unit to
 * read the column in, or false when the column cannot be read.
 */
function columnUnit(input: PlanInput, row: number | null, column: number, heading: string, item: number, unit: string | null) {
  const target = input.ctx.items[item]!;
  let from = unit;
  if (!from && input.sheetUnit) {
    const d = unitDimension(input.sheetUnit);
    if (d && d === unitDimension(target.unit)) from = input.sheetUnit;
  }
  if (!from || from === target.unit) return { ok: true as const, unit: from };
  const c = convertUnit('1', from, target.unit);
  if (c.ok) return { ok: true as const, unit: from };
  const col = columnLetter(column);
  headingProblem(
    input,
    row,
    col,
    heading,
    'header_unit_mismatch',
    `Column ${col} "${heading}" is in ${from}, which cannot be converted to ${target.unit} (${target.nameEn}); the column was not imported`,
    `第${col}列“${heading}”的单位“${from}”无法换算为“${target.name}”的单位“${target.unit}”，该列未导入`,
  );
  return { ok: false as const };
}

/**
 * Keeps one column per (indicator, period, kind): 当月 and 本年累计 of one indicator are both read and
 * stored as their own figures. Two columns claiming the same figure are an error, never a quiet choice.
 */
function chooseColumns<C extends ValueColumn & { cumulative: boolean }>(
  input: PlanInput,
  row: number | null,
  cols: C[],
  headings: readonly string[],
): C[] {
  const groups = new Map<string, C[]>();
  for (const c of cols) {
    const key = `${c.item}|${c.period ?? c.month ?? ''}|${c.cumulative}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const kept: C[] = [];
  for (const group of groups.values()) {
    const item = input.ctx.items[group[0]!.item]!;
    // A column that says what it holds (本年累计) beats one that leaves it to the indicator's kind.
    const best = group.find((c) => c.qualifier !== null) ?? group[0]!;
    kept.push(best);
    for (const c of group) {
      if (c === best) continue;
      const col = columnLetter(c.index);
      const bestCol = columnLetter(best.index);
      input.sink.problem({
        sheet: input.sheet,
        row,
        column: col,
        value: headings[c.index] ?? null,
        code: 'duplicate_column',
        reason: `Columns ${bestCol} and ${col} both hold the ${c.cumulative ? 'year-to-date' : 'current-period'} ${item.nameEn} (${item.indicator}); only column ${bestCol} was imported`,
        reasonZh: `第${bestCol}列和第${col}列都是“${item.name}”的${c.cumulative ? '累计数' : '本期数'}，仅导入了第${bestCol}列`,
      });
    }
  }
  return kept.sort((a, b) => a.index - b.index);
}

/**
 * A heading that names an indicator but cannot be read as one of the form's columns: it names
 * an indicator PlanTrack knows that is not on this form, or contains the name of one that is
 * ("营业收入占比") in words the reader does not understand. Either way the figures would be
 * lost, so the upload is refused at that column instead.
 */
function unmappedColumn(
  input: PlanInput,
  row: number | null,
  column: number,
  heading: string,
  parts: readonly string[],
): boolean {
  const col = columnLetter(column);
  for (const part of parts) {
    const core = splitHeaderUnit(withoutPeriodWords(part) || part).name;
    const other = input.ctx.findOtherIndicator(core) ?? input.ctx.findOtherIndicator(part);
    if (other) {
      headingProblem(
        input,
        row,
        col,
        heading,
        'indicator_not_on_form',
        `Column ${col} "${heading}" holds ${other.nameEn} (${other.indicator}), which this form does not collect; remove the column or ask for the form to include it`,
        `第${col}列“${heading}”是指标“${other.name}”，本报表不采集该指标；请删除该列，或申请将其加入报表`,
      );
      return true;
    }
  }
  const mentioned = parts.map((p) => input.ctx.mentionsItem(p)).find((i) => i !== null);
  if (mentioned === undefined || mentioned === null) return false;
  const item = input.ctx.items[mentioned]!;
  headingProblem(
    input,
    row,
    col,
    heading,
    'unmapped_indicator_column',
    `Column ${col} "${heading}" mentions ${item.nameEn} (${item.indicator}) but its heading could not be read as that indicator's figures; write the heading as the indicator's name with its unit and period (e.g. "${item.name}（${item.unit}）1-6月累计")`,
    `第${col}列“${heading}”含指标“${item.name}”，但无法识别为该指标的数据列；请将表头写为指标名称加单位和期间（如“${item.name}（${item.unit}）1-6月累计”）`,
  );
  return true;
}

function statedPeriod(input: PlanInput, row: number | null, column: number, heading: string, period: string | null): boolean {
  if (period === null || parsePeriod(period)?.kind === input.frequency) return true;
  const col = columnLetter(column);
  headingProblem(
    input,
    row,
    col,
    heading,
    'period_frequency',
    `Column ${col} "${heading}" is for ${period}, not a ${input.frequency} period; the column was not imported`,
    `第${col}列“${heading}”的期间${period}不是${FREQUENCY_ZH[input.frequency]}，该列未导入`,
  );
  return false;
}

export const FREQUENCY_ZH = { month: '月度期间', quarter: '季度期间', year: '年度期间' } as const;

/** Plans a wide table (one row per unit, one column per indicator) from its stacked heading rows. */
export function planWide(input: PlanInput, headingRows: readonly SheetRow[]): WidePlan | null {
  const row = headingRows[0]?.row ?? null;
  const stacked = stackHeadings(headingRows.map((r) => r.cells));
  const headings = stacked.map((c) => c.parts.join(' / '));
  // Any part of a stacked heading may name the unit column ("单位名称" merged down over the rows).
  const org: number[] = [];
  const codeCols: number[] = [];
  let periodColumn: number | null = null;
  const candidates: (ValueColumn & { cumulative: boolean })[] = [];
  const growthHeadings: { index: number; item: number | null; qualifier: Qualifier }[] = [];
  stacked.forEach((col, j) => {
    if (col.parts.length === 0) return;
    const keys = col.parts.map(matchKey);
    if (keys.some((k) => ORG_CODE_HEADERS.has(k))) return void codeCols.push(j);
    if (keys.some((k) => ORG_NAME_HEADERS.has(k))) return void org.push(j);
    if (keys.some((k) => PERIOD_HEADERS.has(k))) {
      periodColumn ??= j;
      return;
    }
    if (!col.own) return;
    if (keys.some((k) => SKIPPED_HEADERS.has(k)))
      return skippedNote(input, row, j, headings[j]!, 'not an indicator column', '非指标列');
    const h = readHeading(input.ctx, col.parts);
    if (h.growth && isPeriodOnPeriodHeading(headings[j]!)) return periodOnPeriodNote(input, row, j, headings[j]!);
    if (h.growth) {
      const named = h.item ?? col.parts.map((p) => input.ctx.mentionsItem(p)).find((i) => i !== null) ?? null;
      growthHeadings.push({ index: j, item: named, qualifier: h.qualifier });
      return;
    }
    if (h.item === null) {
      if (h.unitOnly) return;
      if (unmappedColumn(input, row, j, headings[j]!, col.parts)) return;
      return skippedNote(
        input,
        row,
        j,
        headings[j]!,
        'no indicator of this form has that name',
        '本报表没有该名称的指标',
        headingName(input.ctx, col.parts),
      );
    }
    if (!statedPeriod(input, row, j, headings[j]!, h.period)) return;
    const unit = columnUnit(input, row, j, headings[j]!, h.item, h.unit);
    if (!unit.ok) return;
    const cumulative = isCumulativeColumn(h.qualifier, input.ctx.items[h.item]!);
    candidates.push({
      index: j,
      item: h.item,
      unit: unit.unit,
      period: h.period,
      month: h.period ? null : h.month,
      qualifier: h.qualifier,
      cumulative,
    });
  });
  if (codeCols.length + org.length === 0 || candidates.length === 0) return null;
  const columns = chooseColumns(input, row, candidates, headings);
  return {
    layout: 'wide',
    orgColumns: [...codeCols.slice(0, 1), ...org.slice(0, 1)],
    periodColumn,
    columns,
    growth: growthHeadings.flatMap((g) => wideGrowthColumn(input, row, g, columns, headings[g.index]!)),
  };
}

/**
 * Binds a 同比 heading to its figures: the indicator it names, else (a bare "同比增长%") the figure
 * column just left of it; of that indicator's columns, the one of the kind it states, nearest on
 * its left. A growth column of no indicator of this form is noted as not imported.
 */
function wideGrowthColumn(
  input: PlanInput,
  row: number | null,
  g: { index: number; item: number | null; qualifier: Qualifier },
  columns: readonly (ValueColumn & { cumulative: boolean })[],
  heading: string,
): GrowthColumn[] {
  const left = columns.filter((c) => c.index < g.index).at(-1);
  const item = g.item ?? (left && left.index === g.index - 1 ? left.item : null);
  if (item === null) {
    skippedNote(input, row, g.index, heading, 'a growth rate of no indicator of this form', '增速类列，未对应本报表指标');
    return [];
  }
  const target = input.ctx.items[item]!;
  const same = columns.filter(
    (c) => c.item === item && (g.qualifier === null || c.cumulative === isCumulativeColumn(g.qualifier, target)),
  );
  const figure = same.filter((c) => c.index < g.index).at(-1) ?? same[0] ?? null;
  growthNote(input, row, g.index, heading, `“${target.name}”`, target.nameEn);
  return [{ index: g.index, item, figureColumn: figure?.index ?? null, qualifier: figure?.qualifier ?? g.qualifier }];
}

function periodOnPeriodNote(input: PlanInput, row: number | null, column: number, heading: string): void {
  const col = columnLetter(column);
  headingNote(
    input,
    row,
    'period_on_period_column',
    `Column ${col} "${heading}" is a change on the previous period (环比): not stored as a figure and not checked (only 同比 is checked against last year)`,
    `第${col}列“${heading}”是环比增速：不作为填报数写入，未核对（只按上年同期数核对同比）`,
  );
}

function growthNote(input: PlanInput, row: number | null, column: number, heading: string, name: string, nameEn: string): void {
  const col = columnLetter(column);
  headingNote(
    input,
    row,
    'growth_column',
    `Column ${col} "${heading}" is the year-on-year growth (%) of ${nameEn}: not stored as a figure, checked against last year's figure`,
    `第${col}列“${heading}”是${name}的同比增速（%）：不作为填报数写入，已按上年同期数核对`,
  );
}

/** Plans a long table (unit, indicator, period, value, unit of measure per row) from its heading row. */
export function planLong(input: PlanInput, heading: SheetRow): LongPlan | null {
  const cells = heading.cells.map(text);
  const indicatorColumns: number[] = [];
  let valueColumn: number | null = null;
  let periodColumn: number | null = null;
  let unitColumn: number | null = null;
  let growthColumn: number | null = null;
  const periodOnPeriod: number[] = [];
  cells.forEach((t, j) => {
    const k = matchKey(t);
    if (!k) return;
    if (INDICATOR_HEADERS.has(k)) indicatorColumns.push(j);
    else if (PERIOD_HEADERS.has(k)) periodColumn ??= j;
    else if (MEASURE_UNIT_HEADERS.has(k)) unitColumn ??= j;
    else if (isPeriodOnPeriodHeading(t)) periodOnPeriod.push(j);
    else if (isGrowthHeading(t)) growthColumn ??= j;
    else if (valueColumn === null && valueHeading(t)) valueColumn = j;
  });
  const org = orgColumns(cells, 'long');
  if (org.length === 0 || indicatorColumns.length === 0 || valueColumn === null) return null;
  // Noted only once the layout is taken: planLong is tried on headings that turn out to be other layouts.
  for (const j of periodOnPeriod) periodOnPeriodNote(input, heading.row, j, cells[j]!);
  if (growthColumn !== null)
    growthNote(input, heading.row, growthColumn, cells[growthColumn]!, '各行指标', 'the indicator of each row');
  return { layout: 'long', orgColumns: org, indicatorColumns, periodColumn, valueColumn, unitColumn, growthColumn };
}

/** A heading cell the import refuses (the whole file is then refused), quoting the heading. */
function headingProblem(
  input: PlanInput,
  row: number | null,
  col: string,
  heading: string,
  code: string,
  reason: string,
  reasonZh: string,
): void {
  input.sink.problem({ sheet: input.sheet, row, column: col, value: heading, code, reason, reasonZh });
}

/** A note on how a heading cell was read (not stored, checked only…); the import goes on. */
function headingNote(input: PlanInput, row: number | null, code: string, message: string, messageZh: string): void {
  input.sink.note({ sheet: input.sheet, row, code, message, messageZh });
}

/** The columns an indicator-row and a transposed heading share: the indicator's name and its unit of measure. */
interface FixedColumns {
  indicatorColumns: number[];
  unitColumn: number | null;
}

/**
 * Takes heading cell j when it is the indicator or unit-of-measure column, or a column both layouts
 * skip with a note (非数值列, 环比); true when taken, so the caller reads the cell no further.
 */
function takeFixedColumn(input: PlanInput, row: number, j: number, t: string, k: string, fixed: FixedColumns): boolean {
  if (INDICATOR_HEADERS.has(k)) fixed.indicatorColumns.push(j);
  else if (MEASURE_UNIT_HEADERS.has(k) || k === '单位') fixed.unitColumn ??= j;
  else if (SKIPPED_HEADERS.has(k)) skippedNote(input, row, j, t, 'not a value column', '非数值列');
  else if (isPeriodOnPeriodHeading(t)) periodOnPeriodNote(input, row, j, t);
  else return false;
  return true;
}

/** Plans an indicator-row table (one unit per sheet, one row per indicator) from its heading row. */
export function planIndicatorRows(input: PlanInput, heading: SheetRow): IndicatorRowsPlan | null {
  const cells = heading.cells.map(text);
  const fixed: FixedColumns = { indicatorColumns: [], unitColumn: null };
  const values: ValueColumn[] = [];
  const growth: GrowthColumn[] = [];
  cells.forEach((t, j) => {
    const k = matchKey(t);
    if (!k) return;
    if (takeFixedColumn(input, heading.row, j, t, k, fixed)) return;
    if (isGrowthHeading(t)) {
      growth.push({ index: j, item: null, figureColumn: null, qualifier: qualifierOf(t) });
      return;
    }
    const split = splitHeaderUnit(t);
    const value = valueHeading(t) ?? valueHeading(split.name);
    const period = /\d{4}/.test(t) ? periodTextToCanonical(t) : null;
    if (!value && !period) return skippedNote(input, heading.row, j, t, 'not a value column', '非数值列');
    if (!statedPeriod(input, heading.row, j, t, period)) return;
    const qualifier = value?.qualifier ?? qualifierOf(t);
    values.push({ index: j, item: -1, unit: split.unit ? input.ctx.unitOf(split.unit) : null, period, qualifier });
  });
  const { indicatorColumns, unitColumn } = fixed;
  if (indicatorColumns.length === 0 || values.length === 0) return null;
  // Each 同比 column is the growth of the row's indicator: of the value column of the kind it states, else the nearest on its left.
  for (const g of growth) {
    const kind = g.qualifier === null ? values : values.filter((v) => v.qualifier === g.qualifier);
    g.figureColumn = (kind.filter((v) => v.index < g.index).at(-1) ?? kind[0] ?? null)?.index ?? null;
    growthNote(input, heading.row, g.index, cells[g.index]!, '各行指标', 'the indicator of each row');
  }
  return { layout: 'indicator_rows', indicatorColumns, unitColumn, values, growth };
}

/** Whether a heading row has an indicator column (指标/项目), the mark of a table with indicators in rows. */
export function hasIndicatorHeading(cells: readonly (string | null)[]): boolean {
  return cells.some((c) => INDICATOR_HEADERS.has(matchKey(text(c))));
}

/**
 * Plans a transposed table — indicators in rows, reporting units across the top ("指标名称 | 计量单位 |
 * 昆明片区 | 红河片区 | 德宏片区") — from its heading row; null unless at least one heading names a unit.
 * A unit heading may carry its kind and period ("昆明片区1-6月累计"); a name that is not a unit of
 * this form is refused with the closest units of the uploader's scope.
 */
export function planUnitsInColumns(input: PlanInput, heading: SheetRow): UnitsInColumnsPlan | null {
  const cells = heading.cells.map(text);
  // Tried on every 指标 heading before the indicator-row plan: decide before noting anything.
  const namesUnit = (t: string) => !!t && input.ctx.findUnit(withoutPeriodWords(t) || t)?.kind === 'unit';
  if (!cells.some((t) => namesUnit(t) && !MEASURE_UNIT_HEADERS.has(matchKey(t)) && matchKey(t) !== '单位')) return null;
  const fixed: FixedColumns = { indicatorColumns: [], unitColumn: null };
  const columns: UnitColumn[] = [];
  const pending: { index: number; org: number }[] = [];
  const growth: UnitGrowthColumn[] = [];
  const unknown: number[] = [];
  let lastOrg: number | null = null;
  cells.forEach((t, j) => {
    const k = matchKey(t);
    if (!k) {
      if (lastOrg !== null && j > Math.max(...fixed.indicatorColumns, fixed.unitColumn ?? -1))
        pending.push({ index: j, org: lastOrg });
      return;
    }
    lastOrg = null;
    if (takeFixedColumn(input, heading.row, j, t, k, fixed)) return;
    if (isGrowthHeading(t)) {
      const g = unitGrowthColumn(input, t, j, columns);
      if (!g) return skippedNote(input, heading.row, j, t, 'a growth rate of no unit column', '增速类列，未对应填报单位');
      growth.push(g);
      const unit = input.ctx.units[g.org]!;
      return growthNote(input, heading.row, j, t, `${unit.name}各行指标`, `each row's indicator of ${unit.name}`);
    }
    const name = withoutPeriodWords(t) || t;
    if (isTotalLabel(name)) return skippedNote(input, heading.row, j, t, 'a total of the units', '合计列，由各单位数汇总');
    const found = input.ctx.findUnit(name);
    if (found?.kind !== 'unit') return void unknown.push(j);
    const period = /\d{4}/.test(t) ? headingPeriod(t) : null;
    if (!statedPeriod(input, heading.row, j, t, period)) return;
    columns.push({ index: j, org: found.index, qualifier: qualifierOf(t), period, month: period ? null : monthWithoutYear(t) });
    lastOrg = found.index;
  });
  const { indicatorColumns, unitColumn } = fixed;
  if (indicatorColumns.length === 0 || columns.length === 0) return null;
  for (const j of unknown) unknownUnitHeading(input, heading.row, j, cells[j]!);
  return { layout: 'units_in_columns', indicatorColumns, unitColumn, columns, pending, growth };
}

/**
 * Binds a 同比 heading of a transposed table to a unit: the unit it names ("昆明片区同比增长（%）"),
 * else — a bare "同比增长%" — the unit of the nearest unit column on its left; null when neither.
 */
export function unitGrowthColumn(
  input: PlanInput,
  heading: string,
  index: number,
  leftColumns: readonly { index: number; org: number }[],
): UnitGrowthColumn | null {
  const named = withoutPeriodWords(withoutGrowthWords(heading));
  const found = named ? input.ctx.findUnit(named) : null;
  const org = found?.kind === 'unit' ? found.index : (leftColumns.filter((c) => c.index < index).at(-1)?.org ?? null);
  return org === null ? null : { index, org, qualifier: qualifierOf(heading) };
}

/** A heading without its growth words and percent sign: "昆明片区同比增长（%）" → "昆明片区". */
function withoutGrowthWords(heading: string): string {
  return normaliseText(heading)
    .replace(/\s+/g, '')
    .replace(/[（(]?[%％][)）]?|±/g, '')
    .replace(/(同比|环比|比上年同期|比去年同期|比上年|比去年|上年同期|去年同期)?(增长率?|增速|增幅|增减)?/g, '')
    .replace(/^[:：、\-—/]+|[:：、\-—/]+$/g, '');
}

function unknownUnitHeading(input: PlanInput, row: number, column: number, heading: string): void {
  const name = withoutPeriodWords(heading) || heading;
  const found = input.ctx.findUnit(name);
  const col = columnLetter(column);
  if (found?.kind === 'ambiguous') {
    headingProblem(
      input,
      row,
      col,
      heading,
      'ambiguous_org_unit',
      `Column ${col} "${heading}" matches several reporting units (${found.codes.join(', ')}); use the unit code`,
      `第${col}列“${heading}”对应多个填报单位（${found.codes.join('、')}），请填写单位代码`,
    );
    return;
  }
  input.sink.problem(unknownUnitProblem(input.ctx, { sheet: input.sheet, row, column: col, value: heading }, name));
}

/** "X is not a reporting unit of this form", with the closest units of the uploader's scope to choose from. */
export function unknownUnitProblem(
  ctx: TableContext,
  at: { sheet: string; row: number | null; column: string | null; value: string | null },
  name: string,
) {
  const suggestions = ctx.suggestUnits(name).map((u) => ({ code: u.code, name: u.name }));
  const en = suggestions.length ? `; did you mean ${suggestions.map((u) => `${u.name} (${u.code})`).join(', ')}?` : '';
  const zh = suggestions.length ? `；您是否指：${suggestions.map((u) => `${u.name}（${u.code}）`).join('、')}？` : '';
  return {
    ...at,
    code: 'unknown_org_unit',
    reason: `"${name}" is not the code, name or alias of a reporting unit of this form${en}`,
    reasonZh: `“${name}”不是本报表填报单位的代码、名称或简称${zh}`,
    suggestions,
    mapText: name,
  };
}
