import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PlanProgress } from '../../src/presenters/progress.presenter.ts';
import type { TargetRevisions } from '../../src/presenters/target-revision.presenter.ts';
import { loginAs, request, startTestServer, type Auth } from '../support/server.ts';

/**
 * Issue 17 item 5: a published target corrected in place (never a second copy of the plan), with a
 * revision that says who, when and why; concurrent corrections refused with 409; a plan withdrawn and
 * restored, its data kept. On kunming-gdp-2025, which the plan gives without a baseline and for which no 2020
 * figure is loaded (the corrected value below is the test's own input).
 */
const PLAN = 'yunnan-regional-2021-2025';
const KEY = 'kunming-gdp-2025';
const revisions = `/api/v1/plans/${PLAN}/targets/${KEY}/revisions`;
const target = `/api/v1/plans/${PLAN}/targets/${KEY}`;
type ErrorBody = { error: { code: string; message: string; messageZh: string } };

describe('target corrections and plan withdrawal (API, PGlite)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let planner: Auth;
  let ftz: Auth;
  const as = <T>(who: Auth, method: string, url: string, body?: unknown) =>
    request<T>(server.url, method, url, { auth: who, body });
  const judged = async () => {
    const p = await as<PlanProgress>(planner, 'GET', `/api/v1/progress?plan=${PLAN}&at=2024`);
    assert.equal(p.status, 200);
    return p.body.targets.find((t) => t.key === KEY)!;
  };
  before(async () => {
    server = await startTestServer('pglite');
    planner = await loginAs(server.url, 'planner');
    ftz = await loginAs(server.url, 'ftz.planner');
  });
  after(async () => {
    await server?.close();
    await server?.drop();
  });

  it('corrects the missing baseline in place; progress uses it at once; the revision is listed', async () => {
    const first = await as<TargetRevisions>(planner, 'GET', revisions);
    assert.equal(first.status, 200);
    assert.equal(first.body.version, 1);
    assert.equal(first.body.canRevise, true);
    assert.equal(first.body.current.baseline, null);
    assert.deepEqual(first.body.items, []);
    assert.equal((await judged()).judgement.class, 'insufficient_data');

    const reason = '补充基期值：昆明市2020年地区生产总值（测试输入）';
    const res = await as<{ version: number }>(planner, 'PATCH', target, {
      version: 1,
      reason,
      baseline: { year: 2020, value: '6500' },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.version, 2);

    const now = await judged();
    assert.deepEqual(now.baseline && { ...now.baseline, value: Number(now.baseline.value) }, {
      year: 2020,
      value: 6500,
      origin: 'plan',
      note: null,
    });
    assert.equal(now.judgement.class, 'behind');

    const after = await as<TargetRevisions>(planner, 'GET', revisions);
    assert.equal(after.body.version, 2);
    assert.equal(after.body.items.length, 1);
    const r = after.body.items[0]!;
    assert.equal(r.reason, reason);
    assert.deepEqual(r.before, { baseline: null });
    assert.deepEqual(r.after, { baseline: { year: 2020, value: '6500' } });
    assert.ok(r.author.length > 0);
    // Still one plan, one target: nothing was duplicated.
    const plans = await as<{ items: { id: string; counts: { targets: number } }[] }>(planner, 'GET', '/api/v1/plans');
    assert.equal(plans.body.items.filter((p) => p.id.startsWith('yunnan-regional')).length, 1);
  });

  it('refuses a stale version with 409 in Chinese and English, an empty reason, and another plan manager', async () => {
    const stale = await as<ErrorBody>(planner, 'PATCH', target, { version: 1, reason: '再次修订', target: { value: '9900' } });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
    assert.match(stale.body.error.messageZh, /已被他人修订（当前版本 2，您读取的是版本 1）/);
    assert.match(stale.body.error.message, /corrected by someone else meanwhile/);
    const noReason = await as<ErrorBody>(planner, 'PATCH', target, { version: 2, reason: '  ', target: { value: '9900' } });
    assert.equal(noReason.status, 422);
    assert.equal(noReason.body.error.code, 'REASON_REQUIRED');
    const invalid = await as<ErrorBody>(planner, 'PATCH', target, {
      version: 2,
      reason: '改为年均增长',
      target: { comparator: 'annual_growth' },
    });
    assert.equal(invalid.status, 422);
    assert.equal(invalid.body.error.code, 'INVALID_REVISION');
    const other = await as<ErrorBody>(ftz, 'PATCH', target, { version: 2, reason: '越权修订', target: { value: '9900' } });
    assert.equal(other.status, 403);
    assert.equal((await as<TargetRevisions>(ftz, 'GET', revisions)).body.canRevise, false);
    assert.equal((await as<TargetRevisions>(planner, 'GET', revisions)).body.version, 2);
  });

  it('withdraws a plan (hidden, data kept) and only an administrator restores it', async () => {
    const ftzPlan = '/api/v1/plans/yunnan-ftz-2021-2025';
    const noReason = await as<ErrorBody>(ftz, 'POST', `${ftzPlan}/withdrawal`, { reason: '' });
    assert.equal(noReason.status, 422);
    const w = await as<{ withdrawn: { reason: string } | null }>(ftz, 'POST', `${ftzPlan}/withdrawal`, {
      reason: '误发布，撤回',
    });
    assert.equal(w.status, 200, JSON.stringify(w.body));
    assert.equal(w.body.withdrawn?.reason, '误发布，撤回');
    const listed = async (q = '') =>
      (await as<{ items: { id: string; withdrawn: unknown }[] }>(planner, 'GET', `/api/v1/plans${q}`)).body.items.map(
        (p) => p.id,
      );
    assert.ok(!(await listed()).includes('yunnan-ftz-2021-2025'));
    assert.deepEqual(await listed('?withdrawn=only'), ['yunnan-ftz-2021-2025']);
    const kept = await as<{ counts: { targets: number }; withdrawn: { by: string } | null }>(planner, 'GET', ftzPlan);
    assert.equal(kept.status, 200);
    assert.ok(kept.body.counts.targets > 0 && kept.body.withdrawn !== null);
    assert.equal((await as<ErrorBody>(ftz, 'POST', `${ftzPlan}/withdrawal`, { reason: '再撤回' })).status, 409);
    assert.equal((await as<ErrorBody>(ftz, 'DELETE', `${ftzPlan}/withdrawal`)).status, 403);
    assert.equal((await as<ErrorBody>(planner, 'DELETE', `${ftzPlan}/withdrawal`)).status, 403);
    const restored = await request<{ withdrawn: unknown }>(server.url, 'DELETE', `${ftzPlan}/withdrawal`, {});
    assert.equal(restored.status, 200, JSON.stringify(restored.body));
    assert.ok((await listed()).includes('yunnan-ftz-2021-2025'));
  });
});
