import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signedInPage } from '../support/browser.ts';
import { request, startTestServer } from '../support/server.ts';

type Group = { code: string; members: string[] };

/** Issue 16 item 2: the plan office's 分组管理 page — assign a county to a 主体功能区 type, with a reason; import Excel. */
describe('分组管理 page in Chromium', () => {
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

  const members = async (code: string) =>
    (await request<{ items: Group[] }>(server.url, 'GET', '/api/v1/groups')).body.items.find((g) => g.code === code)!.members;

  it('puts 景洪市 into 重点生态功能区 with a reason, saved and audited', async () => {
    assert.ok(!(await members('mfa-ecological')).includes('YN-532801'));
    await page.goto(`${server.url}/#/groups`);
    await page.locator('[data-testid="group-pick"]').selectOption('mfa-ecological');
    await page.locator('[data-testid="group-add-pick"]').selectOption('YN-532801');
    await page.locator('[data-testid="group-add"]').click();
    await page.locator('[data-testid="group-members"]').getByText('待加入').waitFor();
    // Without a reason nothing is sent.
    await page.locator('[data-testid="group-save"]').click();
    await page.locator('[data-testid="group-error"]').getByText('请填写调整理由').waitFor();
    assert.ok(!(await members('mfa-ecological')).includes('YN-532801'));

    await page.locator('[data-testid="group-reason"]').fill('按省主体功能区规划');
    await page.locator('[data-testid="group-save"]').click();
    await page.locator('[data-testid="group-saved"]').waitFor();
    assert.ok((await members('mfa-ecological')).includes('YN-532801'));
    await page.locator('[data-testid="group-members"] li', { hasText: '景洪市' }).waitFor();
    const audit = await request(server.url, 'GET', '/api/v1/audit?entity=org_group&key=mfa-ecological');
    assert.match(JSON.stringify(audit.body), /按省主体功能区规划/);
  });

  it('imports an Excel workbook, and shows the server’s Chinese reason for a bad row', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('分组').addRows([
      ['单位代码', '分组'],
      ['532801', '城市化地区'],
      ['539999', '城市化地区'],
    ]);
    await page.goto(`${server.url}/#/groups`);
    await page.locator('[data-testid="group-reason"]').fill('导入');
    await page.locator('[data-testid="group-import-file"]').setInputFiles({
      name: '分组.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await book.xlsx.writeBuffer()),
    });
    await page.locator('[data-testid="group-import-submit"]').click();
    await page.locator('[data-testid="group-import-error"]').getByText('第3行“单位”列：未知单位“539999”').waitFor();
    assert.ok((await members('mfa-ecological')).includes('YN-532801'), 'nothing changed');
  });
});
