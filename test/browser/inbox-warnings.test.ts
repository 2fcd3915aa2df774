import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { refreshWarnings } from '../../src/services/warnings/warning-monitor.service.ts';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';
import { ARTIFACTS, launchBrowser, signedInPage } from '../support/browser.ts';

/** A year the demo figures (2021–2025, synthetic) cover, inside the plans' period. */
const AT = '2024';
/** plan_manager over the whole tree: told of every new warning. */
const USER = 'planner';

interface Inbox {
  unread: number;
  items: { id: number; kind: string; readAt: string | null }[];
}
interface Warnings {
  summary: { open: number; red: number; yellow: number; units: number };
  units: { episodes: { target: string; open: boolean }[] }[];
}
interface Stale {
  stale: number;
}

async function shot(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  // The viewport only: the list can be long.
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

const unreadShown = (page: Page, n: number) =>
  page.locator(`[data-testid="nav-inbox"][data-unread="${n}"]`).waitFor({ timeout: 15_000 });

describe('inbox and warnings in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let api: Session;
  let page: Page;
  let plan: string;
  let warnings: Warnings;

  before(async () => {
    server = await startTestServer('pglite', { demoData: true });
    // Episodes and notices as the daily job would record them.
    const run = await refreshWarnings(server.database, { at: AT });
    assert.ok(run.opened > 0, 'the demo figures raise some warnings');
    assert.ok(run.notifications > 0, 'someone is told');
    api = await loginAs(server.url, USER);
    // The plan with the most open episodes the user can see.
    const plans = await request<{ items: { id: string }[] }>(server.url, 'GET', '/api/v1/plans', { auth: api });
    let best: { id: string; w: Warnings } | null = null;
    for (const p of plans.body.items) {
      const w = await request<Warnings>(server.url, 'GET', `/api/v1/warnings?plan=${encodeURIComponent(p.id)}&open=true`, {
        auth: api,
      });
      assert.equal(w.status, 200, JSON.stringify(w.body));
      if (!best || w.body.summary.open > best.w.summary.open) best = { id: p.id, w: w.body };
    }
    assert.ok(best && best.w.summary.open > 0, 'a plan with open warnings');
    plan = best.id;
    warnings = best.w;
    browser = await launchBrowser();
    page = await signedInPage(browser, server.url, USER);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the unread count in the header, lists the inbox and marks read', async () => {
    const inbox = await request<Inbox>(server.url, 'GET', '/api/v1/inbox?limit=500', { auth: api });
    assert.equal(inbox.status, 200);
    const unread = inbox.body.unread;
    assert.ok(unread > 0, 'the refresh notified the user');

    await page.goto(`${server.url}/#/plans`);
    await unreadShown(page, unread);
    assert.equal(await page.getByTestId('inbox-count').innerText(), unread > 99 ? '99+' : String(unread));
    assert.match(await page.getByTestId('nav-inbox').innerText(), /消息/);

    await page.getByTestId('nav-inbox').click();
    await page.getByTestId('inbox-list').waitFor();
    assert.equal(await page.getByTestId('inbox-item').count(), Math.min(inbox.body.items.length, 200));
    assert.equal(await page.getByTestId('inbox-unread').getAttribute('data-count'), String(unread));
    const first = page.locator('[data-testid="inbox-item"][data-kind="new_warning"][data-read="false"]').first();
    assert.match(await first.getByTestId('inbox-kind').innerText(), /新预警/);
    assert.match((await first.getByTestId('inbox-link').getAttribute('href')) ?? '', /^#\/monitor\//);
    await shot(page, 'inbox-list');

    // Marking one read lowers the count, in the header and on the server.
    const id = await first.getAttribute('data-id');
    await first.getByTestId('inbox-mark-read').click();
    await page.locator(`[data-testid="inbox-item"][data-id="${id}"][data-read="true"]`).waitFor();
    await unreadShown(page, unread - 1);
    const after1 = await request<Inbox>(server.url, 'GET', '/api/v1/inbox?unread=true&limit=1', { auth: api });
    assert.equal(after1.body.unread, unread - 1);

    // The count is asked again on the next page.
    await page.goto(`${server.url}/#/plans`);
    await unreadShown(page, unread - 1);

    // English titles, then everything read.
    await page.goto(`${server.url}/#/inbox`);
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('inbox-list').waitFor();
    assert.match(await page.getByTestId('inbox-kind').first().innerText(), /[A-Za-z]/);
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('inbox-read-all').click();
    await unreadShown(page, 0);
    assert.equal(await page.getByTestId('inbox-count').count(), 0);
    assert.equal(await page.locator('[data-testid="inbox-item"][data-read="false"]').count(), 0);
    await shot(page, 'inbox-read');
    const after2 = await request<Inbox>(server.url, 'GET', '/api/v1/inbox?unread=true&limit=1', { auth: api });
    assert.equal(after2.body.unread, 0);
  });

  it('lists the open warnings and stale targets on the plan overview', async () => {
    const stale = await request<Stale>(server.url, 'GET', `/api/v1/progress/stale?plan=${encodeURIComponent(plan)}&at=${AT}`, {
      auth: api,
    });
    assert.equal(stale.status, 200, JSON.stringify(stale.body));
    await page.goto(`${server.url}/#/monitor/${encodeURIComponent(plan)}?at=${AT}`);
    const section = page.locator(`[data-testid="warnings-section"][data-open="${warnings.summary.open}"]`);
    await section.waitFor({ timeout: 60_000 });
    const episodes = warnings.units.flatMap((u) => u.episodes).filter((e) => e.open);
    assert.equal(episodes.length, warnings.summary.open);
    assert.equal(await page.getByTestId('warning-episode').count(), warnings.summary.open);
    assert.equal(await page.locator('[data-testid="warning-episode"][data-level="red"]').count(), warnings.summary.red);
    assert.equal(await page.getByTestId('warning-unit').count(), warnings.units.length);
    await page.locator(`[data-testid="stale-section"][data-stale="${stale.body.stale}"]`).waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId('stale-row').count(), stale.body.stale);
    // The overview's own parts are still there.
    await page.getByTestId('class-summary').waitFor();
    await page.getByTestId('progress-targets').waitFor();
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: path.join(ARTIFACTS, 'monitoring-warnings.png') });
  });
});
