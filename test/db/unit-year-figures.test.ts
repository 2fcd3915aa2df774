import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { freshness } from '../../src/services/progress/freshness.ts';
import { ProgressContext } from '../../src/services/progress/progress-context.ts';
import { refreshAnalytics } from '../../src/services/progress/analytics.service.ts';
import { COMPACT_AFTER, rebuildUnitYears, refreshUnitYears } from '../../src/services/progress/unit-years.service.ts';
import { loadDemoData } from '../../src/services/reporting/demo-data.service.ts';
import { syncDatasetForms } from '../../src/services/reporting/form-sync.service.ts';
import { seedDataset } from '../../src/services/seed.service.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/databases.ts';
import { loadEveryTarget } from '../support/figures.ts';

/**
 * Every target's yearly series and freshness, read through the precomputed yearly table and, for
 * comparison, from the raw figures alone (`quarters` loads every period raw).
 */
async function judgedInputs(t: TestDatabase, at: string, raw: boolean) {
  const { asOf, ctx, targets } = await loadEveryTarget(t.database.db, at, raw);
  return targets.map(({ target: x, subject }) => ({
    target: `${x.plan_id}:${x.key}`,
    yearly: ctx.yearly(subject, x.indicator_code, 2015, asOf.year),
    freshness: freshness(ctx, subject, x.indicator_code, '2026-01-15'),
  }));
}

const count = async (t: TestDatabase, table: 'unit_year_figure' | 'unit_year_dirty') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

