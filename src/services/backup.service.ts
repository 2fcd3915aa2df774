import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { AppError } from '../errors/app-error.ts';
import {
  advanceSequence,
  fixValueFormats,
  foreignKeyViolations,
  insertRows,
  listOwnedSequences,
  listTables,
  lockTables,
  markRestoring,
  migrationNames,
  nonEmptyTables,
  readSequence,
  startSnapshot,
  streamRows,
  trySkipTriggers,
  type TableInfo,
} from '../repositories/backup.repository.ts';
import type { Executor } from '../repositories/transaction.ts';
import { signedHeadSchema } from '../domain/audit/signed-head.ts';
import { signedAuditHead } from './audit.service.ts';

/**
 * Backup and restore of every table, for PGlite and PostgreSQL alike. The file is gzip of JSON
 * lines: a header, one line per row, a trailer with row counts and checksums (docs/backup.md).
 */

export const BACKUP_FORMAT = 'plantrack-backup';
export const BACKUP_VERSION = 1;
const FETCH_ROWS = 500;
const INSERT_ROWS = 500;
const INSERT_BYTES = 8 * 1024 * 1024;

const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  createdAt: z.string(),
  database: z.enum(['pglite', 'postgres']),
  migrations: z.array(z.string()),
  tables: z.array(
    z.object({
      name: z.string(),
      columns: z.array(z.string()),
      primaryKey: z.array(z.string()),
      /** json/jsonb columns, whose values are wrapped in a one-element array. */
      json: z.array(z.string()),
    }),
  ),
});
const tableSummarySchema = z.object({ name: z.string(), rows: z.number().int().nonnegative(), sha256: z.string() });
const trailerSchema = z.object({
  end: z.literal(BACKUP_FORMAT),
  tables: z.array(tableSummarySchema),
  sequences: z.array(z.object({ table: z.string(), column: z.string(), lastValue: z.string(), isCalled: z.boolean() })),
  /** The audit chain's head in this snapshot, signed (docs/security.md, Audit anchor); absent in older backups. */
  auditHead: signedHeadSchema.optional(),
});

export type BackupHeader = z.infer<typeof headerSchema>;
export type BackupTrailer = z.infer<typeof trailerSchema>;
export type TableSummary = z.infer<typeof tableSummarySchema>;
export interface BackupSummary {
  createdAt: string;
  migrations: string[];
  tables: TableSummary[];
}
export interface RestoreSummary {
  createdAt: string;
  migrations: string[];
  tables: { name: string; rows: number }[];
  /** Whether triggers were off during the load (session_replication_role = replica). */
  triggersSkipped: boolean;
}

/**
 * Writes a backup of one consistent snapshot (REPEATABLE READ, READ ONLY): writers carry on,
 * the backup sees none of their later changes. Rows stream out a cursor batch at a time.
 * On PGlite the transaction holds the single connection, so other queries wait until it ends.
 */
export async function writeBackup(database: Database, out: Writable, auditKey?: string): Promise<BackupSummary> {
  return database.db.transaction().execute(async (trx) => {
    await startSnapshot(trx);
    await fixValueFormats(trx);
    const tables = orderByReferences(await listTables(trx));
    await lockTables(
      trx,
      tables.map((t) => t.name),
      'ACCESS SHARE',
    );
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      database: database.kind,
      migrations: await migrationNames(trx),
      tables: tables.map((t) => ({
        name: t.name,
        columns: t.columns.map((c) => c.name),
        primaryKey: t.primaryKey,
        json: t.columns.filter((c) => c.json).map((c) => c.name),
      })),
    };
    const summaries: TableSummary[] = [];
    async function* lines(): AsyncGenerator<string> {
      yield `${JSON.stringify(header)}\n`;
      for (const table of tables) {
        const digest = tableDigest(table.name);
        const prefix = `{"t":${JSON.stringify(table.name)},"r":`;
        for await (const batch of streamRows(trx, table, FETCH_ROWS)) {
          let chunk = '';
          for (const row of batch) {
            digest.add(row);
            chunk += `${prefix}${row}}\n`;
          }
          yield chunk;
        }
        summaries.push(digest.summary());
      }
      const sequences: BackupTrailer['sequences'] = [];
      for (const s of await listOwnedSequences(trx)) {
        sequences.push({ table: s.table, column: s.column, ...(await readSequence(trx, s.sequence)) });
      }
      const trailer: BackupTrailer = { end: BACKUP_FORMAT, tables: summaries, sequences };
      // Signed in the snapshot, so it names exactly the entries the file holds: kept with the backup,
      // it later shows whether any of them was deleted from the live table.
      if (auditKey !== undefined) trailer.auditHead = await signedAuditHead(trx, auditKey);
      yield `${JSON.stringify(trailer)}\n`;
    }
    await pipeline(lines, createGzip(), out);
    return { createdAt: header.createdAt, migrations: header.migrations, tables: summaries };
  });
}

