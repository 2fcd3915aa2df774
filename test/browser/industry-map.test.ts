import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { IndustryMap, ZoneProfile } from '../../src/presenters/industry-map.presenter.ts';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';
import { ARTIFACTS, launchBrowser, signedInPage } from '../support/browser.ts';

const MENGZI = 'ZN-HH-MENGZI';

const chartFinished = (page: Page) =>
  page.locator('[data-testid="industry-map-chart"][data-chart-state="finished"]').waitFor({ timeout: 30_000 });

async function shot(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
}

describe('industry map in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let api: Session;
  let page: Page;

  before(async () => {
    server = await startTestServer('pglite', { demoData: true });
    browser = await launchBrowser();
    api = await loginAs(server.url, 'leader');
    page = await signedInPage(browser, server.url, 'leader');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws every zone of the API on the map and lists them beside it', async () => {
    const all = await request<IndustryMap>(server.url, 'GET', '/api/v1/industry-map', { auth: api });
    assert.equal(all.status, 200);
    await page.goto(`${server.url}/#/plans`);
    assert.equal(await page.getByTestId('nav-industry-map').innerText(), '产业地图');
    await page.getByTestId('nav-industry-map').click();
    await chartFinished(page);
    assert.equal(await page.getByTestId('zone-row').count(), all.body.zones.length);
    const markers = JSON.parse((await page.getByTestId('industry-map-chart').getAttribute('data-markers'))!) as Record<
      string,
      number[]
    >;
    assert.equal(Object.keys(markers).length, all.body.zones.filter((z) => z.position).length);
    await page.getByTestId('profile-placeholder').waitFor();
    await shot(page, 'industry-map.png');
  });

  it('filters by a chain, then opens a zone’s profile by clicking its marker on the map', async () => {
    const al = await request<IndustryMap>(server.url, 'GET', '/api/v1/industry-map?chain=green_aluminium', { auth: api });
    await page.getByTestId('chain-filter').selectOption('green_aluminium');
    await page.locator('[data-testid="map-data"][data-filter-chain="green_aluminium"]').waitFor();
    await chartFinished(page);
    const rows = page.getByTestId('zone-row');
    assert.equal(await rows.count(), al.body.zones.length);
    const codes = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    assert.deepEqual(codes.sort(), al.body.zones.map((z) => z.code).sort());
    assert.match(await page.getByTestId('zone-count').innerText(), new RegExp(`${al.body.zones.length}`));

    // A real click on the chart, where ECharts drew 蒙自's marker.
    const chart = page.getByTestId('industry-map-chart');
    const markers = JSON.parse((await chart.getAttribute('data-markers'))!) as Record<string, [number, number]>;
    const at = markers[MENGZI];
    assert.ok(at, 'no marker for 蒙自');
    const box = (await chart.boundingBox())!;
    await page.mouse.click(box.x + at[0], box.y + at[1]);
    await page.locator(`[data-testid="zone-profile"][data-code="${MENGZI}"]`).waitFor({ timeout: 30_000 });
    assert.match(page.url(), /zone=ZN-HH-MENGZI/);
  });

  it('shows the profile: facts, chains, targets with progress badges, projects and tasks', async () => {
    const profile = await request<ZoneProfile>(server.url, 'GET', `/api/v1/zones/${MENGZI}/profile`, { auth: api });
    assert.equal(profile.status, 200);
    const panel = page.getByTestId('zone-profile');
    assert.match(await panel.innerText(), /蒙自经济技术开发区/);
    const chips = await page
      .getByTestId('profile-chains')
      .locator('[data-code]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
    assert.deepEqual(
      chips,
      profile.body.chains.map((c) => c.code),
    );
    assert.equal(await page.getByTestId('profile-target').count(), profile.body.targets.length);
    assert.ok(profile.body.targets.length > 0, 'targets reach 蒙自');
    assert.equal(
      await panel.getByTestId('class-badge').count(),
      profile.body.targets.length + profile.body.targets.filter((x) => x.group).length,
    );
    if (profile.body.projects && profile.body.projects.length > 0) {
      const links = await page
        .getByTestId('profile-projects')
        .locator('a')
        .evaluateAll((els) => els.map((e) => e.getAttribute('href')));
      assert.deepEqual(
        links,
        profile.body.projects.map((x) => `#/projects/${x.id}`),
      );
    }
    if (profile.body.tasks && profile.body.tasks.length > 0)
      assert.equal(await page.getByTestId('profile-tasks').locator('li').count(), profile.body.tasks.length);
    await shot(page, 'zone-profile.png');
  });

  it('opens a profile from the accessible list too, and switches to English', async () => {
    await page.getByTestId('clear-filters').click();
    await page.locator('[data-testid="map-data"][data-filter-chain=""]').waitFor();
    await page.locator('[data-testid="zone-button"][data-code="ZN-QJ-ETDZ"]').click();
    await page.locator('[data-testid="zone-profile"][data-code="ZN-QJ-ETDZ"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: 'Industry map' }).waitFor();
    assert.match(await page.getByTestId('zone-profile').innerText(), /Leading industries and chains/);
    await page.getByTestId('lang-switch').click();
  });
});
