import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { formatToPrecision, indicatorPrecision, type WrittenTarget } from '../../src/domain/format/indicator-precision.ts';
import type { PlanManagerHome } from '../../src/presenters/home.presenter.ts';
import type { MapData, PlanProgress } from '../../src/presenters/progress.presenter.ts';
import { launchBrowser, signedInPage } from '../support/browser.ts';
import { getJson, loginAs, request, startTestServer } from '../support/server.ts';

/**
 * Issue 19: decimals follow the indicator's precision (the most decimals its plans write it with) on
 * 单位对比, 监测地图 and a target's page, in the zh-CN number format; the figures come from the API.
 */
const PLAN = 'yunnan-regional-2021-2025';
const AT = '2024';

/** Decimals written beyond the precision: the figure the page must round. */
const longer = (v: string | null, d: number) => v !== null && (v.split('.')[1]?.length ?? 0) > d;

describe("figures to the indicator's precision in Chromium (issue 19)", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let precision: Map<string, number>;
  let progress: PlanProgress;

  before(async () => {
    server = await startTestServer('pglite', { demoData: true });
    browser = await launchBrowser();
    page = await signedInPage(browser, server.url, 'admin');
    const targets = await getJson<{ items: WrittenTarget[] }>(server.url, '/api/v1/targets?limit=1000');
    precision = indicatorPrecision(targets.body.items);
    progress = (await getJson<PlanProgress>(server.url, `/api/v1/progress?plan=${PLAN}&at=${AT}`)).body;
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const fig = (v: string, code: string) => formatToPrecision(v, precision.get(code)!, 'zh-CN');

  it("a target's page shows the judged figure to the precision", async () => {
    const t = progress.targets.find(
      (x) => precision.has(x.indicator.code) && longer(x.judgement.current, precision.get(x.indicator.code)!),
    );
    assert.ok(t, 'a target whose judged figure has more decimals than its indicator is written with');
    await page.goto(`${server.url}/#/monitor/${PLAN}/targets/${t.key}?at=${AT}`);
    const want = `${t.judgement.dataYear}: ${fig(t.judgement.current!, t.indicator.code)}${t.indicator.unit}`;
    await page.getByTestId('judgement').filter({ hasText: want }).waitFor({ timeout: 60_000 });
  });

  it('单位对比 and the map list every figure to the precision', async () => {
    // An indicator of the plan whose map figures need rounding.
    let chosen: { code: string; map: MapData } | null = null;
    for (const code of new Set(progress.targets.map((t) => t.indicator.code))) {
      if (!precision.has(code)) continue;
      const map = await getJson<MapData>(server.url, `/api/v1/progress/map?plan=${PLAN}&indicator=${code}&at=${AT}`);
      if (map.status === 200 && map.body.prefectures.some((p) => longer(p.value, precision.get(code)!))) {
        chosen = { code, map: map.body };
        break;
      }
    }
    assert.ok(chosen, 'an indicator whose prefecture figures have more decimals than it is written with');
    const { code, map } = chosen;
    const unit = map.indicator.unit;

    await page.goto(`${server.url}/#/monitor/map?plan=${PLAN}&indicator=${code}&at=${AT}&colour=class`);
    const first = map.prefectures.find((p) => longer(p.value, precision.get(code)!))!;
    const cell = page.locator(`[data-testid="map-prefecture-row"][data-code="${first.code}"] td`).nth(1);
    await cell.filter({ hasText: `${fig(first.value!, code)}${unit}` }).waitFor({ timeout: 60_000 });
    for (const p of map.prefectures.filter((x) => x.value !== null)) {
      const text = await page.locator(`[data-testid="map-prefecture-row"][data-code="${p.code}"] td`).nth(1).innerText();
      assert.equal(text.trim(), `${fig(p.value!, code)}${unit}`, p.code);
    }

    await page.goto(`${server.url}/#/monitor/compare?plan=${PLAN}&indicator=${code}&at=${AT}&by=prefecture`);
    const row = page.locator(`[data-testid="compare-row"][data-code="${first.code}"] td`).nth(2);
    await row.filter({ hasText: `${fig(first.value!, code)}${unit}` }).waitFor({ timeout: 60_000 });
  });
});

describe('one figure, one text: the homes and the target page (issue 19)', () => {
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

  it("a plan manager of one plan sees a target's figure on the home as on its page, to the precision every page uses", async () => {
    // The home judged the precision over the managed plan's targets only; the pages over every target the reader sees.
    const FTZ = 'yunnan-ftz-2021-2025';
    const auth = await loginAs(server.url, 'ftz.planner');
    const home = await request<PlanManagerHome>(server.url, 'GET', '/api/v1/home/plans', { auth });
    const targets = await request<{ items: (WrittenTarget & { planId: string })[] }>(
      server.url,
      'GET',
      '/api/v1/targets?limit=1000',
      {
        auth,
      },
    );
    const pages = indicatorPrecision(targets.body.items);
    const planOnly = indicatorPrecision(targets.body.items.filter((t) => t.planId === FTZ));
    for (const c of home.body.scorecards) assert.equal(c.decimals, pages.get(c.indicator.code) ?? c.decimals, c.key);
    const cards = home.body.scorecards.filter((c) => c.current !== null && pages.has(c.indicator.code));
    const card = cards.find((c) => planOnly.get(c.indicator.code) !== pages.get(c.indicator.code)) ?? cards[0]!;
    const figure = formatToPrecision(card.current, pages.get(card.indicator.code)!, 'zh-CN');

    const page = await signedInPage(browser, server.url, 'ftz.planner');
    await page.goto(`${server.url}/#/`);
    await page.getByTestId('home-data').waitFor({ timeout: 90_000 });
    const onHome = await page
      .locator(`[data-testid="scorecard-row"][data-key="${card.key}"] [data-testid="scorecard-current"]`)
      .innerText();
    await page.goto(`${server.url}/#/monitor/${card.plan.id}/targets/${card.key}?at=${card.at}`);
    const judgement = page.getByTestId('judgement');
    await judgement.filter({ hasText: `${card.dataYear}: ` }).waitFor({ timeout: 60_000 });
    const onPage = await judgement.innerText();
    assert.ok(onHome.startsWith(`${figure} `), `home: ${onHome} / ${figure}`);
    assert.ok(onPage.includes(`${card.dataYear}: ${figure}${card.indicator.unit}`), `target page: ${onPage} / ${figure}`);
  });
});
