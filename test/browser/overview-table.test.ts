import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signedInPage, hashIncludes } from '../support/browser.ts';
import { loginAs, request, startTestServer } from '../support/server.ts';

// A string expression: the test's tsconfig has no DOM types.
const hashHas = (page: Page, part: string) => hashIncludes(page, part);
const rowsOf = (page: Page, attr: string) =>
  page.getByTestId('progress-row').evaluateAll((rows, a) => rows.map((r) => r.getAttribute(a) ?? ''), attr);

/** Issue 19 item 4: the overview's targets table filters, sorts, pages, keeps a sticky header and exports what it shows. */
describe('monitoring overview targets table', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let planId: string;

  before(async () => {
    server = await startTestServer('pglite', { demoData: true });
    const session = await loginAs(server.url, 'leader');
    const plans = await request<{ items: { id: string; counts: { targets: number } }[] }>(server.url, 'GET', '/api/v1/plans', {
      auth: session,
    });
    // The plan with the most targets, so the table has several pages.
    planId = [...plans.body.items].sort((a, b) => b.counts.targets - a.counts.targets)[0]!.id;
    browser = await launchBrowser();
    page = await signedInPage(browser, server.url, 'leader');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('pages by 20 with a sticky header, sorts by completion, filters by class and exports exactly the filtered rows', async () => {
    await page.goto(`${server.url}/#/monitor/${encodeURIComponent(planId)}`);
    await page.getByTestId('progress-targets').waitFor({ timeout: 60_000 });
    const total = Number(await page.getByTestId('targets-shown').getAttribute('data-total'));
    assert.ok(total > 20, `the plan with most targets has ${total}`);
    const pages = Math.ceil(total / 20);
    assert.equal((await rowsOf(page, 'data-target')).length, 20);
    assert.equal(await page.getByTestId('page-label').textContent(), `第 1 页，共 ${pages} 页`);

    // Frozen header: scrolled into the table, the header row stays on screen above the rows.
    await page.getByTestId('progress-row').nth(15).scrollIntoViewIfNeeded();
    await page.evaluate('window.scrollBy(0, 200)');
    const headTop = await page
      .locator('[data-testid="progress-targets"] thead th')
      .first()
      .evaluate((th) => th.getBoundingClientRect().top);
    const tableTop = await page.getByTestId('progress-targets').evaluate((t) => t.getBoundingClientRect().top);
    assert.ok(tableTop < 0 && headTop >= 0, `header at ${headTop}, table at ${tableTop}`);

    const firstPage = await rowsOf(page, 'data-target');
    await page.getByTestId('page-next').click();
    await page.locator('[data-testid="targets-pager"][data-page="2"]').waitFor();
    assert.equal(await page.getByTestId('page-label').textContent(), `第 2 页，共 ${pages} 页`);
    assert.notDeepEqual(await rowsOf(page, 'data-target'), firstPage);
    assert.match(page.url(), /[?&]page=2/);

    // Sorting goes back to page 1; completion ascending, targets without a figure last.
    await page.getByTestId('sort-completion').click();
    await hashHas(page, 'sort=completion');
    const ratios = (await rowsOf(page, 'data-ratio')).map((r) => (r === '' ? Infinity : Number(r)));
    assert.deepEqual(
      ratios,
      [...ratios].sort((a, b) => a - b),
    );
    assert.equal(await page.getByTestId('targets-pager').getAttribute('data-page'), '1');
    await page.getByTestId('sort-completion').click();
    await hashHas(page, 'sort=-completion');
    const desc = (await rowsOf(page, 'data-ratio')).filter((r) => r !== '').map(Number);
    assert.deepEqual(
      desc,
      [...desc].sort((a, b) => b - a),
    );

    // Filter on the class with the most targets: every row shown has it, and the count is the tile's.
    const tiles = await page
      .getByTestId('class-tile')
      .evaluateAll((els) => els.map((e) => ({ cls: e.getAttribute('data-class')!, n: Number(e.getAttribute('data-count')) })));
    const top = tiles.sort((a, b) => b.n - a.n)[0]!;
    await page.getByTestId('filter-class').selectOption(top.cls);
    await hashHas(page, `class=${top.cls}`);
    const shown = Number(await page.getByTestId('targets-shown').getAttribute('data-count'));
    assert.equal(shown, top.n);
    assert.ok((await rowsOf(page, 'data-class')).every((c) => c === top.cls));
    assert.equal((await rowsOf(page, 'data-target')).length, Math.min(shown, 20));

    // The filtered view is shareable: the same URL opens the same rows.
    const url = page.url();
    const onScreen = await rowsOf(page, 'data-target');
    await page.goto('about:blank');
    await page.goto(url);
    await page.getByTestId('progress-targets').waitFor({ timeout: 60_000 });
    assert.deepEqual(await rowsOf(page, 'data-target'), onScreen);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('targets-export').click()]);
    const wb = new ExcelJS.Workbook();
    const body = await readFile((await download.path())!);
    await wb.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
    const sheet = wb.getWorksheet('主要指标进展')!;
    assert.equal(sheet.actualRowCount - 1, shown, 'exported rows = filtered rows');
    const verdicts = new Set<string>();
    sheet.eachRow((row, n) => n > 1 && verdicts.add(String(row.getCell(11).value)));
    assert.equal(verdicts.size, 1, `one 判定 in the export: ${[...verdicts].join()}`);
  });
});
