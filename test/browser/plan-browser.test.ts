import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { getJson, request, startTestServer } from '../support/server.ts';
import { ARTIFACTS, launchBrowser, signedInPage } from '../support/browser.ts';

describe('web shell in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  before(async () => {
    server = await startTestServer('pglite');
    browser = await launchBrowser();
    page = await signedInPage(browser, server.url, 'leader');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the plan browser and shows the FTZ 2025 trade target with its quoted source', async () => {
    await page.goto(`${server.url}/#/plans`);
    await page.getByTestId('plan-item').first().waitFor();
    assert.equal(await page.getByTestId('plan-item').count(), 5);
    await page.getByTestId('plan-item').filter({ hasText: '自由贸易试验区' }).getByRole('link').first().click();
    await page.waitForURL(/#\/plans\/yunnan-ftz-2021-2025/);
    const card = page.getByTestId('target-card').filter({ hasText: '2675.78' });
    await card.waitFor();
    const quote = await card.getByTestId('target-quote').innerText();
    assert.match(quote.replace(/\s+/g, ''), /进出口额达到2675\.78亿元/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    await page.screenshot({ path: path.join(ARTIFACTS, 'plan-browser-ftz.png'), fullPage: false });
  });

  it('shows the bonded zone’s conflicting targets and the PPRD tasks with lead units', async () => {
    await page.goto(`${server.url}/#/plans/kunming-bonded-zone-2021-2025`);
    await page.getByTestId('target-card').first().waitFor();
    assert.ok((await page.getByTestId('target-card').filter({ hasText: '冲突' }).count()) >= 2);
    await page.goto(`${server.url}/#/plans/yunnan-pprd-2016`);
    const task = page.getByTestId('task-card').first();
    await task.waitFor();
    assert.match(await task.innerText(), /省发展改革委/);
    const { body } = await getJson<{ total: number }>(server.url, '/api/v1/tasks?plan=yunnan-pprd-2016&limit=1');
    assert.ok(body.total >= 40);
  });

  it('renders HTML and script in plan text as text, never executing it', async () => {
    const script = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const yaml = `plan: { id: hostile-ui, title: ${JSON.stringify(script)}, issuer: 测试, periodStart: 2021, periodEnd: 2025 }
indicators: [{ code: HOSTILE_UI, name: ${JSON.stringify(script)}, nameEn: x, unit: 个 }]
targets: [{ key: t1, indicator: HOSTILE_UI, orgUnit: YN, note: ${JSON.stringify(script)}, target: { year: 2025, comparator: qualitative, text: ${JSON.stringify(script)} }, source: { quote: ${JSON.stringify(script)} } }]
`;
    assert.equal((await request(server.url, 'POST', '/api/v1/plans/import', { body: yaml })).status, 201);
    await page.goto(`${server.url}/#/plans/hostile-ui`);
    await page.getByTestId('target-card').first().waitFor();
    assert.ok((await page.locator('body').innerText()).includes('<script>window.__pwned=1</script>'));
    assert.equal(await page.evaluate('window.__pwned'), undefined);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
  });

  it('shows a zone profile from the org-unit tree, the indicator catalogue, and switches to English', async () => {
    await page.goto(`${server.url}/#/org-units/FTZ-HH`);
    const profile = page.getByTestId('zone-profile');
    await profile.waitFor();
    assert.match(await profile.innerText(), /14\.12/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'zone-profile.png') });
    await page.goto(`${server.url}/#/indicators`);
    await page.getByTestId('indicator-row').first().waitFor();
    assert.ok((await page.getByTestId('indicator-row').count()) > 50);
    await page.getByTestId('lang-switch').click();
    await page.waitForSelector('html[lang="en"]');
    assert.match(await page.locator('body').innerText(), /Indicator/i);
    await page.screenshot({ path: path.join(ARTIFACTS, 'indicators-en.png') });
  });
});
