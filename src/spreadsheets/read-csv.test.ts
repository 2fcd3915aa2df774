import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import type { SheetRow } from '../domain/reporting/table/table.types.ts';
import { isUtf8Head, readCsvRows, sniffDelimiter } from './read-csv.ts';

async function rows(input: NodeJS.ReadableStream | Buffer): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of readCsvRows(input, 'CSV')) out.push(r);
  return out;
}

describe('reading CSV files', () => {
  it('decodes GB18030 (Excel "CSV" on Chinese Windows) and numbers rows as Excel does', async () => {
    const file = iconv.encode('单位名称,营业收入\r\n蒙自经济技术开发区,"1,234"\r\n\r\n合计,5\r\n', 'gb18030');
    assert.deepEqual(await rows(file), [
      { sheet: 'CSV', row: 1, cells: ['单位名称', '营业收入'] },
      { sheet: 'CSV', row: 2, cells: ['蒙自经济技术开发区', '1,234'] },
      { sheet: 'CSV', row: 3, cells: [null] },
      { sheet: 'CSV', row: 4, cells: ['合计', '5'] },
    ]);
  });

  it('strips a UTF-8 BOM and reads a stream that splits characters across chunks', async () => {
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('单位代码;营业收入\nZN-HH-MENGZI;"1;2"\n')]);
    const chunks = Array.from({ length: file.length }, (_, i) => file.subarray(i, i + 1));
    assert.deepEqual(await rows(Readable.from(chunks)), [
      { sheet: 'CSV', row: 1, cells: ['单位代码', '营业收入'] },
      { sheet: 'CSV', row: 2, cells: ['ZN-HH-MENGZI', '1;2'] },
    ]);
  });

  it('sniffs a tab delimiter and keeps ragged rows', async () => {
    const file = Buffer.from('org_unit\tindicator\tvalue\nZN-HH-MENGZI\tREVENUE\t12.5\textra\nZN-QJ-ETDZ\n');
    assert.deepEqual(
      (await rows(file)).map((r) => r.cells),
      [['org_unit', 'indicator', 'value'], ['ZN-HH-MENGZI', 'REVENUE', '12.5', 'extra'], ['ZN-QJ-ETDZ']],
    );
  });

  it('tells UTF-8 from GB18030 on the first 64 KB even when a character is cut at the boundary', async () => {
    const utf8 = Buffer.from('营业收入'.repeat(10));
    assert.equal(isUtf8Head(utf8.subarray(0, 7), false), true);
    assert.equal(isUtf8Head(utf8.subarray(0, 7), true), false);
    assert.equal(isUtf8Head(iconv.encode('营业收入', 'gb18030'), true), false);
    // A UTF-8 file longer than the sniffed head, with a character straddling 64 KB.
    const big = Buffer.from('a'.repeat(65535) + ',营\n1,2\n');
    const read = await rows(Readable.from([big.subarray(0, 65536), big.subarray(65536)]));
    assert.equal(read[0]!.cells[1], '营');
  });

  it('sniffs the delimiter outside quotes', () => {
    assert.equal(sniffDelimiter('"a,b,c";"d"\n'), ';');
    assert.equal(sniffDelimiter('a,b\tc,d\n'), ',');
    assert.equal(sniffDelimiter('onecolumn\n'), ',');
  });
});
