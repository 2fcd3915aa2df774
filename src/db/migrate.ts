import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// Arbitrary constant: serialises concurrent starts against one PostgreSQL server.
const LOCK_KEY = 7_400_113;

/**
 * Applies every migration file not yet recorded, in name order, each in its own transaction,
 * under a session advisory lock so that two servers starting together never both apply one.
 */
export async function migrate(database: Database): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{8}_\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return database.session(async (query) => {
    await query(`SELECT pg_advisory_lock(${LOCK_KEY})`);
    try {
      await query(`CREATE TABLE IF NOT EXISTS schema_migration (
        name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
      const done = new Set((await query('SELECT name FROM schema_migration')).map((r) => String(r.name)));
      const applied: string[] = [];
      for (const file of files) {
        if (done.has(file)) continue;
        const sql = await readFile(path.join(MIGRATIONS_DIR, file), 'utf8');
        // File names are checked by the pattern above, so quoting them inline is safe.
        await query(`BEGIN;\n${sql}\n;INSERT INTO schema_migration (name) VALUES ('${file}');\nCOMMIT;`);
        applied.push(file);
      }
      return applied;
    } finally {
      await query(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
    }
  });
}
