import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser, signedInPage } from '../support/browser.ts';
import { startTestServer } from '../support/server.ts';

/**
 * Issue 18, "a mapping chosen once is remembered for that form", as a reporter meets it on 导入: the
 * file names its unit and one column in its own words; each is mapped from the preview, the import
 * goes through and links to the sheet to submit, and the same file again asks for nothing.
 */
describe('import name mappings in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  const file = {
    name: '蒙自月报.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('单位名称,营业收入（亿元）,园区税费（万元）\n蒙自经开区本级,12.5,3400\n', 'utf8'),
  };

  before(async () => {
    server = await startTestServer('pglite');
    browser = await launchBrowser();
    page = await signedInPage(browser, server.url, 'mengzi.reporter');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const dryRun = async () => {
    await page.locator('[data-testid="import-file"]').setInputFiles(file);
    await page.locator('[data-testid="import-dry-run"]').click();
    await page.locator('[data-testid="import-preview"]').waitFor();
  };

  it('maps the unknown unit and heading from the preview, imports, and links to the sheet', async () => {
    await page.goto(`${server.url}/#/reporting/import`);
    await page.locator('[data-testid="import-form-select"]').selectOption('DEV_ZONE_MONTHLY');
    await page.locator('[data-testid="import-mappings-empty"]').waitFor();
    await dryRun();
    const unitRow = page.locator('[data-testid="import-problem"][data-code="unknown_org_unit"]');
    await unitRow.locator('[data-testid="map-target"]').selectOption('ZN-HH-MENGZI');
    await unitRow.locator('[data-testid="map-remember"]').click();
    await page.locator('[data-testid="import-mapped"]').waitFor();
    await page.locator('[data-testid="import-problem"]').first().waitFor({ state: 'detached' });

    const column = page.locator('[data-testid="import-notes"] [data-testid="map-choice"]');
    await column.locator('[data-testid="map-target"]').selectOption('TAX_REVENUE');
    await column.locator('[data-testid="map-remember"]').click();
    await page.locator('[data-testid="import-notes"] [data-testid="map-choice"]').waitFor({ state: 'detached' });
    await page.locator('[data-testid="import-mapping"]').nth(1).waitFor();
    assert.deepEqual(await page.locator('[data-testid="import-mapping"] td:first-child').allTextContents(), [
      '蒙自经开区本级',
      '园区税费',
    ]);
    assert.equal(await page.locator('[data-testid="count-created"] .tile-value').textContent(), '2');

    await page.locator('[data-testid="import-commit"]').click();
    const link = page.locator('[data-testid="import-sheet-link"]');
    await link.waitFor();
    assert.match((await link.textContent()) ?? '', /蒙自经济技术开发区/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-mappings.png'), fullPage: true });
    await link.click();
    await page.locator('[data-testid="entry-page"]').waitFor();
  });

  it('asks for nothing when the same file comes again', async () => {
    await page.goto(`${server.url}/#/reporting/import`);
    await page.locator('[data-testid="import-form-select"]').selectOption('DEV_ZONE_MONTHLY');
    await page.locator('[data-testid="import-mapping"]').nth(1).waitFor();
    await dryRun();
    assert.equal(await page.locator('[data-testid="import-problem"]').count(), 0);
    assert.equal(await page.locator('[data-testid="map-choice"]').count(), 0);
    assert.equal(await page.locator('[data-testid="count-unchanged"] .tile-value').textContent(), '2');
  });
});
