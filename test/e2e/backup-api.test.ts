import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../../src/db/database.ts';
import { verifyAuditChain } from '../../src/services/audit.service.ts';
import { restoreBackupFile } from '../../src/services/backup.service.ts';
import { createEmptyPostgres, snapshot } from '../support/databases.ts';
import { loginAs, request, startTestServer } from '../support/server.ts';

describe('backup through the running server', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  before(async () => {
    server = await startTestServer('pglite');
  });
  after(() => server.close());

  it('an administrator downloads a backup of the live embedded database that restores onto PostgreSQL', async () => {
    const reporter = await loginAs(server.url, 'hh.reporter');
    assert.equal((await request(server.url, 'GET', '/api/v1/admin/backup', { auth: reporter })).status, 403);
    const res = await request<ArrayBuffer>(server.url, 'GET', '/api/v1/admin/backup');
    assert.equal(res.status, 200);
    const source = await snapshot(server.database);
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'plantrack-api-backup-')), 'live.backup.gz');
    await writeFile(file, Buffer.from(res.body));

    const empty = await createEmptyPostgres();
    const target = await openDatabase(empty.config);
    try {
      await restoreBackupFile(target, file);
      const restored = await snapshot(target);
      // The download itself is audited after the snapshot was taken: one entry more at the source.
      const { audit_log: sourceAudit, ...sourceRest } = source;
      const { audit_log: restoredAudit, ...restoredRest } = restored;
      assert.deepEqual(restoredRest, sourceRest);
      assert.equal(Number(restoredAudit!.split(':')[0]) + 1, Number(sourceAudit!.split(':')[0]));
      assert.ok((await verifyAuditChain(target.db)).ok);
    } finally {
      await target.close();
      await empty.drop();
    }
  });
});
