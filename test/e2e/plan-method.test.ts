import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';

describe('choosing a plan’s progress method', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let planner: Session;
  before(async () => {
    server = await startTestServer('pglite');
    planner = await loginAs(server.url, 'planner');
  });
  after(() => server.close());

  const progressMethod = async () =>
    (await request<{ method: string }>(server.url, 'GET', '/api/v1/progress?plan=yunnan-ftz-2021-2025&at=2024')).body.method;

  it('judges by the chosen method by default, records the change, and returns to the official classes', async () => {
    assert.equal(await progressMethod(), 'official');
    const set = await request(server.url, 'PUT', '/api/v1/plans/yunnan-ftz-2021-2025/progress-method', {
      auth: planner,
      body: { method: 'unsd' },
    });
    assert.deepEqual([set.status, set.body], [200, { plan: 'yunnan-ftz-2021-2025', method: 'unsd' }]);
    assert.equal(await progressMethod(), 'unsd');
    const reset = await request(server.url, 'PUT', '/api/v1/plans/yunnan-ftz-2021-2025/progress-method', {
      auth: planner,
      body: { method: null },
    });
    assert.equal(reset.status, 200);
    assert.equal(await progressMethod(), 'official');
    const audit = await server.database.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity', '=', 'plan')
      .where('entity_key', '=', 'yunnan-ftz-2021-2025')
      .where('action', '=', 'update')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => [a.before, a.after]),
      [
        [{ progressMethod: null }, { progressMethod: 'unsd' }],
        [{ progressMethod: 'unsd' }, { progressMethod: null }],
      ],
    );
  });

  it('refuses an unknown method and an unknown plan', async () => {
    const bad = await request(server.url, 'PUT', '/api/v1/plans/yunnan-ftz-2021-2025/progress-method', {
      auth: planner,
      body: { method: 'astrology' },
    });
    assert.equal(bad.status, 400);
    const missing = await request(server.url, 'PUT', '/api/v1/plans/no-such-plan/progress-method', {
      body: { method: 'unsd' },
    });
    assert.equal(missing.status, 404);
  });
});
