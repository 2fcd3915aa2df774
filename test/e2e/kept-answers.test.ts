import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PlanProgress, TargetDetail } from '../../src/presenters/progress.presenter.ts';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { ProgressContext } from '../../src/services/progress/progress-context.ts';
import { recordAudit } from '../../src/services/audit.service.ts';
import { DATABASE_KINDS } from '../support/databases.ts';
import { insertYearFigures } from '../support/figures.ts';
import { loginAs, request, startTestServer } from '../support/server.ts';

/**
 * Issue 22: a dashboard's judged answer is read, not judged again per question, and is never kept
 * past a change the platform can see (src/services/answers/answer-cache.ts).
 */
const FTZ = 'yunnan-ftz-2021-2025';
const PROGRESS = `/api/v1/progress?plan=${FTZ}&at=2023`;
const DETAIL = `/api/v1/progress/${FTZ}/targets/trade-total-2025?at=2023`;
const COMMENTARY = '/api/v1/progress/yunnan-parks-2021-2025/targets/km-hightech-revenue-2025/commentary/2024';

for (const kind of DATABASE_KINDS) {
  describe(`kept dashboard answers on ${kind}`, () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    const tradeTarget = async () => {
      const res = await request<PlanProgress>(server.url, 'GET', PROGRESS);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const t = res.body.targets.find((x) => x.key === 'trade-total-2025')!;
      return { current: t.judgement.current, target: t.target.value };
    };
    const detail2023 = async () =>
      (await request<TargetDetail>(server.url, 'GET', DETAIL)).body.yearly.find((y) => y.year === 2023)?.value;
    /** An approved figure written behind the platform's back (no request, no audit entry), as SQL would. */
    const writeFigureBySql = (value: string) => insertYearFigures(server.database.db, 'YN-FTZ', 'TRADE_TOTAL', [['2023', value]]);
    /** The trade target's value edited by SQL: nothing queues or audits it. */
    const editTargetBySql = (value: string) =>
      sql`UPDATE target SET target_value = ${value} WHERE key = 'trade-total-2025'`.execute(server.database.db);

    before(async () => {
      server = await startTestServer(kind);
      await writeFigureBySql('1120');
    });
    after(async () => {
      await server?.close();
      await server?.drop();
    });

    it('answers a repeated question from the kept answer, and judges afresh after an audited write elsewhere', async () => {
      // The first answer recomputes the figure queued in before(), which moves the figures' generation;
      // the second is judged under the settled stamp and kept.
      await tradeTarget();
      assert.deepEqual(await tradeTarget(), { current: '1120', target: '2675.78' });
      // Seen by nothing the answers depend on, so the kept answer stands: proof that it is kept.
      await editTargetBySql('3000');
      assert.deepEqual(await tradeTarget(), { current: '1120', target: '2675.78' });
      // Another instance, the CLI or a scheduled job audits what it writes: the newest entry moves.
      await server.database.db
        .transaction()
        .execute((trx) => recordAudit(trx, SYSTEM_ACTOR, { action: 'test.write_elsewhere', entity: 'target', entityKey: 'x' }));
      assert.deepEqual(await tradeTarget(), { current: '1120', target: '3000' });
      await editTargetBySql('2675.78');
    });

    it('never keeps an answer past a figure corrected by SQL, whoever recomputes it', async () => {
      await request(server.url, 'GET', PROGRESS);
      assert.equal(await detail2023(), '1120');
      // Queued by data_value's triggers: the next reader recomputes and judges afresh.
      await writeFigureBySql('1300');
      assert.equal((await tradeTarget()).current, '1300');
      assert.equal(await detail2023(), '1300');
      // Recomputed before any reader comes (the scheduler's poll): the figures' generation has moved.
      await writeFigureBySql('1350');
      await ProgressContext.refreshYears(server.database.db);
      assert.equal((await tradeTarget()).current, '1350');
    });

    it('judges afresh after a write through this server', async () => {
      await editTargetBySql('2800');
      assert.equal((await tradeTarget()).target, '2675.78');
      const planner = await loginAs(server.url, 'planner');
      const write = await request(server.url, 'PUT', COMMENTARY, { auth: planner, body: { text: '说明。', version: 0 } });
      assert.equal(write.status, 200, JSON.stringify(write.body));
      assert.equal((await tradeTarget()).target, '2800');
    });

    it('keeps one answer per reader scope: a 红河 reporter does not get the province’s answer', async () => {
      const reporter = await loginAs(server.url, 'hh.reporter');
      const admin = await request<PlanProgress>(server.url, 'GET', PROGRESS);
      const scoped = await request<PlanProgress>(server.url, 'GET', PROGRESS, { auth: reporter });
      assert.equal(scoped.status, 200, JSON.stringify(scoped.body));
      assert.ok(scoped.body.targets.length < admin.body.targets.length, 'the reporter sees fewer targets');
    });
  });
}
