import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { parseSignedHead } from '../../src/domain/audit/signed-head.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { recordAuditBatch, verifyAuditChainWithHead } from '../../src/services/audit.service.ts';
import { backupAuditHead, restoreBackupFile, writeBackupFile } from '../../src/services/backup.service.ts';
import { createTestDatabase, createUnmigratedTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/databases.ts';

const KEY = 'a test key for audit heads, 32+ characters';

for (const kind of DATABASE_KINDS) {
  describe(`the audit head kept in a backup, on ${kind}`, () => {
    const open: TestDatabase[] = [];
    let dir = '';
    after(async () => {
      for (const t of open) await t.drop();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('vouches for the entries the backup holds: intact after a restore, truncated after the newest are deleted', async () => {
      const source = await createTestDatabase(kind);
      open.push(source);
      const { db } = source.database;
      const entries = (n: number) => [...Array(n).keys()].map((i) => ({ action: 'test', entity: 'test', entityKey: `e${i}` }));
      await db.transaction().execute((trx) => recordAuditBatch(trx, SYSTEM_ACTOR, entries(5)));
      dir = await mkdtemp(path.join(tmpdir(), 'plantrack-audit-head-'));
      const file = path.join(dir, 'b.backup.gz');
      await writeBackupFile(source.database, file, KEY);

      const parsed = parseSignedHead(await backupAuditHead(createReadStream(file)));
      assert.ok(parsed.ok);
      const head = parsed.head;
      assert.equal(head.count, 5);

      // Restored elsewhere, the chain holds exactly what the head vouches for.
      const target = await createUnmigratedTestDatabase(kind);
      open.push(target);
      await restoreBackupFile(target.database, file);
      assert.deepEqual((await verifyAuditChainWithHead(target.database.db, head, KEY)).head, {
        ok: true,
        entries: 5,
        headId: head.lastId,
      });

      // Entries written after the backup are allowed; deleting ones the backup vouches for is found.
      await db.transaction().execute((trx) => recordAuditBatch(trx, SYSTEM_ACTOR, entries(2)));
      assert.equal((await verifyAuditChainWithHead(db, head, KEY)).head?.ok, true);
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
      await sql`delete from audit_log where id >= ${head.lastId}`.execute(db);
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
      const r = await verifyAuditChainWithHead(db, head, KEY);
      assert.equal(r.chain.ok, true, 'the chain alone cannot tell');
      assert.ok(r.head && !r.head.ok);
      assert.equal(r.head.kind, 'truncated');
      assert.equal(r.head.missing?.toId, head.lastId);
    });
  });
}
