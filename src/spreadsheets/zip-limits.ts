import { createInflateRaw } from 'node:zlib';
import type { InputLimits } from '../config/input-limits.ts';
import { AppError } from '../errors/app-error.ts';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export const unreadableZip = (fileName: string, reason: string, reasonZh: string) =>
  new AppError(
    'UNREADABLE_ZIP',
    `${fileName} is not a readable .xlsx/.docx (zip) file: ${reason}`,
    `文件“${fileName}”不是可读取的 .xlsx/.docx（zip）文件：${reasonZh}`,
    { reason },
  );

export const inflatedTooLarge = (fileName: string, limit: number) =>
  new AppError(
    'INFLATED_TOO_LARGE',
    `${fileName} unpacks to more than ${limit} bytes (PLANTRACK_MAX_INFLATED_BYTES); split the file`,
    `文件“${fileName}”解压后超过 ${limit} 字节（上限 PLANTRACK_MAX_INFLATED_BYTES），请拆分文件`,
    { limit, setting: 'PLANTRACK_MAX_INFLATED_BYTES' },
  );

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** The entries of a zip's central directory, or a 422 when it is truncated or not a zip. */
export function centralDirectory(zip: Uint8Array, fileName: string): Entry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end record is the last 22 bytes plus a comment of up to 64 KiB.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--)
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw unreadableZip(fileName, 'no central directory (truncated?)', '找不到中央目录（文件可能不完整）');
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (cdOffset + cdSize > eocd) throw unreadableZip(fileName, 'central directory out of bounds', '中央目录越界');
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL)
      throw unreadableZip(fileName, `central directory entry ${n + 1} is damaged`, `中央目录第 ${n + 1} 项已损坏`);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    entries.push({
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLength)),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Refuses a zip upload (.xlsx, .docx) before any library unpacks it: 422 when it is truncated or
 * damaged, 413 when its entries would inflate past limits.maxInflatedBytes. The central
 * directory's sizes are checked first (a plain zip bomb is refused without inflating a byte);
 * then every entry is inflated into a counter, chunk by chunk, and inflation stops as soon as an
 * entry passes its declared size, so sizes that lie are caught rather than believed. Nothing
 * inflated is kept. With `workbook`, worksheets are also checked for cells ExcelJS cannot place.
 */
export async function checkZipLimits(
  zip: Uint8Array,
  fileName: string,
  limits: Pick<InputLimits, 'maxInflatedBytes'>,
  opts: { workbook?: boolean } = {},
): Promise<void> {
  const entries = centralDirectory(zip, fileName);
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limits.maxInflatedBytes) throw inflatedTooLarge(fileName, limits.maxInflatedBytes);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (const e of entries) {
    const at = e.localOffset;
    if (at + 30 > zip.length || view.getUint32(at, true) !== LOCAL)
      throw unreadableZip(fileName, `entry ${e.name} is missing`, `缺少条目 ${e.name}`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + e.compressedSize;
    if (end > zip.length) throw unreadableZip(fileName, `entry ${e.name} is truncated`, `条目 ${e.name} 不完整`);
    const data = zip.subarray(start, end);
    const refs = opts.workbook && WORKSHEET.test(e.name) ? cellReferenceCheck(fileName, e.name) : null;
    if (e.method === 0) {
      refs?.(data, true);
      continue;
    }
    if (e.method !== 8)
      throw unreadableZip(
        fileName,
        `entry ${e.name} uses compression method ${e.method}`,
        `条目 ${e.name} 使用了不支持的压缩方法`,
      );
    const produced = await inflatedSize(data, e.size, refs);
    if (produced < 0) throw unreadableZip(fileName, `entry ${e.name} is damaged`, `条目 ${e.name} 已损坏`);
    // The declared sizes add up to no more than the limit, so an honest file is within it.
    if (produced > e.size)
      throw unreadableZip(
        fileName,
        `entry ${e.name} inflates past its declared ${e.size} bytes (a zip bomb?)`,
        `条目 ${e.name} 解压后超过其声明的 ${e.size} 字节（疑似压缩炸弹）`,
      );
    if (produced < e.size)
      throw unreadableZip(fileName, `entry ${e.name} is shorter than declared`, `条目 ${e.name} 比声明的短（文件不完整）`);
  }
}

/** Bytes one deflated entry inflates to, counting no further than one byte past `cap`. */
function inflatedSize(data: Uint8Array, cap: number, inspect: ((chunk: Uint8Array, final: boolean) => void) | null) {
  return new Promise<number>((resolve, reject) => {
    const inflater = createInflateRaw();
    let produced = 0;
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      inflater.destroy();
      fn();
    };
    inflater.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > cap) return settle(() => resolve(produced));
      try {
        inspect?.(chunk, false);
      } catch (err) {
        settle(() => reject(err));
      }
    });
    inflater.on('end', () =>
      settle(() => {
        try {
          inspect?.(new Uint8Array(0), true);
          resolve(produced);
        } catch (err) {
          reject(err);
        }
      }),
    );
    inflater.on('error', () => settle(() => resolve(-1)));
    inflater.end(data);
  });
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
/** A <row> or <c> start tag without an r attribute (its address). */
const NO_REF = /<(row|c)(?=[\s>/])(?![^>]*\sr\s*=)[^>]*>/;

/**
 * OOXML lets a writer leave out a row's and a cell's r attribute (they are then positional), but
 * ExcelJS cannot place such cells: a 422 that says so, instead of a crash while reading.
 */
function cellReferenceCheck(fileName: string, entry: string) {
  const decoder = new TextDecoder();
  let carry = '';
  return (chunk: Uint8Array, final: boolean) => {
    const text = carry + decoder.decode(chunk, { stream: !final });
    const m = NO_REF.exec(text);
    if (m) {
      const sheet = entry.slice(entry.lastIndexOf('/') + 1);
      throw new AppError(
        'XLSX_CELL_WITHOUT_REFERENCE',
        `${fileName}: ${sheet} has ${m[1] === 'c' ? 'cells' : 'rows'} without a reference (r attribute, e.g. r="A1"); open and save the file in Excel or WPS and upload it again`,
        `文件“${fileName}”的 ${sheet} 中有${m[1] === 'c' ? '单元格' : '行'}缺少位置（r 属性，如 r="A1"），请用 Excel 或 WPS 打开并另存后重新上传`,
        { entry, element: m[1] },
      );
    }
    // A tag cut by the chunk's end is seen whole with the next chunk.
    const open = text.lastIndexOf('<');
    carry = open >= 0 && text.indexOf('>', open) < 0 ? text.slice(open) : '';
    if (carry.length > 4096) carry = carry.slice(0, 4096);
  };
}
