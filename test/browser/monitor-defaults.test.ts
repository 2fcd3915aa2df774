import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { MapData } from '../../src/presenters/progress.presenter.ts';
import { launchBrowser, signedInPage } from '../support/browser.ts';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';

/** Issue 19: monitoring pages opened without choices land on something with data. */
describe('monitoring defaults open on data', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let session: Session;

  before(async () => {
    server = await startTestServer('pglite', { demoData: true });
    session = await loginAs(server.url, 'leader');
    browser = await launchBrowser();
    page = await signedInPage(browser, server.url, 'leader');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('#/monitor opens a plan that has targets, not the first plan listed', async () => {
    const plans = await request<{ items: { id: string; counts: { targets: number } }[] }>(server.url, 'GET', '/api/v1/plans', {
      auth: session,
    });
    assert.equal(plans.body.items[0]?.counts.targets, 0, 'the first plan listed (泛珠) has no targets');
    await page.goto(`${server.url}/#/monitor`);
    await page.getByTestId('progress-targets').waitFor({ timeout: 60_000 });
    const opened = decodeURIComponent(new URL(page.url()).hash.split('/')[2]!.split('?')[0]!);
    assert.ok((plans.body.items.find((p) => p.id === opened)?.counts.targets ?? 0) > 0, opened);
  });

  it('the map and the comparison open on an indicator with figures', async () => {
    for (const view of ['map', 'compare'] as const) {
      await page.goto(`${server.url}/#/monitor/${view}`);
      const picker = page.locator('select[data-testid="indicator-picker"]');
      await picker.waitFor({ timeout: 60_000 });
      const indicator = await picker.inputValue();
      const plan = await page.locator('select[data-testid="plan-picker"]').inputValue();
      const at = await page.locator('select[data-testid="at-picker"]').inputValue();
      assert.ok(plan && at, page.url());
      const res = await request<MapData>(
        server.url,
        'GET',
        `/api/v1/progress/map?indicator=${encodeURIComponent(indicator)}&at=${at}&plan=${encodeURIComponent(plan)}`,
        { auth: session },
      );
      assert.equal(res.status, 200);
      const values = [...res.body.prefectures, ...res.body.zones].filter((u) => u.value !== null);
      assert.ok(values.length > 0, `${view}: ${indicator} at ${at} has figures`);
    }
  });
});
