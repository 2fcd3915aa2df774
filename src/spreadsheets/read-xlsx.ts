import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { SheetRow } from '../domain/reporting/table/table.types.ts';
import { AppError } from '../errors/app-error.ts';
import { rowCounter, type RowLimits } from './row-limits.ts';

/**
 * The text of a cell as the user sees it. Numbers are Excel's doubles; String(n) is the shortest
 * decimal that round-trips, which is what was typed. Formulas give their cached result, dates
 * their ISO day; a formula never calculated shows itself, so the problem list says what is there.
 */
export function cellText(value: ExcelJS.CellValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '#NUM!';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDay(value);
  if ('richText' in value) return value.richText.map((r) => r.text ?? '').join('');
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue | { error: string } }).result;
    if (result === undefined) return `=${'formula' in value ? value.formula : value.sharedFormula}`;
    if (typeof result === 'number' && Number.isNaN(result)) return '#VALUE!';
    return cellText(result as ExcelJS.CellValue);
  }
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  return null;
}

function isoDay(d: Date): string {
  const mm = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${mm(d.getUTCMonth() + 1)}-${mm(d.getUTCDate())}`;
}

/**
 * ExcelJS's streaming reader pipes the file into unzipper's Parse, which emits 'end' itself as soon
 * as it has parsed the zip's last record, while entries it already parsed may still wait in its
 * buffer for ExcelJS (busy writing a worksheet to a temporary file). ExcelJS then stops and the
 * waiting entries are lost: workbook.xml among them for workbooks with many sheets, which crashes
 * with "Cannot read properties of undefined (reading 'sheets')". This input stream intercepts the
 * pipe into Parse and lets 'end' through only once the readable side has really ended.
 */
function withReliableZipEnd(input: Readable): Readable {
  const pipe = input.pipe.bind(input);
  input.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
    const zip = destination as unknown as Readable;
    const emit = zip.emit.bind(zip);
    zip.emit = ((event: string | symbol, ...args: unknown[]) =>
      event === 'end' && !zip.readableEnded ? false : emit(event, ...args)) as Readable['emit'];
    return pipe(destination, options);
  };
  return input;
}

/**
 * Streams the rows of every worksheet of an .xlsx workbook, in order, without loading the
 * workbook: ExcelJS's streaming reader parses each sheet's XML as it is unzipped. Shared strings
 * are cached (Excel writes them before the sheets) and styles are read so that dates are told
 * from numbers. Merged areas keep their value in the top-left cell only. Hidden sheets are
 * skipped. A worksheet with no
 * rows yields one blank row 1, so that consumers still learn the sheet exists.
 */
export async function* readXlsxRows(input: NodeJS.ReadableStream, limits?: RowLimits): AsyncGenerator<SheetRow> {
  const stream = withReliableZipEnd(input instanceof Readable ? input : new Readable().wrap(input));
  const counter = limits ? rowCounter(limits) : null;
  let at = 'the start of the file';
  let atZh = '文件开头';
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    let sheetNo = 0;
    for await (const worksheet of reader) {
      sheetNo++;
      const meta = worksheet as unknown as { name?: string; state?: string };
      const name = meta.name ?? `Sheet${sheetNo}`;
      at = `sheet ${name}`;
      atZh = `工作表“${name}”`;
      // Hidden sheets hold lookup lists and old copies, not the report: their rows are read and dropped.
      // Not reading them is not an option: ExcelJS deletes a buffered sheet's temp file as soon as the
      // next sheet is asked for, and the unread stream then fails to open (an uncaught ENOENT).
      // They count towards the row limit all the same: reading them is work.
      if (meta.state === 'hidden' || meta.state === 'veryHidden') {
        for await (const row of worksheet) counter?.row({ sheet: name, row: row.number, cells: [] });
        continue;
      }
      let rows = 0;
      for await (const row of worksheet) {
        // row.values is 1-based and sparse: index 1 is column A.
        const values = row.values as ExcelJS.CellValue[];
        counter?.width(name, row.number, values.length - 1);
        const cells: (string | null)[] = [];
        for (let j = 1; j < values.length; j++) cells.push(cellText(values[j]));
        rows++;
        const out = { sheet: name, row: row.number, cells };
        counter?.row(out);
        at = `sheet ${name} row ${row.number}`;
        atZh = `工作表“${name}”第 ${row.number} 行`;
        yield out;
      }
      if (rows === 0) yield { sheet: name, row: 1, cells: [] };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    // ExcelJS fails on truncated zips, damaged XML and cells it cannot place: all are the file's fault.
    const reason = err instanceof Error ? err.message : String(err);
    throw new AppError(
      'UNREADABLE_XLSX',
      `the workbook cannot be read after ${at}: ${reason}`,
      `工作簿无法读取（读到${atZh}之后出错）：文件已损坏或格式不受支持`,
      { at, reason },
    );
  } finally {
    // Stopping early (a limit, an error, a consumer that breaks) must not leave the upload being unzipped.
    stream.destroy();
  }
}
