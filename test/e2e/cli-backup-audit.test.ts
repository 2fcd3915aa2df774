import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { openDatabase } from '../../src/db/database.ts';
import { DEMO_ADMIN_TOKEN } from '../../src/services/demo-accounts.service.ts';
import { plantrack } from '../support/cli.ts';

it('the CLI backup records who wrote which backup in the audit log', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'plantrack-cli-backup-'));
  const env = { PLANTRACK_DATA_DIR: path.join(dir, 'data'), PLANTRACK_TOKEN: DEMO_ADMIN_TOKEN };
  assert.equal((await plantrack(['plans'], env)).code, 0, 'seeds the embedded database');
  const backup = await plantrack(['backup', path.join(dir, 'x.backup.gz')], env);
  assert.equal(backup.code, 0, backup.stderr);
  const database = await openDatabase({ kind: 'pglite', dataDir: env.PLANTRACK_DATA_DIR });
  try {
    const rows = await database.db
      .selectFrom('audit_log')
      .select(['actor', 'via', 'entity_key'])
      .where('action', '=', 'backup')
      .execute();
    assert.deepEqual(rows, [{ actor: 'admin', via: 'cli', entity_key: 'x.backup.gz' }]);
  } finally {
    await database.close();
  }
});
