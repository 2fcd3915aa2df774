import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, it } from 'node:test';
import type { SignedHead } from '../../src/domain/audit/signed-head.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { createAuditHeadLog } from '../../src/services/audit-head-log.ts';
import { recordAudit, verifyAuditChainWithHead } from '../../src/services/audit.service.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';

const KEY = 'a test key for audit heads, 32+ characters';
let t: TestDatabase;
before(async () => {
  t = await createTestDatabase('pglite');
});
after(() => t.drop());

it('logs a signed head each time the chain has grown, and only then', async () => {
  const { db } = t.database;
  const lines: SignedHead[] = [];
  const headLog = createAuditHeadLog(db, KEY, (h) => lines.push(h), 5);
  const append = (key: string) =>
    db.transaction().execute((trx) => recordAudit(trx, SYSTEM_ACTOR, { action: 'test', entity: 'test', entityKey: key }));

  await headLog.flush();
  assert.equal(lines.length, 1, 'a line at start-up');
  await headLog.flush();
  assert.equal(lines.length, 1, 'nothing new, no line');

  await append('a');
  await append('b');
  const errors: unknown[] = [];
  headLog.poke((err) => errors.push(err));
  headLog.poke((err) => errors.push(err));
  await sleep(50);
  await headLog.flush();
  assert.deepEqual(errors, []);
  assert.equal(lines.length, 2, 'two appends and two pokes: one line');
  assert.equal(lines[1]!.count, lines[0]!.count + 2);
  assert.equal((await verifyAuditChainWithHead(db, lines[1]!, KEY)).head?.ok, true);
  headLog.stop();
});