/** writeBackup into a file, atomically: a partial file is renamed into place only when complete. */
export async function writeBackupFile(database: Database, file: string, auditKey?: string): Promise<BackupSummary> {
  const partial = `${file}.${process.pid}.partial`;
  try {
    const summary = await writeBackup(database, createWriteStream(partial, { flags: 'wx' }), auditKey);
    const handle = await open(partial, 'r+');
    await handle.sync().finally(() => handle.close());
    await rename(partial, file);
    return summary;
  } catch (err) {
    await rm(partial, { force: true });
    const system = err as NodeJS.ErrnoException;
    if (system.syscall === undefined || err instanceof AppError) throw err;
    throw new AppError(
      'BACKUP_FILE_UNWRITABLE',
      `cannot write backup file ${file}: ${system.code ?? system.message}`,
      `无法写入备份文件 ${file}：${system.code ?? system.message}`,
    );
  }
}

/**
 * Restores a backup onto an EMPTY database, all or nothing: migrates, checks the backup's
 * migrations are those of this code (or an earlier prefix), loads every row in one transaction,
 * checks the file's counts and checksums and then re-reads the loaded tables and checks them
 * again, advances the sequences, and only then commits.
 */
export async function restoreBackup(database: Database, input: Readable): Promise<RestoreSummary> {
  await migrate(database);
  return database.db.transaction().execute(async (trx) => {
    await fixValueFormats(trx);
    const target = new Map((await listTables(trx)).map((t) => [t.name, t]));
    await lockTables(trx, [...target.keys()], 'EXCLUSIVE');
    const nonEmpty = await nonEmptyTables(trx, [...target.keys()]);
    if (nonEmpty.length > 0) throw targetNotEmpty(nonEmpty);
    const codeMigrations = await migrationNames(trx);
    const triggersSkipped = await trySkipTriggers(trx);
    // Triggers that derive rows (the yearly-figure queue) stand still even when they cannot be switched off.
    await markRestoring(trx);

    const loaded = await loadRows(trx, input, target, codeMigrations, triggersSkipped);
    const { header, trailer } = loaded;

    for (const t of header.tables) {
      const expected = trailer.tables.find((s) => s.name === t.name);
      if (!expected) throw damaged(`table ${t.name} has no checksum`, `表 ${t.name} 缺少校验和`);
      const read = loaded.digests.get(t.name)!.summary();
      if (read.rows !== expected.rows || read.sha256 !== expected.sha256) throw checksumMismatch(t.name, expected, read);
    }
    if (loaded.insertError) throw loaded.insertError;

    // The file is intact; now prove the database holds exactly those rows (no trigger changed one,
    // no value lost a digit), reading them back in the backup's order and format.
    for (const t of header.tables) {
      const digest = tableDigest(t.name);
      const columns = backupColumns(t, target.get(t.name)!);
      for await (const batch of streamRows(trx, { name: t.name, primaryKey: t.primaryKey, columns }, FETCH_ROWS)) {
        for (const row of batch) digest.add(row);
      }
      const expected = trailer.tables.find((s) => s.name === t.name)!;
      const stored = digest.summary();
      if (stored.rows !== expected.rows || stored.sha256 !== expected.sha256) throw verifyFailed(t.name, triggersSkipped);
    }
    if (triggersSkipped) {
      const violations = await foreignKeyViolations(trx);
      if (violations.length > 0) {
        const list = violations.map((v) => `${v.table}.${v.constraint} (${v.rows})`).join(', ');
        throw new AppError(
          'BACKUP_FOREIGN_KEYS',
          `restore refused, nothing was written: rows without their referenced row: ${list}`,
          `恢复被拒绝，未写入任何数据：以下外键引用的记录不存在：${list}`,
        );
      }
    }
    // Last, because setval is not rolled back: nothing below can fail but the commit itself.
    for (const seq of await listOwnedSequences(trx)) {
      const source = trailer.sequences.find((s) => s.table === seq.table && s.column === seq.column);
      await advanceSequence(trx, seq, source?.isCalled ? source.lastValue : null);
    }
    return {
      createdAt: header.createdAt,
      migrations: header.migrations,
      tables: trailer.tables.map((t) => ({ name: t.name, rows: t.rows })),
      triggersSkipped,
    };
  });
}

