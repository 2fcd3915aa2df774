import { sql, type RawBuilder } from 'kysely';
import type { Executor } from './transaction.ts';

/**
 * Catalogue and row SQL for backup and restore. Tables are discovered from pg_catalog at run
 * time, never listed here, so every table a later migration adds is covered.
 */

export interface TableInfo {
  name: string;
  /** Every live column, in table order. */
  columns: ColumnInfo[];
  /** Primary-key columns in key order; empty when the table has none. */
  primaryKey: string[];
  /** Other tables this one references through foreign keys. */
  references: string[];
}

export interface ColumnInfo {
  name: string;
  /** GENERATED ALWAYS AS (…) STORED: computed by the database, never inserted. */
  generated: boolean;
  /** Has a collation (text-like): ordered with COLLATE "C" so that every server sorts it alike. */
  collatable: boolean;
  /**
   * json or jsonb (or a domain over them). row_to_json prints both SQL NULL and a JSON null as
   * null, so such values travel wrapped in a one-element array: null stays NULL, [null] is JSON null.
   */
  json: boolean;
}

export interface SequenceInfo {
  sequence: string;
  table: string;
  column: string;
}

const SCHEMA = 'public';
const MIGRATION_TABLE = 'schema_migration';
const CURSOR = 'plantrack_backup_rows';

/** Ordinary and partitioned tables of schema public, except the migration ledger (sorted by name). */
export async function listTables(db: Executor): Promise<TableInfo[]> {
  const columns = await sql<{ table: string; column: string; generated: boolean; collatable: boolean; json: boolean }>`
    SELECT c.relname AS "table", a.attname AS "column", a.attgenerated <> '' AS generated,
           a.attcollation <> 0 AS collatable,
           coalesce(nullif(ty.typbasetype, 0), a.atttypid) IN ('json'::regtype, 'jsonb'::regtype) AS json
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    JOIN pg_type ty ON ty.oid = a.atttypid
    WHERE n.nspname = ${SCHEMA} AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND c.relname <> ${MIGRATION_TABLE}
    ORDER BY c.relname, a.attnum`.execute(db);
  const keys = await sql<{ table: string; column: string }>`
    SELECT c.relname AS "table", a.attname AS "column"
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    CROSS JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS key(attnum, position)
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = key.attnum
    WHERE n.nspname = ${SCHEMA} AND k.contype = 'p'
    ORDER BY c.relname, key.position`.execute(db);
  const references = await sql<{ table: string; referenced: string }>`
    SELECT DISTINCT c.relname AS "table", r.relname AS referenced
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_class r ON r.oid = k.confrelid
    JOIN pg_namespace rn ON rn.oid = r.relnamespace
    WHERE n.nspname = ${SCHEMA} AND rn.nspname = ${SCHEMA} AND k.contype = 'f'
    ORDER BY 1, 2`.execute(db);

  const tables = new Map<string, TableInfo>();
  for (const c of columns.rows) {
    const table = tables.get(c.table) ?? { name: c.table, columns: [], primaryKey: [], references: [] };
    table.columns.push({ name: c.column, generated: c.generated, collatable: c.collatable, json: c.json });
    tables.set(c.table, table);
  }
  for (const k of keys.rows) tables.get(k.table)?.primaryKey.push(k.column);
  for (const r of references.rows) tables.get(r.table)?.references.push(r.referenced);
  return [...tables.values()];
}

/** Sequences owned by a column of a public table (identity columns and serials). */
export async function listOwnedSequences(db: Executor): Promise<SequenceInfo[]> {
  const result = await sql<SequenceInfo>`
    SELECT s.relname AS sequence, t.relname AS "table", a.attname AS "column"
    FROM pg_class s
    JOIN pg_namespace n ON n.oid = s.relnamespace
    JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass
      AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
    JOIN pg_class t ON t.oid = d.refobjid
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
    WHERE n.nspname = ${SCHEMA} AND s.relkind = 'S'
    ORDER BY t.relname, a.attname`.execute(db);
  return result.rows;
}

