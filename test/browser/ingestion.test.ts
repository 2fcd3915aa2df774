import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { getJson, startTestServer } from '../support/server.ts';
import { ARTIFACTS, launchBrowser, signedInPage } from '../support/browser.ts';

const PLAN_ID = 'test-city-2021-2025';

/** A short plan: two catalogue indicators, one growth rate, one indicator the catalogue lacks, one task. */
const PLAN_TEXT = `某市“十四五”经济发展规划

第一章 发展目标

到2025年，全市地区生产总值达到1200亿元，年均增长7%。城镇常住居民人均可支配收入达到5.5万元。

到2025年，全市数字经济核心产业增加值达到150亿元。

第二章 重点任务

加快建设现代物流体系，推动跨境电商发展（省发展改革委牵头，省商务厅配合）。
`;

interface TargetRow {
  key: string;
  indicator: { code: string; name: string };
  target: { comparator: string; value: string | null };
  source: { quote: string; start: number | null; end: number | null };
}

/** The one candidate card whose text matches every pattern. */
function card(page: Page, kind: 'target' | 'task', ...patterns: (string | RegExp)[]): Locator {
  let l = page.getByTestId(`candidate-${kind}`);
  for (const p of patterns) l = l.filter({ hasText: p });
  return l;
}

describe('plan ingestion review in Chromium', () => {
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

  it('offers 导入规划 to plan managers only', async () => {
    await page.goto(`${server.url}/#/plans`);
    await page.getByTestId('nav-ingest').waitFor();
    assert.equal(await page.getByTestId('nav-ingest').innerText(), '导入规划');

    const viewer = await signedInPage(browser, server.url, 'leader');
    await viewer.goto(`${server.url}/#/plans`);
    await viewer.getByTestId('plan-item').first().waitFor();
    assert.equal(await viewer.getByTestId('nav-ingest').count(), 0);
    await viewer.goto(`${server.url}/#/ingest`);
    await viewer.getByTestId('ingest-forbidden').waitFor();
    await viewer.context().close();
  });

  it('uploads a .txt, accepts, edits and rejects candidates, and merges them into a plan', async () => {
    await page.getByTestId('nav-ingest').click();
    await page.waitForURL(/#\/ingest$/);
    await page.getByTestId('ingest-file').setInputFiles({
      name: 'city-plan.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(PLAN_TEXT, 'utf8'),
    });
    await page.getByTestId('ingest-upload').click();
    await page.waitForURL(/#\/ingest\/\d+$/);

    // The document beside its candidates, each highlighted in the text.
    await page.getByTestId('candidate-target').first().waitFor();
    assert.equal(await page.getByTestId('candidate-target').count(), 4);
    assert.equal(await page.getByTestId('candidate-task').count(), 1);
    const doc = page.getByTestId('ingest-document');
    assert.match(await doc.innerText(), /第一章 发展目标/);
    const ids = await page.getByTestId('candidate-target').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
    for (const id of [...ids, await page.getByTestId('candidate-task').getAttribute('data-id')]) {
      assert.ok((await doc.locator(`mark[data-ids~="${id}"]`).count()) > 0, `candidate ${id} is highlighted`);
    }
    // Metadata prefilled from the document.
    assert.equal(await page.getByTestId('plan-title').inputValue(), '某市“十四五”经济发展规划');
    assert.equal(await page.getByTestId('plan-start').inputValue(), '2021');
    assert.equal(await page.getByTestId('plan-end').inputValue(), '2025');

    const gdp = card(page, 'target', '地区生产总值', '≥ 1200 亿元');
    const growth = card(page, 'target', '地区生产总值', '年均增长 7%');
    const digital = card(page, 'target', '数字经济核心产业增加值');
    const task = card(page, 'task', '现代物流');
    for (const c of [gdp, growth, digital, task]) assert.equal(await c.count(), 1);
    assert.match(await gdp.innerText(), /GDP/);
    assert.match(await gdp.innerText(), /置信度 90%/);
    // The unknown indicator says what it needs before it can be merged.
    await digital.getByTestId('new-indicator').waitFor();
    await digital.getByTestId('needs-indicator').waitFor();

    // Selecting a highlight selects its card.
    const digitalId = (await digital.getAttribute('data-id'))!;
    await doc.locator(`mark[data-ids~="${digitalId}"]`).first().click();
    assert.equal(await digital.getAttribute('aria-current'), 'true');

    // Accept one as is, reject one.
    await gdp.getByTestId('accept').click();
    assert.equal(await gdp.getAttribute('data-state'), 'accepted');
    const gdpId = (await gdp.getAttribute('data-id'))!;
    assert.match((await doc.locator(`mark[data-ids~="${gdpId}"]`).first().getAttribute('class')) ?? '', /hl-accepted/);
    await growth.getByTestId('reject').click();
    assert.equal(await growth.getAttribute('data-state'), 'rejected');

    // Edit one: define the new indicator and change the value.
    await digital.getByTestId('edit').click();
    const editor = digital.getByTestId('target-editor');
    await editor.waitFor();
    assert.equal(await editor.getByTestId('edit-indicator').inputValue(), '__new__');
    await editor.getByTestId('edit-new-name-en').fill('Core digital economy value added');
    assert.equal(await editor.getByTestId('edit-new-code').inputValue(), 'CORE_DIGITAL_ECONOMY_VALUE_ADDED');
    await editor.getByTestId('edit-new-code').fill('DIGITAL_CORE_VA');
    assert.equal(await editor.getByTestId('edit-new-unit').inputValue(), '亿元');
    await editor.getByTestId('edit-value').fill('160');
    await editor.getByTestId('edit-save').click();
    await editor.waitFor({ state: 'detached' });
    assert.equal(await digital.getAttribute('data-state'), 'accepted');
    assert.match(await digital.getByTestId('candidate-value').innerText(), /160/);
    assert.equal(await digital.getByTestId('needs-indicator').count(), 0);

    // The rest with high confidence in one go: the income target (85%) and the task (90%).
    await page.getByTestId('accept-high-confidence').click();
    await page.getByTestId('bulk-notice').waitFor();
    const income = card(page, 'target', '城镇常住居民人均可支配收入');
    assert.equal(await income.getAttribute('data-state'), 'accepted');
    assert.equal(await task.getAttribute('data-state'), 'accepted');
    assert.equal(await growth.getAttribute('data-state'), 'rejected');
    assert.match(await task.innerText(), /省发展改革委/);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: path.join(ARTIFACTS, 'ingest-review.png') });

    // Nothing is sent while the form lacks what the plan needs: the issuer, and a scope for the
    // targets (the text names no known place, so the plan has no default scope yet).
    assert.equal(await page.getByTestId('plan-scope').inputValue(), '');
    await page.getByTestId('merge').click();
    const errors = page.getByTestId('merge-errors');
    await errors.waitFor();
    assert.match(await errors.innerText(), /发布机关/);
    assert.equal(await errors.getByTestId('merge-error').filter({ hasText: '适用范围' }).count(), 3);
    assert.match(await gdp.getByTestId('candidate-problems').innerText(), /适用范围/);

    // The server's refusal (an existing plan ID) is listed too, and nothing is written.
    await page.getByTestId('plan-issuer').fill('某市人民政府');
    await page.getByTestId('plan-scope').selectOption('YN-KM');
    assert.match(await gdp.innerText(), /昆明市/);
    await page.getByTestId('plan-id').fill('yunnan-ftz-2021-2025');
    await page.getByTestId('merge').click();
    await errors.filter({ hasText: '重复' }).waitFor();
    assert.match(await errors.innerText(), /规划代码/);
    assert.match(page.url(), /#\/ingest\/\d+$/);

    await page.getByTestId('plan-id').fill(PLAN_ID);
    await page.getByTestId('merge').click();
    await page.waitForURL(new RegExp(`#/plans/${PLAN_ID}$`));

    // The plan page shows the accepted targets with their quotes and the edited value.
    await page.getByTestId('target-card').first().waitFor();
    assert.equal(await page.getByTestId('target-card').count(), 3);
    const gdpCard = page.getByTestId('target-card').filter({ hasText: '地区生产总值' });
    assert.match((await gdpCard.getByTestId('target-quote').innerText()).replace(/\s+/g, ''), /地区生产总值达到1200亿元/);
    const digitalCard = page.getByTestId('target-card').filter({ hasText: '数字经济核心产业增加值' });
    assert.match(await digitalCard.locator('.target-value').innerText(), /≥ 160 亿元/);
    assert.match(
      (await digitalCard.getByTestId('target-quote').innerText()).replace(/\s+/g, ''),
      /数字经济核心产业增加值达到150亿元/,
    );
    // The rejected growth rate is not there (its sentence is, as the quote of the accepted amount).
    const values = await page.locator('[data-testid="target-card"] .target-value').allInnerTexts();
    assert.ok(
      values.every((v) => !v.includes('年均增长')),
      values.join(' | '),
    );
    assert.match(await page.getByTestId('task-card').first().innerText(), /省商务厅/);

    // Consistency panel: collapsed, with a count; opens on click.
    const panel = page.getByTestId('consistency-panel');
    await panel.getByTestId('consistency-count').waitFor();
    assert.equal(await panel.evaluate((d) => d.hasAttribute('open')), false);
    const badge = Number(await panel.getByTestId('consistency-count').innerText());
    await panel.locator('summary').click();
    assert.equal(await panel.getByTestId('consistency-item').count(), badge);
    await page.screenshot({ path: path.join(ARTIFACTS, 'ingest-merged.png') });

    // Every accepted target keeps its quote and offsets into the stored text.
    const { body } = await getJson<{ items: TargetRow[] }>(server.url, `/api/v1/targets?plan=${PLAN_ID}`);
    assert.equal(body.items.length, 3);
    const source = await getJson<{ text: string }>(server.url, `/api/v1/plans/${PLAN_ID}/source`);
    for (const t of body.items) {
      assert.ok(t.source.start !== null && t.source.end !== null, `${t.key} has offsets`);
      assert.equal(source.body.text.slice(t.source.start, t.source.end), t.source.quote);
    }
    const digitalRow = body.items.find((t) => t.indicator.code === 'DIGITAL_CORE_VA');
    assert.equal(digitalRow?.target.value, '160');
  });
});
