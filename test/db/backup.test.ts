import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { AppError } from '../../src/errors/app-error.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { recordAudit, verifyAuditChain } from '../../src/services/audit.service.ts';
import { restoreBackupFile, writeBackup, writeBackupFile } from '../../src/services/backup.service.ts';
import { seedDataset } from '../../src/services/seed.service.ts';
import {
  createEmptyPostgres,
  createTestDatabase,
  DATABASE_KINDS,
  snapshot,
  TEST_DATABASE_URL,
  type TestDatabase,
} from '../support/databases.ts';

type Kind = (typeof DATABASE_KINDS)[number];

/**
 * A table no migration knows, with every awkward type, a generated column, a BEFORE INSERT
 * trigger that stamps rows (like a hash chain would), an append-only guard, and a self-reference
 * pointing forwards across insert batches. Created in the source and in each target.
 */
const EDGE_TABLE = `
CREATE TABLE backup_edge (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  parent_id bigint REFERENCES backup_edge (id),
  label text,
  label_upper text GENERATED ALWAYS AS (upper(label)) STORED,
  n numeric, f double precision, j jsonb, js json, tags text[], d date, ts timestamptz,
  flag boolean, raw bytea, span interval, stamp text
);
CREATE FUNCTION backup_edge_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.stamp := 'stamped at ' || clock_timestamp(); RETURN NEW; END $$;
CREATE TRIGGER backup_edge_stamp BEFORE INSERT ON backup_edge FOR EACH ROW EXECUTE FUNCTION backup_edge_stamp();
CREATE FUNCTION backup_edge_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'backup_edge is append-only'; END $$;
CREATE TRIGGER backup_edge_no_update BEFORE UPDATE OR DELETE ON backup_edge
  FOR EACH ROW EXECUTE FUNCTION backup_edge_append_only();`;

const EDGE_ROWS = `
INSERT INTO backup_edge (id, parent_id, label) OVERRIDING SYSTEM VALUE
  SELECT g, CASE WHEN g = 1 THEN 1200 END, 'row ' || g FROM generate_series(1200, 1, -1) g;
INSERT INTO backup_edge (id, label, n, f, j, js, tags, d, ts, flag, raw, span) OVERRIDING SYSTEM VALUE VALUES
  (2001, E'中文 "q" \\\\ \\n \\t 😀 \\u2028', -0.000000000000000000000000000000000001000, 0.1,
   '{"b": [1.50, {"z": null}], "a": "ü", "big": 12345678901234567890.123456789}', '{ "keep" : "spacing",  "a":1 }',
   ARRAY['a b', NULL, '', '中', '"q"', 'NULL', 'a,b'], '2024-02-29', '2024-02-29 23:59:59.999999+08', false,
   '\\x00ff10', '1 year 2 mons 3 days 04:05:06.789'),
  (2002, NULL, 'NaN', '-0', 'null', '[]', '{}', '0044-03-15 BC', '1970-01-01 00:00:00+00', true, '\\x', '-1 day'),
  (2003, '', 1e-20, 'Infinity', '"just a string"', '"s"', NULL, NULL, NULL, NULL, NULL, NULL);`;

/** Source rows with edge values in migrated tables too. */
async function addEdgeRows(database: Database): Promise<void> {
  await database.exec(EDGE_TABLE);
  await database.exec(EDGE_ROWS);
  const unit = await sql<{ id: number }>`INSERT INTO org_unit (code, name, kind, area_km2, leading_industries)
    VALUES ('EDGE-UNIT', ${'边缘单位 "quoted" \\ back\nslash 😀 \u0001'}, 'other', '12345678901234567890.123456789012345678900',
      ${['a,b', '"q"', 'NULL', '', '中文']}) RETURNING id`.execute(database.db);
  const unitId = unit.rows[0]!.id;
  // A reference from an early row to a later one in the same table.
  await sql`UPDATE org_unit SET zone_prefecture_id = ${unitId} WHERE id = (SELECT min(id) FROM org_unit)`.execute(database.db);
  await sql`INSERT INTO data_value (org_unit_id, indicator_id, period, period_kind, period_start, period_end, cumulative,
      origin, value, status, updated_at)
    VALUES (${unitId}, (SELECT min(id) FROM indicator), '2024-02', 'month', '2024-02-01', '2024-02-29', true,
      'reported', '0.000000000000000000000000000001', 'draft', '2024-02-29T23:59:59.123456+08:00')`.execute(database.db);
}

interface Target {
  database: Database;
  drop(): Promise<void>;
}

