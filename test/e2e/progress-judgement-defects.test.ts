import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PlanProgress } from '../../src/presenters/progress.presenter.ts';
import { DATABASE_KINDS } from '../support/databases.ts';
import { insertYearFigures } from '../support/figures.ts';
import { request, startTestServer } from '../support/server.ts';

/**
 * Issue 15's judgement defects, each seen as a new user sees it: the real plans, demo data off, a few
 * approved figures, the progress API.
 */
const FTZ = 'yunnan-ftz-2021-2025';
const BONDED = 'kunming-bonded-zone-2021-2025';

for (const kind of DATABASE_KINDS) {
  describe(`progress judgement defects (issue 15) on ${kind}`, () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    const progress = async (plan: string, at: string) => {
      const res = await request<PlanProgress>(server.url, 'GET', `/api/v1/progress?plan=${plan}&at=${at}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body;
    };
    const target = (p: PlanProgress, key: string) => p.targets.find((t) => t.key === key)!;

    before(async () => {
      server = await startTestServer(kind);
      // The bonded zone's 2023: 200亿元 of trade, 15亿元 of it processing trade (7.5 %).
      // …and 190亿元 in 2022, so 2023's year-on-year growth is 5.26 %.
      await insertYearFigures(server.database.db, 'ZN-KM-BONDED', 'TRADE_TOTAL', [
        ['2022', '190'],
        ['2023', '200'],
      ]);
      await insertYearFigures(server.database.db, 'ZN-KM-BONDED', 'PROCESSING_TRADE_VALUE', [['2023', '15']]);
    });
    after(async () => {
      await server?.close();
      await server?.drop();
    });

    it('a target whose only figure is its 2020 baseline is 数据不足 at 2024, naming the latest figure', async () => {
      const t = target(await progress(FTZ, '2024'), 'trade-total-2025');
      assert.equal(t.judgement.dataYear, 2020);
      assert.equal(t.judgement.class, 'insufficient_data');
      assert.match(t.judgement.explanation.zh, /最新数据为2020年/);
      assert.match(t.judgement.explanation.en, /latest figure: 2020/);
    });

    it('the baseline alone is no progress even when it is recent (at 2021)', async () => {
      const t = target(await progress(FTZ, '2021'), 'trade-total-2025');
      assert.equal(t.judgement.class, 'insufficient_data');
      assert.match(t.judgement.explanation.zh, /基期/);
    });

    it('a share target is judged on numerator ÷ denominator, not on the raw amount', async () => {
      const t = target(await progress(BONDED, '2023'), 'processing-trade-share-rcep');
      // 15 ÷ 200 × 100 = 7.5 %: below the 10 % floor (the raw 15亿元 would have "met" it).
      assert.equal(t.judgement.dataYear, 2023);
      assert.equal(Number(t.judgement.current), 7.5);
      assert.notEqual(t.judgement.class, 'achieved_early');
      assert.match(t.judgement.explanation.zh, /占比7\.5%/);
    });

    it('同比增长10%以上 binds every year: 2023 grew 5.26 % and is named, although the average since 2021 is far above 10 %', async () => {
      const t = target(await progress(BONDED, '2023'), 'trade-total-yoy-growth-rcep');
      assert.equal(t.judgement.class, 'behind');
      assert.match(t.judgement.explanation.zh, /每年增速须不低于10%，2023年5\.26%低于下限，滞后/);
    });

    it("the bonded zone's growth is measured from its 2021 baseline, not from 2020", async () => {
      const t = target(await progress(BONDED, '2023'), 'trade-total-2025');
      // (200 ÷ 77.33)^(1/2) − 1 = 60.82 %.
      assert.ok(Math.abs(t.judgement.observedAnnualGrowth! - (Math.sqrt(200 / 77.33) - 1)) < 1e-9);
      assert.match(t.judgement.explanation.zh, /2021年以来年均增长/);
      assert.doesNotMatch(t.judgement.explanation.zh, /2020年以来/);
    });
  });
}
