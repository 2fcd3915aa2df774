import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { DATABASE_KINDS } from '../support/databases.ts';
import { DEMO_PASSWORD, startTestServer } from '../support/server.ts';

for (const kind of DATABASE_KINDS) {
  describe(`lockout does not tell which user names exist, on ${kind}`, () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    before(async () => {
      server = await startTestServer(kind);
    });
    after(async () => {
      await server.close();
      await server.drop();
    });
    const attempt = async (username: string, password: string) => {
      const started = performance.now();
      const res = await fetch(new URL('/api/v1/auth/login', server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      return { status: res.status, text: await res.text(), ms: performance.now() - started };
    };

    it('answers six wrong passwords for admin and for no-such-user byte for byte alike', async (t) => {
      const known = [];
      const unknown = [];
      for (let i = 0; i < 6; i++) {
        known.push(await attempt('admin', `wrong-${i}`));
        unknown.push(await attempt('no-such-user', `wrong-${i}`));
      }
      for (let i = 0; i < 6; i++) {
        assert.deepEqual([unknown[i]!.status, unknown[i]!.text], [known[i]!.status, known[i]!.text], `attempt ${i + 1}`);
      }
      assert.deepEqual(
        known.map((r) => r.status),
        [401, 401, 401, 401, 401, 429],
      );
      assert.match(known[5]!.text, /ACCOUNT_LOCKED/);
      const median = (rs: { ms: number }[]) => rs.map((r) => r.ms).sort((a, b) => a - b)[2]!;
      t.diagnostic(
        `median ms of a wrong password: admin ${median(known).toFixed(1)}, no-such-user ${median(unknown).toFixed(1)}`,
      );
    });

    it('keeps a locked account shut to the right password until the lock ends; success resets the count', async () => {
      const locked = await attempt('admin', DEMO_PASSWORD);
      assert.equal(locked.status, 429);
      assert.match(locked.text, /ACCOUNT_LOCKED/);
      await sql`update login_attempt set locked_until = now() - interval '1 second' where name_key = 'admin'`.execute(
        server.database.db,
      );
      assert.equal((await attempt('admin', DEMO_PASSWORD)).status, 200);
      // Five failures were counted before the success; after it one more failure is just a wrong password.
      const next = await attempt('admin', 'wrong-again');
      assert.equal(next.status, 401);
      assert.match(next.text, /BAD_CREDENTIALS/);
    });
  });
}
