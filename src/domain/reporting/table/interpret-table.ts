import { duplicateProblem } from './duplicate-problem.ts';
import { parsePeriod } from '../../period/period.ts';
import { normaliseText } from '../../text/normalise.ts';
import { parseReportedValue } from '../parse-reported-value.ts';
import { readCell } from '../read-cell.ts';
import { columnLetter } from './column-letter.ts';
import {
  matchKey,
  MEASURE_UNIT_HEADERS,
  qualifierOf,
  ORG_CODE_HEADERS,
  ORG_NAME_HEADERS,
  readSheetLines,
  SKIPPED_HEADERS,
} from './header-words.ts';
import { periodTextToCanonical } from './parse-period-text.ts';
import {
  FREQUENCY_ZH,
  hasIndicatorHeading,
  headingLayout,
  planIndicatorRows,
  planLong,
  planUnitsInColumns,
  planWide,
  type PlanInput,
  type SheetPlan,
  type UnitsInColumnsPlan,
  unknownUnitProblem,
} from './plan-sheet.ts';
import { statedPeriodFor } from './period-in-text.ts';
import { placeHeadingMonths } from './place-heading-months.ts';
import { readIndicatorRow, readLongRow, readUnitsInColumnsRow, readWideRow, type RowReader } from './read-table-row.ts';
import { buildTableContext } from './table-context.ts';
import type { TableSink } from './table-sink.ts';
import type {
  GrowthClaim,
  InterpreterOptions,
  SheetRow,
  SheetSummary,
  TableInterpreter,
  TableNote,
  TableProblem,
  TableRecord,
} from './table.types.ts';

/** Stored problems and notes; problemsTotal still counts every problem. */
export const PROBLEM_CAP = 1000;
export const NOTE_CAP = 1000;
/** Rows of a sheet searched for its table heading. */
export const HEADING_SEARCH_ROWS = 20;
/** Rows below the first heading row that may still belong to a stacked heading. */
const MAX_STACKED_ROWS = 6;

const text = (cell: string | null | undefined): string => (cell ? normaliseText(cell).trim() : '');
const isBlankRow = (row: SheetRow): boolean => row.cells.every((c) => text(c) === '');

interface SheetState {
  index: number;
  summary: SheetSummary;
  phase: 'seek' | 'heading' | 'data' | 'ignored';
  /** Rows above the heading (at most HEADING_SEARCH_ROWS), then the wide table's heading rows. */
  above: SheetRow[];
  heading: SheetRow[];
  /** Columns whose heading names the unit column, while a wide heading is being stacked. */
  headingOrgColumns: number[];
  /** Rows above the heading that were sheet-level statements ("单位：万元"). */
  lineRows: Set<number>;
  sheetUnit: string | null;
  orgLine: { row: number; column: number; text: string } | null;
  period: string | null;
  plan: SheetPlan | null;
  /** The unit of an indicator-row sheet. */
  orgUnit: number | null;
  /** A period stated in a title row above the heading ("2024年1-6月开发区主要经济指标"). */
  titlePeriod: { period: string; row: number; text: string } | null;
  /** A transposed table's sub-heading row (本月 | 累计 under each unit) may still come. */
  subheadingOpen: boolean;
  reader: RowReader | null;
}

/**
 * Interprets spreadsheet rows as reported figures, streaming: rows go in one at a time and the
 * records they yield come straight back. State is the column plan of the current sheet, the
 * lookup tables, and one compact key per figure to catch duplicates; rows are never kept, except
 * the first rows of a sheet until its heading is found.
 */
/** 同比 cells kept for checking; beyond, they are counted (growthTotal) and the import says how many went unchecked. */
export const GROWTH_CLAIMS_MAX = 100_000;

