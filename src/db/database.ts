import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { acquireDataDirLock } from './pglite-lock.ts';
import type { AppConfig } from '../config/env.ts';
import type { DB } from './schema.ts';
import { parseConnectionUrl } from './connection-url.ts';
import { FailoverPool } from './failover-pool.ts';

/**
 * One handle over either driver. Queries go through Kysely; `exec` runs multi-statement SQL
 * (migrations) over the simple-query protocol, which both drivers support.
 */
export interface Database {
  kind: 'pglite' | 'postgres';
  db: Kysely<DB>;
  exec(sql: string): Promise<void>;
  /** Runs fn on one dedicated connection (for session-level advisory locks). */
  session<T>(fn: (query: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T>;
  /** The pg pool (or the failover pool over several hosts), for COPY in benchmarks and bulk paths; undefined on PGlite. */
  pool?: PoolLike;
  /**
   * Where dashboard reads go when PLANTRACK_READ_DATABASE_URL names a standby (issue 22); left out, they
   * go to the primary. Use `dashboardReads(database)`, never this field for writes.
   */
  replica?: Database;
  /** PGlite only: the whole data directory as a gzipped tarball (the new-directory template, pglite-template.service.ts). */
  dumpDataDir?: () => Promise<Blob>;
  close(): Promise<void>;
}

/**
 * The handle for read-only dashboard questions (progress, map, comparison, homes): the hot standby when
 * one is configured, else the primary. Such a read may be a moment behind the primary.
 */
export function dashboardReads(database: Database): Database {
  return database.replica ?? database;
}

// pg parses int8 (count(*)) as string by default; our counts fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// Dates as ISO text, independent of the server's or the client's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/** What the app needs of a pool: pg.Pool, or FailoverPool when the URL names several hosts. */
export interface PoolLike {
  connect(): Promise<pg.PoolClient>;
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
  end(): Promise<void>;
}

const POOL_MAX = 10;

// An idle connection that the server terminates (restart, failover, DROP DATABASE … FORCE) emits
// an error on the pool; without a listener that would crash the process. The pool discards the
// connection and opens a new one on the next query.
const onIdleError = (err: Error) => process.emitWarning(`PostgreSQL connection lost: ${err.message}`);

/** The read pool's sessions are named, so an operator (and the failover test) sees where reads run. */
export const READ_APPLICATION_NAME = 'plantrack-dashboard-reads';

function openPool(url: string, role: 'primary' | 'reads' = 'primary'): PoolLike {
  const parsed = parseConnectionUrl(url);
  const applicationName = role === 'reads' ? READ_APPLICATION_NAME : undefined;
  if (parsed && parsed.perHost.length > 1) {
    const options =
      role === 'reads'
        ? { waitMs: 0, retryDelayMs: 0, max: POOL_MAX, prefer: 'standby' as const, applicationName }
        : { waitMs: 30_000, retryDelayMs: 500, max: POOL_MAX };
    return new FailoverPool(parsed.perHost, options, onIdleError);
  }
  const pool = new pg.Pool({
    connectionString: parsed?.perHost[0] ?? url,
    max: POOL_MAX,
    ...(applicationName ? { application_name: applicationName } : {}),
  });
  pool.on('error', onIdleError);
  // As in FailoverPool: a checked-out connection whose server dies must not crash the process.
  pool.on('connect', (client) => client.on('error', onIdleError));
  return pool;
}

export async function openDatabase(config: AppConfig['database']): Promise<Database> {
  if (config.kind === 'postgres') {
    const replica = config.readUrl ? postgresDatabase(openPool(config.readUrl, 'reads')) : undefined;
    const primary = postgresDatabase(openPool(config.url));
    return replica
      ? {
          ...primary,
          replica,
          close: async () => {
            await Promise.all([primary.close(), replica.close()]);
          },
        }
      : primary;
  }
  return openPglite(config.dataDir, config.template);
}

function postgresDatabase(pool: PoolLike): Database {
  return {
    kind: 'postgres',
    db: new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }),
    pool,
    exec: async (sql) => {
      await pool.query(sql);
    },
    session: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn(async (sql) => (await client.query(sql)).rows as Record<string, unknown>[]);
      } finally {
        client.release();
      }
    },
    close: async () => {
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string, template?: string): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  const release = inMemory ? () => {} : acquireDataDirLock(dataDir);
  const pglite = inMemory ? new PGlite() : new PGlite(dataDir, newDirectoryFrom(dataDir, template));
  try {
    await pglite.waitReady;
  } catch (err) {
    release();
    throw err;
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    kind: 'pglite',
    db,
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    // PGlite has a single connection: every call is already one session.
    session: (fn) =>
      fn(async (sql) => {
        const results = await pglite.exec(sql);
        return (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
      }),
    dumpDataDir: () => pglite.dumpDataDir('gzip'),
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
      release();
    },
  };
}

/**
 * A data directory PGlite has not made yet starts as a copy of the template, when one is configured and
 * was built this month: ~1 s instead of initdb, the migrations, the five plans and the demo figures
 * (~8 s; issue 22's new-directory start). The demo projects' stages are dated by the month they were
 * made in, hence the month (UTC, as the services' today). An existing directory is opened as it is.
 */
function newDirectoryFrom(dataDir: string, template: string | undefined): { loadDataDir?: Blob } {
  if (!template || existsSync(path.join(dataDir, 'PG_VERSION')) || !existsSync(template)) return {};
  const month = existsSync(`${template}.month`) ? readFileSync(`${template}.month`, 'utf8').trim() : null;
  if (month !== new Date().toISOString().slice(0, 7)) return {};
  return { loadDataDir: new Blob([readFileSync(template)]) };
}
