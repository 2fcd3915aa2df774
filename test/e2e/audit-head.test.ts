import assert from 'node:assert/strict';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { AppConfig } from '../../src/config/env.ts';
import { openDatabase } from '../../src/db/database.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { recordAuditBatch } from '../../src/services/audit.service.ts';
import { plantrack } from '../support/cli.ts';
import { createEmptyPostgres } from '../support/databases.ts';

/** Runs fn on the CLI's database in this process, closed again before the next CLI run (PGlite allows one opener). */
async function onDatabase(
  config: AppConfig['database'],
  fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<void>,
) {
  const database = await openDatabase(config);
  try {
    await fn(database.db);
  } finally {
    await database.close();
  }
}

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`audit verify --head on ${kind}`, () => {
    let drop = async () => {};
    after(() => drop());

    it('detects the newest entries deleted after the head was saved, which the chain alone cannot', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'plantrack-audit-head-'));
      let config: AppConfig['database'] = { kind: 'pglite', dataDir: path.join(dir, 'data') };
      // The embedded database seeds its demo accounts, which need the plans' org units.
      const env: Record<string, string> = {
        PLANTRACK_DATA_DIR: path.join(dir, 'data'),
        PLANTRACK_SEED_ON_START: String(kind === 'pglite'),
      };
      if (kind === 'postgres') {
        const empty = await createEmptyPostgres();
        drop = empty.drop;
        config = empty.config;
        env.DATABASE_URL = empty.config.url;
      }
      const migrated = await plantrack(['migrate'], env);
      assert.equal(migrated.code, 0, migrated.stderr);
      await onDatabase(config, async (db) => {
        await db.transaction().execute((trx) =>
          recordAuditBatch(
            trx,
            SYSTEM_ACTOR,
            [1, 2, 3, 4].map((n) => ({ action: 'test', entity: 'test', entityKey: `e${n}` })),
          ),
        );
      });

      const head = await plantrack(['audit', 'head'], env);
      assert.equal(head.code, 0, head.stderr);
      const headFile = path.join(dir, 'head.json');
      await writeFile(headFile, head.stdout);
      const signed = JSON.parse(head.stdout) as { lastId: number; count: number };
      // Without PLANTRACK_AUDIT_KEY the key is created once, readable by its owner only.
      assert.equal((await stat(path.join(dir, 'data', 'audit-head.key'))).mode & 0o777, 0o600);

      const before = await plantrack(['audit', 'verify', '--head', headFile], env);
      assert.equal(before.code, 0, before.stderr);
      assert.match(before.stdout, /审计链完整/);

      // Someone with owner rights switches the append-only trigger off and deletes the head's two newest entries
      // (and any a later command appended: each run on the embedded database may add its own).
      let keptBefore = 0;
      await onDatabase(config, async (db) => {
        const newest = await sql<{
          id: number;
        }>`select id::int as id from audit_log where id <= ${signed.lastId} order by id desc limit 3`.execute(db);
        keptBefore = newest.rows[2]!.id;
        await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
        await sql`delete from audit_log where id > ${keptBefore}`.execute(db);
        await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
      });

      const chainOnly = await plantrack(['audit', 'verify'], env);
      assert.equal(chainOnly.code, 0, 'the chain alone still looks intact: why the head is needed');

      const after = await plantrack(['audit', 'verify', '--head', headFile], env);
      assert.equal(after.code, 1, after.stdout);
      assert.match(after.stderr, /审计链尾部被删除/);
      assert.match(after.stderr, new RegExp(`第 ${keptBefore + 1}–${signed.lastId} 条记录缺失`));
      assert.match(after.stderr, new RegExp(`entries ${keptBefore + 1}–${signed.lastId} are missing`));

      // An altered head file is refused, not believed.
      const forged = path.join(dir, 'forged.json');
      await writeFile(forged, JSON.stringify({ ...JSON.parse(await readFile(headFile, 'utf8')), count: signed.count - 2 }));
      const r = await plantrack(['audit', 'verify', '--head', forged], env);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /签名与内容不符/);
    });
  });
}
