import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { request, startTestServer } from '../support/server.ts';
import { ARTIFACTS, launchBrowser, signedInPage, countIs, hashIncludes } from '../support/browser.ts';

interface Boards {
  columns: {
    stage: string;
    projects: { id: number; name: string; stage: string; stalled: boolean; transferredFrom: unknown; zone: { code: string } }[];
  }[];
}
interface IndustryMapZones {
  zones: { code: string; position: { lng: number; lat: number } | null }[];
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
    await hashIncludes(page, 'zone=YN-QJ');
    await page.locator('[data-testid="project-card"]').first().waitFor();
    const qj = boards.body.columns.flatMap((c) => c.projects).filter((p) => p.zone.code === 'ZN-QJ-ETDZ');
    await countIs(page, '[data-testid="project-card"]', qj.length);
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

  it('creates a project through the form, shows it on the board and on the map of its stage', async () => {
    const zone = 'ZN-QJ-ETDZ';
    const name = `曲靖绿色硅材料项目 ${Date.now()}`;
    await page.goto(`${server.url}/#/projects`);
    await page.locator('[data-testid="board-planning"]').waitFor();
    await page.locator('[data-testid="new-project"]').click();
    const form = page.locator('[data-testid="project-form"][data-mode="create"]');
    await form.waitFor();
    await form.locator('[data-testid="form-name"]').fill(name);
    await form.locator('[data-testid="form-zone"]').selectOption(zone);
    await form.locator('[data-testid="form-industry"]').fill('新材料');
    await form.locator('[data-testid="form-planned-packaging"]').fill('2027-03-31');
    // A negative amount is refused by the server's schema; the message sits at the field.
    await form.locator('[data-testid="form-totalInvestment"]').fill('-5');
    await form.locator('[data-testid="form-submit"]').click();
    assert.match(await form.locator('[data-testid="totalInvestment-error"]').innerText(), /不能为负数/);
    assert.equal(await form.locator('[data-testid="form-totalInvestment"]').getAttribute('aria-invalid'), 'true');
    await form.locator('[data-testid="form-totalInvestment"]').fill('12500');
    await form.locator('[data-testid="form-submit"]').click();
    await page.locator('[data-testid="project-created"]').waitFor();

    const boards = await request<Boards>(server.url, 'GET', '/api/v1/projects/boards');
    const planning = boards.body.columns.find((c) => c.stage === 'planning')!.projects;
    const mine = planning.find((p) => p.name === name);
    assert.ok(mine, 'the new project is on the 策划 board');
    assert.equal(mine.zone.code, zone);
    await page.locator(`[data-testid="board-planning"] [data-testid="project-card"][data-id="${mine.id}"]`).waitFor();

    // The map of 策划: one list entry (and one marker, where the zone is placed) per zone with 策划 projects.
    await page.locator('[data-testid="view-map"]').click();
    await hashIncludes(page, 'view=map');
    await page.locator('[data-testid="map-stage"]').selectOption('planning');
    await hashIncludes(page, 'stage=planning');
    const chart = page.locator('[data-testid="project-map-chart"][data-chart-state="finished"]');
    await chart.waitFor();
    const expected = [...new Set(planning.map((p) => p.zone.code))].sort();
    const listed = (await page
      .locator('[data-testid="project-map-zone"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')!))) as string[];
    assert.deepEqual([...listed].sort(), expected);
    const row = page.locator(`[data-testid="project-map-zone"][data-code="${zone}"]`);
    assert.equal(Number(await row.getAttribute('data-count')), planning.filter((p) => p.zone.code === zone).length);
    assert.equal(
      await row.locator(`[data-testid="project-map-link"][data-id="${mine.id}"]`).getAttribute('href'),
      `#/projects/${mine.id}`,
    );

    const imap = await request<IndustryMapZones>(server.url, 'GET', '/api/v1/industry-map');
    const placed = new Set(imap.body.zones.filter((z) => z.position).map((z) => z.code));
    assert.ok(placed.has(zone), 'the industry map places the zone');
    const markers = JSON.parse((await chart.getAttribute('data-markers')) ?? '{}') as Record<string, [number, number]>;
    assert.deepEqual(
      Object.keys(markers).sort(),
      expected.filter((c) => placed.has(c)),
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'projects-map.png'), fullPage: true });

    // The 储备 map lists exactly the zones of the 储备 board, and the new project is not among them.
    await page.locator('[data-testid="map-stage"]').selectOption('reserve');
    await page.locator('[data-testid="project-map"][data-stage="reserve"]').waitFor();
    const reserve = boards.body.columns.find((c) => c.stage === 'reserve')!.projects;
    const reserveListed = (await page
      .locator('[data-testid="project-map-zone"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')!))) as string[];
    assert.deepEqual([...reserveListed].sort(), [...new Set(reserve.map((p) => p.zone.code))].sort());
    assert.equal(await page.locator(`[data-testid="project-map-link"][data-id="${mine.id}"]`).count(), 0);

    // Editing the project while someone else saved first gives the conflict message, not an overwrite.
    await page.goto(`${server.url}/#/projects/${mine.id}`);
    await page.locator('[data-testid="edit-project"]').click();
    const edit = page.locator('[data-testid="project-form"][data-mode="edit"]');
    await edit.waitFor();
    assert.equal(await edit.locator('[data-testid="form-planned-packaging"]').inputValue(), '2027-03-31');
    const current = await request<{ version: number }>(server.url, 'GET', `/api/v1/projects/${mine.id}`);
    const other = await request(server.url, 'PUT', `/api/v1/projects/${mine.id}`, {
      body: { version: current.body.version, industry: '硅光伏' },
    });
    assert.equal(other.status, 200);
    await edit.locator('[data-testid="form-totalInvestment"]').fill('13000');
    await edit.locator('[data-testid="form-submit"]').click();
    const conflict = edit.locator('[data-testid="form-error"][data-conflict="true"]');
    await conflict.waitFor();
    assert.match(await conflict.innerText(), /他人修改/);
    // Reloading shows the other user's change; the form opened again starts from it and the edit goes through.
    await edit.locator('[data-testid="form-reload"]').click();
    await edit.waitFor({ state: 'detached' });
    await page.locator('[data-testid="edit-project"]').click();
    assert.equal(await page.locator('[data-testid="project-form"] [data-testid="form-industry"]').inputValue(), '硅光伏');
    await page.locator('[data-testid="project-form"] [data-testid="form-totalInvestment"]').fill('13000');
    await page.locator('[data-testid="project-form"] [data-testid="form-submit"]').click();
    await page.locator('[data-testid="project-form"]').waitFor({ state: 'detached' });
    const saved = await request<{ totalInvestment: string; industry: string }>(server.url, 'GET', `/api/v1/projects/${mine.id}`);
    assert.equal(Number(saved.body.totalInvestment), 13000);
    assert.equal(saved.body.industry, '硅光伏');
  });
});
