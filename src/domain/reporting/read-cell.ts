import { parseReportedValue, type ReportedValue } from './parse-reported-value.ts';
import { convertUnit } from './units.ts';

export type CellReading =
  | Exclude<ReportedValue, { kind: 'number' } | { kind: 'zero' } | { kind: 'error' }>
  | { kind: 'number' | 'zero'; value: string; fromUnit: string; exact: boolean }
  | { kind: 'error'; code: string; reason: string; reasonZh: string };

/**
 * Reads a cell into the indicator's unit. The unit written in the cell wins over the column
 * header's unit; with neither, the figure is taken to be in the indicator's unit already.
 */
export function readCell(cell: string | null | undefined, indicatorUnit: string, headerUnit?: string | null): CellReading {
  const parsed = parseReportedValue(cell);
  if (parsed.kind !== 'number' && parsed.kind !== 'zero') return parsed;
  const from = parsed.unit ?? headerUnit ?? indicatorUnit;
  if (from === indicatorUnit) return { kind: parsed.kind, value: parsed.value, fromUnit: from, exact: true };
  const c = convertUnit(parsed.value, from, indicatorUnit);
  if (!c.ok) return { kind: 'error', code: 'unit_mismatch', reason: c.reason, reasonZh: c.reasonZh };
  return { kind: parsed.kind, value: c.value, fromUnit: from, exact: c.exact };
}
