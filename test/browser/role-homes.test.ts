import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/config/project-root.ts';
import type { LeaderHome, PlanManagerHome } from '../../src/presenters/home.presenter.ts';
import { launchBrowser, signedInPage } from '../support/browser.ts';
import { loginAs, request, startTestServer } from '../support/server.ts';

/** Issue 19: each role lands on its own home after signing in; the screenshots go to docs/. */
const SHOTS = path.join(PROJECT_ROOT, 'docs/screenshots');
const FORM = 'DEV_ZONE_MONTHLY';
const UNIT = 'ZN-HH-MENGZI';

async function shot(page: Page, role: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(SHOTS, `home-${role}.png`) });
}

/** Latin words of three letters or more in the visible text: codes or English leaking into the zh-CN UI. */
async function latinWords(page: Page): Promise<string[]> {
  const text = await page.locator('#main').innerText();
  return text.match(/[A-Za-z_]{3,}/g) ?? [];
}

describe('a home per role (issue 19)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  before(async () => {
    server = await startTestServer('pglite', { demoData: true });
    browser = await launchBrowser();
    // A month of 蒙自 submitted for review, so the 红河 reviewer's queue has something in it.
    const rep = await loginAs(server.url, 'mengzi.reporter');
    const work = await request<
      { form: { code: string }; rows: { orgUnit: { code: string }; period: string; status: string | null }[] }[]
    >(server.url, 'GET', '/api/v1/reporting/my-work', { auth: rep });
    const period = work.body
      .find((w) => w.form.code === FORM)!
      .rows.find((r) => r.orgUnit.code === UNIT && r.status === null)!.period;
    const sheet = `/api/v1/submissions/${FORM}/${UNIT}/${period}`;
    type Sheet = {
      submission: { version: number };
      items: { indicator: string; version: number; lastYear: { value: string | null }; previous: { value: string | null } }[];
      findings: { key: string; severity: string }[];
    };
    const blank = await request<Sheet>(server.url, 'GET', sheet, { auth: rep });
    // Last year's figures (demo data) keep the rules quiet; any warning left is explained, as a reporter would.
    const values = blank.body.items.map((i) => ({
      indicator: i.indicator,
      value: i.lastYear.value ?? i.previous.value ?? '100',
      expectedVersion: i.version,
    }));
    let put = await request<Sheet>(server.url, 'PUT', `${sheet}/values`, { auth: rep, body: { values } });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const explanations = Object.fromEntries(put.body.findings.map((f) => [f.key, '园区企业生产正常，数据已核实']));
    put = await request<Sheet>(server.url, 'PUT', `${sheet}/values`, { auth: rep, body: { values: [], explanations } });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const sub = await request(server.url, 'POST', `${sheet}/submit`, {
      auth: rep,
      body: { version: put.body.submission.version },
    });
    assert.equal(sub.status, 200, JSON.stringify(sub.body));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the leader lands on the one-screen summary: the same counts as the API, five laggards with a sentence, trend and sparkline', async () => {
    const page = await signedInPage(browser, server.url, 'leader');
    await page.goto(`${server.url}/#/`);
    await page.getByTestId('home-data').waitFor({ timeout: 90_000 });
    const api = await request<LeaderHome>(server.url, 'GET', '/api/v1/home/summary', {
      auth: await loginAs(server.url, 'leader'),
    });
    assert.equal(Number(await page.getByTestId('home-red').getAttribute('data-count')), api.body.totals.warnings.red);
    assert.equal(Number(await page.getByTestId('home-yellow').getAttribute('data-count')), api.body.totals.warnings.yellow);
    assert.equal(await page.getByTestId('home-plan').count(), api.body.plans.length);
    const laggards = page.getByTestId('laggard');
    assert.equal(await laggards.count(), 5);
    const sentences = await page.getByTestId('laggard-sentence').allInnerTexts();
    for (const s of sentences) assert.match(s, /^[^。]+。$/u, s);
    await page.getByTestId('sparkline').first().waitFor({ timeout: 30_000 });
    // Every target has its scorecard row with a trend arrow; a sparkline wherever two years have figures.
    const rows = page.getByTestId('scorecard-row');
    assert.equal(await rows.count(), api.body.scorecards.length);
    assert.equal(api.body.scorecards.length, api.body.totals.total);
    assert.equal(await rows.locator('[data-testid="trend"]').count(), api.body.scorecards.length);
    assert.equal(
      await rows.locator('[data-testid="sparkline"]').count(),
      api.body.scorecards.filter((c) => c.spark.length >= 2).length,
    );
    // Figures to the indicator's precision, in the zh-CN number format.
    const card = api.body.scorecards.find((c) => c.current !== null && c.decimals > 0)!;
    const shown = await page
      .locator(`[data-testid="scorecard-row"][data-key="${card.key}"] [data-testid="scorecard-current"]`)
      .first()
      .innerText();
    const expected = new Intl.NumberFormat('zh-CN', {
      minimumFractionDigits: card.decimals,
      maximumFractionDigits: card.decimals,
      useGrouping: 'min2',
    }).format(Number(card.current));
    assert.ok(shown.startsWith(expected), `${shown} starts with ${expected}`);
    assert.ok((await page.locator('[data-testid="trend"]:not([data-direction="none"])').count()) > 0);
    // One row per target, each indicator of a plan once (a group row), and no two rows of a group alike:
    // 进出口总额 of 昆明综合保税区 has six targets (超110, 超160, 年均增长10% …), each saying what it asks.
    for (const plan of await page.getByTestId('scorecard-plan').all()) {
      const indicators = await plan
        .getByTestId('scorecard-indicator')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-indicator')));
      assert.equal(new Set(indicators).size, indicators.length, 'each indicator once per plan');
      for (const group of await plan.getByTestId('scorecard-indicator').all()) {
        const rows = await group
          .getByTestId('scorecard-row')
          .evaluateAll((els) => els.map((e) => (e.querySelector('th')?.textContent ?? '').trim()));
        assert.equal(new Set(rows).size, rows.length, `rows alike: ${rows.join(' | ')}`);
      }
    }
    const trade = page.locator(
      '[data-testid="scorecard-plan"][data-plan="kunming-bonded-zone-2021-2025"] [data-indicator="TRADE_TOTAL"]',
    );
    assert.equal(await trade.getByTestId('scorecard-indicator-name').count(), 1);
    assert.ok((await trade.getByTestId('scorecard-row').count()) >= 5);
    await page.getByTestId('home-freshness').waitFor();
    await page.getByTestId('home-evaluations').waitFor();
    assert.deepEqual(await latinWords(page), []);
    await shot(page, 'leader');
  });

  it('a reporter lands on 填报 with the periods due', async () => {
    const page = await signedInPage(browser, server.url, 'hh.reporter');
    await page.goto(`${server.url}/#/`);
    await page.waitForURL(/#\/reporting$/);
    await page.getByTestId('work-row').first().waitFor({ timeout: 60_000 });
    assert.ok((await page.getByTestId('work-row').count()) > 0);
    await shot(page, 'reporter');
  });

  it('a reviewer lands on the review queue, with the submitted month in it', async () => {
    const page = await signedInPage(browser, server.url, 'hh.reviewer');
    await page.goto(`${server.url}/#/`);
    await page.waitForURL(/#\/reporting\/review$/);
    await page.getByTestId('queue-row').first().waitFor({ timeout: 60_000 });
    await shot(page, 'reviewer');
  });

  it('a plan manager lands on their plans with coverage, stale figures, classes and every target’s scorecard', async () => {
    const page = await signedInPage(browser, server.url, 'planner');
    await page.goto(`${server.url}/#/`);
    await page.getByTestId('home-data').waitFor({ timeout: 90_000 });
    const api = await request<PlanManagerHome>(server.url, 'GET', '/api/v1/home/plans', {
      auth: await loginAs(server.url, 'planner'),
    });
    const rows = page.getByTestId('home-plan');
    assert.equal(await rows.count(), api.body.plans.length);
    const withTargets = api.body.plans.find((p) => p.targets > 0)!;
    const row = page.locator(`[data-testid="home-plan"][data-plan="${withTargets.plan.id}"]`);
    assert.equal(Number(await row.getAttribute('data-with-path')), withTargets.withPath);
    assert.equal(Number(await row.getAttribute('data-stale')), withTargets.stale);
    // The plan's targets by class, as the API counts them (zero classes left out).
    const shown = await row
      .locator('[data-testid="home-plan-classes"] .class-count')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-class'), Number(e.getAttribute('data-count'))]));
    assert.deepEqual(
      shown,
      Object.entries(withTargets.byClass).filter(([, n]) => n > 0),
    );
    assert.equal(
      Object.values(withTargets.byClass).reduce((a, b) => a + b, 0),
      withTargets.targets,
    );
    // A scorecard row per target of the managed plans, each with a trend arrow; sparklines where two years have figures.
    await page.getByTestId('sparkline').first().waitFor({ timeout: 30_000 });
    const cards = page.getByTestId('scorecard-row');
    assert.equal(await cards.count(), api.body.scorecards.length);
    assert.equal(
      api.body.scorecards.length,
      api.body.plans.reduce((a, p) => a + p.targets, 0),
    );
    assert.equal(await cards.locator('[data-testid="trend"]').count(), api.body.scorecards.length);
    assert.equal(
      await cards.locator('[data-testid="sparkline"]').count(),
      api.body.scorecards.filter((c) => c.spark.length >= 2).length,
    );
    assert.deepEqual(await latinWords(page), []);
    await shot(page, 'planner');
  });
});