/** Sequence state as decimal text (bigint does not fit a JS number). */
export async function readSequence(db: Executor, sequence: string): Promise<{ lastValue: string; isCalled: boolean }> {
  const result = await sql<{ lastValue: string; isCalled: boolean }>`
    SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM ${table(sequence)}`.execute(db);
  return result.rows[0]!;
}

/**
 * Moves a sequence past both the largest value in its column and the source's last value, so
 * that new rows never reuse an id, not even one of a row deleted before the backup.
 */
export async function advanceSequence(db: Executor, seq: SequenceInfo, sourceLastValue: string | null): Promise<void> {
  const regclass = `${quoteIdent(SCHEMA)}.${quoteIdent(seq.sequence)}`;
  await sql`
    SELECT setval(${regclass}::regclass, v::bigint)
    FROM (SELECT greatest(max(${sql.id(seq.column)})::numeric, ${sourceLastValue}::numeric) AS v
          FROM ${table(seq.table)}) m
    WHERE v IS NOT NULL`.execute(db);
}

export async function migrationNames(db: Executor): Promise<string[]> {
  const exists = await sql<{ ok: boolean }>`SELECT to_regclass(${`${SCHEMA}.${MIGRATION_TABLE}`}) IS NOT NULL AS ok`.execute(db);
  if (!exists.rows[0]!.ok) return [];
  const result = await sql<{ name: string }>`SELECT name FROM ${sql.table(MIGRATION_TABLE)} ORDER BY name`.execute(db);
  return result.rows.map((r) => r.name);
}

/**
 * Must be the first statement of its transaction: one snapshot for every table that follows.
 * (Set here rather than in BEGIN because the PGlite dialect ignores Kysely's access mode.)
 */