for (const kind of DATABASE_KINDS) {
  describe(`precomputed yearly figures on ${kind}`, () => {
    let t: TestDatabase;
    let ctx: ProgressContext;
    let unit: number;
    let indicator: number;
    before(async () => {
      t = await createTestDatabase(kind);
      assert.ok((await seedDataset(t.database)).ok);
      await syncDatasetForms(t.database);
      await loadDemoData(t.database);
      ctx = await ProgressContext.load(t.database.db);
      unit = [...ctx.units.values()].find((u) => u.code === 'ZN-HH-MENGZI')!.id;
      indicator = ctx.indicators.get('REVENUE')!.id;
    });
    after(() => t.drop());

    it('gives every target the same yearly series and freshness as the raw figures, for whole and cut-short years', async () => {
      for (const at of ['2023', '2024Q2', '2025']) {
        const fromTable = await judgedInputs(t, at, false);
        assert.equal(await count(t, 'unit_year_dirty'), 0, 'read after recomputing every queued key');
        assert.ok(
          fromTable.some((x) => x.yearly.length > 2),
          'the demo data gives series to compare',
        );
        assert.deepEqual(fromTable, await judgedInputs(t, at, true), at);
      }
      assert.ok((await count(t, 'unit_year_figure')) > 1000);
    });

    it('recomputes exactly the years whose visible figures changed, and ignores drafts', async () => {
      const db = t.database.db;
      await refreshUnitYears(db, ctx);
      const row = () =>
        db
          .selectFrom('unit_year_figure')
          .select([sql<string>`value::text`.as('value'), 'origin', 'partial', 'periods'])
          .where('org_unit_id', '=', unit)
          .where('indicator_id', '=', indicator)
          .where('year', '=', 2019)
          .executeTakeFirst();
      const figure = (period: string, month: string) => ({
        org_unit_id: unit,
        indicator_id: indicator,
        period,
        period_kind: 'month',
        period_start: `2019-${month}-01`,
        period_end: `2019-${month}-28`,
        cumulative: true,
        origin: 'reported',
        value: '12.5',
        status: 'draft',
      });
      await db
        .insertInto('data_value')
        .values([figure('2019-01', '01'), figure('2019-02', '02')])
        .execute();
      assert.equal(await count(t, 'unit_year_dirty'), 0, 'a draft is invisible to progress and queues nothing');

      await db
        .updateTable('data_value')
        .set({ status: 'approved' })
        .where('org_unit_id', '=', unit)
        .where('period', '=', '2019-01')
        .execute();
      assert.equal(await count(t, 'unit_year_dirty'), 1);
      assert.equal(await refreshUnitYears(db, ctx), 1);
      assert.deepEqual(await row(), { value: '12.5', origin: 'reported', partial: true, periods: ['2019-01'] });

      await db
        .updateTable('data_value')
        .set({ status: 'approved', value: '20' })
        .where('org_unit_id', '=', unit)
        .where('period', '=', '2019-02')
        .execute();
      await refreshUnitYears(db, ctx);
      // Year to date: the latest cumulative month stands for the year so far.
      assert.deepEqual(await row(), { value: '20', origin: 'reported', partial: true, periods: ['2019-01', '2019-02'] });

      // Reopened for correction: the figure leaves progress until approved again.
      await db
        .updateTable('data_value')
        .set({ status: 'submitted' })
        .where('org_unit_id', '=', unit)
        .where('period', '=', '2019-02')
        .execute();
      await refreshUnitYears(db, ctx);
      assert.deepEqual(await row(), { value: '12.5', origin: 'reported', partial: true, periods: ['2019-01'] });

      await db.deleteFrom('data_value').where('org_unit_id', '=', unit).where('period', 'like', '2019-%').execute();
      await refreshUnitYears(db, ctx);
      assert.equal(await row(), undefined);
    });

    it('queues nothing while a backup restore loads the tables as they were', async () => {
      const db = t.database.db;
      await db
        .transaction()
        .execute(async (trx) => {
          await sql`SET LOCAL plantrack.restoring = 'on'`.execute(trx);
          await trx
            .insertInto('data_value')
            .values({
              org_unit_id: unit,
              indicator_id: indicator,
              period: '2018',
              period_kind: 'year',
              period_start: '2018-01-01',
              period_end: '2018-12-31',
              cumulative: false,
              origin: 'reported',
              value: '1',
              status: 'approved',
            })
            .execute();
          const queued = await trx.selectFrom('unit_year_dirty').select('year').execute();
          assert.deepEqual(queued, []);
          throw new Error('rolled back on purpose');
        })
        .catch((err: Error) => assert.equal(err.message, 'rolled back on purpose'));
    });

    it('recomputes a row stored under another aggregation rule before using it', async () => {
      const db = t.database.db;
      const before1 = await judgedInputs(t, '2025', false);
      const { numUpdatedRows } = await db
        .updateTable('unit_year_figure')
        .set((eb) => ({ additive: sql<boolean>`not ${eb.ref('additive')}`, value: '0' }))
        .where('indicator_id', '=', indicator)
        .executeTakeFirst();
      assert.ok(numUpdatedRows > 0n);
      assert.deepEqual(await judgedInputs(t, '2025', false), before1);
      const wrong = await db
        .selectFrom('unit_year_figure')
        .select('year')
        .where('indicator_id', '=', indicator)
        .where('additive', '=', !ctx.flow('REVENUE'))
        .execute();
      assert.deepEqual(wrong, []);
    });

    it('rebuilds the whole table to the same rows', async () => {
      const db = t.database.db;
      const rows = () =>
        sql<{ h: string }>`select md5(string_agg(md5(x::text), '' order by md5(x::text))) as h from unit_year_figure x`.execute(
          db,
        );
      const h1 = (await rows()).rows[0]!.h;
      await db.deleteFrom('unit_year_figure').execute();
      assert.ok((await rebuildUnitYears(db, ctx)) > 1000);
      // updated_at is the figures' latest update, not the time of computing: a rebuild is identical.
      assert.equal((await rows()).rows[0]!.h, h1);
    });

    it('rewrites a month of corrections in place: yearly and analytics rows keep their pages (HOT updates)', async () => {
      const db = t.database.db;
      await refreshAnalytics(db, ctx);
      const { rows: busiest } = await sql<{ period: string }>`SELECT period FROM data_value
        WHERE period_kind = 'month' AND status = 'approved' GROUP BY period ORDER BY count(*) DESC, period LIMIT 1`.execute(db);
      const month = busiest[0]!.period;
      const year = Number(month.slice(0, 4));
      // Packed as a fresh table is (a rewrite fills pages up to the fillfactor).
      await sql`VACUUM FULL unit_year_figure`.execute(db);
      await sql`VACUUM FULL analytics_figure`.execute(db);
      const pages = async () =>
        (
          await sql<{ key: string; page: string }>`
          SELECT 'y/' || org_unit_id || '/' || indicator_id AS key, (ctid::text::point)[0]::text AS page
          FROM unit_year_figure WHERE year = ${year}
          UNION ALL
          SELECT 'a/' || org_unit_id || '/' || indicator_id, (ctid::text::point)[0]::text
          FROM analytics_figure WHERE year = ${year}`.execute(db)
        ).rows;
      const before = new Map((await pages()).map((r) => [r.key, r.page]));
      const corrected = await sql`UPDATE data_value SET value = value + 1, updated_at = now()
        WHERE period = ${month} AND status = 'approved'`.execute(db);
      assert.ok(Number(corrected.numAffectedRows) > 100, 'the demo data has a month to correct');
      await refreshAnalytics(db, ctx);
      const after = await pages();
      const moved = after.filter((r) => before.get(r.key) !== r.page).map((r) => r.key);
      assert.ok(after.length > 200 && before.size === after.length, 'rows of that year in both tables');
      assert.deepEqual(moved, []);
    });

    it('vacuums a queue it drained of many keys, so that asking whether it is empty stays cheap', async () => {
      const db = t.database.db;
      await refreshAnalytics(db, ctx);
      await sql`INSERT INTO unit_year_dirty
        SELECT u.id, i.id, 2019 FROM org_unit u CROSS JOIN indicator i ORDER BY 1, 2 LIMIT ${COMPACT_AFTER}
        ON CONFLICT DO NOTHING`.execute(db);
      assert.equal(await count(t, 'unit_year_dirty'), COMPACT_AFTER, 'the catalogue gives enough keys');
      await refreshAnalytics(db, ctx);
      const { rows } = await sql<{ years: string; analytics: string }>`SELECT
        pg_relation_size('unit_year_dirty')::text AS years, pg_relation_size('analytics_dirty')::text AS analytics`.execute(db);
      // Deleted rows stay in the table's pages until a vacuum truncates them.
      assert.deepEqual(rows[0], { years: '0', analytics: '0' });
    });
  });
}
