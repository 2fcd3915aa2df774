import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { ADMIN_TOKEN, startTestServer } from '../support/server.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('audit verification against a signed head over the API', () => {
  let server: Server;
  before(async () => {
    server = await startTestServer('pglite');
  });
  after(() => server.close());

  const call = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
    const res = await fetch(new URL(url, server.url), {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('is intact against a fresh head, and names the missing entries once the newest are deleted', async () => {
    // Two audited downloads, so the head has entries of its own to lose.
    for (let i = 0; i < 2; i++) await call('GET', '/api/v1/tasks/export?plan=yunnan-pprd-2016').catch(() => undefined);
    const head = await call('GET', '/api/v1/audit/head');
    assert.equal(head.status, 200);
    const lastId = head.body.lastId as number;
    assert.deepEqual((await call('POST', '/api/v1/audit/verify', head.body)).body.ok, true);

    const { db } = server.database;
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
    await sql`delete from audit_log where id >= ${lastId - 1}`.execute(db);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);

    assert.equal((await call('GET', '/api/v1/audit/verify')).body.ok, true, 'the chain alone cannot tell');
    const r = await call('POST', '/api/v1/audit/verify', head.body);
    assert.equal(r.status, 200);
    assert.equal(r.body.ok, false);
    assert.equal(r.body.kind, 'truncated');
    assert.deepEqual(r.body.missing, { fromId: lastId - 1, toId: lastId, entries: 2 });
    assert.match(r.body.reasonZh as string, new RegExp(`第 ${lastId - 1}–${lastId} 条记录缺失`));

    const forged = await call('POST', '/api/v1/audit/verify', { ...head.body, count: 1 });
    assert.equal(forged.body.kind, 'signature');
  });
});