/** A brand-new database, not migrated (restore migrates it), holding only the empty edge table. */
async function emptyTarget(kind: Kind, user?: string): Promise<Target> {
  let target: Target;
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    target = { database, drop: () => database.close() };
  } else {
    const empty = await createEmptyPostgres();
    let url = empty.config.url;
    if (user) {
      await adminQuery(url, `ALTER SCHEMA public OWNER TO ${user}`);
      const u = new URL(url);
      u.username = user;
      url = u.toString();
    }
    const database = await openDatabase({ kind: 'postgres', url });
    target = {
      database,
      drop: async () => {
        await database.close();
        await empty.drop();
      },
    };
  }
  await target.database.exec(EDGE_TABLE);
  return target;
}

async function withTarget(kind: Kind, fn: (target: Target) => Promise<void>, user?: string): Promise<void> {
  const target = await emptyTarget(kind, user);
  try {
    await fn(target);
  } finally {
    await target.drop();
  }
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const hasCode = (code: string) => (err: unknown) => {
  assert.ok(err instanceof AppError, String(err));
  assert.equal(err.code, code, err.message);
  assert.ok(err.messageZh.length > 0);
  return true;
};

async function assertNoRows(database: Database): Promise<void> {
  const counts = await snapshot(database);
  for (const [table, value] of Object.entries(counts)) assert.equal(value, '0:', `${table} should be empty`);
}

interface ParsedBackup {
  header: { migrations: string[]; tables: { name: string }[] };
  rows: { t: string; r: Record<string, unknown> }[];
  trailer: { tables: { name: string; rows: number; sha256: string }[] };
}

function parseBackup(gz: Buffer): ParsedBackup {
  const lines = gunzipSync(gz).toString('utf8').trimEnd().split('\n');
  return {
    header: JSON.parse(lines[0]!) as ParsedBackup['header'],
    rows: lines.slice(1, -1).map((l) => JSON.parse(l) as ParsedBackup['rows'][number]),
    trailer: JSON.parse(lines.at(-1)!) as ParsedBackup['trailer'],
  };
}

async function rewriteLines(from: string, to: string, edit: (lines: string[]) => string[]): Promise<void> {
  const lines = gunzipSync(await readFile(from))
    .toString('utf8')
    .trimEnd()
    .split('\n');
  await writeFile(to, gzipSync(`${edit(lines).join('\n')}\n`));
}

/** Collects what it is given, slowly, so that a backup stays open while others write. */
function slowSink(chunks: Buffer[], delayMs: number, onFirst?: () => void): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (chunks.length === 0) onFirst?.();
      chunks.push(chunk);
      setTimeout(done, delayMs);
    },
  });
}

