import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { SheetRow } from '../domain/reporting/table/table.types.ts';
import { detectFormat, readSpreadsheetRows } from './read-spreadsheet.ts';
import { readXlsxRows } from './read-xlsx.ts';

async function rows(buffer: Buffer): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of readXlsxRows(Readable.from([buffer]))) out.push(r);
  return out;
}

describe('reading .xlsx workbooks as a stream', () => {
  it('renders merged headers, numbers, formulas, rich text, dates, hyperlinks, errors and booleans as text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('月报');
    ws.getCell('A1').value = '营业收入';
    ws.mergeCells('A1:C1');
    ws.getCell('A2').value = { richText: [{ text: '蒙自' }, { text: '经济技术开发区', font: { bold: true } }] };
    ws.getCell('B2').value = 1234.5;
    ws.getCell('C2').value = { formula: 'B2*2', result: 2469 };
    ws.getCell('D2').value = new Date(Date.UTC(2024, 5, 30));
    ws.getCell('E2').value = { formula: 'B2*3' } as ExcelJS.CellFormulaValue;
    ws.getCell('F2').value = 0.1 + 0.2;
    ws.getCell('G2').value = { text: '链接', hyperlink: 'https://example.org' };
    ws.getCell('H2').value = true;
    ws.getCell('I2').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
    ws.getCell('B4').value = '１２，３４５';
    wb.addWorksheet('hidden', { state: 'hidden' }).getCell('A1').value = '旧数据';
    wb.addWorksheet('空');
    const read = await rows(Buffer.from(await wb.xlsx.writeBuffer()));
    assert.deepEqual(read, [
      { sheet: '月报', row: 1, cells: ['营业收入'] },
      {
        sheet: '月报',
        row: 2,
        cells: ['蒙自经济技术开发区', '1234.5', '2469', '2024-06-30', '=B2*3', '0.30000000000000004', '链接', 'TRUE', '#DIV/0!'],
      },
      { sheet: '月报', row: 4, cells: [null, '１２，３４５'] },
      { sheet: '空', row: 1, cells: [] },
    ]);
  });

  it('keeps every sheet of a workbook with many sheets (unzipper ends early otherwise)', async () => {
    const wb = new ExcelJS.Workbook();
    for (let i = 1; i <= 30; i++) wb.addWorksheet(`表${i}`).getCell('A1').value = i;
    const read = await rows(Buffer.from(await wb.xlsx.writeBuffer()));
    assert.deepEqual(
      read.map((r) => r.sheet),
      Array.from({ length: 30 }, (_, i) => `表${i + 1}`),
    );
  });

  it('detects the format from the bytes, then the name', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').getCell('A1').value = 'x';
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    assert.equal(detectFormat('upload.csv.bin', xlsx.subarray(0, 8)), 'xlsx');
    assert.equal(detectFormat('data.csv', Buffer.from('a,b')), 'csv');
    assert.equal(detectFormat('data', Buffer.from('a,b')), 'csv');
    assert.equal(detectFormat('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0])), null);
    assert.equal(detectFormat('report.pdf', Buffer.from('%PDF-1.7')), null);
    const viaDispatcher: SheetRow[] = [];
    for await (const r of readSpreadsheetRows('xlsx', Readable.from([xlsx]))) viaDispatcher.push(r);
    assert.deepEqual(viaDispatcher, [{ sheet: 's', row: 1, cells: ['x'] }]);
  });
});
