import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { groupsWithMembers, progressTargets } from '../../src/repositories/progress.repository.ts';
import { upsertDataValues } from '../../src/repositories/data-value.repository.ts';
import { rebuildAnalytics } from '../../src/services/progress/analytics.service.ts';
import { freshness } from '../../src/services/progress/freshness.ts';
import { subjectOf, targetCodes } from '../../src/services/progress/judge-target.ts';
import { parseAsOf, ProgressContext } from '../../src/services/progress/progress-context.ts';
import { loadDemoData } from '../../src/services/reporting/demo-data.service.ts';
import { syncDatasetForms } from '../../src/services/reporting/form-sync.service.ts';
import { seedDataset } from '../../src/services/seed.service.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/databases.ts';

/**
 * The analytics table (issue 22, migration 0420) against a from-scratch aggregation: every target's
 * yearly series and freshness read through it equal those computed from the raw figures alone, and
 * the rows kept current incrementally equal a full rebuild, after approvals, corrections and imports.
 */
const REF = '2026-01-15';

async function judged(t: TestDatabase, at: string, analytics: boolean) {
  const db = t.database.db;
  const asOf = parseAsOf(at);
  const targets = await progressTargets(db, { unitIds: null });
  const ctx = await ProgressContext.load(db);
  const groupIds = [...new Set(targets.map((x) => x.group_id).filter((g): g is number => g !== null))];
  const members = new Map((await groupsWithMembers(db, { ids: groupIds })).map((g) => [g.id, g.members]));
  const subjects = targets.map((x) => subjectOf(ctx, x, members));
  const codes = [...new Set(targets.flatMap((x) => targetCodes(ctx, x)))];
  const roots = subjects.flatMap((s) => s.roots);
  // From scratch: `quarters` reads every period raw, neither table is used.
  await ctx.loadFigures(db, ctx.subtree(roots), codes, asOf, analytics ? { roots, ref: REF } : { quarters: true });
  assert.equal(ctx.readsAnalytics, analytics);
  return targets.map((x, i) => ({
    target: `${x.plan_id}:${x.key}`,
    yearly: ctx.yearly(subjects[i]!, x.indicator_code, 2015, asOf.year),
    freshness: freshness(ctx, subjects[i]!, x.indicator_code, REF),
  }));
}

/** The table's content, independent of row order and of the partition a row sits in. */
const tableHash = async (t: TestDatabase) =>
  (
    await sql<{ h: string | null; n: string }>`
      SELECT md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))) AS h, count(*)::text AS n
      FROM (SELECT year, org_unit_id, indicator_id, ancestors, value, origin, partial, last_period, own_updated_at,
                   own_cumulative, latest_month, latest_quarter, latest_year, own_periods FROM analytics_figure) x`.execute(
      t.database.db,
    )
  ).rows[0]!;

const queued = async (t: TestDatabase) =>
  Number(
    (
      await sql<{
        n: string;
      }>`SELECT (SELECT count(*) FROM analytics_dirty) + (SELECT count(*) FROM unit_year_dirty) AS n`.execute(t.database.db)
    ).rows[0]!.n,
  );

for (const kind of DATABASE_KINDS) {
  describe(`analytics table on ${kind}`, () => {
    let t: TestDatabase;
    let ctx: ProgressContext;
    before(async () => {
      t = await createTestDatabase(kind);
      assert.ok((await seedDataset(t.database)).ok);
      await syncDatasetForms(t.database);
      await loadDemoData(t.database);
      ctx = await ProgressContext.load(t.database.db);
    });
    after(() => t.drop());

    it('gives every target the yearly series and freshness computed from the raw figures', async () => {
      for (const at of ['2023', '2024Q2', '2025']) {
        const fromTable = await judged(t, at, true);
        assert.ok(fromTable.some((x) => x.yearly.length > 2));
        assert.deepEqual(fromTable, await judged(t, at, false), at);
      }
      const { n } = await tableHash(t);
      assert.ok(Number(n) > 1000, `${n} rows`);
      const partitions = await sql<{ n: string }>`
        SELECT count(DISTINCT tableoid)::text AS n FROM analytics_figure`.execute(t.database.db);
      assert.ok(Number(partitions.rows[0]!.n) > 3, 'rows sit in their years’ partitions');
    });

    it('stays equal to a full rebuild after approvals, corrections and imports, with nothing left for the reader', async () => {
      const db = t.database.db;
      await ProgressContext.refreshYears(db);
      const unit = (code: string) => [...ctx.units.values()].find((u) => u.code === code)!.id;
      const indicator = ctx.indicators.get('REVENUE')!.id;
      const zones = [...ctx.units.values()].filter((u) => u.kind === 'development_zone').map((u) => u.id);
      assert.ok(zones.length > 10);
      const before1 = await judged(t, '2025', true);

      // An import writes drafts (nothing changes for progress), then their approval makes them count.
      const month = (org_unit_id: number, m: string, value: string, status: string, origin = 'reported') => ({
        org_unit_id,
        indicator_id: indicator,
        period: `2024-${m}`,
        period_kind: 'month',
        period_start: `2024-${m}-01`,
        period_end: `2024-${m}-28`,
        cumulative: true,
        origin,
        value,
        status,
        source_plan_id: null,
        source_quote: null,
      });
      await upsertDataValues(
        db,
        zones.map((z, i) => month(z, '12', String(1000 + i), 'draft')),
      );
      assert.equal(await queued(t), 0, 'drafts queue nothing');
      await db
        .updateTable('data_value')
        .set({ status: 'approved' })
        .where('period', '=', '2024-12')
        .where('indicator_id', '=', indicator)
        .where('status', '=', 'draft')
        .execute();
      assert.ok((await ProgressContext.refreshYears(db)) > 0);
      assert.equal(await queued(t), 0);
      const afterApproval = await judged(t, '2025', true);
      assert.notDeepEqual(afterApproval, before1, 'the approved figures change progress');
      assert.deepEqual(afterApproval, await judged(t, '2025', false));

      // A month of corrections for every zone, and plan-stated figures of one prefecture.
      await db
        .updateTable('data_value')
        .set({ value: sql`value * 2` })
        .where('period', '=', '2024-12')
        .where('indicator_id', '=', indicator)
        .execute();
      await upsertDataValues(db, [
        {
          ...month(unit('YN-KM'), '06', '77', 'approved', 'plan'),
          period: '2023',
          period_kind: 'year',
          period_start: '2023-01-01',
          period_end: '2023-12-31',
          cumulative: false,
        },
      ]);
      await ProgressContext.refreshYears(db);
      assert.equal(await queued(t), 0);
      assert.deepEqual(await judged(t, '2025', true), await judged(t, '2025', false));

      const incremental = await tableHash(t);
      await rebuildAnalytics(db, ctx);
      assert.deepEqual(await tableHash(t), incremental, 'incremental rows = rebuilt rows');
    });

    it('is rebuilt when it was computed under other rules (an indicator’s aggregation changed)', async () => {
      const db = t.database.db;
      await db.updateTable('analytics_state').set({ fingerprint: 'other rules' }).execute();
      await db.updateTable('analytics_figure').set({ value: '0' }).execute();
      assert.deepEqual(await judged(t, '2024', true), await judged(t, '2024', false));
      const fresh = await tableHash(t);
      await rebuildAnalytics(db, ctx);
      assert.deepEqual(await tableHash(t), fresh);
    });
  });
}
