import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import type { SheetRow } from '../../../domain/reporting/table/table.types.ts';
import { canonicalJson } from '../../../domain/audit/hash-chain.ts';
import { AppError } from '../../../errors/app-error.ts';
import { detectFormat, readSpreadsheetRows } from '../../../spreadsheets/read-spreadsheet.ts';
import { checkZipLimits } from '../../../spreadsheets/zip-limits.ts';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../../../config/input-limits.ts';
import type { ImportFormat } from './import-result.ts';

export interface UploadSource {
  format: ImportFormat;
  rows: AsyncIterable<SheetRow>;
  sha256: () => string;
}

const unreadable = (fileName: string) =>
  new AppError(
    'UNSUPPORTED_FILE',
    `${fileName} is neither an .xlsx workbook nor a CSV file`,
    `文件“${fileName}”不是 .xlsx 工作簿或 CSV 文件`,
  );

/**
 * An uploaded body: the format from its bytes (a zip is a workbook) and its name. A workbook's zip
 * is checked against the inflated-size limit before it is unpacked; rows stop at the row limits.
 */
export async function bufferSource(
  fileName: string,
  body: Buffer,
  limits: InputLimits = DEFAULT_INPUT_LIMITS,
): Promise<UploadSource> {
  const format = detectFormat(fileName, body.subarray(0, 8));
  if (!format) throw unreadable(fileName);
  if (format === 'xlsx') await checkZipLimits(body, fileName, limits, { workbook: true });
  const tap = sha256Tap();
  tap.update(body);
  return { format, rows: readSpreadsheetRows(format, Readable.from([body]), 'CSV', limits), sha256: tap.digest };
}

/** A file on disk, streamed: the CLI and the benchmarks import files far larger than memory. */
export async function fileSource(path: string): Promise<UploadSource> {
  const handle = await open(path);
  const head = Buffer.alloc(8);
  await handle.read(head, 0, 8, 0);
  await handle.close();
  const format = detectFormat(path, head);
  if (!format) throw unreadable(path);
  const tap = sha256Tap();
  const hashing = new Transform({
    transform(chunk: Buffer, _enc, done) {
      tap.update(chunk);
      done(null, chunk);
    },
  });
  return { format, rows: readSpreadsheetRows(format, createReadStream(path).pipe(hashing)), sha256: tap.digest };
}

export interface MachineValue {
  orgUnit: string;
  indicator: string;
  period?: string | undefined;
  value: string | null;
  unit?: string | undefined;
}

/**
 * Machine submission: JSON figures become rows of the long layout, so they go through exactly
 * the interpretation and checks an uploaded file does. Row n is the n-th value (1-based).
 */
const NOT_APPLICABLE = '—';

export function jsonSource(values: readonly MachineValue[]): UploadSource {
  const tap = sha256Tap();
  tap.update(Buffer.from(canonicalJson(values)));
  async function* rows(): AsyncGenerator<SheetRow> {
    yield { sheet: 'values', row: 0, cells: ['org_unit', 'indicator', 'period', 'value', 'unit'] };
    let row = 0;
    for (const v of values)
      yield {
        sheet: 'values',
        row: ++row,
        cells: [v.orgUnit, v.indicator, v.period ?? null, v.value ?? NOT_APPLICABLE, v.unit ?? null],
      };
  }
  return { format: 'json', rows: rows(), sha256: tap.digest };
}

/** sha256 of bytes as they stream past. */
function sha256Tap() {
  const hash = createHash('sha256');
  let digest: string | null = null;
  return {
    update: (chunk: Buffer) => hash.update(chunk),
    digest: () => (digest ??= hash.digest('hex')),
  };
}
