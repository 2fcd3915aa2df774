import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { formatToPrecision, indicatorPrecision, type WrittenTarget } from '../../src/domain/format/indicator-precision.ts';
import type { MapData, PlanProgress } from '../../src/presenters/progress.presenter.ts';
import { launchBrowser, signedInPage } from '../support/browser.ts';
import { getJson, startTestServer } from '../support/server.ts';

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
