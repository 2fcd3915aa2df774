import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningServer } from '../../src/server.ts';
import { runDailyJobsOnce } from '../../src/services/notifications/scheduler.ts';
import { loginAs, request, startTestServer } from '../support/server.ts';

/**
 * Two app processes' worth of servers on one PostgreSQL database, with requests spread over both
 * (issue 22): what a load balancer in front of two instances would see. Sessions, the login rate
 * limit, lockouts and the daily jobs must hold across them, since each instance keeps nothing of
 * its own in memory that another needs.
 */
describe('two app instances on one database', () => {
  let a: Awaited<ReturnType<typeof startTestServer>>;
  let b: RunningServer;
  const quiet = { info: () => {}, error: (m: string) => assert.fail(m) };

  before(async () => {
    a = await startTestServer('postgres');
    b = await a.startAnother();
  });
  after(async () => {
    await b?.close();
    await a?.close();
    await a?.drop();
  });

  it('a session opened on one instance is honoured, and ended, on the other', async () => {
    const session = await loginAs(a.url, 'planner');
    assert.equal((await request(b.url, 'GET', '/api/v1/auth/me', { auth: session })).status, 200);
    assert.equal((await request(b.url, 'POST', '/api/v1/auth/logout', { auth: session })).status, 204);
    assert.equal((await request(a.url, 'GET', '/api/v1/auth/me', { auth: session })).status, 401);
  });

  it('the login rate limit is one budget per client across both instances', async () => {
    // 20 logins a minute per address (auth.routes.ts); distinct names, so no lockout interferes.
    // The budget starts full: the session test above spent one login.
    await a.database.db.deleteFrom('rate_limit_counter').execute();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const base = i % 2 === 0 ? a.url : b.url;
      const res = await request(base, 'POST', '/api/v1/auth/login', {
        auth: null,
        body: { username: `nobody-${i}`, password: 'wrong-password-123' },
      });
      statuses.push(res.status);
    }
    // Each instance saw at most 11 attempts: with a limit held in memory none would refuse.
    assert.deepEqual(statuses.slice(0, 20), Array(20).fill(401), statuses.join(' '));
    assert.equal(statuses[20], 429, statuses.join(' '));
  });

  it('the daily jobs of a day run on exactly one instance, even when both wake together', async () => {
    const now = new Date(2031, 0, 15, 8, 0, 0);
    const ran = await Promise.all([
      runDailyJobsOnce(a.database, null, quiet, now, 'instance-a'),
      runDailyJobsOnce(b.database, null, quiet, now, 'instance-b'),
    ]);
    assert.equal(ran.filter(Boolean).length, 1, `ran on ${ran.map((r, i) => (r ? 'ab'[i] : '')).join('')}`);
    // A restart later the same day does not run them again.
    assert.equal(await runDailyJobsOnce(b.database, null, quiet, now, 'instance-b-restarted'), false);
  });
});
