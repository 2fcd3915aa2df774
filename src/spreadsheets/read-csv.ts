import { pipeline, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { SheetRow } from '../domain/reporting/table/table.types.ts';
import { AppError } from '../errors/app-error.ts';
import { rowCounter, type RowLimits } from './row-limits.ts';

/** Bytes looked at to tell the encoding and the delimiter. */
const SNIFF_BYTES = 64 * 1024;
const DELIMITERS = [',', '\t', ';'] as const;

export type CsvEncoding = 'utf8' | 'gb18030';

/**
 * Whether the head of a file is UTF-8. A multibyte character cut by the end of the head is not
 * held against it: up to three trailing bytes of an unfinished sequence are dropped first.
 */
export function isUtf8Head(head: Buffer, complete: boolean): boolean {
  let end = head.length;
  if (!complete) {
    // Walk back over continuation bytes to the last lead byte; drop the sequence if it is unfinished.
    let i = end - 1;
    while (i >= 0 && i >= end - 3 && (head[i]! & 0xc0) === 0x80) i--;
    if (i >= 0 && head[i]! >= 0xc0) {
      const need = head[i]! >= 0xf0 ? 4 : head[i]! >= 0xe0 ? 3 : 2;
      if (end - i < need) end = i;
    }
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** UTF-8 when it has a BOM or decodes cleanly; otherwise GB18030 (what Chinese Excel saves "CSV" as). */
export function sniffEncoding(head: Buffer, complete: boolean): CsvEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  return isUtf8Head(head, complete) ? 'utf8' : 'gb18030';
}

/** The delimiter used most on the first line outside quotes, comma when none is. */
export function sniffDelimiter(headText: string): ',' | '\t' | ';' {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headText) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: ',' | '\t' | ';' = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

async function* chunksOf(input: NodeJS.ReadableStream | Buffer): AsyncGenerator<Buffer> {
  if (Buffer.isBuffer(input)) {
    yield input;
    return;
  }
  for await (const chunk of input as AsyncIterable<Buffer | string>) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}

/**
 * Streams a CSV file as rows of one sheet. The first 64 KB decide the encoding and delimiter;
 * the rest is decoded as it arrives, so memory does not grow with the file. Row n is the n-th
 * record, as Excel numbers the rows when it opens the file; empty fields are null.
 */
export async function* readCsvRows(
  input: NodeJS.ReadableStream | Buffer,
  sheetName: string,
  limits?: RowLimits,
): AsyncGenerator<SheetRow> {
  const source = chunksOf(input);
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < SNIFF_BYTES) {
    const next = await source.next();
    if (next.done) {
      done = true;
      break;
    }
    headChunks.push(next.value);
    headLength += next.value.length;
  }
  const head = Buffer.concat(headChunks);
  const encoding = sniffEncoding(head.subarray(0, SNIFF_BYTES), done && head.length <= SNIFF_BYTES);
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  const firstText = decoder.write(head);
  const delimiter = sniffDelimiter(firstText);

  async function* text(): AsyncGenerator<string> {
    if (firstText) yield firstText;
    for (;;) {
      const next = await source.next();
      if (next.done) break;
      const t = decoder.write(next.value);
      if (t) yield t;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  }

  const parser = parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true });
  // A read error destroys the parser, so it surfaces in the loop below.
  pipeline(Readable.from(text()), parser, () => {});
  const counter = limits ? rowCounter(limits) : null;
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      counter?.width(sheetName, row, record.length);
      const out = { sheet: sheetName, row, cells: record.map((c) => (c.trim() === '' ? null : c)) };
      counter?.row(out);
      yield out;
    }
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('CSV_')) throw err;
    // csv-parse's errors are the file's fault: a quote never closed, a field too long.
    const unclosed = code === 'CSV_QUOTE_NOT_CLOSED';
    // The parser reads ahead of this loop, so its own record count says where it stopped.
    const records = (err as { records?: unknown }).records;
    const at = (typeof records === 'number' ? Math.max(records, row) : row) + 1;
    throw new AppError(
      'UNREADABLE_CSV',
      unclosed ? `row ${at}: a quoted field opened here is never closed` : `row ${at}: ${(err as Error).message}`,
      unclosed ? `第 ${at} 行：引号内的内容没有结束引号` : `第 ${at} 行：CSV 格式错误`,
      { row: at, reason: code },
    );
  } finally {
    parser.destroy();
  }
}
