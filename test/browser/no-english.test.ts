import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signedInPage } from '../support/browser.ts';
import { startTestServer } from '../support/server.ts';

/**
 * Issue 19, "Chinese throughout": every page of the web app, as an administrator in zh-CN, shows no
 * Latin-letter word, code or enum. The allow-list is short and each entry says why it may stay.
 */
const ALLOWED = new Set([
  'PlanTrack', // the product's name
  'English', // the language switch names the language it switches to
  'Apache', // the chart library's credit line on maps
  'ECharts',
  'API', // the API tokens page names the interface it grants
  'Excel', // the file kind people know by that name
  'Word',
  'docx', // file extensions on download buttons
  'xlsx',
  'csv',
  'txt', // the plain-text and PDF files the plan import reads, named as people know them
  'pdf',
  'PDF',
  'kW', // units (kW·h, km², m³, t) are written as the statistics print them
  'h',
  'km',
  'm',
  't',
  'Tab', // keys named as printed on the keyboard (the entry grid's keyboard hints)
  'Enter',
  'Shift',
  'Esc',
  'GDP', // the statistics name it so in Chinese
  'RCEP', // treaty names used as such in the plans
  'AHP', // 层次分析法's usual abbreviation, shown beside the Chinese name
]);

/** Phrases written with Latin letters in Chinese statistics themselves (removed before the word scan). */
const ALLOWED_PHRASES = [
  /R&D/g, // 研究与试验发展（R&D）经费: the statistical yearbooks' own wording
];

const ROUTES = [
  '#/plans',
  '#/plans/yunnan-parks-2021-2025',
  '#/org-units',
  '#/indicators',
  '#/ingest',
  '#/tokens',
  '#/inbox',
  '#/reporting',
  '#/reporting/DEV_ZONE_MONTHLY/ZN-HH-MENGZI/2025-06', // the entry grid
  '#/projects',
  '#/tasks',
  '#/monitor/yunnan-parks-2021-2025',
  '#/monitor/compare',
  '#/monitor/map',
  '#/monitor/yunnan-parks-2021-2025/methods',
  '#/evaluation',
  '#/industry-map',
];

/** Latin words in the page's visible text (ASCII letters, 2 or more, or a single one beside digits). */
async function latinWords(page: Page): Promise<string[]> {
  const text = ALLOWED_PHRASES.reduce((x, re) => x.replace(re, ' '), await page.locator('body').innerText());
  return [...text.matchAll(/[A-Za-z][A-Za-z_.-]*[A-Za-z]|[A-Za-z]/g)].map((m) => m[0]).filter((w) => !ALLOWED.has(w));
}

describe('no English or codes in the zh-CN pages', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startTestServer('pglite', { demoData: true });
    browser = await launchBrowser();
    page = await signedInPage(browser, server.url, 'admin');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const scan = async (routes: string[]) => {
    const found: string[] = [];
    for (const route of routes) {
      await page.goto(`${server.url}/${route}`);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      const words = await latinWords(page);
      if (words.length > 0) found.push(`${route}: ${[...new Set(words)].slice(0, 40).join(' ')}`);
    }
    return found;
  };

  it('every page is free of Latin-letter words outside the allow-list', async () => {
    assert.deepEqual(await scan(ROUTES), []);
  });
});