/** restoreBackup from a file. */
export async function restoreBackupFile(database: Database, file: string): Promise<RestoreSummary> {
  const handle = await open(file, 'r').catch((err: NodeJS.ErrnoException) => {
    throw new AppError(
      'BACKUP_FILE_UNREADABLE',
      `cannot read backup file ${file}: ${err.code ?? err.message}`,
      `无法读取备份文件 ${file}：${err.code ?? err.message}`,
    );
  });
  const input = handle.createReadStream();
  try {
    return await restoreBackup(database, input);
  } finally {
    input.destroy(); // closes the file, also when the restore stopped before reading it
  }
}

interface Loaded {
  header: BackupHeader;
  trailer: BackupTrailer;
  digests: Map<string, ReturnType<typeof tableDigest>>;
  /** The first insert that failed; reading goes on so that a damaged file is reported as such. */
  insertError?: AppError;
}

async function loadRows(
  trx: Executor,
  input: Readable,
  target: Map<string, TableInfo>,
  codeMigrations: string[],
  triggersSkipped: boolean,
): Promise<Loaded> {
  let header: BackupHeader | undefined;
  let trailer: BackupTrailer | undefined;
  let insertError: AppError | undefined;
  const digests = new Map<string, ReturnType<typeof tableDigest>>();
  const insertable = new Map<string, ReturnType<typeof backupColumns>>();
  let batch: { table: string; rows: string[]; bytes: number } = { table: '', rows: [], bytes: 0 };

  const flush = async () => {
    if (batch.rows.length === 0 || insertError) return;
    try {
      await insertRows(trx, batch.table, insertable.get(batch.table)!, batch.rows);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      insertError = new AppError(
        'BACKUP_RESTORE_FAILED',
        `restore failed on table ${batch.table}, nothing was written: ${message}${triggersSkipped ? '' : TRIGGERS_ON_HINT.en}`,
        `恢复表 ${batch.table} 时失败，未写入任何数据：${message}${triggersSkipped ? '' : TRIGGERS_ON_HINT.zh}`,
      );
    }
    batch = { table: batch.table, rows: [], bytes: 0 };
  };

  // Not stream.pipeline: on Node 20 it reports an error thrown by its last stage as a bare AbortError.
  const gunzip = createGunzip();
  const forwardError = (err: Error) => gunzip.destroy(err);
  input.once('error', forwardError);
  input.pipe(gunzip);
  try {
    for await (const line of splitLines(gunzip)) {
      if (trailer) throw damaged('data after the trailer line', '结尾行之后还有数据');
      if (!header) {
        header = parseHeader(line);
        checkCompatible(header, target, codeMigrations);
        for (const t of header.tables) {
          digests.set(t.name, tableDigest(t.name));
          insertable.set(
            t.name,
            backupColumns(t, target.get(t.name)!).filter((c) => !c.generated),
          );
        }
        continue;
      }
      const row = parseRowLine(line);
      if (!row) {
        trailer = parseJsonLine(line, trailerSchema, 'trailer');
        continue;
      }
      const digest = digests.get(row.table);
      if (!digest) throw damaged(`row of table ${row.table}, which the header does not list`, `表 ${row.table} 不在文件头中`);
      digest.add(row.json);
      if (insertError) continue;
      if (row.table !== batch.table) {
        await flush();
        batch = { table: row.table, rows: [], bytes: 0 };
      }
      batch.rows.push(row.json);
      batch.bytes += row.json.length;
      if (batch.rows.length >= INSERT_ROWS || batch.bytes >= INSERT_BYTES) await flush();
    }
    await flush();
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('Z_'))
      throw damaged(`not a gzip file or cut short (${code})`, '不是 gzip 文件或文件不完整');
    throw err;
  } finally {
    input.off('error', forwardError);
    input.unpipe(gunzip);
    gunzip.destroy();
  }
  if (!header) throw damaged('the file is empty', '文件为空');
  if (!trailer) throw damaged('the file is cut short (no trailer line)', '文件不完整（缺少结尾行）');
  return { header, trailer, digests, insertError };
}

