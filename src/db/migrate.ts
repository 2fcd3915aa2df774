import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../config/project-root.ts';
import type { Database } from './database.ts';

// The SQL files stay in the source tree; the compiled server reads them from there.
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'src', 'db', 'migrations');
// Arbitrary constant: serialises concurrent starts against one PostgreSQL server.
const LOCK_KEY = 7_400_113;
const FILE_PATTERN = /^\d{8}_\d{4}_[a-z0-9_]+\.sql$/;

/** A landed migration whose file no longer matches what the database applied. */
export class EditedMigrationError extends Error {
  constructor(readonly edited: readonly { name: string; applied: string; now: string }[]) {
    super(
      `已应用的迁移文件被修改 / applied migrations were edited: ${edited
        .map((e) => `${e.name} (applied ${e.applied.slice(0, 12)}, file now ${e.now.slice(0, 12)})`)
        .join(', ')}. ` +
        'A landed migration is never edited: restore the file from version control and add a new migration that makes the change.',
    );
    this.name = 'EditedMigrationError';
  }
}

/** Line endings are not content: a checkout with CRLF must not count as an edit. */
export function migrationChecksum(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

/**
 * Applies every migration file not yet recorded, in name order, each in its own transaction,
 * under a session advisory lock so that two servers starting together never both apply one.
 * Each applied file is recorded with its checksum; a recorded file whose text changed stops the
 * start with EditedMigrationError before anything is applied.
 */
export async function migrate(database: Database, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const names = (await readdir(dir)).filter((f) => FILE_PATTERN.test(f)).sort();
  const files = await Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name), 'utf8');
      return { name, sql, checksum: migrationChecksum(sql) };
    }),
  );
  return database.session(async (query) => {
    await query(`SELECT pg_advisory_lock(${LOCK_KEY})`);
    try {
      await query(`CREATE TABLE IF NOT EXISTS schema_migration (
        name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
      await query('ALTER TABLE schema_migration ADD COLUMN IF NOT EXISTS checksum text');
      const recorded = new Map(
        (await query('SELECT name, checksum FROM schema_migration')).map((r) => [
          String(r.name),
          r.checksum === null ? null : String(r.checksum),
        ]),
      );
      const edited = files.flatMap((f) => {
        const applied = recorded.get(f.name);
        return applied && applied !== f.checksum ? [{ name: f.name, applied, now: f.checksum }] : [];
      });
      if (edited.length > 0) throw new EditedMigrationError(edited);

      const applied: string[] = [];
      for (const file of files) {
        if (recorded.has(file.name)) continue;
        // Names match FILE_PATTERN and checksums are hex, so quoting them inline is safe.
        await query(
          `BEGIN;\n${file.sql}\n;INSERT INTO schema_migration (name, checksum) VALUES ('${file.name}', '${file.checksum}');\nCOMMIT;`,
        );
        applied.push(file.name);
      }
      // Rows recorded before checksums existed take the current text: the converging migration
      // (0080) has by now brought any earlier version of an edited file to the current schema.
      for (const file of files)
        if (recorded.get(file.name) === null)
          await query(
            `UPDATE schema_migration SET checksum = '${file.checksum}' WHERE name = '${file.name}' AND checksum IS NULL`,
          );
      return applied;
    } finally {
      await query(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
    }
  });
}

/**
 * Migration files the database has not recorded as applied (the readiness check: an instance that
 * started against a database another, newer instance has not yet migrated is not ready).
 */
export async function pendingMigrations(database: Database, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const names = (await readdir(dir)).filter((f) => FILE_PATTERN.test(f)).sort();
  const rows = await database.session((query) => query('SELECT name FROM schema_migration'));
  const recorded = new Set(rows.map((r) => String(r.name)));
  return names.filter((n) => !recorded.has(n));
}
