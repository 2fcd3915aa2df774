import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { request, startTestServer } from '../support/server.ts';
import { ARTIFACTS, launchBrowser, signedInPage } from '../support/browser.ts';

interface Boards {
  columns: {
    stage: string;
    projects: { id: number; name: string; stage: string; stalled: boolean; transferredFrom: unknown; zone: { code: string } }[];
  }[];
}

/**
 * The project boards (三张作战图) on the demo projects: open the boards, open a project, change its
 * stage, see the change in the history and the transfer panel with both zones' shares.
 */
describe('project boards in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;

  before(async () => {
    server = await startTestServer('pglite', { demoData: true });
    browser = await launchBrowser();
    // admin: `report` on every zone (a zone's own reporter would do for its zone).
    page = await signedInPage(browser, server.url, 'admin');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the three battle maps with stalled flags, changes a stage and records it in the history', async () => {
    const boards = await request<Boards>(server.url, 'GET', '/api/v1/projects/boards');
    const all = boards.body.columns.flatMap((c) => c.projects);
    assert.ok(
      all.some((p) => p.stalled),
      'the demo has a stalled project',
    );
    const reserve = boards.body.columns.find((c) => c.stage === 'reserve')!.projects[0]!;

    await page.goto(`${server.url}/#/projects`);
    await page.locator('[data-testid="board-planning"]').waitFor();
    for (const s of ['planning', 'packaging', 'reserve'])
      assert.equal(await page.locator(`[data-testid="board-${s}"]`).count(), 1);
    assert.ok((await page.locator('[data-testid="stalled-badge"]').count()) >= 1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'projects-board.png'), fullPage: true });

    // Filtering by a prefecture keeps its zones' projects only.
    await page.locator('[data-testid="filter-zone"]').selectOption('YN-QJ');
    await page.waitForFunction("location.hash.includes('zone=YN-QJ')");
    await page.locator('[data-testid="project-card"]').first().waitFor();
    const qj = boards.body.columns.flatMap((c) => c.projects).filter((p) => p.zone.code === 'ZN-QJ-ETDZ');
    await page.waitForFunction(`document.querySelectorAll('[data-testid="project-card"]').length === ${qj.length}`);
    await page.goto(`${server.url}/#/projects`);
    await page.locator(`[data-testid="project-card"][data-id="${reserve.id}"]`).waitFor();

    await page.locator(`[data-testid="project-card"][data-id="${reserve.id}"] [data-testid="project-link"]`).click();
    await page.locator('[data-testid="project-detail"][data-stage="reserve"]').waitFor();
    await page.locator('[data-testid="stage-to"]').selectOption('signed');
    await page.locator('[data-testid="stage-on"]').fill('2026-11-20');
    await page.locator('[data-testid="stage-reason"]').fill('签约仪式完成');
    await page.locator('[data-testid="stage-submit"]').click();
    await page.locator('[data-testid="project-detail"][data-stage="signed"]').waitFor({ timeout: 15_000 });
    const first = page.locator('[data-testid="history-entry"]').first();
    assert.equal(await first.getAttribute('data-kind'), 'advance');
    assert.match(await first.innerText(), /储备 → 签约/);
    assert.match(await first.innerText(), /签约仪式完成/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'project-stage-change.png'), fullPage: true });

    // Stepping back without a reason is refused with the server's message.
    await page.locator('[data-testid="stage-to"]').selectOption('planning');
    await page.locator('[data-testid="stage-reason"]').fill('');
    await page.locator('[data-testid="stage-submit"]').click();
    assert.match(await page.locator('[data-testid="stage-error"]').innerText(), /原因/);

    const detail = await request<{ stage: string; history: { kind: string }[] }>(
      server.url,
      'GET',
      `/api/v1/projects/${reserve.id}`,
    );
    assert.equal(detail.body.stage, 'signed');
  });

  it('shows a transferred project with both zones’ shares and their reported and attributed figures', async () => {
    const boards = await request<Boards>(server.url, 'GET', '/api/v1/projects/boards');
    const moved = boards.body.columns.flatMap((c) => c.projects).find((p) => p.transferredFrom)!;
    await page.goto(`${server.url}/#/projects/${moved.id}`);
    await page.locator('[data-testid="transfer-agreement"]').waitFor();
    assert.match(await page.locator('[data-testid="transfer-shares"]').innerText(), /40% .* 60%/);
    await page.locator('[data-testid="zone-attribution"]').nth(1).waitFor();
    assert.equal(await page.locator('[data-testid="zone-attribution"]').count(), 2);
    await page.locator('[data-testid="transfer-panel"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'project-transfer.png'), fullPage: true });
  });
});