function parseHeader(line: string): BackupHeader {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    raw = undefined;
  }
  const version =
    (raw as { format?: unknown; version?: unknown } | undefined)?.format === BACKUP_FORMAT &&
    (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version !== BACKUP_VERSION) {
    throw new AppError(
      'BACKUP_UNSUPPORTED_VERSION',
      `backup format version ${version} is not supported by this code (it reads version ${BACKUP_VERSION})`,
      `不支持备份格式版本 ${version}（本程序读取版本 ${BACKUP_VERSION}）`,
    );
  }
  return parseJsonLine(line, headerSchema, 'header');
}

function checkCompatible(header: BackupHeader, target: Map<string, TableInfo>, codeMigrations: string[]): void {
  const unknown = header.migrations.filter((m) => !codeMigrations.includes(m));
  if (unknown.length > 0) {
    throw new AppError(
      'BACKUP_NEWER_SCHEMA',
      `the backup comes from newer PlanTrack code (migrations unknown here: ${unknown.join(', ')}); upgrade PlanTrack before restoring`,
      `该备份来自更新版本的 PlanTrack（本程序没有以下迁移：${unknown.join(', ')}），请先升级再恢复`,
    );
  }
  if (header.migrations.some((m, i) => codeMigrations[i] !== m)) {
    throw schemaMismatch(
      `the backup's migrations are not a prefix of this code's (${header.migrations.join(', ')})`,
      `备份的迁移记录与本程序不一致（${header.migrations.join(', ')}）`,
    );
  }
  for (const t of header.tables) {
    const info = target.get(t.name);
    if (!info) throw schemaMismatch(`table ${t.name} does not exist here`, `本数据库没有表 ${t.name}`);
    const missing = t.columns.filter((c) => !info.columns.some((ic) => ic.name === c));
    if (missing.length > 0) {
      throw schemaMismatch(
        `table ${t.name} has no column ${missing.join(', ')} here`,
        `表 ${t.name} 没有列 ${missing.join(', ')}`,
      );
    }
  }
}

/** The backup's columns of a table, typed from the target's catalogue and the header's json list. */
function backupColumns(t: BackupHeader['tables'][number], info: TableInfo) {
  return t.columns.map((name) => {
    const column = info.columns.find((c) => c.name === name)!;
    return { name, generated: column.generated, collatable: column.collatable, json: t.json.includes(name) };
  });
}

/** Row lines are written as {"t":<table>,"r":<row_to_json text>}; the row text is kept byte for byte. */
function parseRowLine(line: string): { table: string; json: string } | undefined {
  if (!line.startsWith('{"t":"')) return undefined;
  let i = 6;
  while (i < line.length && line[i] !== '"') i += line[i] === '\\' ? 2 : 1;
  const rowStart = i + 1 + ',"r":'.length;
  if (line.slice(i + 1, rowStart) !== ',"r":' || !line.endsWith('}')) throw damaged('a row line is malformed', '数据行格式错误');
  return { table: JSON.parse(line.slice(5, i + 1)) as string, json: line.slice(rowStart, -1) };
}

function parseJsonLine<T>(line: string, schema: z.ZodType<T>, what: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw damaged(`the ${what} line is not JSON`, what === 'header' ? '文件头不是 JSON' : '结尾行不是 JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw damaged(`the ${what} line is not a PlanTrack backup ${what}`, what === 'header' ? '文件头无效' : '结尾行无效');
  return parsed.data;
}

/** The signed audit head in a backup's trailer (`audit verify --head backup.gz`); undefined for older backups. */
export async function backupAuditHead(input: Readable): Promise<unknown> {
  const gunzip = createGunzip();
  input.once('error', (err) => gunzip.destroy(err));
  input.pipe(gunzip);
  let last = '';
  try {
    for await (const line of splitLines(gunzip)) last = line;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('Z_'))
      throw damaged(`not a gzip file or cut short (${code})`, '不是 gzip 文件或文件不完整');
    throw err;
  }
  return parseJsonLine(last, trailerSchema, 'trailer').auditHead;
}

