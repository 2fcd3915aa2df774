import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { addDays } from '../../src/domain/tasks/escalation.ts';
import { localToday } from '../../src/services/tasks/task-context.ts';
import type { TaskDetail } from '../../src/presenters/task-tracking.presenter.ts';
import { ARTIFACTS, launchBrowser, signedInPage, countIs } from '../support/browser.ts';
import { loginAs, request, startTestServer } from '../support/server.ts';

const PLAN = 'yunnan-pprd-2016';
const TASK = 'task-02'; // 打造生物医药产业集群: 省科技厅 leads
const PASSWORD = 'Tasks-Password-2025';
const UPDATE = '生物医药市场准入合作方案已形成初稿';
const NOTICE = '请说明方案征求意见进展';
const REPLY = '已征求12家单位意见，月底前定稿';
/** What the server keeps: the reply as written, full-width comma included (issue 18: NFKC only in matching keys). */
const REPLY_STORED = REPLY;

async function shot(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
}

describe('task supervision in Chromium: progress update, 督办 notice and reply', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let reporter: Page;
  let planner: Page;

  before(async () => {
    server = await startTestServer('pglite');
    const created = await request(server.url, 'POST', '/api/v1/users', {
      body: {
        username: 'kjt.reporter',
        displayName: '省科技厅填报员',
        orgUnit: 'DEPT-KJT',
        password: PASSWORD,
        grants: [{ role: 'reporter', orgUnit: 'DEPT-KJT' }],
      },
    });
    assert.equal(created.status, 201);
    browser = await launchBrowser();
    const session = await loginAs(server.url, 'kjt.reporter', PASSWORD);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const [name, value] = session.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
    reporter = await context.newPage();
    planner = await signedInPage(browser, server.url, 'planner');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the department its tasks as lead and as co-unit', async () => {
    await reporter.goto(`${server.url}/#/tasks`);
    await reporter.getByTestId('board-asLead').waitFor();
    const lead = reporter.locator(`[data-testid="board-asLead"] [data-testid="task-card"][data-plan="${PLAN}"]`);
    assert.ok((await lead.count()) >= 2, 'tasks 02, 12 and 13 are led by 省科技厅');
    assert.ok((await reporter.locator(`[data-testid="board-asCo"] [data-testid="task-card"]`).count()) > 0);
    assert.equal(await reporter.getByTestId('board-unit-name').evaluate((e) => e.firstChild?.textContent?.trim()), '省科技厅');
    await shot(reporter, 'tasks-board.png');
  });

  it('posts a progress update with an attachment from the task page', async () => {
    await reporter.locator(`[data-testid="board-asLead"] [data-testid="task-card"][data-key="${TASK}"] a`).click();
    await reporter.getByTestId('task-detail').waitFor();
    assert.equal(await reporter.getByTestId('task-detail').getAttribute('data-status'), 'not_started');
    await reporter.getByTestId('update-text').fill(UPDATE);
    await reporter.getByTestId('update-percent').fill('30');
    await reporter.getByTestId('update-file').setInputFiles({
      name: '方案初稿.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% draft\n%%EOF\n'),
    });
    await reporter.getByTestId('update-form-submit').click();
    await reporter.locator('[data-testid="task-detail"][data-status="in_progress"]').waitFor();
    const entry = reporter.getByTestId('timeline-entry').filter({ hasText: UPDATE });
    await entry.waitFor();
    assert.equal(await entry.getByTestId('attachment-link').textContent(), '方案初稿.pdf');
    const href = await entry.getByTestId('attachment-link').getAttribute('href');
    const file = await reporter.request.get(`${server.url}${href}`);
    assert.equal(file.status(), 200);
    assert.equal(file.headers()['content-disposition']?.startsWith('attachment;'), true);
    await shot(reporter, 'task-update.png');
  });

  it('lets the plan office issue a 督办 notice and the unit reply to it', async () => {
    await planner.goto(`${server.url}/#/tasks/${PLAN}/${TASK}`);
    await planner.getByTestId('notice-form').waitFor();
    await planner.getByTestId('notice-unit').selectOption('DEPT-KJT');
    await planner.getByTestId('notice-text').fill(NOTICE);
    await planner.getByTestId('notice-reply-by').fill(addDays(localToday(), 5));
    await planner.getByTestId('notice-form-submit').click();
    await planner.locator('[data-testid="notice"][data-status="open"]').filter({ hasText: NOTICE }).waitFor();

    await reporter.reload();
    const notice = reporter.getByTestId('notice').filter({ hasText: NOTICE });
    await notice.getByTestId('reply-text').fill(REPLY);
    await notice.getByTestId('reply-form-submit').click();
    await reporter
      .locator('[data-testid="notice"][data-status="replied"]')
      .getByTestId('notice-reply')
      .filter({ hasText: REPLY_STORED })
      .waitFor();
    await shot(reporter, 'task-notice.png');

    const detail = await request<TaskDetail>(server.url, 'GET', `/api/v1/tasks/${PLAN}/${TASK}`);
    assert.deepEqual(
      detail.body.notices.map((n) => [n.orgUnit.code, n.status, n.reply?.text]),
      [['DEPT-KJT', 'replied', REPLY_STORED]],
    );
    assert.deepEqual(
      detail.body.timeline.map((e) => [e.kind, e.percent, e.attachments.length]),
      [['update', 30, 1]],
    );
  });

  it('filters the task list by a unit picked from the catalogue by its name, never typed as a code', async () => {
    await planner.goto(`${server.url}/#/tasks/list?plan=${PLAN}`);
    await planner.getByTestId('task-row').first().waitFor();
    const picker = planner.getByTestId('filter-unit');
    assert.equal(await picker.evaluate((e) => e.tagName), 'SELECT', 'the unit filter was a text box asking for a code');
    await picker.selectOption({ label: '省科技厅' });
    await planner.waitForURL(/orgUnit=DEPT-KJT/);
    const listed = await request<{ items: { key: string }[] }>(
      server.url,
      'GET',
      `/api/v1/tasks/tracking?plan=${PLAN}&orgUnit=DEPT-KJT&limit=1000`,
    );
    assert.equal(listed.status, 200);
    await countIs(planner, '[data-testid="task-row"]', listed.body.items.length);
    assert.ok(
      listed.body.items.some((t) => t.key === TASK),
      '省科技厅 leads task-02',
    );
  });

  it('previews an Excel task list and lists the unit names it cannot match', async () => {
    const exported = await request<ArrayBuffer>(server.url, 'GET', `/api/v1/tasks/export?plan=${PLAN}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.body);
    wb.worksheets[0]!.getRow(4).getCell(4).value = '省工业和信息化委、省口岸办';
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    await planner.goto(`${server.url}/#/tasks/list?plan=${PLAN}`);
    await planner.getByTestId('task-row').first().waitFor();
    await planner.getByTestId('task-import').locator('summary').click();
    await planner
      .getByTestId('import-file')
      .setInputFiles({ name: 'tasks.xlsx', mimeType: 'application/octet-stream', buffer: edited });
    await planner.getByTestId('import-preview').click();
    const row = planner.getByTestId('unmatched-row');
    await row.waitFor();
    assert.deepEqual(await row.locator('td').allTextContents(), ['4', '配合单位', '省口岸办']);
    assert.equal(await planner.getByTestId('import-commit').isDisabled(), true, 'not before the names are confirmed');
    await planner.getByTestId('import-keep').check();
    assert.equal(await planner.getByTestId('import-commit').isDisabled(), false);
    await shot(planner, 'task-import.png');
  });
});
