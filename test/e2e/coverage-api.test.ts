import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PlanCoverage } from '../../src/presenters/coverage.presenter.ts';
import type { PlanProgress } from '../../src/presenters/progress.presenter.ts';
import { DATABASE_KINDS } from '../support/databases.ts';
import { insertYearFigures } from '../support/figures.ts';
import { request, startTestServer } from '../support/server.ts';

/** Issue 15: a data path for every target, seen through the API with demo data off. */
const REGIONAL = 'yunnan-regional-2021-2025';

for (const kind of DATABASE_KINDS) {
  describe(`target coverage API (issue 15) on ${kind}`, () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;

    before(async () => {
      server = await startTestServer(kind);
      // A figure for 滇中城市群, the statistical stand-in of the 滇中 bloc (test figure, not a published one).
      await insertYearFigures(server.database.db, 'YN-DIANZHONG-UA', 'POPULATION_SHARE_OF_PROVINCE', [['2023', '48.5']]);
    });
    after(async () => {
      await server?.close();
      await server?.drop();
    });

    it('lists every target of the plan with a path, the units owing it and the last figure', async () => {
      const res = await request<PlanCoverage>(server.url, 'GET', `/api/v1/coverage?plan=${REGIONAL}&at=2024`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.summary.total, 20);
      assert.equal(res.body.summary.withPath, 20);
      const share = res.body.targets.find((t) => t.key === 'dianzhong-population-share-2025')!;
      assert.deepEqual(share.lastFigure, { year: 2023, value: '48.5', origin: 'reported' });
      const bad = await request(server.url, 'GET', `/api/v1/coverage?plan=${REGIONAL}&at=20x4`);
      assert.equal(bad.status, 400);
      const none = await request(server.url, 'GET', `/api/v1/coverage?plan=no-such-plan`);
      assert.equal(none.status, 404);
    });

    it("judges a bloc's unaddable share on its stand-in's figure (no figure before: members cannot be added up)", async () => {
      const res = await request<PlanProgress>(server.url, 'GET', `/api/v1/progress?plan=${REGIONAL}&at=2024`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const t = res.body.targets.find((x) => x.key === 'dianzhong-population-share-2025')!;
      assert.equal(t.judgement.current, '48.5');
      assert.equal(t.judgement.dataYear, 2023);
      assert.notEqual(t.judgement.class, 'insufficient_data');
    });
  });
}