for (const kind of DATABASE_KINDS) {
  describe(`backup and restore on ${kind}`, () => {
    let source: TestDatabase;
    let dir: string;
    let file: string;
    let sourceSnapshot: Record<string, string>;
    before(async () => {
      source = await createTestDatabase(kind);
      const seeded = await seedDataset(source.database);
      assert.ok(seeded.ok);
      await addEdgeRows(source.database);
      dir = await mkdtemp(path.join(tmpdir(), 'plantrack-backup-'));
      file = path.join(dir, 'source.backup.gz');
      await writeBackupFile(source.database, file);
      sourceSnapshot = await snapshot(source.database);
    });
    after(async () => {
      await source.drop();
      await rm(dir, { recursive: true, force: true });
    });

    it('restores every row exactly onto an empty database', async () => {
      const backup = parseBackup(await readFile(file));
      assert.ok(
        backup.header.tables.some((t) => t.name === 'backup_edge'),
        'tables are found in the catalogue',
      );
      assert.ok(!backup.header.tables.some((t) => t.name === 'schema_migration'));
      for (const t of backup.trailer.tables) {
        assert.equal(backup.rows.filter((r) => r.t === t.name).length, t.rows, t.name);
      }
      await withTarget(kind, async (target) => {
        const restored = await restoreBackupFile(target.database, file);
        assert.ok(restored.triggersSkipped);
        assert.deepEqual(await snapshot(target.database), sourceSnapshot);

        const edge = await sql<{ label: string; n: string; ts: string; tags: string[] }>`
          SELECT label, n::text, to_json(ts)::text AS ts, tags FROM backup_edge WHERE id = 2001`.execute(target.database.db);
        assert.equal(edge.rows[0]!.n, '-0.000000000000000000000000000000000001000');
        assert.equal(edge.rows[0]!.label, '中文 "q" \\ \n \t 😀 \u2028');
        assert.deepEqual(edge.rows[0]!.tags, ['a b', null, '', '中', '"q"', 'NULL', 'a,b']);
        const dv = await sql<{ value: string; at: string }>`SELECT value::text, extract(epoch FROM updated_at)::text AS at
          FROM data_value WHERE period = '2024-02'`.execute(target.database.db);
        assert.deepEqual(dv.rows[0], { value: '0.000000000000000000000000000001', at: '1709222399.123456' });

        // The audit chain still verifies, and goes on from where the source stopped.
        const sourceChain = await verifyAuditChain(source.database.db);
        assert.ok(sourceChain.ok && sourceChain.entries > 0);
        assert.deepEqual(await verifyAuditChain(target.database.db), sourceChain);
        await target.database.db
          .transaction()
          .execute((trx) => recordAudit(trx, SYSTEM_ACTOR, { action: 'test', entity: 'backup', entityKey: 'restored' }));
        assert.deepEqual(await verifyAuditChain(target.database.db), { ok: true, entries: sourceChain.entries + 1 });

        // Sequences continue past the restored ids.
        const next = await sql<{ id: string }>`INSERT INTO backup_edge (label) VALUES ('new') RETURNING id::text`.execute(
          target.database.db,
        );
        assert.equal(next.rows[0]!.id, '2004');
        const unit = await target.database.db
          .insertInto('org_unit')
          .values({ code: 'AFTER-RESTORE', name: '恢复后', kind: 'other' })
          .returning('id')
          .executeTakeFirstOrThrow();
        const maxId = await sql<{ id: number }>`SELECT max(id) AS id FROM org_unit WHERE code <> 'AFTER-RESTORE'`.execute(
          source.database.db,
        );
        assert.ok(unit.id > maxId.rows[0]!.id);
      });
    });

    it('refuses to restore onto a non-empty database and changes nothing', async () => {
      await assert.rejects(restoreBackupFile(source.database, file), hasCode('BACKUP_TARGET_NOT_EMPTY'));
      assert.deepEqual(await snapshot(source.database), sourceSnapshot);
    });

    it('refuses a backup with one row edited (checksum mismatch) and leaves the target empty', async () => {
      const damaged = path.join(dir, 'edited.backup.gz');
      await rewriteLines(file, damaged, (lines) =>
        lines.map((l) => (l.includes('EDGE-UNIT') ? l.replace('边缘单位', '边界单位') : l)),
      );
      await withTarget(kind, async (target) => {
        await assert.rejects(restoreBackupFile(target.database, damaged), hasCode('BACKUP_CHECKSUM_MISMATCH'));
        await assertNoRows(target.database);
      });
    });

    it('refuses truncated files, files that are not backups, and backups from newer code', async () => {
      const cases: [string, (gz: Buffer) => Promise<void>, string][] = [
        ['cut.gz', async (gz) => writeFile(path.join(dir, 'cut.gz'), gz.subarray(0, gz.length >> 1)), 'BACKUP_DAMAGED'],
        ['no-trailer.gz', () => rewriteLines(file, path.join(dir, 'no-trailer.gz'), (l) => l.slice(0, -1)), 'BACKUP_DAMAGED'],
        ['plain.txt', () => writeFile(path.join(dir, 'plain.txt'), 'hello'), 'BACKUP_DAMAGED'],
        [
          'newer.gz',
          () =>
            rewriteLines(file, path.join(dir, 'newer.gz'), (lines) => {
              const header = JSON.parse(lines[0]!) as { migrations: string[] };
              header.migrations.push('29991231_0001_future.sql');
              return [JSON.stringify(header), ...lines.slice(1)];
            }),
          'BACKUP_NEWER_SCHEMA',
        ],
      ];
      const gz = await readFile(file);
      for (const [name, make, code] of cases) {
        await make(gz);
        await withTarget(kind, async (target) => {
          await assert.rejects(restoreBackupFile(target.database, path.join(dir, name)), hasCode(code));
          await assertNoRows(target.database);
        });
      }
      await withTarget(kind, async (target) => {
        await assert.rejects(restoreBackupFile(target.database, path.join(dir, 'missing.gz')), hasCode('BACKUP_FILE_UNREADABLE'));
      });
    });

    if (kind === 'pglite') {
      it('restores a PGlite backup into PostgreSQL', async () => {
        await withTarget('postgres', async (target) => {
          await restoreBackupFile(target.database, file);
          assert.deepEqual(await snapshot(target.database), sourceSnapshot);
          assert.deepEqual(await verifyAuditChain(target.database.db), await verifyAuditChain(source.database.db));
        });
      });

      it('a write issued while a backup runs waits for it and is not in it', async () => {
        const chunks: Buffer[] = [];
        let write: Promise<unknown> | undefined;
        const sink = slowSink(chunks, 2, () => {
          write = source.database.db
            .insertInto('org_group')
            .values({ code: 'DURING-BACKUP', name: '备份中', kind: 'other' })
            .execute();
        });
        await writeBackup(source.database, sink);
        await write;
        const backup = parseBackup(Buffer.concat(chunks));
        assert.ok(!backup.rows.some((r) => r.t === 'org_group' && r.r.code === 'DURING-BACKUP'));
        const stored = await source.database.db
          .selectFrom('org_group')
          .select('id')
          .where('code', '=', 'DURING-BACKUP')
          .execute();
        assert.equal(stored.length, 1);
        await source.database.db.deleteFrom('org_group').where('code', '=', 'DURING-BACKUP').execute();
      });
    }

    if (kind === 'postgres') {
      it('a backup taken while another connection keeps inserting is one consistent snapshot', async () => {
        const writer = new pg.Client({ connectionString: (source.config as { url: string }).url });
        await writer.connect();
        const unitId = (await writer.query<{ id: number }>('SELECT min(id) AS id FROM org_unit')).rows[0]!.id;
        let written = 0;
        let stop = false;
        // Each transaction adds a group and its member: tables far apart in the backup order.
        const writing = (async () => {
          while (!stop) {
            await writer.query('BEGIN');
            const g = await writer.query<{ id: number }>(
              `INSERT INTO org_group (code, name, kind) VALUES ($1, '并发', 'other') RETURNING id`,
              [`CONCURRENT-${written}`],
            );
            await writer.query('INSERT INTO org_group_member (group_id, org_unit_id) VALUES ($1, $2)', [g.rows[0]!.id, unitId]);
            await writer.query('COMMIT');
            written += 1;
          }
        })();
        try {
          while (written < 5) await new Promise((r) => setTimeout(r, 5));
          const chunks: Buffer[] = [];
          const writtenBefore = written;
          await writeBackup(source.database, slowSink(chunks, 20));
          const writtenDuring = written - writtenBefore;
          stop = true;
          await writing;
          assert.ok(writtenDuring > 0, 'the writer kept writing during the backup');

          const backup = parseBackup(Buffer.concat(chunks));
          for (const t of backup.trailer.tables) {
            assert.equal(backup.rows.filter((r) => r.t === t.name).length, t.rows, t.name);
          }
          const groups = new Set(
            backup.rows.filter((r) => r.t === 'org_group' && String(r.r.code).startsWith('CONCURRENT-')).map((r) => r.r.id),
          );
          const members = backup.rows.filter((r) => r.t === 'org_group_member' && groups.has(r.r.group_id));
          const orphans = backup.rows.filter(
            (r) => r.t === 'org_group_member' && !backup.rows.some((g) => g.t === 'org_group' && g.r.id === r.r.group_id),
          );
          assert.ok(groups.size >= writtenBefore && groups.size < written);
          assert.equal(members.length, groups.size);
          assert.equal(orphans.length, 0);

          const snapshotFile = path.join(dir, 'concurrent.backup.gz');
          await writeFile(snapshotFile, Buffer.concat(chunks));
          await withTarget(kind, async (target) => {
            const restored = await restoreBackupFile(target.database, snapshotFile);
            assert.equal(
              restored.tables.find((t) => t.name === 'org_group_member')!.rows,
              backup.trailer.tables.find((t) => t.name === 'org_group_member')!.rows,
            );
          });
        } finally {
          stop = true;
          await writing.catch(() => {});
          await writer.query('DELETE FROM org_group_member WHERE group_id IN (SELECT id FROM org_group WHERE code LIKE $1)', [
            'CONCURRENT-%',
          ]);
          await writer.query('DELETE FROM org_group WHERE code LIKE $1', ['CONCURRENT-%']);
          await writer.end();
        }
      });

      it('without the right to switch triggers off, a forward reference across batches is refused and nothing is written', async () => {
        const role = `plantrack_r_${randomBytes(4).toString('hex')}`;
        await adminQuery(TEST_DATABASE_URL, `CREATE ROLE ${role} LOGIN`);
        try {
          await withTarget(
            kind,
            async (target) => {
              await assert.rejects(restoreBackupFile(target.database, file), (err: unknown) => {
                hasCode('BACKUP_RESTORE_FAILED')(err);
                assert.match((err as AppError).message, /backup_edge/);
                assert.match((err as AppError).message, /session_replication_role/);
                return true;
              });
              await assertNoRows(target.database);
            },
            role,
          );
        } finally {
          await adminQuery(TEST_DATABASE_URL, `DROP ROLE IF EXISTS ${role}`);
        }
      });
    }
  });
}
