import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { clearDemoData, countSynthetic, loadDemoData } from '../../src/services/reporting/demo-data.service.ts';
import { syncDatasetForms } from '../../src/services/reporting/form-sync.service.ts';
import { seedDataset } from '../../src/services/seed.service.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/databases.ts';

/** Every non-synthetic figure, as one comparable text. */
async function otherFigures(t: TestDatabase): Promise<string> {
  const r = await sql<{ n: number; h: string | null }>`select count(*)::int as n,
    md5(string_agg(md5(x::text), '' order by md5(x::text))) as h from data_value x where origin <> 'synthetic'`.execute(
    t.database.db,
  );
  return `${r.rows[0]!.n}:${r.rows[0]!.h}`;
}

const idOf = async (t: TestDatabase, table: 'org_unit' | 'indicator', code: string) =>
  (await t.database.db.selectFrom(table).select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

for (const kind of DATABASE_KINDS) {
  describe(`demo data on ${kind}`, () => {
    let t: TestDatabase;
    let before1: string;
    before(async () => {
      t = await createTestDatabase(kind);
      const seeded = await seedDataset(t.database);
      assert.ok(seeded.ok);
      await syncDatasetForms(t.database);
      // A reporter's own figure for a month the demo also fills: it must stay as it is.
      await t.database.db
        .insertInto('data_value')
        .values({
          org_unit_id: await idOf(t, 'org_unit', 'ZN-HH-MENGZI'),
          indicator_id: await idOf(t, 'indicator', 'REVENUE'),
          period: '2024-06',
          period_kind: 'month',
          period_start: '2024-06-01',
          period_end: '2024-06-30',
          cumulative: true,
          origin: 'reported',
          value: '12.34',
          status: 'draft',
        })
        .execute();
      before1 = await otherFigures(t);
    });
    after(() => t.drop());

    it('fills every form for every reporting unit as approved synthetic figures, fast enough for a start', async () => {
      const started = performance.now();
      const result = await loadDemoData(t.database, { today: '2026-11-23' });
      const ms = performance.now() - started;
      assert.equal(result.loaded, true);
      assert.equal(await countSynthetic(t.database.db), result.rows);
      assert.ok(ms < 60_000, `${ms} ms`);
      const units = async (kinds: string[]) =>
        (await t.database.db.selectFrom('org_unit').select('id').where('kind', 'in', kinds).execute()).length;
      // Items per unit and period: the required ones always, optional ones for most units.
      const within = (form: string, reporters: number, periods: number, required: number, all: number) => {
        const n = result.byForm[form] ?? 0;
        assert.ok(n >= reporters * periods * required && n <= reporters * periods * all, `${form}: ${n}`);
      };
      within('DEV_ZONE_MONTHLY', await units(['development_zone']), 60, 8, 10);
      within('BONDED_ZONE_MONTHLY', 1, 60, 7, 8);
      within('FTZ_AREA_QUARTERLY', 3, 20, 7, 8);
      within('PREFECTURE_ANNUAL', 16, 5, 7, 9);
      const kinds = await t.database.db
        .selectFrom('data_value')
        .select(['origin', 'status', 'source_plan_id', sql<number>`count(*)::int`.as('n')])
        .where('origin', '=', 'synthetic')
        .groupBy(['origin', 'status', 'source_plan_id'])
        .execute();
      assert.deepEqual(kinds, [{ origin: 'synthetic', status: 'approved', source_plan_id: null, n: result.rows }]);
      const periods = await t.database.db
        .selectFrom('data_value')
        .select([sql<string>`min(period)`.as('first'), sql<string>`max(period)`.as('last')])
        .where('origin', '=', 'synthetic')
        .where('period_kind', '=', 'month')
        .executeTakeFirstOrThrow();
      assert.deepEqual(periods, { first: '2021-01', last: '2025-12' });
    });

    it('leaves the plans’ and reporters’ figures as they were, and sits beside them', async () => {
      assert.equal(await otherFigures(t), before1);
      const bonded = await t.database.db
        .selectFrom('data_value as v')
        .innerJoin('org_unit as u', 'u.id', 'v.org_unit_id')
        .innerJoin('indicator as i', 'i.id', 'v.indicator_id')
        .select(['v.period', 'v.origin', 'v.value'])
        .where('u.code', '=', 'ZN-KM-BONDED')
        .where('i.code', '=', 'TRADE_TOTAL')
        .where('v.period', 'in', ['2021', '2021-12'])
        .orderBy('v.period')
        .execute();
      // The plan's 77.33亿元 for 2021 stays a plan figure; the demo's December year-to-date figure meets it.
      assert.deepEqual(
        bonded.map((r) => [r.period, r.origin, Number(r.value)]),
        [
          ['2021', 'plan', 77.33],
          ['2021-12', 'synthetic', 77.33],
        ],
      );
    });

    it('is idempotent, and clears only what it made', async () => {
      const count = await countSynthetic(t.database.db);
      const again = await loadDemoData(t.database, { today: '2026-11-23' });
      assert.equal(again.loaded, false);
      assert.equal(await countSynthetic(t.database.db), count);
      assert.equal((await clearDemoData(t.database)).rows, count);
      assert.equal(await countSynthetic(t.database.db), 0);
      assert.equal(await otherFigures(t), before1);
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select(['action', 'entity', 'entity_key'])
        .where('entity_key', '=', 'synthetic')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['import', 'delete'],
      );
    });

    it('fills only periods that are over', async () => {
      await loadDemoData(t.database, { today: '2023-02-15' });
      const last = await t.database.db
        .selectFrom('data_value')
        .select(['period_kind', sql<string>`max(period)`.as('last')])
        .where('origin', '=', 'synthetic')
        .groupBy('period_kind')
        .orderBy('period_kind')
        .execute();
      assert.deepEqual(last, [
        { period_kind: 'month', last: '2023-01' },
        { period_kind: 'quarter', last: '2022Q4' },
        { period_kind: 'year', last: '2022' },
      ]);
      await clearDemoData(t.database);
    });
  });
}
