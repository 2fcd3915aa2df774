import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { listSchemeVersions } from '../../src/repositories/evaluation.repository.ts';
import { findUserByUsername, grantsOf } from '../../src/repositories/user.repository.ts';
import { SYSTEM_ACTOR, type Actor } from '../../src/services/actor.ts';
import { createDemoAccounts } from '../../src/services/demo-accounts.service.ts';
import { gatherInput } from '../../src/services/evaluation/evaluation-input.service.ts';
import { parseStored, syncBuiltinSchemes } from '../../src/services/evaluation/scheme.service.ts';
import { comparison, mapData } from '../../src/services/progress/comparison.service.ts';
import type { FigureSource } from '../../src/services/progress/progress-context.ts';
import { loadDemoData } from '../../src/services/reporting/demo-data.service.ts';
import { syncDatasetForms } from '../../src/services/reporting/form-sync.service.ts';
import { seedDataset } from '../../src/services/seed.service.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/databases.ts';
import { insertYearFigures } from '../support/figures.ts';

/**
 * Issue 22 item 1: the org-unit comparison (单位对比), the map (监测地图) and an evaluation run's
 * figures read whole years from the analytics table. Their answers must be what the previous read
 * (the yearly table, aggregated per request) and a from-scratch read of every raw period give, origins
 * (plan / published / reported / synthetic, 模拟) included; and a figure approved after the table's
 * last refresh must show up in the next answer.
 */

// Indicators of targets of every kind: zone flows and ratios, 亩均 (a formula), group targets (all
// zones, national / provincial zones, border cooperation zones), 滇中's shares judged on its stand-in.
const INDICATORS = [
  'REVENUE',
  'REVENUE_PER_MU',
  'GREEN_PARK_SHARE',
  'TRADE_TOTAL',
  'INDUSTRIAL_VA',
  'GDP',
  'POPULATION_SHARE_OF_PROVINCE',
  'URBANISATION_RATE',
  'RD_EXPENDITURE_REVENUE_RATIO',
  'FAI',
];
const BY = ['prefecture', 'bloc', 'zone_level', 'mfz_type'] as const;

async function actorOf(t: TestDatabase, username: string): Promise<Actor> {
  const u = await findUserByUsername(t.database.db, username);
  assert.ok(u, username);
  return { userId: u.id, label: username, via: 'session', tokenId: null, ip: null, grants: await grantsOf(t.database.db, u.id) };
}

/** Every comparison and map answer of these questions through one source. */
async function answers(t: TestDatabase, actor: Actor, ats: readonly string[], source: FigureSource) {
  const out: unknown[] = [];
  for (const at of ats)
    for (const indicator of INDICATORS) {
      for (const by of BY) out.push(await comparison(t.database, actor, { indicator, at, by }, source));
      out.push(await mapData(t.database, actor, { indicator, at }, source));
    }
  return out;
}

async function schemes(t: TestDatabase) {
  return (await listSchemeVersions(t.database.db)).map((s) => ({
    code: s.code,
    version: s.version,
    definition: s.definition as never,
    parsed: parseStored(s),
  }));
}

