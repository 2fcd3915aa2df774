import { parsePeriod } from '../../period/period.ts';
import { normaliseText } from '../../text/normalise.ts';
import { convertUnit, splitHeaderUnit, unitDimension } from '../units.ts';
import { columnLetter } from './column-letter.ts';
import {
  INDICATOR_HEADERS,
  isGrowthHeading,
  matchKey,
  MEASURE_UNIT_HEADERS,
  ORG_CODE_HEADERS,
  ORG_NAME_HEADERS,
  PERIOD_HEADERS,
  qualifierOf,
  SKIPPED_HEADERS,
  valueHeading,
  type Qualifier,
} from './header-words.ts';
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
  qualifier: Qualifier;
}

export interface WidePlan {
  layout: 'wide';
  /** Unit code column first, then unit name column: the first non-blank one names the row's unit. */
  orgColumns: number[];
  periodColumn: number | null;
  columns: ValueColumn[];
}

export interface LongPlan {
  layout: 'long';
  orgColumns: number[];
  indicatorColumns: number[];
  periodColumn: number | null;
  valueColumn: number;
  unitColumn: number | null;
}

export interface IndicatorRowsPlan {
  layout: 'indicator_rows';
  indicatorColumns: number[];
  unitColumn: number | null;
  /** Value columns to read for cumulative items and for the others (本年累计 vs 本月). */
  forCumulative: ValueColumn[];
  forCurrent: ValueColumn[];
}

export type SheetPlan = WidePlan | LongPlan | IndicatorRowsPlan;

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
  growth: boolean;
  unitOnly: boolean;
}

/** Reads a column's stacked heading parts: which indicator, unit, 本月/累计, stated period. */
function readHeading(ctx: TableContext, parts: readonly string[]): HeadingReading {
  const out: HeadingReading = { item: null, unit: null, qualifier: null, period: null, growth: false, unitOnly: true };
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
    const split = splitHeaderUnit(part);
    const bracketUnit = split.unit ? ctx.unitOf(split.unit) : null;
    const inner = split.unit && !bracketUnit ? split.unit : null;
    const found = out.item === null ? findHeadingItem(ctx, part, split.name) : null;
    if (found !== null) {
      out.item = found;
      itemUnit = bracketUnit;
    } else {
      if (isGrowthHeading(part)) out.growth = true;
      if (bracketUnit) otherUnit ??= bracketUnit;
    }
    for (const t of inner ? [part, split.name, inner] : [part, split.name]) {
      out.qualifier ??= qualifierOf(t);
      if (/\d{4}/.test(t)) out.period ??= periodTextToCanonical(t);
    }
  }
  out.unit = itemUnit ?? otherUnit;
  return out;
}

function findHeadingItem(ctx: TableContext, part: string, name: string): number | null {
  for (const candidate of [part, name, withoutQualifier(matchKey(name))]) {
    const found = candidate ? ctx.findItem(candidate) : null;
    if (found !== null) return found;
  }
  return null;
}

function skippedNote(input: PlanInput, row: number | null, column: number, heading: string, en: string, zh: string): void {
  const col = columnLetter(column);
  input.sink.note({
    sheet: input.sheet,
    row,
    code: 'column_ignored',
    message: `Column ${col} "${heading}" ignored: ${en}`,
    messageZh: `第${col}列“${heading}”未导入：${zh}`,
  });
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
  input.sink.problem({
    sheet: input.sheet,
    row,
    column: col,
    value: heading,
    code: 'header_unit_mismatch',
    reason: `Column ${col} "${heading}" is in ${from}, which cannot be converted to ${target.unit} (${target.nameEn}); the column was not imported`,
    reasonZh: `第${col}列“${heading}”的单位“${from}”无法换算为“${target.name}”的单位“${target.unit}”，该列未导入`,
  });
  return { ok: false as const };
}

