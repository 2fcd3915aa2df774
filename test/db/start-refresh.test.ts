import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hasDirty } from '../../src/repositories/unit-year-figure.repository.ts';
import { prepareDatabase } from '../../src/services/prepare-database.service.ts';
import { createUnmigratedTestDatabase, type TestDatabase } from '../support/databases.ts';

/**
 * Issue 19: the first reader after a start (the leader opening the home) used to pay for every
 * yearly figure the demo data had queued. The start sequence computes them itself.
 */
describe('start sequence and the yearly figures', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createUnmigratedTestDatabase('postgres');
  });
  after(() => t?.drop());

  it('leaves no yearly figure queued for the first reader after loading the demo data', async () => {
    await prepareDatabase(t.database, { seedOnStart: true, demoData: true }, { requireAdministrator: false });
    assert.equal(await hasDirty(t.database.db), false);
    const rows = await t.database.db.selectFrom('unit_year_figure').select('year').limit(1).execute();
    assert.equal(rows.length, 1, 'the yearly table was filled');
  });
});