export async function startSnapshot(db: Executor): Promise<void> {
  await sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`.execute(db);
}

/**
 * Session settings that fix the text form of every value, so that a row prints identically on
 * any server: timestamps in UTC, intervals and bytea in one style, floats in shortest exact form.
 */
export async function fixValueFormats(db: Executor): Promise<void> {
  await sql`SELECT set_config('TimeZone', 'UTC', true), set_config('IntervalStyle', 'postgres', true),
    set_config('bytea_output', 'hex', true), set_config('extra_float_digits', '1', true)`.execute(db);
}

/** ACCESS SHARE keeps concurrent DDL out during a backup; EXCLUSIVE keeps writers out during a restore. */
export async function lockTables(db: Executor, tables: readonly string[], mode: 'ACCESS SHARE' | 'EXCLUSIVE'): Promise<void> {
  if (tables.length === 0) return;
  await sql`LOCK TABLE ${sql.join(tables.map((t) => table(t)))} IN ${sql.raw(mode)} MODE`.execute(db);
}

export async function nonEmptyTables(db: Executor, tables: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const t of tables) {
    const r = await sql<{ any: boolean }>`SELECT EXISTS (SELECT 1 FROM ${table(t)}) AS any`.execute(db);
    if (r.rows[0]!.any) out.push(t);
  }
  return out;
}

/**
 * Every row of a table as row_to_json text (lossless: numeric digits, microseconds and json are
 * printed as stored), in a deterministic order, fetched through a cursor `batchSize` rows at a time.
 */
export async function* streamRows(
  db: Executor,
  info: Pick<TableInfo, 'name' | 'primaryKey'> & { columns: readonly Omit<ColumnInfo, 'generated'>[] },
  batchSize: number,
): AsyncGenerator<string[]> {
  const collatable = new Set(info.columns.filter((c) => c.collatable).map((c) => c.name));
  const order: RawBuilder<unknown>[] =
    info.primaryKey.length > 0
      ? info.primaryKey.map((k) => (collatable.has(k) ? sql`x.${sql.id(k)} COLLATE "C"` : sql`x.${sql.id(k)}`))
      : [sql`x::text COLLATE "C"`];
  await sql`DECLARE ${sql.id(CURSOR)} NO SCROLL CURSOR FOR
    SELECT row_to_json(x)::text AS j
    FROM (SELECT ${sql.join(info.columns.map(selectColumn))} FROM ${table(info.name)}) x
    ORDER BY ${sql.join(order)}`.execute(db);
  try {
    for (;;) {
      const batch = await sql<{ j: string }>`FETCH ${sql.raw(String(batchSize))} FROM ${sql.id(CURSOR)}`.execute(db);
      if (batch.rows.length === 0) return;
      yield batch.rows.map((r) => r.j);
    }
  } finally {
    await sql`CLOSE ${sql.id(CURSOR)}`.execute(db);
  }
}

function selectColumn(c: Pick<ColumnInfo, 'name' | 'json'>) {
  const col = sql.id(c.name);
  return c.json ? sql`CASE WHEN ${col} IS NULL THEN NULL ELSE json_build_array(${col}) END AS ${col}` : col;
}

/**
 * Inserts rows given as the text streamRows produced. json_populate_recordset parses each value
 * with its column's own input function, so nothing passes through a JS number or Date.
 */
export async function insertRows(
  db: Executor,
  tableName: string,
  columns: readonly Pick<ColumnInfo, 'name' | 'json'>[],
  rows: readonly string[],
): Promise<void> {
  const names = sql.join(columns.map((c) => sql.id(c.name)));
  const values = sql.join(columns.map((c) => (c.json ? sql`x.${sql.id(c.name)} -> 0` : sql`x.${sql.id(c.name)}`)));
  await sql`INSERT INTO ${table(tableName)} (${names}) OVERRIDING SYSTEM VALUE
    SELECT ${values} FROM json_populate_recordset(NULL::${table(tableName)}, ${`[${rows.join(',')}]`}::json) x`.execute(db);
}

/**
 * SET LOCAL session_replication_role = replica: ordinary triggers (including the foreign-key
 * checks) do not fire for the rest of the transaction. Needs superuser (or, from PostgreSQL 15,
 * a GRANT SET on the parameter); tried under a savepoint so that a refusal leaves the
 * transaction usable. Returns whether it took effect.
 */
export async function trySkipTriggers(db: Executor): Promise<boolean> {
  await sql`SAVEPOINT plantrack_replica_role`.execute(db);
  try {
    await sql`SET LOCAL session_replication_role = replica`.execute(db);
    await sql`RELEASE SAVEPOINT plantrack_replica_role`.execute(db);
    return true;
  } catch {
    await sql`ROLLBACK TO SAVEPOINT plantrack_replica_role`.execute(db);
    return false;
  }
}

/** Marks the transaction as a restore: triggers that derive rows (the yearly-figure queue) stand still even when they cannot be switched off. */
export async function markRestoring(db: Executor): Promise<void> {
  await sql`SET LOCAL plantrack.restoring = 'on'`.execute(db);
}

/** Foreign keys that rows violate (checked by hand after loading with triggers off). */
export async function foreignKeyViolations(db: Executor): Promise<{ constraint: string; table: string; rows: number }[]> {
  const fks = await sql<{ constraint: string; table: string; referenced: string; columns: string[]; refColumns: string[] }>`
    SELECT k.conname AS "constraint", c.relname AS "table", r.relname AS referenced,
      array(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
            JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i) AS columns,
      array(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
            JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i) AS "refColumns"
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_class r ON r.oid = k.confrelid
    JOIN pg_namespace rn ON rn.oid = r.relnamespace
    WHERE k.contype = 'f' AND n.nspname = ${SCHEMA} AND rn.nspname = ${SCHEMA}
    ORDER BY c.relname, k.conname`.execute(db);
  const out: { constraint: string; table: string; rows: number }[] = [];
  for (const fk of fks.rows) {
    const notNull = fk.columns.map((c) => sql`c.${sql.id(c)} IS NOT NULL`);
    const matches = fk.columns.map((c, i) => sql`p.${sql.id(fk.refColumns[i]!)} = c.${sql.id(c)}`);
    const r = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM ${table(fk.table)} c
      WHERE ${sql.join(notNull, sql` AND `)}
        AND NOT EXISTS (SELECT 1 FROM ${table(fk.referenced)} p WHERE ${sql.join(matches, sql` AND `)})`.execute(db);
    if (r.rows[0]!.n > 0) out.push({ constraint: fk.constraint, table: fk.table, rows: r.rows[0]!.n });
  }
  return out;
}

function table(name: string) {
  return sql`${sql.id(SCHEMA)}.${sql.id(name)}`;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
