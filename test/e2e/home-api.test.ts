import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LeaderHome, PlanManagerHome } from '../../src/presenters/home.presenter.ts';
import type { PlanProgress } from '../../src/presenters/progress.presenter.ts';
import { loginAs, request, startTestServer } from '../support/server.ts';

/** Issue 19: the leader's and the plan manager's homes say what the overview says, plan by plan. */
describe('role homes API (issue 19)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;

  before(async () => {
    server = await startTestServer('pglite', { demoData: true });
  });
  after(async () => {
    await server?.close();
  });

  it("the leader's summary: each plan's classes and warnings are the overview's, laggards each with one sentence", async () => {
    const leader = await loginAs(server.url, 'leader');
    const res = await request<LeaderHome>(server.url, 'GET', '/api/v1/home/summary', { auth: leader });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.ok(res.body.plans.length >= 3, 'the plans with targets');
    for (const line of res.body.plans) {
      const p = await request<PlanProgress>(server.url, 'GET', `/api/v1/progress?plan=${line.plan.id}&at=${line.at}`, {
        auth: leader,
      });
      assert.deepEqual(line.warnings, p.body.summary.warnings, line.plan.id);
      assert.deepEqual(line.byClass, p.body.summary.byClass, line.plan.id);
      assert.equal(line.stale, p.body.targets.filter((t) => t.freshness.stale).length);
    }
    const red = res.body.plans.reduce((s, l) => s + l.warnings.red, 0);
    assert.equal(res.body.totals.warnings.red, red);
    assert.equal(res.body.laggards.length, 5);
    for (const l of res.body.laggards) {
      assert.match(l.sentence, /^[^A-Za-z]*。$/u, l.sentence);
      assert.ok(l.sentence.split('。').length === 2, 'one sentence');
    }
    assert.ok(
      res.body.laggards.some((l) => l.trend !== null && l.spark.length >= 2),
      'trend and sparkline from the yearly series',
    );
  });

  it("a 红河 reporter's summary counts only 红河 targets; the plans home is the plan managers'", async () => {
    const rep = await loginAs(server.url, 'hh.reporter');
    const all = await request<LeaderHome>(server.url, 'GET', '/api/v1/home/summary');
    const mine = await request<LeaderHome>(server.url, 'GET', '/api/v1/home/summary', { auth: rep });
    assert.equal(mine.status, 200);
    assert.ok(mine.body.totals.total < all.body.totals.total, `${mine.body.totals.total} < ${all.body.totals.total}`);
    assert.equal((await request(server.url, 'GET', '/api/v1/home/plans', { auth: rep })).status, 403);

    const ftz = await loginAs(server.url, 'ftz.planner');
    const plans = await request<PlanManagerHome>(server.url, 'GET', '/api/v1/home/plans', { auth: ftz });
    assert.equal(plans.status, 200, JSON.stringify(plans.body));
    assert.deepEqual(
      plans.body.plans.map((p) => p.plan.id),
      ['yunnan-ftz-2021-2025'],
    );
    const [p] = plans.body.plans;
    assert.equal(p!.withPath + p!.withoutPath, p!.targets);
    const cov = await request<{ summary: { withPath: number } }>(
      server.url,
      'GET',
      `/api/v1/coverage?plan=${p!.plan.id}&at=${p!.at}`,
      {
        auth: ftz,
      },
    );
    assert.equal(p!.withPath, cov.body.summary.withPath);
  });
});
