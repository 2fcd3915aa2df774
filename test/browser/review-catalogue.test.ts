import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { getJson, startTestServer } from '../support/server.ts';
import { ARTIFACTS, launchBrowser, signedInPage } from '../support/browser.ts';

/** A development-zone plan of another province: its places are not in the (Yunnan) catalogue. */
const PLAN_TEXT = `四川省成都市“十四五”开发区发展规划

第一章 发展目标

到2025年，全省开发区营业收入达到3000亿元，外贸进出口总额达到1000亿元。

到2025年，全省地区生产总值达到65000亿元。

基本建成西部金融中心。

第二章 重点任务

加快建设现代物流体系（市发展改革委牵头）。
`;

const card = (page: Page, kind: 'target' | 'task', text: string | RegExp): Locator =>
  page.getByTestId(`candidate-${kind}`).filter({ hasText: text });

/**
 * Issue 17 item 5, by the plan manager alone in the review: create the other province's units, move
 * the targets to the new default scope in one action, add a missed target, split a candidate, merge.
 */
describe('review of another province’s plan in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  before(async () => {
    server = await startTestServer('pglite');
    browser = await launchBrowser();
    page = await signedInPage(browser, server.url, 'planner');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates 四川省 and 成都市 in the review, re-scopes, adds and splits, and merges', async () => {
    await page.goto(`${server.url}/#/ingest`);
    await page.getByTestId('ingest-file').setInputFiles({
      name: 'chengdu-zones.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(PLAN_TEXT, 'utf8'),
    });
    await page.getByTestId('ingest-upload').click();
    await page.waitForURL(/#\/ingest\/\d+$/);
    await page.getByTestId('candidate-target').first().waitFor();

    // The sentence names 全省 = 四川省, which the catalogue lacks: create it from the card, prefilled.
    const digital = card(page, 'target', '达到65000亿元');
    await digital.getByTestId('new-scope').click();
    const form = digital.getByTestId('new-scope-form');
    assert.equal(await form.getByTestId('new-scope-name').inputValue(), '四川省');
    assert.equal(await form.getByTestId('new-scope-kind').inputValue(), 'province');
    await form.getByTestId('new-scope-save').click();
    await form.waitFor({ state: 'detached' });
    const units = await getJson<{ items: { code: string; name: string; parent: string | null }[] }>(
      server.url,
      '/api/v1/org-units?q=四川',
    );
    const sichuan = units.body.items.find((u) => u.name === '四川省')!;
    assert.equal(sichuan.parent, null);
    await digital.locator('dd', { hasText: '四川省' }).first().waitFor();

    // The default scope (a Yunnan group, from the word 开发区) becomes 四川省: that target now names the default.
    await page.getByTestId('plan-scope-kind').selectOption('orgUnit');
    await page.getByTestId('plan-scope').selectOption(sichuan.code);
    assert.equal(await page.getByTestId('rescope-offer').count(), 0);

    // Then a new city under it becomes the default, created from the plan form: one action moves the target.
    await page.getByTestId('plan-new-scope').click();
    const planForm = page.locator('.plan-form').getByTestId('new-scope-form');
    await planForm.getByTestId('new-scope-name').fill('成都市');
    await planForm.getByTestId('new-scope-kind').selectOption('prefecture');
    await planForm.getByTestId('new-scope-parent').selectOption(sichuan.code);
    await planForm.getByTestId('new-scope-save').click();
    await page.getByTestId('rescope-offer').waitFor();
    assert.match(await page.getByTestId('rescope-offer').innerText(), /1 条目标仍指定为“四川省”/);
    await page.getByTestId('rescope-apply').click();
    await page.getByTestId('rescope-offer').waitFor({ state: 'detached' });
    await digital.locator('dd', { hasText: '成都市' }).first().waitFor();
    assert.match(await digital.innerText(), /成都市 · 规划默认适用范围/);

    // A missed qualitative target, added from the document's sentence.
    await page.getByTestId('add-passage').fill('基本建成西部金融中心。');
    await page.getByTestId('add-target').click();
    const added = page.getByTestId('candidate-target').filter({ has: page.getByTestId('candidate-added') });
    const editor = added.getByTestId('target-editor');
    await editor.getByTestId('edit-indicator').selectOption('GDP');
    await editor.getByTestId('edit-comparator').selectOption('qualitative');
    await editor.getByTestId('edit-text').fill('基本建成西部金融中心');
    await editor.getByTestId('edit-save').click();
    await added.getByTestId('target-editor').waitFor({ state: 'detached' });
    assert.match(await added.getByTestId('candidate-added').innerText(), /手工添加/);

    // 营业收入 split in two: the copy is edited on its own (another value).
    const revenue = card(page, 'target', '营业收入');
    await revenue.first().getByTestId('split').click();
    const copy = card(page, 'target', '拆分而来');
    await copy.getByTestId('edit-value').fill('3500');
    await copy.getByTestId('edit-save').click();
    await revenue.first().getByTestId('accept').click();
    await digital.getByTestId('accept').click();
    await card(page, 'target', 'TRADE_TOTAL').getByTestId('reject').click();
    await card(page, 'task', '现代物流体系').getByTestId('reject').click();

    await page.getByTestId('plan-id').fill('chengdu-zones-2021-2025');
    await page.getByTestId('plan-issuer').fill('成都市人民政府');
    await page.screenshot({ path: path.join(ARTIFACTS, 'ingest-other-province.png'), fullPage: true });
    await page.getByTestId('merge').click();
    await page.waitForURL(/#\/plans\/chengdu-zones-2021-2025/);

    const targets = await getJson<{
      items: {
        indicator: { code: string };
        orgUnit: { code: string } | null;
        target: { value: string | null };
        source: { quote: string };
      }[];
    }>(server.url, '/api/v1/targets?plan=chengdu-zones-2021-2025');
    const chengdu = (
      await getJson<{ items: { code: string; name: string }[] }>(server.url, `/api/v1/org-units?parent=${sichuan.code}`)
    ).body.items[0]!;
    assert.equal(chengdu.name, '成都市');
    const items = targets.body.items;
    assert.equal(items.length, 4);
    assert.deepEqual(new Set(items.map((t) => t.orgUnit?.code)), new Set([chengdu.code]));
    assert.deepEqual(
      items
        .filter((t) => t.indicator.code === 'REVENUE')
        .map((t) => t.target.value)
        .sort(),
      ['3000', '3500'],
    );
    assert.deepEqual(
      items.filter((t) => /西部金融中心/.test(t.source.quote)).map((t) => t.indicator.code),
      ['GDP'],
    );
  });
});