export function createTableInterpreter(options: InterpreterOptions): TableInterpreter {
  const defaultPeriod = options.period === null ? null : (periodTextToCanonical(options.period) ?? '');
  if (defaultPeriod === '' || (defaultPeriod !== null && parsePeriod(defaultPeriod)?.kind !== options.frequency))
    throw new RangeError(`period ${options.period} is not a ${options.frequency} period`);

  const ctx = buildTableContext(options.items, options.units, options.otherIndicators ?? []);
  const problems: TableProblem[] = [];
  const notes: TableNote[] = [];
  let problemsTotal = 0;
  const sink: TableSink = {
    problem(p) {
      problemsTotal++;
      if (problems.length < PROBLEM_CAP) problems.push(p);
    },
    note(n) {
      if (notes.length < NOTE_CAP) notes.push(n);
    },
  };

  const sheets: SheetSummary[] = [];
  const sheetNames: string[] = [];
  let current: SheetState | null = null;
  let out: TableRecord[] = [];
  const growth: GrowthClaim[] = [];
  let growthTotal = 0;

  // Duplicate detection: one small integer per figure, (period, unit, indicator) → the ordinal of the
  // figure, whose cell is kept in a typed array. Small integers stay unboxed in the Map, so a
  // million figures cost tens of megabytes, not hundreds.
  const detectDuplicates = options.detectDuplicates ?? true;
  const periodIds = new Map<string, number>();
  const seen = new Map<number, number>();
  let firstCells = new Float64Array(1024);
  const nUnits = Math.max(1, options.units.length);
  const nItems = Math.max(1, options.items.length);
  const figureKey = (org: number, item: number, period: string, cumulative: boolean): number => {
    let p = periodIds.get(period);
    if (p === undefined) periodIds.set(period, (p = periodIds.size));
    return ((p * nUnits + org) * nItems + item) * 2 + (cumulative ? 1 : 0);
  };
  const location = (sheet: number, row: number, column: number): number => sheet * 2 ** 44 + row * 2 ** 14 + column;
  const describeLocation = (loc: number) => {
    const sheet = sheetNames[Math.floor(loc / 2 ** 44)] ?? '';
    const rest = loc % 2 ** 44;
    return { sheet, cell: `${columnLetter(rest % 2 ** 14)}${Math.floor(rest / 2 ** 14)}` };
  };

  function readerFor(state: SheetState): RowReader {
    return {
      ctx,
      sink,
      frequency: options.frequency,
      period: state.period,
      growth: readGrowth,
      emit(row, column, org, itemIndex, period, unit, cumulative) {
        const raw = row.cells[column] ?? null;
        const item = ctx.items[itemIndex]!;
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
        if (detectDuplicates) {
          const key = figureKey(org, itemIndex, period, cumulative);
          const ordinal = seen.get(key);
          if (ordinal !== undefined) {
            const at = describeLocation(firstCells[ordinal]!);
            sink.problem(
              duplicateProblem({
                at: { sheet: row.sheet, row: row.row, column: col, value: raw },
                first: at,
                unit: ctx.units[org]!,
                item,
                period,
              }),
            );
            return;
          }
          if (seen.size === firstCells.length) {
            const grown = new Float64Array(firstCells.length * 2);
            grown.set(firstCells);
            firstCells = grown;
          }
          firstCells[seen.size] = location(state.index, row.row, column);
          seen.set(key, seen.size);
        }
        state.summary.records++;
        out.push({
          sheet: row.sheet,
          row: row.row,
          column: col,
          orgUnit: ctx.units[org]!.code,
          indicator: item.indicator,
          cumulative,
          period,
          value: reading.kind === 'not_applicable' ? null : reading.value,
          raw: raw ?? '',
          fromUnit: reading.kind === 'not_applicable' ? null : reading.fromUnit,
          exact: reading.kind === 'not_applicable' ? true : reading.exact,
        });
      },
    };
  }

  /** Reads a 同比 cell: a percent ("8.3", "8.3%", "-2.1", full-width too); anything else is noted, never guessed. */
  function readGrowth(
    row: SheetRow,
    column: number,
    org: number,
    itemIndex: number,
    period: string,
    cumulative: boolean,
    figureColumn: number | null,
  ): void {
    const raw = row.cells[column] ?? '';
    const t = normaliseText(raw).replace(/[\s%]/g, '');
    if (t === '' || parseReportedValue(t).kind === 'not_applicable') return;
    const col = columnLetter(column);
    if (!/^[-+]?\d+(\.\d+)?$/.test(t)) {
      sink.note({
        sheet: row.sheet,
        row: row.row,
        code: 'growth_unreadable',
        message: `Cell ${col}${row.row} "${raw}" is not a growth rate in percent; not checked`,
        messageZh: `${col}${row.row}单元格“${raw}”不是百分数形式的增速，未核对`,
      });
      return;
    }
    growthTotal++;
    if (growth.length >= GROWTH_CLAIMS_MAX) return;
    const figureCol = figureColumn === null ? null : columnLetter(figureColumn);
    const figure =
      figureCol === null ? undefined : out.find((r) => r.row === row.row && r.column === figureCol && r.sheet === row.sheet);
    growth.push({
      sheet: row.sheet,
      row: row.row,
      column: col,
      orgUnit: ctx.units[org]!.code,
      indicator: ctx.items[itemIndex]!.indicator,
      cumulative,
      period,
      stated: t.replace(/^\+/, ''),
      figure: figure?.value ?? null,
    });
  }

  function planInput(state: SheetState): PlanInput {
    return { ctx, sink, sheet: state.summary.name, frequency: options.frequency, sheetUnit: state.sheetUnit };
  }

  function ignore(state: SheetState, en: string, zh: string): void {
    state.phase = 'ignored';
    state.summary.status = 'ignored';
    state.summary.reason = { en, zh };
    state.above = [];
    state.heading = [];
  }

  function sheetProblem(
    state: SheetState,
    row: number | null,
    column: number | null,
    value: string | null,
    code: string,
    en: string,
    zh: string,
  ) {
    sink.problem({
      sheet: state.summary.name,
      row,
      column: column === null ? null : columnLetter(column),
      value,
      code,
      reason: en,
      reasonZh: zh,
    });
  }

  /** Reads the "单位：万元", "填报单位：…", "报告期：…" statements of a row above the heading. */
  function takeLines(state: SheetState, row: SheetRow): boolean {
    let found = false;
    const filled = row.cells.map(text).filter(Boolean);
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
          if (p && parsePeriod(p)?.kind === options.frequency) state.period = p;
          else
            sheetProblem(
              state,
              row.row,
              column,
              cell,
              p ? 'period_frequency' : 'bad_period',
              `The sheet's period "${line.text}" is not a ${options.frequency} period`,
              `工作表的报告期“${line.text}”不是${FREQUENCY_ZH[options.frequency]}`,
            );
        }
      }
    });
    return found;
  }

  /** Remembers the period a title row states, for a sheet whose upload and 报告期 give none. */
  function takeTitle(state: SheetState, row: SheetRow): void {
    if (state.titlePeriod) return;
    const filled = row.cells.map(text).filter(Boolean);
    if (filled.length === 0 || filled.length > 2) return;
    const period = statedPeriodFor(filled.join(' '), options.frequency);
    if (period) state.titlePeriod = { period, row: row.row, text: filled.join(' ') };
  }

  /**
   * The period of a sheet that states none in a 报告期 line and whose upload names none: its title,
   * else its name ("2024年6月"). A title that contradicts the chosen period is noted, not obeyed.
   */
  function fillPeriod(state: SheetState): void {
    const fromName = statedPeriodFor(state.summary.name, options.frequency);
    if (state.period === null) {
      const found = state.titlePeriod?.period ?? fromName;
      if (found) {
        state.period = found;
        sink.note({
          sheet: state.summary.name,
          row: state.titlePeriod?.row ?? null,
          code: 'period_from_title',
          message: `Period ${found} read from the ${state.titlePeriod ? `title "${state.titlePeriod.text}"` : 'sheet name'}`,
          messageZh: `报告期${found}取自${state.titlePeriod ? `标题“${state.titlePeriod.text}”` : '工作表名称'}`,
        });
      }
    } else if (state.titlePeriod && state.titlePeriod.period !== state.period) {
      sink.note({
        sheet: state.summary.name,
        row: state.titlePeriod.row,
        code: 'title_period_differs',
        message: `The title "${state.titlePeriod.text}" names ${state.titlePeriod.period}; the figures were read for ${state.period}`,
        messageZh: `标题“${state.titlePeriod.text}”写明${state.titlePeriod.period}，数据按${state.period}读取`,
      });
    }
  }

  /** Heading rows above the row naming the unit column (a group title row), contiguous and not titles. */
  function stackedAbove(state: SheetState, key: SheetRow): SheetRow[] {
    const firstCol = key.cells.findIndex((c) => text(c) !== '');
    const rows: SheetRow[] = [];
    for (let i = state.above.length - 1; i >= 0; i--) {
      const r = state.above[i]!;
      if (r.row !== key.row - rows.length - 1 || isBlankRow(r) || state.lineRows.has(r.row)) break;
      const filled = r.cells.map((c, j) => (text(c) ? j : -1)).filter((j) => j >= 0);
      if (filled.length === 1 && filled[0]! <= firstCol) break;
      rows.unshift(r);
    }
    return rows;
  }

  function startData(state: SheetState, plan: SheetPlan, headingRow: number, headingRows: SheetRow[] = state.heading): void {
    fillPeriod(state);
    placeHeadingMonths(plan, state.period, options.frequency, { sink, sheet: state.summary.name, row: headingRow, headingRows });
    state.plan = plan;
    state.summary.layout = plan.layout;
    state.above = [];
    state.heading = [];
    const statesPeriod =
      plan.layout === 'wide'
        ? plan.periodColumn !== null || plan.columns.every((c) => c.period !== null)
        : plan.layout === 'long'
          ? plan.periodColumn !== null
          : plan.layout === 'indicator_rows'
            ? plan.values.every((c) => c.period !== null)
            : plan.columns.every((c) => c.period !== null);
    if (!statesPeriod && state.period === null) {
      sheetProblem(
        state,
        headingRow,
        null,
        null,
        'missing_period',
        'The table has no period column and the upload names no period',
        '表格没有期间列，本次上传也未指定期间',
      );
      return ignore(
        state,
        'no period: no period column and none chosen for the upload',
        '无期间：表格没有期间列，上传时也未指定',
      );
    }
    if (plan.layout === 'indicator_rows') {
      const named = state.orgLine ?? { row: null, column: null, text: state.summary.name };
      const found = ctx.findUnit(named.text);
      if (found?.kind !== 'unit') {
        if (state.orgLine && !found)
          sink.problem(
            unknownUnitProblem(
              ctx,
              {
                sheet: state.summary.name,
                row: state.orgLine.row,
                column: columnLetter(state.orgLine.column),
                value: state.orgLine.text,
              },
              state.orgLine.text,
            ),
          );
        else if (state.orgLine)
          sheetProblem(
            state,
            state.orgLine.row,
            state.orgLine.column,
            state.orgLine.text,
            'ambiguous_org_unit',
            `"${state.orgLine.text}" is not the code or name of one reporting unit of this form`,
            `“${state.orgLine.text}”不是本报表某一填报单位的代码或名称`,
          );
        else
          sheetProblem(
            state,
            null,
            null,
            null,
            'missing_org_unit',
            `Sheet "${state.summary.name}" lists indicators but names no reporting unit (add a line "填报单位：…" above the table)`,
            `工作表“${state.summary.name}”未注明填报单位（请在表头上方填写“填报单位：…”）`,
          );
        return ignore(state, 'reporting unit not recognised', '无法确定填报单位');
      }
      state.orgUnit = found.index;
    }
    state.phase = 'data';
    state.reader = readerFor(state);
  }

  function finishHeading(state: SheetState): void {
    const plan = planWide(planInput(state), state.heading);
    if (!plan) return ignore(state, 'no column heading names an indicator of this form', '表头中没有本报表的指标列');
    startData(state, plan, state.heading[0]!.row);
  }

  function seek(state: SheetState, row: SheetRow): void {
    if (isBlankRow(row)) state.above.push(row);
    else if (takeLines(state, row)) {
      state.lineRows.add(row.row);
      state.above.push(row);
    } else {
      const layout = headingLayout(row.cells);
      const input = planInput(state);
      if (layout === 'wide') {
        state.heading = [...stackedAbove(state, row), row];
        state.headingOrgColumns = row.cells
          .map((c, j) => (ORG_NAME_HEADERS.has(matchKey(text(c))) || ORG_CODE_HEADERS.has(matchKey(text(c))) ? j : -1))
          .filter((j) => j >= 0);
        state.phase = 'heading';
        return;
      }
      const transposed = layout !== 'long' && hasIndicatorHeading(row.cells) ? planUnitsInColumns(input, row) : null;
      if (transposed) return startData(state, transposed, row.row, [row]);
      const plan = layout === 'long' ? planLong(input, row) : layout === 'indicator_rows' ? planIndicatorRows(input, row) : null;
      if (plan) return startData(state, plan, row.row);
      takeTitle(state, row);
      state.above.push(row);
    }
    if (state.above.length >= HEADING_SEARCH_ROWS) noHeading(state);
  }

  function noHeading(state: SheetState): void {
    if (state.above.every(isBlankRow)) return ignore(state, 'empty sheet', '空工作表');
    ignore(
      state,
      `no table heading (such as 单位名称 or 指标名称) in the first ${HEADING_SEARCH_ROWS} rows`,
      `前${HEADING_SEARCH_ROWS}行中未找到表头（如“单位名称”“指标名称”）`,
    );
  }

  /** A row below the first heading row: still heading while the unit column holds headings or nothing. */
  function isHeadingRow(state: SheetState, row: SheetRow): boolean {
    if (state.heading.length > MAX_STACKED_ROWS) return false;
    // A figure (not a year heading such as 2024) means the data has begun.
    const figure = row.cells.some((c) => {
      const v = parseReportedValue(c);
      return (v.kind === 'number' || v.kind === 'zero') && !/^(19|20)\d{2}$/.test(text(c));
    });
    if (figure) return false;
    return state.headingOrgColumns.every((j) => {
      const k = matchKey(text(row.cells[j]));
      return (
        k === '' || ORG_NAME_HEADERS.has(k) || ORG_CODE_HEADERS.has(k) || MEASURE_UNIT_HEADERS.has(k) || SKIPPED_HEADERS.has(k)
      );
    });
  }

  function readRow(state: SheetState, row: SheetRow): void {
    const plan = state.plan!;
    const reader = state.reader!;
    if (plan.layout === 'wide') readWideRow(reader, plan, row);
    else if (plan.layout === 'long') readLongRow(reader, plan, row);
    else if (plan.layout === 'units_in_columns') {
      const first = state.subheadingOpen;
      state.subheadingOpen = false;
      if (!(first && takeSubheading(plan, row))) readUnitsInColumnsRow(reader, plan, row);
    } else readIndicatorRow(reader, plan, state.orgUnit!, row);
  }

  /**
   * The row under a transposed heading that names each unit column's kind (本月 | 1-6月累计), the
   * blank cells of a merged unit heading included. True when the row was such a sub-heading.
   */
  function takeSubheading(plan: UnitsInColumnsPlan, row: SheetRow): boolean {
    if (plan.indicatorColumns.some((j) => text(row.cells[j]) !== '')) return false;
    const cols = [...plan.columns.map((c) => c.index), ...plan.pending.map((p) => p.index)];
    const words = cols.map((j) => text(row.cells[j])).filter(Boolean);
    if (words.length === 0 || !words.every((w) => qualifierOf(w) !== null)) return false;
    for (const c of plan.columns) {
      const w = text(row.cells[c.index]);
      if (!w) continue;
      c.qualifier = qualifierOf(w);
      if (/\d{4}/.test(w)) c.period = statedPeriodFor(w, options.frequency) ?? c.period;
    }
    for (const p of plan.pending) {
      const w = text(row.cells[p.index]);
      if (!w) continue;
      plan.columns.push({
        index: p.index,
        org: p.org,
        qualifier: qualifierOf(w),
        period: /\d{4}/.test(w) ? statedPeriodFor(w, options.frequency) : null,
      });
    }
    plan.columns.sort((a, b) => a.index - b.index);
    return true;
  }

  function openSheet(name: string): SheetState {
    const summary: SheetSummary = { name, layout: null, status: 'read', reason: null, rows: 0, records: 0 };
    sheets.push(summary);
    sheetNames.push(name);
    return {
      index: sheets.length - 1,
      summary,
      phase: 'seek',
      above: [],
      heading: [],
      headingOrgColumns: [],
      lineRows: new Set(),
      sheetUnit: null,
      orgLine: null,
      period: defaultPeriod,
      plan: null,
      orgUnit: null,
      titlePeriod: null,
      subheadingOpen: true,
      reader: null,
    };
  }

  function closeSheet(state: SheetState): void {
    if (state.phase === 'seek') noHeading(state);
    else if (state.phase === 'heading') finishHeading(state);
  }

  return {
    push(row) {
      if (!current || current.summary.name !== row.sheet) {
        if (current) closeSheet(current);
        current = openSheet(row.sheet);
      }
      const state = current;
      state.summary.rows++;
      out = [];
      if (state.phase === 'seek') seek(state, row);
      else if (state.phase === 'heading') {
        if (isBlankRow(row)) return out;
        if (isHeadingRow(state, row)) state.heading.push(row);
        else {
          finishHeading(state);
          if ((state.phase as SheetState['phase']) === 'data') readRow(state, row);
        }
      } else if (state.phase === 'data') readRow(state, row);
      return out;
    },
    finish() {
      if (current) closeSheet(current);
      current = null;
      if (!sheets.some((s) => s.status === 'read')) {
        const list = sheets.map((s) => s.name).join(', ');
        sink.problem({
          sheet: '',
          row: null,
          column: null,
          value: null,
          code: 'no_table',
          reason: `No sheet holds a table this form can read (sheets: ${list || 'none'})`,
          reasonZh: `没有可读取的报表工作表（工作表：${sheets.map((s) => s.name).join('、') || '无'}）`,
        });
      }
      return { problems, problemsTotal, notes, sheets, growth, growthTotal };
    },
  };
}
