import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../../src/db/database.ts';
import { EditedMigrationError, migrate, migrationChecksum, MIGRATIONS_DIR } from '../../src/db/migrate.ts';
import { createTestDatabase, createUnmigratedTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/databases.ts';

const LEGACY_DIR = path.join(import.meta.dirname, 'fixtures/legacy-migrations');

/** Functions, triggers, constraints, columns and indexes of schema public, as their definitions. */
async function schemaFingerprint(database: Database): Promise<string[]> {
  return database.session(async (query) => {
    const rows = [
      ...(await query(`SELECT 'function ' || p.proname || ': ' || pg_get_functiondef(p.oid) AS d FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace`)),
      ...(await query(`SELECT 'trigger ' || t.tgname || ': ' || pg_get_triggerdef(t.oid) AS d FROM pg_trigger t
        JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace`)),
      ...(await query(`SELECT 'constraint ' || conrelid::regclass || '.' || conname || ': ' || pg_get_constraintdef(oid) AS d
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace`)),
      ...(await query(`SELECT 'column ' || table_name || '.' || column_name || ': ' || data_type || ' ' || is_nullable
        || ' ' || coalesce(column_default, '') AS d FROM information_schema.columns WHERE table_schema = 'public'
        AND table_name <> 'schema_migration'`)),
      ...(await query(`SELECT 'index ' || indexdef AS d FROM pg_indexes WHERE schemaname = 'public'`)),
    ];
    return rows.map((r) => String(r.d)).sort();
  });
}

/** Applies files the way migrate.ts did before checksums: names only, no checksum column. */
async function migrateLikeBefore(database: Database, files: { name: string; sql: string }[]): Promise<void> {
  await database.exec('CREATE TABLE schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  for (const f of files)
    await database.exec(`BEGIN;\n${f.sql}\n;INSERT INTO schema_migration (name) VALUES ('${f.name}');\nCOMMIT;`);
}

for (const kind of DATABASE_KINDS) {
  describe(`migration history on ${kind}`, () => {
    let dir: string;
    const opened: TestDatabase[] = [];
    before(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'plantrack-migrations-'));
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
    });
    after(async () => {
      for (const t of opened) await t.drop();
      await rm(dir, { recursive: true, force: true });
    });

    it('records every applied migration with the checksum of its file', async () => {
      const t = await createTestDatabase(kind);
      opened.push(t);
      const rows = await t.database.db
        .selectFrom('schema_migration' as never)
        .selectAll()
        .execute();
      const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
      assert.equal(rows.length, files.length, 'one row per migration file');
      for (const row of rows as { name: string; checksum: string }[]) {
        const text = await readFile(path.join(MIGRATIONS_DIR, row.name), 'utf8');
        assert.equal(row.checksum, migrationChecksum(text), `checksum of ${row.name}`);
      }
    });

    it('refuses to start when a landed migration was edited, and applies nothing then', async () => {
      const t = await createUnmigratedTestDatabase(kind);
      opened.push(t);
      await migrate(t.database, dir);
      const edited = (await readdir(dir)).find((f) => f.includes('_0004_'))!;
      await appendFile(path.join(dir, edited), '\n-- a later edit\nCREATE TABLE sneaked_in (id integer);\n');
      await writeFile(path.join(dir, '20991231_0001_later.sql'), 'CREATE TABLE later_one (id integer);\n');
      await assert.rejects(migrate(t.database, dir), (err: unknown) => {
        assert.ok(err instanceof EditedMigrationError, 'EditedMigrationError');
        assert.deepEqual(
          err.edited.map((e) => e.name),
          [edited],
        );
        assert.match(err.message, /已应用的迁移文件被修改/);
        assert.match(err.message, new RegExp(edited));
        return true;
      });
      const later = await t.database.session((q) => q(`SELECT to_regclass('later_one') AS r`));
      assert.equal(later[0]!.r, null, 'the new migration was not applied');
    });

    it('a CRLF checkout of the same text is not an edit', () => {
      assert.equal(migrationChecksum('CREATE TABLE a (id int);\n'), migrationChecksum('CREATE TABLE a (id int);\r\n'));
    });

    it('brings a database migrated with the first versions of 0007 and 0010 to the current schema', async () => {
      const legacy = new Map<string, string>();
      for (const f of await readdir(LEGACY_DIR)) legacy.set(f, await readFile(path.join(LEGACY_DIR, f), 'utf8'));
      const names = (await readdir(MIGRATIONS_DIR)).filter((f) => f.startsWith('20261123_')).sort();
      const old = await Promise.all(
        names.map(async (name) => ({ name, sql: legacy.get(name) ?? (await readFile(path.join(MIGRATIONS_DIR, name), 'utf8')) })),
      );
      assert.equal(legacy.size, 2, 'legacy versions of 0007 and 0010');

      const before = await createUnmigratedTestDatabase(kind);
      opened.push(before);
      await migrateLikeBefore(before.database, old);
      const fresh = await createTestDatabase(kind);
      opened.push(fresh);
      const target = await schemaFingerprint(fresh.database);
      assert.notDeepEqual(await schemaFingerprint(before.database), target, 'the legacy schema differs to begin with');

      await migrate(before.database);
      assert.deepEqual(await schemaFingerprint(before.database), target);
      const unrecorded = await before.database.session((q) => q('SELECT name FROM schema_migration WHERE checksum IS NULL'));
      assert.deepEqual(unrecorded, [], 'every row now has a checksum');
      // And the next start accepts it.
      assert.deepEqual(await migrate(before.database), []);
    });
  });
}