for (const kind of DATABASE_KINDS) {
  describe(`comparison, map and evaluation read the analytics table on ${kind}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(kind);
      assert.ok((await seedDataset(t.database)).ok);
      await syncDatasetForms(t.database);
      await loadDemoData(t.database, { today: '2026-11-23' });
      await syncBuiltinSchemes(t.database);
      await createDemoAccounts(t.database);
    });
    after(() => t?.drop());

    it('answers the comparison and the map as the yearly table and the raw figures do, for every reader', async () => {
      for (const actor of [SYSTEM_ACTOR, await actorOf(t, 'hh.reporter')]) {
        const ats = ['2023', '2024Q2', '2025'];
        const fromTable = await answers(t, actor, ats, 'analytics');
        const rows = fromTable.flatMap((a) => {
          const x = a as { rows?: { value: string | null; origin: string | null }[]; prefectures?: { value: string | null }[] };
          return x.rows ?? x.prefectures ?? [];
        });
        assert.ok(rows.filter((r) => r.value !== null).length > 50, `${actor.label}: figures to compare`);
        assert.deepEqual(fromTable, await answers(t, actor, ats, 'yearly'), actor.label);
        assert.deepEqual(fromTable.slice(0, INDICATORS.length * 5), await answers(t, actor, ['2023'], 'raw'), actor.label);
      }
    });

    it('gives an evaluation run the input the yearly table and the raw figures give, 模拟 marks included', async () => {
      const all = await schemes(t);
      assert.ok(all.length >= 3);
      let synthetic = 0;
      for (const s of all)
        for (const year of [2022, 2024, 2025]) {
          const input = await gatherInput(t.database.db, s, year);
          synthetic += input.subjects.filter((x) => x.synthetic?.length).length;
          assert.deepEqual(input, await gatherInput(t.database.db, s, year, 'yearly'), `${s.code} ${year}`);
          assert.deepEqual(input, await gatherInput(t.database.db, s, year, 'raw'), `${s.code} ${year}`);
        }
      assert.ok(synthetic > 100, `${synthetic} units marked 模拟`);
    });

    it('reads whole years from the analytics table (a row changed there changes the answer)', async () => {
      const db = t.database.db;
      const before1 = await mapData(t.database, SYSTEM_ACTOR, { indicator: 'REVENUE', at: '2024' });
      const zone = before1.zones.find((z) => z.value !== null)!;
      const input = await gatherInput(
        db,
        (await schemes(t)).find((s) => s.code === 'dev-zone-per-mu')!,
        2024,
      );
      assert.ok(input.subjects.some((s) => s.code === zone.code && s.values.REVENUE_PER_MU !== null));
      // Nothing is queued, so a reader takes the stored row as it stands.
      await sql`UPDATE analytics_figure a SET value = 4242
        FROM org_unit u, indicator i
        WHERE a.year = 2024 AND a.org_unit_id = u.id AND u.code = ${zone.code}
          AND a.indicator_id = i.id AND i.code IN ('REVENUE', 'REVENUE_PER_MU')`.execute(db);
      const after1 = await mapData(t.database, SYSTEM_ACTOR, { indicator: 'REVENUE', at: '2024' });
      assert.equal(after1.zones.find((z) => z.code === zone.code)!.value, '4242');
      const input2 = await gatherInput(
        db,
        (await schemes(t)).find((s) => s.code === 'dev-zone-per-mu')!,
        2024,
      );
      assert.equal(input2.subjects.find((s) => s.code === zone.code)!.values.REVENUE_PER_MU, '4242');
      await db.updateTable('analytics_state').set({ fingerprint: 'rebuild' }).execute();
      assert.deepEqual(await mapData(t.database, SYSTEM_ACTOR, { indicator: 'REVENUE', at: '2024' }), before1, 'rebuilt');
    });

    it('shows a figure approved after the last refresh, reported before 模拟, in every read', async () => {
      const db = t.database.db;
      const at = { indicator: 'REVENUE', at: '2024' };
      const before1 = await mapData(t.database, SYSTEM_ACTOR, at);
      const zone = before1.zones.find((z) => z.origin === 'synthetic')!;
      assert.ok(zone, 'a zone with 模拟 figures');
      const scheme = (await schemes(t)).find((s) => s.code === 'dev-zone-per-mu')!;
      const inputBefore = (await gatherInput(db, scheme, 2024)).subjects.find((s) => s.code === zone.code)!;
      assert.ok(inputBefore.synthetic?.includes('REVENUE_PER_MU'));
      const prefectureBefore = (await comparison(t.database, SYSTEM_ACTOR, { ...at, by: 'prefecture' })).rows.find(
        (r) => r.code === zone.prefecture,
      )!;

      // Written as approved outside an approval: the yearly key is queued, no refresh ran.
      await insertYearFigures(db, zone.code, 'REVENUE', [['2024', '123456.7']]);
      const after1 = await mapData(t.database, SYSTEM_ACTOR, at);
      const z = after1.zones.find((x) => x.code === zone.code)!;
      assert.deepEqual([z.value, z.origin], ['123456.7', 'reported']);
      const prefectureAfter = (await comparison(t.database, SYSTEM_ACTOR, { ...at, by: 'prefecture' })).rows.find(
        (r) => r.code === zone.prefecture,
      )!;
      assert.notEqual(prefectureAfter.value, prefectureBefore.value);
      const inputAfter = (await gatherInput(db, scheme, 2024)).subjects.find((s) => s.code === zone.code)!;
      assert.notEqual(inputAfter.values.REVENUE_PER_MU, inputBefore.values.REVENUE_PER_MU);
      // Every source agrees after the change too.
      assert.deepEqual(after1, await mapData(t.database, SYSTEM_ACTOR, at, 'yearly'));
      assert.deepEqual(after1, await mapData(t.database, SYSTEM_ACTOR, at, 'raw'));
      assert.deepEqual(await gatherInput(db, scheme, 2024), await gatherInput(db, scheme, 2024, 'raw'));
    });
  });
}
