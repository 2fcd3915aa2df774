import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { PlanProgress } from '../../src/presenters/progress.presenter.ts';
import { launchBrowser, signedInPage } from '../support/browser.ts';
import { request, startTestServer } from '../support/server.ts';

/**
 * Issue 15 item 3 in the browser: the FTZ plan's manager pastes a text, keeps the figure proposed for
 * 进出口总额, names the source and stores it; the plan's progress is then judged on it as published.
 * (The sentence is a test input, not a real statistic.)
 */
describe('published figures from a pasted text (issue 15)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  before(async () => {
    server = await startTestServer('pglite');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('proposes, lets the planner keep or correct, and stores with the source', async () => {
    const page = await signedInPage(browser, server.url, 'ftz.planner');
    await page.goto(`${server.url}/#/published`);
    await page.getByTestId('published-plan').selectOption('yunnan-ftz-2021-2025');
    await page.getByTestId('published-unit').selectOption('YN-FTZ');
    await page.getByLabel('报告年度').fill('2023');
    await page.getByTestId('published-text').fill('2023年,中国(云南)自由贸易试验区实现进出口总额1,200亿元,比上年增长5%。');
    await page.getByTestId('published-propose').click();
    const table = page.getByTestId('published-proposals');
    await table.waitFor();
    assert.match(await table.innerText(), /进出口总额[\s\S]*2023年[\s\S]*1,?200亿元/);
    await page.getByTestId('published-source-title').fill('测试公报');
    await page.getByTestId('published-source-publisher').fill('测试发布单位');
    await page.getByTestId('published-source-publishedOn').fill('2024-02-20');
    await page.getByTestId('published-source-url').fill('https://example.org/bulletin');
    await page.getByTestId('published-save').click();
    assert.match(await page.getByTestId('published-stored').innerText(), /已保存 1 条/);
    const res = await request<PlanProgress>(server.url, 'GET', '/api/v1/progress?plan=yunnan-ftz-2021-2025&at=2024');
    const trade = res.body.targets.find((t) => t.key === 'trade-total-2025')!;
    assert.deepEqual([trade.judgement.current, trade.judgement.currentOrigin], ['1200', 'published']);
  });
});
