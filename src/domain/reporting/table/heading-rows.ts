import {
  isGrowthHeading,
  isPeriodOnPeriodHeading,
  matchKey,
  MEASURE_UNIT_HEADERS,
  ORG_CODE_HEADERS,
  ORG_NAME_HEADERS,
  qualifierOf,
  SKIPPED_HEADERS,
} from './header-words.ts';
import { parseReportedValue } from '../parse-reported-value.ts';
import { statedPeriodFor } from './period-in-text.ts';
import type { UnitsInColumnsPlan } from './plan-sheet.ts';
import { cellText, isBlankRow, type SheetState } from './sheet-state.ts';
import type { InterpreterOptions, SheetRow } from './table.types.ts';

/** Rows below the first heading row that may still belong to a stacked heading. */
const MAX_STACKED_ROWS = 6;

/** Heading rows above the row naming the unit column (a group title row), contiguous and not titles. */
export function stackedAbove(state: SheetState, key: SheetRow): SheetRow[] {
  const firstCol = key.cells.findIndex((c) => cellText(c) !== '');
  const rows: SheetRow[] = [];
  for (let i = state.above.length - 1; i >= 0; i--) {
    const r = state.above[i]!;
    if (r.row !== key.row - rows.length - 1 || isBlankRow(r) || state.lineRows.has(r.row)) break;
    const filled = r.cells.map((c, j) => (cellText(c) ? j : -1)).filter((j) => j >= 0);
    if (filled.length === 1 && filled[0]! <= firstCol) break;
    rows.unshift(r);
  }
  return rows;
}

/** The columns of a wide heading row that name the unit column (单位名称, 单位代码). */
export function orgHeadingColumns(row: SheetRow): number[] {
  return row.cells
    .map((c, j) => (ORG_NAME_HEADERS.has(matchKey(cellText(c))) || ORG_CODE_HEADERS.has(matchKey(cellText(c))) ? j : -1))
    .filter((j) => j >= 0);
}

/** A row below the first heading row: still heading while the unit column holds headings or nothing. */
export function isHeadingRow(state: SheetState, row: SheetRow): boolean {
  if (state.heading.length > MAX_STACKED_ROWS) return false;
  // A figure (not a year heading such as 2024) means the data has begun.
  const figure = row.cells.some((c) => {
    const v = parseReportedValue(c);
    return (v.kind === 'number' || v.kind === 'zero') && !/^(19|20)\d{2}$/.test(cellText(c));
  });
  if (figure) return false;
  return state.headingOrgColumns.every((j) => {
    const k = matchKey(cellText(row.cells[j]));
    return (
      k === '' || ORG_NAME_HEADERS.has(k) || ORG_CODE_HEADERS.has(k) || MEASURE_UNIT_HEADERS.has(k) || SKIPPED_HEADERS.has(k)
    );
  });
}

/**
 * The row under a transposed heading that names each unit column's kind (本月 | 1-6月累计), the
 * blank cells of a merged unit heading included. True when the row was such a sub-heading.
 */
export function takeSubheading(plan: UnitsInColumnsPlan, row: SheetRow, frequency: InterpreterOptions['frequency']): boolean {
  if (plan.indicatorColumns.some((j) => cellText(row.cells[j]) !== '')) return false;
  const cols = [...plan.columns.map((c) => c.index), ...plan.pending.map((p) => p.index)];
  const words = cols.map((j) => cellText(row.cells[j])).filter(Boolean);
  // 本月 | 1-6月累计 | 同比% under a merged unit heading: kinds of figure, or the unit's growth (issue 18).
  if (words.length === 0 || !words.every((w) => qualifierOf(w) !== null || isGrowthHeading(w))) return false;
  for (const c of [...plan.columns]) {
    const w = cellText(row.cells[c.index]);
    if (!w) continue;
    if (isGrowthHeading(w)) {
      plan.columns.splice(plan.columns.indexOf(c), 1);
      // 环比 under a unit heading is not stored and not checked against last year.
      if (isPeriodOnPeriodHeading(w)) continue;
      plan.growth.push({ index: c.index, org: c.org, qualifier: qualifierOf(w) });
      continue;
    }
    c.qualifier = qualifierOf(w);
    if (/\d{4}/.test(w)) c.period = statedPeriodFor(w, frequency) ?? c.period;
  }
  for (const p of plan.pending) {
    const w = cellText(row.cells[p.index]);
    if (!w) continue;
    if (isGrowthHeading(w)) {
      if (!isPeriodOnPeriodHeading(w)) plan.growth.push({ index: p.index, org: p.org, qualifier: qualifierOf(w) });
      continue;
    }
    plan.columns.push({
      index: p.index,
      org: p.org,
      qualifier: qualifierOf(w),
      period: /\d{4}/.test(w) ? statedPeriodFor(w, frequency) : null,
    });
  }
  plan.columns.sort((a, b) => a.index - b.index);
  return true;
}
