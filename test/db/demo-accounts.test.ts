import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { findUserByUsername } from '../../src/repositories/user.repository.ts';
import { seedDemoAccounts } from '../../src/services/demo-accounts.service.ts';
import { NoAdministratorError, prepareDatabase } from '../../src/server.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';

describe('demo accounts and the first administrator', () => {
  let pg: TestDatabase;
  let lite: TestDatabase;
  before(async () => {
    pg = await createTestDatabase('postgres');
    lite = await createTestDatabase('pglite');
  });
  after(async () => {
    await pg.drop();
    await lite.drop();
  });

  it('refuses to seed demo accounts on a PostgreSQL server', async () => {
    await assert.rejects(seedDemoAccounts(pg.database), /DATABASE_URL/);
    assert.equal(await findUserByUsername(pg.database.db, 'admin'), undefined);
  });

  it('refuses to serve a PostgreSQL database without an administrator', async () => {
    await assert.rejects(prepareDatabase(pg.database, { seedOnStart: false }), NoAdministratorError);
  });

  it('seeds every demo role on the embedded database, once', async () => {
    await prepareDatabase(lite.database, { seedOnStart: true });
    await prepareDatabase(lite.database, { seedOnStart: true });
    const users = await lite.database.db.selectFrom('app_user').select('username').orderBy('id').execute();
    assert.deepEqual(
      users.map((u) => u.username),
      ['admin', 'planner', 'ftz.planner', 'hh.reviewer', 'hh.reporter', 'mengzi.reporter', 'leader'],
    );
    const roles = await lite.database.db.selectFrom('user_role').select('role').distinct().execute();
    assert.equal(roles.length, 5);
  });
});
