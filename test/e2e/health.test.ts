import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer } from '../support/server.ts';

for (const kind of ['pglite', 'postgres'] as const) {
  describe(`health, live and ready (${kind})`, () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    before(async () => {
      server = await startTestServer(kind);
    });
    after(async () => {
      await server.close();
      await server.drop();
    });

    test('live and ready answer without signing in', async () => {
      const live = await fetch(new URL('/api/v1/health/live', server.url));
      assert.equal(live.status, 200);
      assert.deepEqual(await live.json(), { status: 'live' });
      const ready = await fetch(new URL('/api/v1/health/ready', server.url));
      assert.equal(ready.status, 200);
      assert.deepEqual(await ready.json(), { status: 'ready' });
    });

    test('not ready while a migration is not applied, naming it', async () => {
      const [last] = await server.database.session((q) =>
        q('SELECT name, checksum FROM schema_migration ORDER BY name DESC LIMIT 1'),
      );
      await server.database.session((q) => q(`DELETE FROM schema_migration WHERE name = '${String(last!.name)}'`));
      try {
        const ready = await fetch(new URL('/api/v1/health/ready', server.url));
        assert.equal(ready.status, 503);
        assert.deepEqual(await ready.json(), { status: 'not_ready', reason: 'migrations_pending', pending: [last!.name] });
        const live = await fetch(new URL('/api/v1/health/live', server.url));
        assert.equal(live.status, 200);
      } finally {
        await server.database.session((q) =>
          q(`INSERT INTO schema_migration (name, checksum) VALUES ('${String(last!.name)}', '${String(last!.checksum)}')`),
        );
      }
    });
  });
}
