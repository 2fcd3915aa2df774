import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { citationSchema } from '../../src/domain/published/published-figure.schema.ts';
import { SYSTEM_ACTOR } from '../../src/services/actor.ts';
import { planProgress, targetProgressDetail } from '../../src/services/progress/plan-progress.service.ts';
import { syncPublishedFigures } from '../../src/services/published-figures.service.ts';
import { seedDataset } from '../../src/services/seed.service.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/databases.ts';

for (const kind of DATABASE_KINDS) {
  describe(`published figures on ${kind}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(kind);
      assert.ok((await seedDataset(t.database)).ok);
    });
    after(() => t.drop());

    const published = () =>
      t.database.db
        .selectFrom('data_value as v')
        .innerJoin('org_unit as u', 'u.id', 'v.org_unit_id')
        .innerJoin('indicator as i', 'i.id', 'v.indicator_id')
        .select(['u.code as unit', 'i.code as indicator', 'v.period', 'v.value', 'v.status', 'v.citation'])
        .where('v.origin', '=', 'published')
        .orderBy(['u.code', 'i.code', 'v.period'])
        .execute();

    it('stores every figure of the file as approved, in the indicator unit, with its citation; a second sync replaces, never doubles', async () => {
      const n = await syncPublishedFigures(t.database);
      assert.ok(n > 0);
      assert.equal(await syncPublishedFigures(t.database), n);
      const rows = await published();
      assert.equal(rows.length, n);
      assert.ok(rows.every((r) => r.status === 'approved'));
      const gdp2020 = rows.find((r) => r.unit === 'YN' && r.indicator === 'GDP' && r.period === '2020')!;
      // 2.45万亿元 as printed, 24500 亿元 in the catalogue's unit.
      assert.equal(Number(gdp2020.value), 24500);
      const c = citationSchema.parse(gdp2020.citation);
      assert.equal(c.publishedValue, '2.45');
      assert.equal(c.publishedUnit, '万亿元');
      assert.match(c.url, /^https?:\/\//);
      assert.ok(c.quote.includes('2.45万亿元'));
    });

    it('a target with published figures is judged on them and says so (origin published, not synthetic)', async () => {
      const p = await planProgress(t.database, SYSTEM_ACTOR, { plan: 'yunnan-regional-2021-2025', at: '2024' });
      const target = p.targets.find((x) => x.key === 'kunming-population-2025')!;
      // 截至2024年末,昆明市全市常住人口868.7万人
      assert.equal(target.judgement.current, '868.7');
      assert.equal(target.judgement.currentOrigin, 'published');
    });

    it('the target detail lists the published figures behind it with their citation', async () => {
      const d = await targetProgressDetail(t.database, SYSTEM_ACTOR, {
        plan: 'yunnan-parks-2021-2025',
        target: 'zones-revenue-over-1000-2025',
        at: '2023',
      });
      // A mid-year count the yearly judgement cannot use is still shown with its source.
      assert.equal(d.publishedFigures.length, 1);
      assert.equal(d.publishedFigures[0]!.period, '2023-06');
      assert.match(d.publishedFigures[0]!.citation.quote, /千亿级园区增至6个/);
      const pop = await targetProgressDetail(t.database, SYSTEM_ACTOR, {
        plan: 'yunnan-regional-2021-2025',
        target: 'kunming-population-2025',
        at: '2023',
      });
      // Up to the as-of year only: 2020 (the baseline the plan lacks) to 2023 (the 2024 figure is later).
      assert.deepEqual(
        pop.publishedFigures.map((f) => f.period),
        ['2020', '2021', '2022', '2023'],
      );
      assert.ok(pop.publishedFigures.every((f) => f.unit === '万人' && f.citation.url.startsWith('http')));
    });
  });
}
