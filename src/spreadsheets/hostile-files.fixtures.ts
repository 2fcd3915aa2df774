import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync } from 'fflate';

/** Hostile uploads, built in the test that sends them (no binary fixtures): see docs/security.md, Input limits. */

export interface RawEntry {
  name: string;
  /** Deflated bytes (method 8). */
  data: Uint8Array;
  /** Inflated size as the central directory declares it. */
  size: number;
  crc: number;
}

const deflated = (name: string, bytes: Uint8Array): RawEntry => ({
  name,
  data: deflateRawSync(bytes),
  size: bytes.length,
  crc: crc32(bytes),
});

/** A zip written byte by byte, so that sizes can be declared as an attacker likes. */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, Buffer.from(e.data));
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, cd, end]));
}

export async function workbookBytes(rows: (string | number)[][], sheet = 'Sheet1'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The entries of a real workbook, with some replaced or added. */
export function rezip(xlsx: Uint8Array, change: (files: Record<string, Uint8Array>) => void, extra: RawEntry[] = []): Uint8Array {
  const files = unzipSync(xlsx);
  change(files);
  return rawZip([...Object.entries(files).map(([name, bytes]) => deflated(name, bytes)), ...extra]);
}

/** Valid OOXML that ExcelJS cannot place: every cell (and row) without its r attribute. */
export function withoutCellReferences(xlsx: Uint8Array): Uint8Array {
  return rezip(xlsx, (files) => {
    const sheet = new TextDecoder().decode(files['xl/worksheets/sheet1.xml']);
    files['xl/worksheets/sheet1.xml'] = strToU8(sheet.replace(/(<(?:c|row)) r="[A-Z]*\d+"/g, '$1'));
  });
}

/** Deflated zeros: about 1 MB of data that inflates to `size` bytes (1 GiB by default). */
export async function zeros(size = 1024 * 1024 * 1024): Promise<RawEntry> {
  const deflate = createDeflateRaw({ level: 9, strategy: constants.Z_RLE });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const chunk = Buffer.alloc(16 * 1024 * 1024);
  let crc = 0;
  for (let left = size; left > 0; left -= chunk.length) {
    const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(part, crc);
    if (!deflate.write(part)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await new Promise((r) => deflate.on('end', r));
  return { name: 'xl/media/image1.bin', data: Buffer.concat(out), size, crc };
}

/** A workbook whose sheet has `rows` rows of one number; the XML repeats, so it deflates to almost nothing. */
export async function manyRowsXlsx(rows: number): Promise<Uint8Array> {
  const template = await workbookBytes([['值'], [1]]);
  const deflate = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const files = unzipSync(template);
  const xml = new TextDecoder().decode(files['xl/worksheets/sheet1.xml']);
  const head = xml.slice(0, xml.indexOf('<sheetData>') + '<sheetData>'.length);
  const tail = xml.slice(xml.indexOf('</sheetData>'));
  let crc = crc32(head);
  let size = Buffer.byteLength(head);
  deflate.write(head);
  const batch = 10_000;
  for (let start = 1; start <= rows; start += batch) {
    let s = '';
    for (let r = start; r < start + batch && r <= rows; r++) s += `<row r="${r}"><c r="A${r}"><v>1</v></c></row>`;
    const b = Buffer.from(s);
    crc = crc32(b, crc);
    size += b.length;
    if (!deflate.write(b)) await new Promise((res) => deflate.once('drain', res));
  }
  deflate.write(tail);
  crc = crc32(tail, crc);
  size += Buffer.byteLength(tail);
  deflate.end();
  await new Promise((r) => deflate.on('end', r));
  delete files['xl/worksheets/sheet1.xml'];
  return rezip(template, (f) => delete f['xl/worksheets/sheet1.xml'], [
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.concat(out), size, crc },
  ]);
}