/** Splits UTF-8 text into lines without joining the whole input (lines can be megabytes long). */
async function* splitLines(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending: string[] = [];
  for await (const chunk of source) {
    const text = decoder.write(chunk);
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      pending.push(text.slice(start, nl));
      yield pending.join('');
      pending = [];
      start = nl + 1;
    }
    if (start < text.length) pending.push(text.slice(start));
  }
  const last = pending.join('') + decoder.end();
  if (last !== '') yield last;
}

/** Row count and SHA-256 of a table's row texts, each followed by "\n", in file order. */
function tableDigest(name: string) {
  const hash = createHash('sha256');
  let rows = 0;
  return {
    add(row: string) {
      hash.update(row);
      hash.update('\n');
      rows += 1;
    },
    summary: (): TableSummary => ({ name, rows, sha256: hash.copy().digest('hex') }),
  };
}

/**
 * Referenced tables before referencing ones (Kahn's algorithm, ties by name). Self-references
 * and cycles need no order: restore loads with triggers, and so foreign-key checks, off.
 */
export function orderByReferences<T extends Pick<TableInfo, 'name' | 'references'>>(tables: readonly T[]): T[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const waitingOn = new Map(tables.map((t) => [t.name, new Set(t.references.filter((r) => r !== t.name && byName.has(r)))]));
  const ordered: T[] = [];
  while (waitingOn.size > 0) {
    const ready = [...waitingOn].filter(([, deps]) => deps.size === 0).map(([name]) => name);
    // A cycle between tables: take them in name order.
    const next = (ready.length > 0 ? ready : [...waitingOn.keys()]).sort()[0]!;
    ordered.push(byName.get(next)!);
    waitingOn.delete(next);
    for (const deps of waitingOn.values()) deps.delete(next);
  }
  return ordered;
}

const targetNotEmpty = (tables: string[]) =>
  new AppError(
    'BACKUP_TARGET_NOT_EMPTY',
    `restore needs an empty database; these tables already have rows: ${tables.join(', ')}. Nothing was changed.`,
    `恢复需要空数据库；以下表中已有数据：${tables.join(', ')}。未做任何修改。`,
  );

const damaged = (en: string, zh: string) =>
  new AppError(
    'BACKUP_DAMAGED',
    `not a PlanTrack backup, or a damaged one: ${en}. Nothing was written.`,
    `不是 PlanTrack 备份文件或文件已损坏：${zh}。未写入任何数据。`,
  );

const schemaMismatch = (en: string, zh: string) =>
  new AppError('BACKUP_SCHEMA_MISMATCH', `the backup does not fit this database: ${en}`, `备份与本数据库结构不符：${zh}`);

const checksumMismatch = (table: string, expected: TableSummary, read: TableSummary) =>
  new AppError(
    'BACKUP_CHECKSUM_MISMATCH',
    `the backup is damaged: table ${table} should have ${expected.rows} rows with checksum ${expected.sha256.slice(0, 12)}…, ` +
      `the file holds ${read.rows} rows with checksum ${read.sha256.slice(0, 12)}…. Nothing was written.`,
    `备份文件已损坏：表 ${table} 的行数或校验和不符（应为 ${expected.rows} 行，实际 ${read.rows} 行）。未写入任何数据。`,
    { table, expected, read },
  );

const verifyFailed = (table: string, triggersSkipped: boolean) =>
  new AppError(
    'BACKUP_VERIFY_FAILED',
    `restore refused, nothing was written: table ${table} read back differs from the backup ` +
      `(a trigger or a type changed its rows)${triggersSkipped ? '' : TRIGGERS_ON_HINT.en}`,
    `恢复被拒绝，未写入任何数据：表 ${table} 写入后读回的内容与备份不同（可能被触发器或类型转换改变）${triggersSkipped ? '' : TRIGGERS_ON_HINT.zh}`,
    { table },
  );

const TRIGGERS_ON_HINT = {
  en:
    '. Triggers and foreign-key checks stayed on because this role may not SET session_replication_role; ' +
    'restore as a superuser (or, on PostgreSQL 15+, GRANT SET ON PARAMETER session_replication_role to this role)',
  zh: '。当前角色无权设置 session_replication_role，触发器与外键检查未能关闭；请以超级用户恢复（或在 PostgreSQL 15+ 上授予 GRANT SET ON PARAMETER session_replication_role）',
};
