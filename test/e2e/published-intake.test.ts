import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PlanProgress } from '../../src/presenters/progress.presenter.ts';
import type { FigureProposalView } from '../../src/presenters/published-intake.presenter.ts';
import { syncPublishedFigures } from '../../src/services/published-figures.service.ts';
import { DATABASE_KINDS } from '../support/databases.ts';
import { request, startTestServer } from '../support/server.ts';

/**
 * Issue 15 item 3 through the API: a published text in, proposals out, the accepted figure stored as
 * `published` with its citation, judged, and kept when the dataset's published figures are reloaded.
 * (The sentence below is a test input, not a real statistic; the extraction of real bulletin text is tested
 * in src/domain/published/propose-figures.test.ts.)
 */
const FTZ = 'yunnan-ftz-2021-2025';
const TEXT = '2023年,中国(云南)自由贸易试验区实现进出口总额1,200亿元,比上年增长5%。全年新设企业5000户。';
const SOURCE = { title: '测试公报', publisher: '测试发布单位', publishedOn: '2024-02-20', url: 'https://example.org/bulletin' };

for (const kind of DATABASE_KINDS) {
  describe(`published figures from a text (issue 15 item 3) on ${kind}`, () => {
    let server: Awaited<ReturnType<typeof startTestServer>>;
    before(async () => {
      server = await startTestServer(kind);
    });
    after(async () => {
      await server?.close();
      await server?.drop();
    });

    it('proposes, stores with the citation, judges on it, and keeps it across a reload of the dataset figures', async () => {
      const proposed = await request<{ proposals: FigureProposalView[] }>(
        server.url,
        'POST',
        '/api/v1/published-figures/proposals',
        {
          body: { plan: FTZ, orgUnit: 'YN-FTZ', year: 2023, text: TEXT },
        },
      );
      assert.equal(proposed.status, 200, JSON.stringify(proposed.body));
      const trade = proposed.body.proposals.find((p) => p.indicator === 'TRADE_TOTAL')!;
      assert.deepEqual([trade.year, trade.value, trade.unit, trade.statedUnit], [2023, '1200', '亿元', '亿元']);
      assert.equal(TEXT.slice(trade.start, trade.end), trade.quote);

      const stored = await request<{ stored: number }>(server.url, 'POST', '/api/v1/published-figures', {
        body: {
          plan: FTZ,
          orgUnit: 'YN-FTZ',
          source: SOURCE,
          figures: [
            { indicator: 'TRADE_TOTAL', year: 2023, value: '1200', statedValue: '1200', statedUnit: '亿元', quote: trade.quote },
          ],
        },
      });
      assert.equal(stored.status, 201, JSON.stringify(stored.body));
      const judged = async () => {
        const res = await request<PlanProgress>(server.url, 'GET', `/api/v1/progress?plan=${FTZ}&at=2024`);
        return res.body.targets.find((t) => t.key === 'trade-total-2025')!.judgement;
      };
      assert.deepEqual(
        [(await judged()).dataYear, (await judged()).current, (await judged()).currentOrigin],
        [2023, '1200', 'published'],
      );
      // The dataset file's figures are replaced on every start; a figure a planner accepted is not among them.
      await syncPublishedFigures(server.database);
      assert.equal((await judged()).currentOrigin, 'published');
    });

    it('refuses the whole batch, naming the row, when one figure is not for an indicator of the plan', async () => {
      const before = await request<PlanProgress>(server.url, 'GET', `/api/v1/progress?plan=${FTZ}&at=2024`);
      const res = await request<{ error: { message: string; messageZh: string } }>(
        server.url,
        'POST',
        '/api/v1/published-figures',
        {
          body: {
            plan: FTZ,
            orgUnit: 'YN-FTZ',
            source: SOURCE,
            figures: [
              { indicator: 'TRADE_TOTAL', year: 2022, value: '900', statedValue: '900', statedUnit: '亿元', quote: '…900亿元' },
              { indicator: 'REVENUE', year: 2022, value: '5', statedValue: '5', statedUnit: '亿元', quote: '…5亿元' },
            ],
          },
        },
      );
      assert.equal(res.status, 400);
      assert.match(res.body.error.messageZh, /第2条 指标：“REVENUE”不是规划/);
      const after = await request<PlanProgress>(server.url, 'GET', `/api/v1/progress?plan=${FTZ}&at=2024`);
      assert.deepEqual(after.body.targets, before.body.targets);
    });
  });
}
