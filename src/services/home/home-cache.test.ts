import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { cachedHome, homeDataChanged, mayWrite } from './home-cache.ts';

/** A database whose only answer is the audit log's newest id (all the cache reads). */
function fakeDatabase(audit: { id: number }): Database {
  const chain: Record<string, unknown> = {};
  for (const m of ['selectFrom', 'select', 'orderBy', 'limit']) chain[m] = () => chain;
  chain.executeTakeFirst = async () => ({ id: audit.id });
  return { db: chain } as unknown as Database;
}

const actor = (scope: string | null): Actor => ({
  userId: 1,
  label: 'leader',
  via: 'session',
  tokenId: null,
  ip: null,
  grants: [{ role: 'viewer', scopeOrgUnit: scope, scopePlans: null }],
});

test('a home is judged once while nothing changed, and afresh after a write, an audited change elsewhere or for another scope (issue 19)', async () => {
  const audit = { id: 10 };
  const database = fakeDatabase(audit);
  let judged = 0;
  const judge = async () => ++judged;
  assert.equal(await cachedHome(database, 'leader', actor(null), judge), 1);
  assert.equal(await cachedHome(database, 'leader', actor(null), judge), 1);
  assert.equal(await cachedHome(database, 'leader', actor('YN-HH'), judge), 2, 'another scope');
  assert.equal(await cachedHome(database, 'planner', actor(null), judge), 3, 'another home');
  homeDataChanged(database);
  assert.equal(await cachedHome(database, 'leader', actor(null), judge), 4, 'after a write in this process');
  audit.id = 11;
  assert.equal(await cachedHome(database, 'leader', actor(null), judge), 5, 'after an audited write elsewhere');
  assert.equal(await cachedHome(database, 'leader', actor(null), judge), 5);
  // Another database (another server in the same process) has its own answers.
  assert.equal(await cachedHome(fakeDatabase(audit), 'leader', actor(null), judge), 6);
});

test('a failed judgement is not kept', async () => {
  const database = fakeDatabase({ id: 1 });
  await assert.rejects(cachedHome(database, 'leader', actor(null), () => Promise.reject(new Error('boom'))));
  await new Promise((r) => setImmediate(r));
  assert.equal(await cachedHome(database, 'leader', actor(null), async () => 'ok'), 'ok');
});

test('what may write: every method but reads, signing in and out aside', () => {
  assert.equal(mayWrite('GET', '/api/v1/home/summary'), false);
  assert.equal(mayWrite('HEAD', '/api/v1/plans'), false);
  assert.equal(mayWrite('POST', '/api/v1/auth/login'), false);
  assert.equal(mayWrite('POST', '/api/v1/auth/logout'), false);
  assert.equal(mayWrite('PUT', '/api/v1/submissions/F/U/2025-06/values'), true);
  assert.equal(mayWrite('POST', '/api/v1/evaluation/runs'), true);
  assert.equal(mayWrite('DELETE', '/api/v1/tokens/3'), true);
});
