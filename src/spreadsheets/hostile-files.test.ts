import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { AppError } from '../errors/app-error.ts';
import { DEFAULT_INPUT_LIMITS } from '../config/input-limits.ts';
import { manyRowsXlsx, rezip, withoutCellReferences, workbookBytes, zeros } from './hostile-files.fixtures.ts';
import { readCsvRows } from './read-csv.ts';
import { readXlsxRows } from './read-xlsx.ts';
import { checkZipLimits } from './zip-limits.ts';

const refusal = (status: number, code: string, mentions: RegExp) => (err: unknown) => {
  assert.ok(err instanceof AppError, String(err));
  assert.equal(err.status, status, err.message);
  assert.equal(err.code, code, err.message);
  assert.match(`${err.message} ${err.messageZh}`, mentions);
  return true;
};

async function drain(rows: AsyncIterable<unknown>) {
  let n = 0;
  for await (const _ of rows) n++;
  return n;
}

describe('hostile spreadsheets are refused with 413/422 naming the limit or the position', () => {
  it('a truncated .xlsx: 422, from the central directory, and from the reader too', async () => {
    const xlsx = await workbookBytes([
      ['a', 'b'],
      [1, 2],
    ]);
    const cut = xlsx.subarray(0, Math.floor(xlsx.length / 2));
    await assert.rejects(
      checkZipLimits(cut, 'cut.xlsx', DEFAULT_INPUT_LIMITS),
      refusal(422, 'UNREADABLE_ZIP', /central directory/),
    );
    await assert.rejects(
      drain(readXlsxRows(Readable.from([Buffer.from(cut)]))),
      refusal(422, 'UNREADABLE_XLSX', /cannot be read/),
    );
  });

  it('cells without an r attribute: 422 that says so (ExcelJS cannot place them)', async () => {
    const xlsx = withoutCellReferences(
      await workbookBytes([
        ['a', 'b'],
        [1, 2],
      ]),
    );
    await assert.rejects(
      checkZipLimits(xlsx, 'noref.xlsx', DEFAULT_INPUT_LIMITS, { workbook: true }),
      refusal(422, 'XLSX_CELL_WITHOUT_REFERENCE', /sheet1\.xml.*r attribute/),
    );
    // The reader alone fails too, as a 422 rather than a TypeError.
    await assert.rejects(drain(readXlsxRows(Readable.from([Buffer.from(xlsx)]))), refusal(422, 'UNREADABLE_XLSX', /Sheet1/));
  });

  it('a zip bomb (about 1 MB inflating to 1 GiB) is refused from its central directory', async () => {
    const bomb = rezip(await workbookBytes([['a']]), () => {}, [await zeros()]);
    assert.ok(bomb.length < 1.5 * 1024 * 1024, `${bomb.length} bytes`);
    const started = Date.now();
    await assert.rejects(
      checkZipLimits(bomb, 'bomb.xlsx', DEFAULT_INPUT_LIMITS, { workbook: true }),
      refusal(413, 'INFLATED_TOO_LARGE', /PLANTRACK_MAX_INFLATED_BYTES/),
    );
    assert.ok(Date.now() - started < 1000, `${Date.now() - started} ms`);
  });

  it('a zip bomb that lies about its sizes is stopped while inflating, at its declared size', async () => {
    const entry = await zeros(64 * 1024 * 1024);
    const bomb = rezip(await workbookBytes([['a']]), () => {}, [{ ...entry, size: 1000 }]);
    await assert.rejects(
      checkZipLimits(bomb, 'liar.xlsx', DEFAULT_INPUT_LIMITS),
      refusal(422, 'UNREADABLE_ZIP', /declared 1000 bytes/),
    );
  });

  it('a 1,000,000-row sheet stops at the row limit without reading the rest', async () => {
    const xlsx = await manyRowsXlsx(1_000_000);
    await checkZipLimits(xlsx, 'rows.xlsx', DEFAULT_INPUT_LIMITS, { workbook: true });
    const limits = { ...DEFAULT_INPUT_LIMITS, maxRows: 50_000 };
    const started = Date.now();
    let read = 0;
    await assert.rejects(
      (async () => {
        for await (const _ of readXlsxRows(Readable.from([Buffer.from(xlsx)]), limits)) read++;
      })(),
      refusal(413, 'TOO_MANY_ROWS', /50000 rows.*PLANTRACK_MAX_ROWS.*Sheet1!50001/),
    );
    assert.equal(read, 50_000);
    assert.ok(Date.now() - started < 20_000, `${Date.now() - started} ms`);
  });

  it('columns and cells are bounded too, in .xlsx and CSV', async () => {
    const wide = await workbookBytes([Array.from({ length: 30 }, (_, i) => i)]);
    await assert.rejects(
      drain(readXlsxRows(Readable.from([Buffer.from(wide)]), { ...DEFAULT_INPUT_LIMITS, maxColumns: 20 })),
      refusal(413, 'TOO_MANY_COLUMNS', /20 columns.*PLANTRACK_MAX_COLUMNS/),
    );
    const csv = Buffer.from('a,b,c\n1,2,3\n4,5,6\n');
    await assert.rejects(
      drain(readCsvRows(csv, 'CSV', { ...DEFAULT_INPUT_LIMITS, maxCells: 7 })),
      refusal(413, 'TOO_MANY_CELLS', /7 cells.*PLANTRACK_MAX_CELLS.*CSV!3/),
    );
  });

  it('a CSV with an unclosed quote: 422 naming the row where the quote opens', async () => {
    const csv = Buffer.from('单位,指标,数值\nYN-HH,GDP,1\nYN-KM,"GDP,2\nYN-QJ,GDP,3\n');
    await assert.rejects(drain(readCsvRows(csv, 'CSV')), refusal(422, 'UNREADABLE_CSV', /row 3.*never closed/));
  });

  it('a cell holding NUL: 422 naming the cell', async () => {
    const csv = Buffer.from('a,b\n1,x\u0000y\n');
    await assert.rejects(drain(readCsvRows(csv, 'CSV', DEFAULT_INPUT_LIMITS)), refusal(422, 'INVALID_FILE_TEXT', /CSV!B2/));
  });
});
