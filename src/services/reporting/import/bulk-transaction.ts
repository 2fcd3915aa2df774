import { once } from 'node:events';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../../db/database.ts';
import type { DB } from '../../../db/schema.ts';
import type { Executor } from '../../../repositories/transaction.ts';

/** Streams text-format COPY rows into a table on the transaction's own connection. */
export interface CopyTarget {
  copy(statement: string, rows: AsyncIterable<string> | Iterable<string>): Promise<void>;
}

/**
 * One transaction for a bulk write, committed only when fn says so (a dry run or a rejected file
 * rolls back). On PostgreSQL it runs on one dedicated connection so that COPY and the Kysely
 * queries share the transaction; PGlite has no COPY FROM STDIN, so copy is null there.
 */
export async function withBulkTransaction<T>(
  database: Database,
  fn: (db: Executor, copy: CopyTarget | null) => Promise<{ result: T; commit: boolean }>,
): Promise<T> {
  if (!database.pool) {
    let out: T | undefined;
    await database.db
      .transaction()
      .execute(async (trx) => {
        const { result, commit } = await fn(trx, null);
        out = result;
        if (!commit) throw ROLLBACK;
      })
      .catch((err: unknown) => {
        if (err !== ROLLBACK) throw err;
      });
    return out as T;
  }
  const client = await database.pool.connect();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: singleClientPool(client) }) });
  let broken = false;
  try {
    await client.query('BEGIN');
    const { result, commit } = await fn(db, { copy: (statement, rows) => copyRows(client, statement, rows) });
    await client.query(commit ? 'COMMIT' : 'ROLLBACK');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}

const ROLLBACK = Symbol('rollback');

/** A "pool" that always lends the same connection and never closes it: Kysely runs on our transaction. */
function singleClientPool(client: pg.PoolClient) {
  return {
    connect: async () => ({
      query: client.query.bind(client),
      release: () => {},
    }),
    end: async () => {},
  } as unknown as pg.Pool;
}

async function copyRows(client: pg.PoolClient, statement: string, rows: AsyncIterable<string> | Iterable<string>) {
  const stream = client.query(copyFrom(statement));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  for await (const row of rows) if (!stream.write(row)) await once(stream, 'drain');
  stream.end();
  await done;
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIALS = /[\\\t\n\r]/g;
const COPY_ESCAPED: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field of a COPY text-format row. Most fields need no escape: tested once, not replaced four times. */
export function copyField(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  const s = String(value);
  return COPY_SPECIAL.test(s) ? s.replace(COPY_SPECIALS, (c) => COPY_ESCAPED[c]!) : s;
}
