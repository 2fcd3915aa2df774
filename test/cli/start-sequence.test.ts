import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../../src/db/database.ts';
import { prepareDatabase } from '../../src/services/prepare-database.service.ts';
import { withDatabase } from '../../src/cli/context.ts';

/**
 * The CLI prepares a database with the same start sequence as `serve` (issue 20: it had its own
 * copy, which missed the county sync added to serve's — a CLI command on a database seeded before
 * the counties were vendored never got them).
 */
describe('the CLI start sequence', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'plantrack-cli-start-'));
  const saved = { ...process.env };

  before(async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      await prepareDatabase(database, { seedOnStart: true });
      // A database from before the 129 counties were part of the dataset.
      await database.db.deleteFrom('org_group_member').execute();
      await database.db.deleteFrom('org_unit').where('kind', '=', 'county').execute();
    } finally {
      await database.close();
    }
    process.env.PLANTRACK_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
  });
  after(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('brings the database to what serve would: the counties are back', async () => {
    const counties = await withDatabase(async (database) =>
      database.db.selectFrom('org_unit').where('kind', '=', 'county').select('code').execute(),
    );
    assert.equal(counties.length, 129);
  });
});
