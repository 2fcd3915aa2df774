import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';
import { ARTIFACTS, launchBrowser, signedInPage } from '../support/browser.ts';

/** A year the demo figures (2021–2025, synthetic) cover, inside the plans' period. */
const AT = '2024';
const CLASSES = ['achieved_early', 'ahead', 'on_track', 'behind', 'insufficient_data'] as const;

interface Progress {
  plan: { id: string };
  summary: { total: number; byClass: Record<string, number> };
  targets: {
    key: string;
    indicator: { code: string };
    judgement: { class: string; currentOrigin: string | null; explanation: { zh: string; en: string } };
  }[];
}
interface MapData {
  prefectures: { code: string }[];
  zones: { code: string }[];
}

async function shot(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(ARTIFACTS, `monitoring-${name}.png`), fullPage: true });
}

/** Waits until ECharts has reported 'finished' for the chart (the page sets the attribute then). */
const chartFinished = (page: Page, testId: string) =>
  page.locator(`[data-testid="${testId}"][data-chart-state="finished"]`).waitFor({ timeout: 30_000 });

describe('progress monitoring dashboards in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let api: Session;
  let page: Page;
  let progress: Progress;

  before(async () => {
    server = await startTestServer('pglite', { demoData: true });
    browser = await launchBrowser();
    api = await loginAs(server.url, 'leader');
    // The plan with the most targets judged on figures.
    const plans = await request<{ items: { id: string }[] }>(server.url, 'GET', '/api/v1/plans', { auth: api });
    assert.equal(plans.status, 200);
    let best: Progress | null = null;
    for (const p of plans.body.items) {
      const res = await request<Progress>(server.url, 'GET', `/api/v1/progress?plan=${encodeURIComponent(p.id)}&at=${AT}`, {
        auth: api,
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const judged = (x: Progress) => x.targets.filter((t) => t.judgement.class !== 'insufficient_data').length;
      if (!best || judged(res.body) > judged(best)) best = res.body;
    }
    assert.ok(best && best.targets.length > 0, 'a plan with targets');
    progress = best;
    page = await signedInPage(browser, server.url, 'leader');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the plan overview with the class counts of the API', async () => {
    await page.goto(`${server.url}/#/plans`);
    assert.equal(await page.getByTestId('nav-monitor').innerText(), '监测');
    await page.goto(`${server.url}/#/monitor/${encodeURIComponent(progress.plan.id)}?at=${AT}`);
    await chartFinished(page, 'class-chart');
    assert.equal(await page.getByTestId('class-total').getAttribute('data-count'), String(progress.summary.total));
    for (const c of CLASSES) {
      const tile = page.locator(`[data-testid="class-tile"][data-class="${c}"]`);
      assert.equal(await tile.getAttribute('data-count'), String(progress.summary.byClass[c] ?? 0), c);
    }
    // The table pages by 20 (issue 19); its count line states all of them.
    assert.equal(await page.getByTestId('targets-shown').getAttribute('data-count'), String(progress.targets.length));
    assert.equal(await page.getByTestId('progress-row').count(), Math.min(progress.targets.length, 20));
    const behind = progress.targets.filter((t) => t.judgement.class === 'behind');
    assert.equal(await page.getByTestId('behind-item').count(), behind.length);
    if (behind[0])
      assert.match(
        await page.locator(`[data-testid="behind-item"][data-target="${behind[0].key}"]`).innerText(),
        new RegExp(behind[0].judgement.explanation.zh.slice(0, 12).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      );
    // Demo figures are marked as such.
    if (progress.targets.some((t) => t.judgement.currentOrigin === 'synthetic')) {
      await page.getByTestId('synthetic-note').waitFor();
      assert.match(await page.getByTestId('progress-targets').innerText(), /模拟数据/);
    }
    await shot(page, 'overview');

    // The report buttons download the Word brief and its Excel tables with the signed-in session.
    for (const [testId, type] of [
      ['report-docx', 'wordprocessingml'],
      ['report-xlsx', 'spreadsheetml'],
    ] as const) {
      const link = await page.getByTestId(testId).getAttribute('href');
      const file = await page.request.get(new URL(link!, server.url).toString());
      assert.equal(file.status(), 200, testId);
      assert.match(file.headers()['content-type'] ?? '', new RegExp(type));
      assert.ok((await file.body()).subarray(0, 2).equals(Buffer.from('PK')), `${testId} is a zip package`);
    }

    // A click says the report is being built while the server works (it took 15 s with no sign of
    // life), then hands over the file. The request is held until the page has shown it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/reports/monitoring?**', async (route) => {
      await held;
      await route.continue();
    });
    const download = page.waitForEvent('download');
    await page.getByTestId('report-docx').click();
    await page.getByTestId('report-docx-progress').waitFor();
    assert.match(await page.getByTestId('report-docx-progress').innerText(), /正在生成，已用 \d+ 秒/);
    assert.equal(await page.getByTestId('report-docx').getAttribute('aria-busy'), 'true');
    release();
    const saved = await download;
    assert.match(saved.suggestedFilename(), /\.docx$/);
    assert.ok(
      readFileSync((await saved.path())!)
        .subarray(0, 2)
        .equals(Buffer.from('PK')),
      'the saved file is the .docx',
    );
    await page.getByTestId('report-docx-progress').waitFor({ state: 'detached' });
    await page.unroute('**/api/v1/reports/monitoring?**');

    // Another method re-asks the server; the tiles follow its summary.
    const unsd = await request<Progress>(
      server.url,
      'GET',
      `/api/v1/progress?plan=${encodeURIComponent(progress.plan.id)}&at=${AT}&method=unsd`,
      { auth: api },
    );
    assert.equal(unsd.status, 200);
    await page.getByTestId('method-picker').selectOption('unsd');
    await page.locator('[data-testid="overview-data"][data-method="unsd"]').waitFor();
    await chartFinished(page, 'class-chart');
    for (const c of CLASSES) {
      const tile = page.locator(`[data-testid="class-tile"][data-class="${c}"]`);
      assert.equal(await tile.getAttribute('data-count'), String(unsd.body.summary.byClass[c] ?? 0), `unsd ${c}`);
    }
    await page.getByTestId('method-picker').selectOption('official');
    await page.locator('[data-testid="overview-data"][data-method="official"]').waitFor();
  });

  it('opens an indicator detail with its chart, explanation and all four methods', async () => {
    // From the table's first page (20 rows, plan order).
    const target = progress.targets.slice(0, 20).find((t) => t.judgement.class !== 'insufficient_data') ?? progress.targets[0]!;
    await page.locator(`[data-testid="progress-row"][data-target="${target.key}"]`).getByTestId('target-link').click();
    await chartFinished(page, 'detail-chart');
    assert.equal(await page.getByTestId('explanation').innerText(), target.judgement.explanation.zh);
    assert.equal(await page.getByTestId('judgement').getAttribute('data-class'), target.judgement.class);
    assert.equal(await page.locator('[data-testid="detail-methods"] tbody tr').count(), 4);
    await page.getByTestId('source-quote').waitFor();
    await shot(page, 'detail');
  });

  it('draws the Yunnan map with 16 prefectures and a table fallback', async () => {
    const indicator = progress.targets[0]!.indicator.code;
    const q = `plan=${encodeURIComponent(progress.plan.id)}&indicator=${encodeURIComponent(indicator)}&at=${AT}`;
    const map = await request<MapData>(server.url, 'GET', `/api/v1/progress/map?${q}`, { auth: api });
    assert.equal(map.status, 200, JSON.stringify(map.body));
    await page.goto(`${server.url}/#/monitor/map?${q}&colour=class`);
    await chartFinished(page, 'map-chart');
    assert.equal(await page.getByTestId('map-chart').getAttribute('data-regions'), '16');
    assert.equal(await page.getByTestId('map-prefecture-row').count(), map.body.prefectures.length);
    assert.equal(await page.getByTestId('map-zone-row').count(), map.body.zones.length);
    await shot(page, 'map-class');

    await page.getByTestId('colour-picker').selectOption('value');
    await page.locator('[data-testid="map-data"][data-colour="value"]').waitFor();
    await chartFinished(page, 'map-chart');
    assert.equal(await page.getByTestId('map-chart').getAttribute('data-regions'), '16');
    await shot(page, 'map-value');
  });

  it('compares org units and lists where the methods disagree', async () => {
    const indicator = progress.targets[0]!.indicator.code;
    await page.goto(
      `${server.url}/#/monitor/compare?plan=${encodeURIComponent(progress.plan.id)}&indicator=${encodeURIComponent(indicator)}&at=${AT}&by=prefecture`,
    );
    await page
      .locator('[data-testid="compare-chart"][data-chart-state="finished"], [data-testid="monitor-compare"] .status-empty')
      .first()
      .waitFor();
    await shot(page, 'compare');

    await page.goto(`${server.url}/#/monitor/${encodeURIComponent(progress.plan.id)}/methods?at=${AT}`);
    await page.getByTestId('methods-table').waitFor();
    assert.equal(await page.getByTestId('methods-row').count(), progress.targets.length);
    const disagreeing = await page.locator('[data-testid="methods-row"][data-disagree="true"]').count();
    assert.equal(await page.getByTestId('methods-summary').getAttribute('data-disagree'), String(disagreeing));
    await shot(page, 'methods');
  });
});
