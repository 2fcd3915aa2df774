import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { prepareDatabase } from '../../src/server.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { setNotificationEmail } from '../../src/services/notifications/email-address.service.ts';

describe('notification e-mail addresses', () => {
  let lite: TestDatabase;
  before(async () => {
    lite = await createTestDatabase('pglite');
    await prepareDatabase(lite.database, { seedOnStart: true });
  });
  after(() => lite.drop());

  const emailOf = async (username: string) =>
    (await lite.database.db.selectFrom('app_user').select('email').where('username', '=', username).executeTakeFirstOrThrow())
      .email;

  it('sets and clears an address, each change in the audit log', async () => {
    await setNotificationEmail(lite.database, SYSTEM_ACTOR, 'hh.reviewer', 'reviewer@hh.example');
    assert.equal(await emailOf('hh.reviewer'), 'reviewer@hh.example');
    await setNotificationEmail(lite.database, SYSTEM_ACTOR, 'hh.reviewer', null);
    assert.equal(await emailOf('hh.reviewer'), null);
    const audit = await lite.database.db
      .selectFrom('audit_log')
      .select('after')
      .where('entity', '=', 'user')
      .where('entity_key', '=', 'hh.reviewer')
      .where('action', '=', 'update')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.after),
      [{ email: 'reviewer@hh.example' }, { email: null }],
    );
  });

  it('refuses a malformed address and an unknown user', async () => {
    await assert.rejects(
      setNotificationEmail(lite.database, SYSTEM_ACTOR, 'hh.reviewer', 'not-an-address'),
      /INVALID_EMAIL|not an e-mail/,
    );
    await assert.rejects(setNotificationEmail(lite.database, SYSTEM_ACTOR, 'nobody', 'a@b.example'), /no user/);
  });
});