describe("a target's owner and commentary on its page (issue 19)", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  before(async () => {
    server = await startTestServer('pglite', { demoData: true });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the plan manager writes the period’s commentary; the leader reads it and gets no editor', async () => {
    const url = `${server.url}/#/monitor/yunnan-parks-2021-2025/targets/km-hightech-revenue-2025?at=2024`;
    const page = await signedInPage(browser, server.url, 'planner');
    await page.goto(url);
    await page.getByTestId('commentary-text').waitFor({ timeout: 90_000 });
    assert.match(await page.getByTestId('commentary-owner').innerText(), /昆明高新技术产业开发区|昆明高新区/);
    await page.getByTestId('commentary-text').fill('龙头企业扩产项目延后投产，已协调于下季度投产。');
    await page.getByTestId('commentary-save').click();
    await page.locator('[data-testid="commentary-item"][data-period="2024"]').waitFor();

    const leader = await signedInPage(browser, server.url, 'leader');
    await leader.goto(url);
    const item = leader.locator('[data-testid="commentary-item"][data-period="2024"]');
    await item.waitFor({ timeout: 90_000 });
    assert.match(await item.innerText(), /龙头企业扩产项目延后投产/);
    assert.equal(await leader.getByTestId('commentary-text').count(), 0);
  });
});
