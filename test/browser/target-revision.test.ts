import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signedInPage } from '../support/browser.ts';
import { startTestServer } from '../support/server.ts';

/**
 * Issue 17 item 5 in Chromium: a plan manager corrects kunming-gdp-2025's missing baseline (the value is the test's
 * own input) on the
 * target's page (修订目标), the revision is listed under 修订记录 with its reason, and the judgement is read again
 * with the corrected baseline (数据不足 → 滞后); a viewer sees the record but no form.
 */
const PLAN = 'yunnan-regional-2021-2025';
const KEY = 'kunming-gdp-2025';

describe('correcting a published target on its page (Chromium)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  before(async () => {
    server = await startTestServer('pglite');
    browser = await launchBrowser();
    page = await signedInPage(browser, server.url, 'planner');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('names the missing 基期, then judges from the corrected baseline and lists the revision', async () => {
    await page.goto(`${server.url}/#/monitor/${PLAN}/targets/${KEY}?at=2024`);
    const judgement = page.getByTestId('judgement');
    await judgement.filter({ hasText: '缺基期值（2020年昆明市地区生产总值）' }).waitFor({ timeout: 60_000 });
    assert.equal(await judgement.getAttribute('data-class'), 'insufficient_data');
    await page.getByTestId('revisions').getByText('尚无修订。').waitFor();

    await page.getByTestId('revise-open').click();
    await page.getByTestId('revise-baselineYear').fill('2020');
    await page.getByTestId('revise-baselineValue').fill('6500');
    await page.getByTestId('revise-reason').fill('补充基期值：昆明市2020年地区生产总值（测试输入）');
    await page.getByTestId('revise-save').click();

    await page
      .getByTestId('revision-item')
      .filter({ hasText: '补充基期值：昆明市2020年地区生产总值（测试输入）' })
      .waitFor({ timeout: 30_000 });
    assert.match(await page.getByTestId('revision-item').innerText(), /无基期 → 基期2020年6,?500亿元/);
    await page.locator('[data-testid="judgement"][data-class="behind"]').waitFor({ timeout: 30_000 });
  });

  it('withdraws a plan from the plan list (hidden, listed as withdrawn) and an administrator restores it', async () => {
    const plan = 'kunming-bonded-zone-2021-2025';
    await page.goto(`${server.url}/#/plans`);
    const item = page.locator(`[data-testid="plan-item"][data-plan-id="${plan}"]`);
    await item.getByTestId('withdraw-open').click();
    await item.getByTestId('withdraw-reason').fill('误发布，撤回');
    await item.getByTestId('withdraw-confirm').click();
    await page
      .locator(`[data-testid="withdrawn-plan"][data-plan-id="${plan}"]`)
      .filter({ hasText: '误发布，撤回' })
      .waitFor({ timeout: 30_000 });
    assert.equal(await item.count(), 0);
    // A plan manager withdraws; only an administrator restores.
    assert.equal(await page.getByTestId('restore-plan').count(), 0);
    const admin = await signedInPage(browser, server.url, 'admin');
    await admin.goto(`${server.url}/#/plans`);
    await admin.locator(`[data-testid="withdrawn-plan"][data-plan-id="${plan}"]`).getByTestId('restore-plan').click();
    await admin.locator(`[data-testid="plan-item"][data-plan-id="${plan}"]`).waitFor({ timeout: 30_000 });
    assert.equal(await admin.getByTestId('withdrawn-plans').count(), 0);
    await admin.close();
  });

  it('shows a viewer the revisions but no form', async () => {
    const viewer = await signedInPage(browser, server.url, 'leader');
    await viewer.goto(`${server.url}/#/monitor/${PLAN}/targets/${KEY}?at=2024`);
    await viewer.getByTestId('revision-item').first().waitFor({ timeout: 60_000 });
    assert.equal(await viewer.getByTestId('revise-open').count(), 0);
    await viewer.close();
  });
});
