import type { SheetRow } from '../domain/reporting/table/table.types.ts';
import { readCsvRows } from './read-csv.ts';
import { readXlsxRows } from './read-xlsx.ts';
import type { RowLimits } from './row-limits.ts';

export type SpreadsheetFormat = 'xlsx' | 'csv';

const TEXT_EXTENSIONS = new Set(['csv', 'tsv', 'txt', '']);

/**
 * The format of an upload, from its first bytes before its name: a zip (PK\x03\x04) is read as
 * .xlsx whatever it is called; text named .csv/.tsv/.txt (or nothing) is CSV. Binary .xls (OLE2)
 * and anything else are not readable.
 */
export function detectFormat(fileName: string, head: Buffer): SpreadsheetFormat | null {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1).toLowerCase() : '';
  if (!TEXT_EXTENSIONS.has(ext) || head.includes(0)) return null;
  return 'csv';
}

/**
 * Rows of a spreadsheet of either format; a CSV file is one sheet named after the format's convention ("CSV").
 * With limits (uploads), reading stops with a 413 at the first row, column or cell past them.
 */
export function readSpreadsheetRows(
  format: SpreadsheetFormat,
  input: NodeJS.ReadableStream,
  sheetName = 'CSV',
  limits?: RowLimits,
): AsyncIterable<SheetRow> {
  return format === 'xlsx' ? readXlsxRows(input, limits) : readCsvRows(input, sheetName, limits);
}
