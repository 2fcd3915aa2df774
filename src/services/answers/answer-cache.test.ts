import assert from 'node:assert/strict';
import { after, before, mock, test } from 'node:test';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/databases.ts';
import { SYSTEM_ACTOR, type Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { answersChanged, bodyDigest, cachedAnswer, mayWrite, stampAhead } from './answer-cache.ts';

const actor = (scope: string | null): Actor => ({
  userId: 1,
  label: 'leader',
  via: 'session',
  tokenId: null,
  ip: null,
  grants: [{ role: 'viewer', scopeOrgUnit: scope, scopePlans: null }],
});

let t: TestDatabase;
let database: Database;
before(async () => {
  t = await createTestDatabase('pglite');
  database = t.database;
});
after(() => t?.drop());

const audited = () =>
  database.db.transaction().execute((trx) => recordAudit(trx, SYSTEM_ACTOR, { action: 'test', entity: 'x', entityKey: 'x' }));

test('an answer is judged once while nothing changed, and afresh after a write, an audited change elsewhere, a figure change or for another scope (issues 19, 22)', async () => {
  let judged = 0;
  const judge = async () => ++judged;
  assert.equal(await cachedAnswer(database, 'home:leader', actor(null), judge), 1);
  assert.equal(await cachedAnswer(database, 'home:leader', actor(null), judge), 1);
  assert.equal(await cachedAnswer(database, 'home:leader', actor('YN-HH'), judge), 2, 'another scope');
  assert.equal(await cachedAnswer(database, 'home:planner', actor(null), judge), 3, 'another question');
  answersChanged(database);
  assert.equal(await cachedAnswer(database, 'home:leader', actor(null), judge), 4, 'after a write in this process');
  await audited();
  assert.equal(await cachedAnswer(database, 'home:leader', actor(null), judge), 5, 'after an audited write elsewhere');
  assert.equal(await cachedAnswer(database, 'home:leader', actor(null), judge), 5);
  // A refresh of the analytics table moves the figures' generation (migration 0700).
  await sql`DELETE FROM analytics_figure WHERE false`.execute(database.db);
  assert.equal(await cachedAnswer(database, 'home:leader', actor(null), judge), 6, 'after the figures changed');
  // Anything queued for the yearly table: never kept, the next answer recomputes it.
  await sql`INSERT INTO unit_year_dirty VALUES (1, 1, 2024)`.execute(database.db);
  assert.equal(await cachedAnswer(database, 'home:leader', actor(null), judge), 7, 'while figures are queued');
  assert.equal(await cachedAnswer(database, 'home:leader', actor(null), judge), 8, 'still queued');
  await sql`DELETE FROM unit_year_dirty`.execute(database.db);
  // Another database object (another server in the same process) has its own answers.
  assert.equal(await cachedAnswer({ ...database }, 'home:leader', actor(null), judge), 9);
});

test('a stamp read ahead (while the caller is authenticated) stands for the moment it was read', async () => {
  let judged = 0;
  const judge = async () => ++judged;
  const q = 'progress:ahead';
  assert.equal(await cachedAnswer(database, q, actor(null), judge), 1);
  const ahead = stampAhead(database);
  await ahead;
  await audited();
  // Read before the write: the kept answer is still the one for that moment.
  assert.equal(await cachedAnswer(database, q, actor(null), judge, ahead), 1);
  assert.equal(await cachedAnswer(database, q, actor(null), judge), 2, 'a reader after the write judges afresh');
  assert.equal(await cachedAnswer(database, q, actor(null), judge, stampAhead(database)), 2);
});

test('a failed judgement is not kept', async () => {
  await assert.rejects(cachedAnswer(database, 'home:leader', actor('YN-KM'), () => Promise.reject(new Error('boom'))));
  await new Promise((r) => setImmediate(r));
  assert.equal(await cachedAnswer(database, 'home:leader', actor('YN-KM'), async () => 'ok'), 'ok');
});

test('readers who ask while an answer is judged wait for that one judgement', async () => {
  answersChanged(database);
  let judged = 0;
  const slow = async () => {
    judged++;
    await new Promise((r) => setTimeout(r, 20));
    return judged;
  };
  const answers = await Promise.all([1, 2, 3].map(() => cachedAnswer(database, 'progress:x', actor(null), slow)));
  assert.deepEqual(answers, [1, 1, 1]);
});

test(
  'an answer past a minute with nothing changed is given once more while it is judged again, then replaced',
  { timeout: 10_000 },
  async () => {
    answersChanged(database);
    let judged = 0;
    let release = () => {};
    const judge = async () => {
      judged++;
      if (judged > 1) await new Promise<void>((r) => (release = r));
      return judged;
    };
    mock.timers.enable({ apis: ['Date'], now: Date.now() });
    try {
      assert.equal(await cachedAnswer(database, 'progress:aged', actor(null), judge), 1);
      mock.timers.tick(61_000);
      assert.equal(await cachedAnswer(database, 'progress:aged', actor(null), judge), 1, 'aged: given while judged again');
      assert.equal(
        await cachedAnswer(database, 'progress:aged', actor(null), judge),
        1,
        'still being judged: no second judgement',
      );
      assert.equal(judged, 2);
      release();
      await new Promise((r) => setImmediate(r));
      assert.equal(await cachedAnswer(database, 'progress:aged', actor(null), judge), 2, 'the new judgement replaced it');
      assert.equal(judged, 2);
      // An aged answer after a change is never given: the change wins over the age.
      mock.timers.tick(61_000);
      await audited();
      const later = cachedAnswer(database, 'progress:aged', actor(null), judge);
      while (judged < 3) await new Promise((r) => setImmediate(r));
      release();
      assert.equal(await later, 3);
    } finally {
      mock.timers.reset();
    }
  },
);

test('a body is part of the question by its digest', () => {
  assert.equal(bodyDigest({ a: 1 }), bodyDigest({ a: 1 }));
  assert.notEqual(bodyDigest({ a: 1 }), bodyDigest({ a: 2 }));
});

test('what may write: every method but reads, signing in and out and the evaluation preview aside', () => {
  assert.equal(mayWrite('GET', '/api/v1/home/summary'), false);
  assert.equal(mayWrite('HEAD', '/api/v1/plans'), false);
  assert.equal(mayWrite('POST', '/api/v1/auth/login'), false);
  assert.equal(mayWrite('POST', '/api/v1/auth/logout'), false);
  assert.equal(mayWrite('PUT', '/api/v1/submissions/F/U/2025-06/values'), true);
  assert.equal(mayWrite('POST', '/api/v1/evaluation/runs'), true);
  assert.equal(mayWrite('POST', '/api/v1/evaluation/preview'), false, 'judges a draft scheme, stores nothing');
  assert.equal(mayWrite('POST', '/api/v1/evaluation/previews'), true);
  assert.equal(mayWrite('POST', '/api/v1/auth/login-as'), true);
  assert.equal(mayWrite('DELETE', '/api/v1/tokens/3'), true);
});
