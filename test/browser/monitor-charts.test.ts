import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, signedInPage } from '../support/browser.ts';
import { startTestServer } from '../support/server.ts';

/**
 * Issue 19's chart defects: each annual figure on its own year's tick, cumulative quarterly series
 * not drawn as a sawtooth with repeated "7月" ticks, and a past plan's overview opening at the latest
 * year with figures rather than at its end year.
 */
describe('monitoring charts and the default period', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('a target chart labels each year once, on its own tick, and draws cumulative quarters per quarter', async () => {
    const server = await startTestServer('pglite', { demoData: true });
    try {
      const page = await signedInPage(browser, server.url, 'leader');
      await page.goto(`${server.url}/#/monitor/yunnan-parks-2021-2025/targets/km-hightech-revenue-2025?at=2025`);
      const chart = page.locator('[data-testid="detail-chart"][data-chart-state="finished"]');
      await chart.waitFor({ timeout: 60_000 });
      const texts = (await chart.locator('svg text').evaluateAll((els) => els.map((e) => e.textContent ?? '')))
        .map((s) => s.trim())
        .filter(Boolean);
      const ticks = texts.filter((s) => /^\d{4}$/.test(s));
      assert.equal(new Set(ticks).size, ticks.length, `a year is labelled twice: ${ticks.join(' ')}`);
      for (const y of ['2021', '2022', '2023', '2024', '2025']) assert.ok(ticks.includes(y), `${y} in ${ticks.join(' ')}`);
      assert.ok(!texts.some((s) => /^\d{1,2}月$/.test(s)), `month ticks: ${texts.join(' ')}`);
      assert.ok(
        texts.some((s) => s.includes('季度当期')),
        `the cumulative quarters are drawn per quarter: ${texts.join(' ')}`,
      );
    } finally {
      await server.close();
    }
  });

  it('a past plan opened without a period lands on the latest year with figures', async () => {
    // Without demo figures the free-trade-zone plan (2021–2025) has figures up to 2021 only.
    const server = await startTestServer('pglite');
    try {
      const page = await signedInPage(browser, server.url, 'leader');
      await page.goto(`${server.url}/#/monitor/yunnan-ftz-2021-2025`);
      await page.waitForURL(/at=2021/, { timeout: 60_000 });
      await page.locator('[data-testid="overview-data"][data-at="2021"]').waitFor({ timeout: 60_000 });
      assert.equal(await page.locator('select[data-testid="at-picker"]').inputValue(), '2021');
    } finally {
      await server.close();
    }
  });
});
