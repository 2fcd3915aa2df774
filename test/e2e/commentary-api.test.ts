import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Commentary, TargetCommentary } from '../../src/presenters/commentary.presenter.ts';
import { DATABASE_KINDS } from '../support/databases.ts';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';

/** Issue 19: an owner and a short commentary per target per period, written with optimistic concurrency, audited. */
const URL = '/api/v1/progress/yunnan-parks-2021-2025/targets/km-hightech-revenue-2025/commentary';

for (const kind of DATABASE_KINDS) {
  describe(`target commentary API (issue 19) on ${kind}`, () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    let planner: Session;

    before(async () => {
      server = await startTestServer(kind);
      planner = await loginAs(server.url, 'planner');
    });
    after(async () => {
      await server?.close();
      await server?.drop();
    });

    it('writes a period, refuses a stale version, keeps one row per period and audits each write', async () => {
      const empty = await request<TargetCommentary>(server.url, 'GET', URL, { auth: planner });
      assert.equal(empty.status, 200);
      assert.deepEqual(empty.body.owner, { code: 'ZN-KM-HIGHTECH', name: empty.body.owner?.name });
      assert.equal(empty.body.canWrite, true);
      assert.deepEqual(empty.body.items, []);

      let res = await request<Commentary>(server.url, 'PUT', `${URL}/2024`, {
        auth: planner,
        body: { text: ' 营业收入受龙头企业减产影响。 ', version: 0 },
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.text, '营业收入受龙头企业减产影响。');
      assert.equal(res.body.version, 1);
      assert.equal(res.body.owner?.code, 'ZN-KM-HIGHTECH');
      assert.equal(res.body.author, '省发展改革委规划处');

      // A second writer who read version 0 too is refused, and nothing changes.
      const stale = await request<{ error: { code: string } }>(server.url, 'PUT', `${URL}/2024`, {
        auth: planner,
        body: { text: '另一说明', version: 0 },
      });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'VERSION_CONFLICT');

      res = await request<Commentary>(server.url, 'PUT', `${URL}/2024`, {
        auth: planner,
        body: { text: '已协调新项目投产。', version: 1 },
      });
      assert.equal(res.body.version, 2);
      await request(server.url, 'PUT', `${URL}/2023`, { auth: planner, body: { text: '上年说明。', version: 0 } });

      const all = await request<TargetCommentary>(server.url, 'GET', URL, { auth: planner });
      assert.deepEqual(
        all.body.items.map((c) => [c.period, c.text, c.version]),
        [
          ['2024', '已协调新项目投产。', 2],
          ['2023', '上年说明。', 1],
        ],
      );
      const one = await request<TargetCommentary>(server.url, 'GET', `${URL}?period=2023`, { auth: planner });
      assert.deepEqual(
        one.body.items.map((c) => c.period),
        ['2023'],
      );
      const audit = await server.database.db
        .selectFrom('audit_log')
        .select(['action', 'entity_key'])
        .where('entity', '=', 'target_commentary')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['create', 'update', 'create'],
      );
      assert.equal(audit[0]?.entity_key, 'yunnan-parks-2021-2025:km-hightech-revenue-2025:2024');
    });

    it('refuses the leader (reads only), an empty text and one too long, naming the field', async () => {
      const leader = await loginAs(server.url, 'leader');
      const seen = await request<TargetCommentary>(server.url, 'GET', URL, { auth: leader });
      assert.equal(seen.body.canWrite, false);
      const refused = await request(server.url, 'PUT', `${URL}/2025`, { auth: leader, body: { text: '领导说明', version: 0 } });
      assert.equal(refused.status, 403);
      const blank = await request<{ error: { code: string } }>(server.url, 'PUT', `${URL}/2025`, {
        auth: planner,
        body: { text: '   ', version: 0 },
      });
      assert.equal(blank.status, 422);
      assert.equal(blank.body.error.code, 'EMPTY_TEXT');
      const long = await request(server.url, 'PUT', `${URL}/2025`, {
        auth: planner,
        body: { text: '长'.repeat(501), version: 0 },
      });
      assert.equal(long.status, 400);
      const badPeriod = await request(server.url, 'PUT', `${URL}/2025-13`, { auth: planner, body: { text: '说明', version: 0 } });
      assert.equal(badPeriod.status, 400);
    });
  });
}
