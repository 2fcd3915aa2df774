import { Readable } from 'node:stream';
import type { SheetRow } from '../domain/reporting/table/table.types.ts';
import { AppError } from '../errors/app-error.ts';
import { readXlsxRows } from './read-xlsx.ts';
import type { RowLimits } from './row-limits.ts';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * The rows of the first (visible) sheet of an .xlsx group assignment workbook; later sheets are read through but
 * dropped. Anything not a zip (an empty body, a CSV, an old .xls) is refused before ExcelJS sees it: its streaming
 * reader waits forever on an empty input.
 */
export async function readFirstSheetRows(bytes: Buffer, limits?: RowLimits): Promise<SheetRow[]> {
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC))
    throw new AppError('UNREADABLE_XLSX', 'the file is not an .xlsx workbook', '文件不是 Excel（.xlsx）工作簿', {
      bytes: bytes.length,
    });
  const rows: SheetRow[] = [];
  let first: string | undefined;
  for await (const row of readXlsxRows(Readable.from([bytes]), limits)) {
    first ??= row.sheet;
    if (row.sheet === first) rows.push(row);
  }
  return rows;
}
