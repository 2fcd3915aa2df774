import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { AppConfig } from '../../src/config/env.ts';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';

/** The machine's PostgreSQL (trust auth); each suite gets a database of its own, dropped afterwards. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  database: Database;
  config: AppConfig['database'];
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** An empty database on the machine's PostgreSQL, not opened; drop() removes it. */
export async function createEmptyPostgres(): Promise<{ config: { kind: 'postgres'; url: string }; drop(): Promise<void> }> {
  const name = `plantrack_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    config: { kind: 'postgres', url: url.toString() },
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function createPostgres(): Promise<TestDatabase> {
  const empty = await createEmptyPostgres();
  const database = await openDatabase(empty.config);
  return {
    database,
    config: empty.config,
    drop: async () => {
      await database.close();
      await empty.drop();
    },
  };
}

async function createPglite(): Promise<TestDatabase> {
  const config = { kind: 'pglite' as const, dataDir: 'memory://' };
  const database = await openDatabase(config);
  return { database, config, drop: () => database.close() };
}

export const DATABASE_KINDS = ['pglite', 'postgres'] as const;

/** A fresh database of the given kind with no schema at all. */
export function createUnmigratedTestDatabase(kind: (typeof DATABASE_KINDS)[number]): Promise<TestDatabase> {
  return kind === 'postgres' ? createPostgres() : createPglite();
}

/** A fresh, migrated database of the given kind. */
export async function createTestDatabase(kind: (typeof DATABASE_KINDS)[number]): Promise<TestDatabase> {
  const t = await createUnmigratedTestDatabase(kind);
  await migrate(t.database);
  return t;
}

/**
 * Row counts and a content hash of every table of schema public (found in the catalogue, so
 * tables added by later migrations are included), to prove that a rejected write changed nothing
 * and that a restore reproduced every row. The rate limiter's counters are left out: a refused
 * request still spends the client's budget (issue 22 keeps them in the database).
 */
export async function snapshot(database: Database): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`select c.relname as name from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
      and c.relname not in ('schema_migration', 'rate_limit_counter')
    order by c.relname`.execute(database.db);
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const r = await sql<{ n: number; h: string | null }>`select count(*)::int as n,
      md5(string_agg(md5(x::text), '' order by md5(x::text))) as h from ${sql.table(name)} x`.execute(database.db);
    out[name] = `${r.rows[0]!.n}:${r.rows[0]!.h ?? ''}`;
  }
  return out;
}
