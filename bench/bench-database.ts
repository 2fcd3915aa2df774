import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { syncDatasetForms } from '../src/services/reporting/form-sync.service.ts';
import { seedDataset } from '../src/services/seed.service.ts';

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A throw-away PostgreSQL database, migrated and seeded with the five plans and the forms; dropped afterwards. */
export async function withBenchDatabase<T>(fn: (database: Database, url: string) => Promise<T>): Promise<T> {
  const name = `plantrack_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  try {
    await migrate(database);
    const seeded = await seedDataset(database);
    if (!seeded.ok) throw new Error('seed failed');
    await syncDatasetForms(database);
    return await fn(database, url.toString());
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
