import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { upsertDataValues } from '../../src/repositories/data-value.repository.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { coverageAndProgress } from '../../src/services/progress/coverage.service.ts';
import { prepareDatabase } from '../../src/services/prepare-database.service.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';

/**
 * Issue 17 item 5, "the missing baseline named": kunming-gdp-2025 (经济总量达到1万亿元, no baseline in the plan) is
 * judged on 昆明市's published 2024 figure. Without a 2020 figure it says which 基期 it lacks; once an approved
 * 2020 figure exists (here a reported and approved figure, the test's own input) it is judged from it, marked as
 * such. kunming-population-2025 (no baseline either) already has one: the 2020 column of the table
 * dataset/published/figures.yaml cites for 2021–2024 (846.3万人, origin published).
 */
describe('a target without a baseline: named, then served by an approved figure (PGlite)', () => {
  let t: TestDatabase;
  const judge = async (key: string) => {
    const r = await coverageAndProgress(t.database, SYSTEM_ACTOR, { plan: 'yunnan-regional-2021-2025', at: '2024' });
    return {
      progress: r.progress.targets.find((x) => x.key === key)!,
      coverage: r.coverage.targets.find((x) => x.key === key)!,
    };
  };
  before(async () => {
    t = await createTestDatabase('pglite');
    // As `npm start` prepares it (dataset, forms, published figures), without the demo data.
    await prepareDatabase(t.database, { seedOnStart: true, demoData: false }, { requireAdministrator: false });
  });
  after(() => t.drop());

  it('names the missing 2020 baseline in the explanation and the coverage row', async () => {
    const { progress, coverage } = await judge('kunming-gdp-2025');
    assert.equal(progress.judgement.class, 'insufficient_data');
    assert.equal(progress.baseline, null);
    assert.match(progress.judgement.explanation.zh, /缺基期值（2020年昆明市地区生产总值），无法计算进度/);
    assert.match(
      coverage.missing?.zh ?? '',
      /^缺基期值（2020年昆明市地区生产总值）：规划未给出基期值，也没有2020年审核数据可作基期/,
    );
  });

  it('takes a published 2020 figure as the baseline (kunming-population-2025: 846.3万人, 滞后)', async () => {
    const { progress, coverage } = await judge('kunming-population-2025');
    assert.deepEqual(
      { year: progress.baseline?.year, value: Number(progress.baseline?.value), origin: progress.baseline?.origin },
      { year: 2020, value: 846.3, origin: 'published' },
    );
    assert.equal(progress.baseline?.note?.zh, '规划未给出基期值，基期取自2020年审核数据（公开发布数据）');
    // (868.7 − 846.3) ÷ (1000 − 846.3) = 14.6 % of the way with 80 % of the time gone: 滞后.
    assert.equal(progress.judgement.class, 'behind');
    assert.ok(Math.abs(progress.judgement.progressShare! - 22.4 / 153.7) < 1e-6);
    assert.equal(coverage.missing, null);
  });

  it('is judged from an approved reported 2020 figure at once, with the baseline marked as taken from it', async () => {
    const ids = await t.database.db
      .selectFrom('org_unit as u')
      .crossJoin('indicator as i')
      .select(['u.id as unit', 'i.id as indicator'])
      .where('u.code', '=', 'YN-KM')
      .where('i.code', '=', 'GDP')
      .executeTakeFirstOrThrow();
    await upsertDataValues(t.database.db, [
      {
        org_unit_id: ids.unit,
        indicator_id: ids.indicator,
        period: '2020',
        period_kind: 'year',
        period_start: '2020-01-01',
        period_end: '2020-12-31',
        cumulative: false,
        origin: 'reported',
        value: '6500',
        status: 'approved',
        source_plan_id: null,
        source_quote: null,
        updated_at: new Date(),
      },
    ]);
    const { progress, coverage } = await judge('kunming-gdp-2025');
    assert.deepEqual(
      { year: progress.baseline?.year, value: Number(progress.baseline?.value), origin: progress.baseline?.origin },
      { year: 2020, value: 6500, origin: 'reported' },
    );
    assert.equal(progress.baseline?.note?.zh, '规划未给出基期值，基期取自2020年审核数据（填报审核数据）');
    // (8275.22 − 6500) ÷ (10000 − 6500) = 50.7 % of the way with 80 % of the time gone: 滞后.
    assert.equal(progress.judgement.class, 'behind');
    assert.match(progress.judgement.explanation.zh, /基期取自2020年审核数据/);
    assert.equal(coverage.missing, null);
  });
});
