import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import { parseAsOf, ProgressContext, type Subject } from '../../src/services/progress/progress-context.ts';
import { loadDemoProjects } from '../../src/services/projects/demo-projects.service.ts';
import { loadTransferDeltas } from '../../src/services/projects/transfer-deltas.ts';
import { loadDemoData } from '../../src/services/reporting/demo-data.service.ts';
import { syncDatasetForms } from '../../src/services/reporting/form-sync.service.ts';
import { seedDataset } from '../../src/services/seed.service.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/databases.ts';
import { loadEveryTarget } from '../support/figures.ts';

/**
 * Transfer shares are applied on read: the precomputed yearly table keeps the zones' reported figures,
 * and every target reads the same attributed series through the table as from the raw figures.
 */
async function series(t: TestDatabase, at: string, raw: boolean) {
  const { asOf, ctx, targets } = await loadEveryTarget(t.database.db, at, raw);
  return targets.map(({ target: x, subject }) => ({
    target: `${x.plan_id}:${x.key}`,
    yearly: ctx.yearly(subject, x.indicator_code, 2015, asOf.year),
  }));
}

for (const kind of DATABASE_KINDS) {
  describe(`transfer attribution and the yearly figures on ${kind}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(kind);
      assert.ok((await seedDataset(t.database)).ok);
      await syncDatasetForms(t.database);
      await loadDemoData(t.database, { today: '2026-01-15' });
      const demo = await loadDemoProjects(t.database, { today: '2026-01-15' });
      assert.equal(demo.loaded, true);
      assert.equal((await loadDemoProjects(t.database)).loaded, false, 'loaded once');
    });
    after(() => t.drop());

    it('reads the same attributed series through the yearly table as from the raw figures', async () => {
      for (const at of ['2025', '2025Q3']) assert.deepEqual(await series(t, at, false), await series(t, at, true), at);
    });

    it('keeps the reported figure in the yearly table and adds the demo transfer’s 40 % on read', async () => {
      const db = t.database.db;
      const ctx = await ProgressContext.load(db);
      const zone = (code: string) => [...ctx.units.values()].find((u) => u.code === code)!;
      const origin = zone('ZN-KM-HIGHTECH');
      const destination = zone('ZN-QJ-ETDZ');
      const subject = (u: { id: number; code: string; name: string }): Subject => ({
        kind: 'org_unit',
        code: u.code,
        name: u.name,
        roots: [u.id],
      });
      const asOf = parseAsOf('2025');
      const attributed = await ProgressContext.load(db);
      await attributed.loadFigures(db, [origin.id, destination.id], ['FAI'], asOf);
      const reported = await ProgressContext.load(db);
      await reported.loadFigures(db, [origin.id, destination.id], ['FAI'], asOf, { reported: true });
      const stored = await db
        .selectFrom('unit_year_figure')
        .select(['org_unit_id', sql<string>`value::text`.as('value')])
        .where('indicator_id', '=', ctx.indicators.get('FAI')!.id)
        .where('year', '=', 2025)
        .where('org_unit_id', 'in', [origin.id, destination.id])
        .execute();
      const year = { kind: 'year' as const, year: 2025 };
      const { deltas } = await loadTransferDeltas(db, '2025-12');
      const owed = deltas
        .filter((d) => d.zone === origin.id && d.indicator === 'FAI' && d.month.startsWith('2025'))
        .reduce((s, d) => s.plus(d.value), new Decimal(0))
        .dividedBy(10000);
      assert.ok(owed.gt(0), 'the demo transfer shares 2025 investment');
      for (const [u, sign] of [
        [origin, 1],
        [destination, -1],
      ] as const) {
        const r = reported.figure(subject(u), 'FAI', year)!.value;
        assert.equal(new Decimal(stored.find((s) => s.org_unit_id === u.id)!.value).toFixed(), new Decimal(r).toFixed());
        assert.equal(
          new Decimal(attributed.figure(subject(u), 'FAI', year)!.value).minus(r).toFixed(),
          owed.times(sign).toFixed(),
          u.code,
        );
        assert.equal(attributed.figure(subject(u), 'FAI', year)!.origin, 'synthetic', 'demo shares keep the demo flag');
      }
    });
  });
}