/** Keeps one column per (indicator, period): 本年累计 for cumulative items, 本月/本期 for the others. */
function chooseColumns(input: PlanInput, row: number | null, cols: ValueColumn[], headings: readonly string[]): ValueColumn[] {
  const groups = new Map<string, ValueColumn[]>();
  for (const c of cols) {
    const key = `${c.item}|${c.period ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const kept: ValueColumn[] = [];
  for (const group of groups.values()) {
    const item = input.ctx.items[group[0]!.item]!;
    const order: Qualifier[] = item.cumulative ? ['cumulative', null, 'current'] : ['current', null, 'cumulative'];
    const rank = (c: ValueColumn) => order.indexOf(c.qualifier);
    const best = group.reduce((a, b) => (rank(b) < rank(a) ? b : a));
    kept.push(best);
    for (const c of group) {
      if (c === best) continue;
      const col = columnLetter(c.index);
      const bestCol = columnLetter(best.index);
      if (rank(c) === rank(best)) {
        input.sink.problem({
          sheet: input.sheet,
          row,
          column: col,
          value: headings[c.index] ?? null,
          code: 'duplicate_column',
          reason: `Columns ${bestCol} and ${col} both hold ${item.nameEn} (${item.indicator}); only column ${bestCol} was imported`,
          reasonZh: `第${bestCol}列和第${col}列都是“${item.name}”，仅导入了第${bestCol}列`,
        });
      } else {
        skippedNote(
          input,
          row,
          c.index,
          headings[c.index] ?? '',
          `column ${bestCol} holds the ${item.cumulative ? 'cumulative' : 'current-period'} figure of ${item.nameEn}`,
          `“${item.name}”取第${bestCol}列的${item.cumulative ? '累计数' : '本期数'}`,
        );
      }
    }
  }
  return kept.sort((a, b) => a.index - b.index);
}

function statedPeriod(input: PlanInput, row: number | null, column: number, heading: string, period: string | null): boolean {
  if (period === null || parsePeriod(period)?.kind === input.frequency) return true;
  const col = columnLetter(column);
  input.sink.problem({
    sheet: input.sheet,
    row,
    column: col,
    value: heading,
    code: 'period_frequency',
    reason: `Column ${col} "${heading}" is for ${period}, not a ${input.frequency} period; the column was not imported`,
    reasonZh: `第${col}列“${heading}”的期间${period}不是${FREQUENCY_ZH[input.frequency]}，该列未导入`,
  });
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
  const candidates: ValueColumn[] = [];
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
    if (h.growth) return skippedNote(input, row, j, headings[j]!, 'a growth rate, not a figure', '增速类列，不是填报数');
    if (h.item === null) {
      if (h.unitOnly) return;
      return skippedNote(input, row, j, headings[j]!, 'no indicator of this form has that name', '本报表没有该名称的指标');
    }
    if (!statedPeriod(input, row, j, headings[j]!, h.period)) return;
    const unit = columnUnit(input, row, j, headings[j]!, h.item, h.unit);
    if (!unit.ok) return;
    candidates.push({ index: j, item: h.item, unit: unit.unit, period: h.period, qualifier: h.qualifier });
  });
  if (codeCols.length + org.length === 0 || candidates.length === 0) return null;
  return {
    layout: 'wide',
    orgColumns: [...codeCols.slice(0, 1), ...org.slice(0, 1)],
    periodColumn,
    columns: chooseColumns(input, row, candidates, headings),
  };
}

/** Plans a long table (unit, indicator, period, value, unit of measure per row) from its heading row. */
export function planLong(input: PlanInput, heading: SheetRow): LongPlan | null {
  const cells = heading.cells.map(text);
  const indicatorColumns: number[] = [];
  let valueColumn: number | null = null;
  let periodColumn: number | null = null;
  let unitColumn: number | null = null;
  cells.forEach((t, j) => {
    const k = matchKey(t);
    if (!k) return;
    if (INDICATOR_HEADERS.has(k)) indicatorColumns.push(j);
    else if (PERIOD_HEADERS.has(k)) periodColumn ??= j;
    else if (MEASURE_UNIT_HEADERS.has(k)) unitColumn ??= j;
    else if (valueColumn === null && valueHeading(t)) valueColumn = j;
  });
  const org = orgColumns(cells, 'long');
  if (org.length === 0 || indicatorColumns.length === 0 || valueColumn === null) return null;
  return { layout: 'long', orgColumns: org, indicatorColumns, periodColumn, valueColumn, unitColumn };
}

/** Plans an indicator-row table (one unit per sheet, one row per indicator) from its heading row. */
export function planIndicatorRows(input: PlanInput, heading: SheetRow): IndicatorRowsPlan | null {
  const cells = heading.cells.map(text);
  const indicatorColumns: number[] = [];
  let unitColumn: number | null = null;
  const values: ValueColumn[] = [];
  cells.forEach((t, j) => {
    const k = matchKey(t);
    if (!k) return;
    if (INDICATOR_HEADERS.has(k)) return void indicatorColumns.push(j);
    if (MEASURE_UNIT_HEADERS.has(k) || k === '单位') {
      unitColumn ??= j;
      return;
    }
    if (SKIPPED_HEADERS.has(k)) return skippedNote(input, heading.row, j, t, 'not a value column', '非数值列');
    if (isGrowthHeading(t)) return skippedNote(input, heading.row, j, t, 'a growth rate, not a figure', '增速类列，不是填报数');
    const split = splitHeaderUnit(t);
    const value = valueHeading(t) ?? valueHeading(split.name);
    const period = /\d{4}/.test(t) ? periodTextToCanonical(t) : null;
    if (!value && !period) return skippedNote(input, heading.row, j, t, 'not a value column', '非数值列');
    if (!statedPeriod(input, heading.row, j, t, period)) return;
    const qualifier = value?.qualifier ?? qualifierOf(t);
    values.push({ index: j, item: -1, unit: split.unit ? input.ctx.unitOf(split.unit) : null, period, qualifier });
  });
  if (indicatorColumns.length === 0 || values.length === 0) return null;
  // One choice for cumulative items and one for the rest, per stated period.
  const pick = (cumulative: boolean): ValueColumn[] => {
    const order: Qualifier[] = cumulative ? ['cumulative', null, 'current'] : ['current', null, 'cumulative'];
    const byPeriod = new Map<string, ValueColumn>();
    for (const v of values) {
      const key = v.period ?? '';
      const have = byPeriod.get(key);
      if (!have || order.indexOf(v.qualifier) < order.indexOf(have.qualifier)) byPeriod.set(key, v);
    }
    return [...byPeriod.values()].sort((a, b) => a.index - b.index);
  };
  return { layout: 'indicator_rows', indicatorColumns, unitColumn, forCumulative: pick(true), forCurrent: pick(false) };
}
