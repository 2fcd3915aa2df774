import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signedInPage } from '../support/browser.ts';
import { startTestServer } from '../support/server.ts';

/** Issue 18: the administrator's alias screen on 组织单位 — the unit is picked in the tree, never typed. */
describe('unit aliases screen in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  before(async () => {
    server = await startTestServer('pglite');
    browser = await launchBrowser();
    page = await signedInPage(browser, server.url, 'admin');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const aliases = () => page.locator('[data-testid="unit-alias"] td:first-child').allTextContents();
  /** The list as it settles: after a change the panel reloads it, and for a moment it has no rows at all. */
  const settledAliases = async (expected: readonly string[]) => {
    for (let i = 0; i < 100; i++) {
      const got = await aliases();
      if (got.length === expected.length) return got;
      await page.waitForTimeout(100);
    }
    return aliases();
  };

  it('lists, adds, imports and removes the aliases of the unit chosen in the tree', async () => {
    await page.goto(`${server.url}/#/org-units/ZN-HH-MENGZI`);
    await page.locator('[data-testid="unit-alias"]').first().waitFor();
    assert.deepEqual(await aliases(), ['蒙自经开区']);

    await page.locator('[data-testid="unit-alias-input"]').fill('红河蒙自（老）开发区');
    await page.locator('[data-testid="unit-alias-kind"]').selectOption('former');
    await page.locator('[data-testid="unit-alias-add"]').click();
    await page.locator('[data-testid="unit-alias"]').nth(1).waitFor();

    await page.locator('[data-testid="unit-alias-bulk"]').fill('蒙自开发区本级\n蒙自经开区\n');
    await page.locator('[data-testid="unit-alias-import"]').click();
    const results = page.locator('[data-testid="unit-alias-results"] li');
    await results.nth(1).waitFor();
    assert.deepEqual(await results.evaluateAll((els) => els.map((e) => e.getAttribute('data-ok'))), ['true', 'false']);
    await page.locator('[data-testid="unit-alias"]').nth(2).waitFor();
    assert.deepEqual(await settledAliases(['蒙自经开区', '红河蒙自（老）开发区', '蒙自开发区本级']), [
      '蒙自经开区',
      '红河蒙自（老）开发区',
      '蒙自开发区本级',
    ]);

    await page.locator('[data-testid="unit-alias"]').nth(2).locator('[data-testid="unit-alias-remove"]').click();
    await page.locator('[data-testid="unit-alias"]').nth(2).waitFor({ state: 'detached' });
    assert.deepEqual(await settledAliases(['蒙自经开区', '红河蒙自（老）开发区']), ['蒙自经开区', '红河蒙自（老）开发区']);
  });

  it('is not offered to a reporter', async () => {
    const reporter = await signedInPage(browser, server.url, 'mengzi.reporter');
    await reporter.goto(`${server.url}/#/org-units/ZN-HH-MENGZI`);
    await reporter.locator('h1').first().waitFor();
    await reporter.waitForTimeout(1500);
    assert.equal(await reporter.locator('[data-testid="unit-aliases"]').count(), 0);
  });
});
