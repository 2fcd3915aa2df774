import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { homeAsOf } from '../../src/domain/home/leader-summary.ts';
import { listPlans } from '../../src/repositories/plan.repository.ts';
import { findUserByUsername, grantsOf } from '../../src/repositories/user.repository.ts';
import { SYSTEM_ACTOR, type Actor } from '../../src/services/actor.ts';
import { createDemoAccounts } from '../../src/services/demo-accounts.service.ts';
import { leaderHome } from '../../src/services/home/leader-home.service.ts';
import { planProgressWithYearly, plansProgressWithYearly } from '../../src/services/progress/plan-progress.service.ts';
import { loadDemoData } from '../../src/services/reporting/demo-data.service.ts';
import { syncDatasetForms } from '../../src/services/reporting/form-sync.service.ts';
import { seedDataset } from '../../src/services/seed.service.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';

async function actorOf(t: TestDatabase, username: string): Promise<Actor> {
  const u = await findUserByUsername(t.database.db, username);
  assert.ok(u, username);
  return { userId: u.id, label: username, via: 'session', tokenId: null, ip: null, grants: await grantsOf(t.database.db, u.id) };
}

/**
 * Issue 19: the homes judge every plan in one question (scope, catalogue and figures read once per
 * as-of period over all plans' subjects). The answer must be exactly what the plans give one by one.
 */
describe('several plans judged in one question (the homes)', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase('postgres');
    assert.ok((await seedDataset(t.database)).ok);
    await syncDatasetForms(t.database);
    await loadDemoData(t.database, { today: '2026-11-23' });
    await createDemoAccounts(t.database);
  });
  after(() => t?.drop());

  it('gives each plan the same progress and yearly series as asking for it alone, for every reader', async () => {
    const { rows } = await listPlans(t.database.db, { limit: 1000, offset: 0 });
    const withTargets = rows.filter((p) => p.target_count > 0);
    assert.ok(withTargets.length >= 3);
    // The homes' as-of periods, and other periods and a method beside them (several figure loads in one question).
    const asked = [
      ...withTargets.map((p) => ({ plan: p.id, at: homeAsOf(p.period_start, p.period_end, '2026-11-23') })),
      { plan: withTargets[0]!.id, at: '2023' },
      { plan: withTargets[1]!.id, at: '2024Q2' },
      { plan: withTargets[2]!.id, at: '2023', method: 'unsd' as const },
    ];
    const readers = [SYSTEM_ACTOR, await actorOf(t, 'leader'), await actorOf(t, 'hh.reporter'), await actorOf(t, 'ftz.planner')];
    for (const actor of readers) {
      const together = await plansProgressWithYearly(t.database, actor, asked);
      assert.equal(together.length, asked.length);
      let judged = 0;
      for (const [i, q] of asked.entries()) {
        const alone = await planProgressWithYearly(t.database, actor, q);
        assert.deepEqual(together[i], alone, `${actor.label} ${q.plan} ${q.at}`);
        judged += alone.progress.targets.length;
      }
      if (actor === SYSTEM_ACTOR) assert.ok(judged > 50, `${judged} targets judged`);
    }
  });

  it("the leader's home sums the same plans as the overview would, plan by plan", async () => {
    const leader = await actorOf(t, 'leader');
    const home = await leaderHome(t.database, leader);
    for (const line of home.plans) {
      const { progress } = await planProgressWithYearly(t.database, leader, { plan: line.plan.id, at: line.at });
      assert.deepEqual(line.byClass, progress.summary.byClass, line.plan.id);
      assert.deepEqual(line.warnings, progress.summary.warnings, line.plan.id);
    }
  });
});
