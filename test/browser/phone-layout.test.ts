import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, launchBrowser } from '../support/browser.ts';
import { loginAs, startTestServer } from '../support/server.ts';

/** Issue 19, "phone and tablet": the pages a leader or a reporter opens on a phone, at 390 px. */
const WIDTH = 390;
const HEIGHT = 844;
const PAGES: [string, string, string][] = [
  ['overview', '#/monitor/yunnan-parks-2021-2025?at=2025', 'progress-targets'],
  ['target', '#/monitor/yunnan-parks-2021-2025/targets/km-hightech-revenue-2025?at=2025', 'detail-data'],
  ['inbox', '#/inbox', 'inbox-page'],
  ['entry-grid', '#/reporting/DEV_ZONE_MONTHLY/ZN-HH-MENGZI/2025-11', 'entry-grid'],
];

describe('phone layouts at 390 px', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startTestServer('pglite', { demoData: true });
    browser = await launchBrowser();
    const session = await loginAs(server.url, 'admin');
    const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, locale: 'zh-CN', isMobile: true });
    const [name, value] = session.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
    page = await context.newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [name, route, testId] of PAGES)
    it(`${name}: no sideways scrolling of the page, the header leaves the content visible`, async () => {
      await page.goto(`${server.url}/${route}`);
      await page.locator(`[data-testid="${testId}"]`).first().waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: path.join(ARTIFACTS, `phone-${name}.png`), fullPage: false });
      // Evaluated in the page (the test's TypeScript has no DOM types).
      const m = (await page.evaluate(`(() => {
        const header = document.querySelector('header');
        const position = header ? getComputedStyle(header).position : '';
        return {
          scrollWidth: document.scrollingElement.scrollWidth,
          headerHeight: header ? header.getBoundingClientRect().height : 0,
          pinned: position === 'fixed' || position === 'sticky',
        };
      })()`)) as { scrollWidth: number; headerHeight: number; pinned: boolean };
      assert.ok(m.scrollWidth <= WIDTH, `${name}: the page is ${m.scrollWidth} px wide`);
      // A header that stays on screen may take at most a sixth of the phone's height.
      if (m.pinned) assert.ok(m.headerHeight <= HEIGHT / 6, `${name}: the pinned header is ${m.headerHeight} px tall`);
    });

  it('entry grid: one column at 390 px — no sideways scrolling inside the grid, value (with unit) above the last period', async () => {
    await page.goto(`${server.url}/${PAGES[3]![1]}`);
    await page.getByTestId('entry-row').first().waitFor({ timeout: 60_000 });
    const g = (await page.evaluate(`(() => {
      const grid = document.querySelector('[data-testid="entry-grid"]');
      const row = document.querySelector('[data-testid="entry-row"]');
      const box = (el) => el.getBoundingClientRect();
      const value = row.querySelector('.cell-value');
      const previous = row.querySelector('[data-testid="previous"]');
      let wrap = grid.parentElement;
      return {
        gridScroll: grid.scrollWidth - grid.clientWidth,
        wrapScroll: wrap.scrollWidth - wrap.clientWidth,
        valueBottom: box(value).bottom,
        previousTop: box(previous).top,
        valueWidth: box(value).width,
        unit: row.querySelector('.cell-unit') !== null && box(row.querySelector('.cell-unit')).right <= ${WIDTH},
        previousLabel: getComputedStyle(previous, '::before').content,
      };
    })()`)) as {
      gridScroll: number;
      wrapScroll: number;
      valueBottom: number;
      previousTop: number;
      valueWidth: number;
      unit: boolean;
      previousLabel: string;
    };
    assert.ok(g.gridScroll <= 1 && g.wrapScroll <= 1, `the grid scrolls sideways by ${g.gridScroll}/${g.wrapScroll} px`);
    assert.ok(g.previousTop >= g.valueBottom - 1, 'the last period sits below the value, not beside it');
    assert.ok(g.valueWidth > WIDTH / 2, `the value cell is ${g.valueWidth} px wide`);
    assert.ok(g.unit, 'the unit is on screen');
    assert.match(g.previousLabel, /上期|上月|上年|\d/u, 'the last period is labelled');
  });
});
