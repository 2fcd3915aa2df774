import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../test/support/databases.ts';
import { SYSTEM_ACTOR } from './actor.ts';
import { actorFromToken } from './auth.service.ts';
import { createToken, createUser } from './user.service.ts';

describe('a personal API token in use', () => {
  let t: TestDatabase;
  let secret: string;
  const lastUsed = async () =>
    (await sql<{ at: string | null }>`SELECT last_used_at::text AS at FROM api_token`.execute(t.database.db)).rows[0]!.at;

  before(async () => {
    t = await createTestDatabase('pglite');
    const userId = await createUser(t.database, SYSTEM_ACTOR, {
      username: 'reader',
      displayName: '读者',
      password: 'Dashboards-Only-2026!',
      grants: [],
    });
    ({ secret } = await createToken(
      t.database,
      { ...SYSTEM_ACTOR, userId },
      {
        name: 'dashboards',
        scopes: ['read'],
        expiresAt: null,
      },
    ));
  });
  after(() => t.drop());

  it('records its use to the minute, without a write for every request', async () => {
    assert.equal(await lastUsed(), null);
    assert.ok(await actorFromToken(t.database, secret, null));
    const first = await lastUsed();
    assert.ok(first);
    assert.ok(await actorFromToken(t.database, secret, null));
    assert.equal(await lastUsed(), first, 'a second use within the minute leaves the time as it was');
    await sql`UPDATE api_token SET last_used_at = now() - interval '2 minutes'`.execute(t.database.db);
    const stale = await lastUsed();
    assert.ok(await actorFromToken(t.database, secret, null));
    assert.notEqual(await lastUsed(), stale, 'an older use is brought up to date');
  });

  it('records no use of a token it refuses (expired, or its owner disabled)', async () => {
    const db = t.database.db;
    await sql`UPDATE api_token SET last_used_at = NULL, expires_at = now() - interval '1 day'`.execute(db);
    assert.equal(await actorFromToken(t.database, secret, null), null);
    assert.equal(await lastUsed(), null, 'an expired token stays unused');
    await sql`UPDATE api_token SET expires_at = NULL`.execute(db);
    await sql`UPDATE app_user SET disabled_at = now() WHERE username = 'reader'`.execute(db);
    assert.equal(await actorFromToken(t.database, secret, null), null);
    assert.equal(await lastUsed(), null, "a disabled user's token stays unused");
    await sql`UPDATE app_user SET disabled_at = NULL WHERE username = 'reader'`.execute(db);
    assert.ok(await actorFromToken(t.database, secret, null));
    assert.ok(await lastUsed(), 'usable again, its use is recorded');
  });
});
