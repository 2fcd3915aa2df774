import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { openDatabase } from '../../src/db/database.ts';
import { DEMO_ADMIN_TOKEN } from '../../src/services/demo-accounts.service.ts';
import { plantrack } from '../support/cli.ts';

async function auditRows(dataDir: string, action: string) {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    return await database.db
      .selectFrom('audit_log')
      .select(['actor', 'via', 'entity', 'entity_key', 'after'])
      .where('action', '=', action)
      .execute();
  } finally {
    await database.close();
  }
}

it('the CLI records exports and restores, and a restored chain verifies against the backup’s head', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'plantrack-cli-export-'));
  const source = path.join(dir, 'source');
  const env = { PLANTRACK_DATA_DIR: source, PLANTRACK_TOKEN: DEMO_ADMIN_TOKEN, PLANTRACK_AUDIT_KEY: 'k'.repeat(32) };

  const exported = await plantrack(['tasks', 'export', '--plan', 'yunnan-pprd-2016', '--out', path.join(dir, 't.xlsx')], env);
  assert.equal(exported.code, 0, exported.stderr);
  assert.deepEqual(await auditRows(source, 'export'), [
    {
      actor: `cli:${userInfo().username}`,
      via: 'cli',
      entity: 'export',
      entity_key: 'task_list/yunnan-pprd-2016',
      after: { format: 'xlsx' },
    },
  ]);

  const backupFile = path.join(dir, 'b.backup.gz');
  const backup = await plantrack(['backup', backupFile], env);
  assert.equal(backup.code, 0, backup.stderr);

  const target = path.join(dir, 'target');
  const restored = await plantrack(['restore', backupFile], { ...env, PLANTRACK_DATA_DIR: target });
  assert.equal(restored.code, 0, restored.stderr);
  const restores = await auditRows(target, 'restore');
  assert.equal(restores.length, 1);
  assert.equal(restores[0]!.entity_key, 'b.backup.gz');

  // The backup's head vouches for the entries it holds; the restore's own entry came after it.
  const verified = await plantrack(['audit', 'verify', '--head', backupFile], { ...env, PLANTRACK_DATA_DIR: target });
  assert.equal(verified.code, 0, verified.stderr);
  assert.match(verified.stdout, /审计链完整/);
});
