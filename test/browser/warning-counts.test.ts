import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { Browser, Page } from 'playwright-core';
import type { MapData, PlanProgress } from '../../src/presenters/progress.presenter.ts';
import { refreshWarnings } from '../../src/services/warnings/warning-monitor.service.ts';
import { ARTIFACTS, launchBrowser, signedInPage, hashIncludes } from '../support/browser.ts';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';

/** The plan whose overview said 红色0/黄色37 beside a list of stored episodes of another period. */
const PLAN = 'yunnan-parks-2021-2025';

/**
 * Issue 19, "one number everywhere": on the same data (the daily warnings job has recorded its
 * episodes for the latest closed month, the overview opens at its own default period), the panel,
 * the warning list, the table's warning column, the .docx, the .xlsx and the map's classes agree.
 */
describe('warning counts and classes agree across panel, list, table, map, .docx and .xlsx', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  let session: Session;
  let progress: PlanProgress;

  before(async () => {
    server = await startTestServer('pglite', { demoData: true });
    // As the scheduler does every day: episodes recorded at the latest month that is over.
    await refreshWarnings(server.database);
    session = await loginAs(server.url, 'leader');
    browser = await launchBrowser();
    page = await signedInPage(browser, server.url, 'leader');
    await page.goto(`${server.url}/#/monitor/${PLAN}`);
    const at = await page.getByTestId('overview-data').getAttribute('data-at', { timeout: 60_000 });
    assert.ok(at);
    const res = await request<PlanProgress>(server.url, 'GET', `/api/v1/progress?plan=${PLAN}&at=${at}`, { auth: session });
    assert.equal(res.status, 200);
    progress = res.body;
    assert.ok(progress.summary.warnings.red + progress.summary.warnings.yellow > 0, 'the demo figures raise warnings');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the panel, the warning list and the table count the same red and yellow warnings', async () => {
    const w = progress.summary.warnings;
    const panel = async (level: string) =>
      Number(await page.locator(`[data-testid="warning-counts"] li[data-level="${level}"]`).getAttribute('data-count'));
    assert.deepEqual({ red: await panel('red'), yellow: await panel('yellow'), green: await panel('green') }, w);
    const section = page.getByTestId('warnings-section');
    await section.waitFor();
    const listed = (level: string) => page.locator(`[data-testid="warning-episode"][data-level="${level}"]`).count();
    assert.equal(await listed('red'), w.red, 'red in the list');
    assert.equal(await listed('yellow'), w.yellow, 'yellow in the list');
    assert.equal(await section.getAttribute('data-open'), String(w.red + w.yellow));
    const summary = await page.getByTestId('warnings-summary').innerText();
    assert.ok(summary.includes(`红色 ${w.red} 项、黄色 ${w.yellow} 项`), summary);
    // The table pages by 20 (issue 19): filtered by level, its count line is the level's count.
    const inTable = async (level: string) => {
      await page.getByTestId('filter-warning').selectOption(level);
      await hashIncludes(page, `warning=${level}`);
      return Number(await page.getByTestId('targets-shown').getAttribute('data-count'));
    };
    assert.equal(await inTable('red'), w.red, 'red in the table');
    assert.equal(await inTable('yellow'), w.yellow, 'yellow in the table');
    await page.getByTestId('filter-warning').selectOption('');
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: path.join(ARTIFACTS, 'warning-counts-list.png') });
  });

  it('the .docx and the .xlsx the page links to state the same counts', async () => {
    const w = progress.summary.warnings;
    const get = async (testId: string) => {
      const link = await page.getByTestId(testId).getAttribute('href');
      assert.ok(link);
      const res = await request<ArrayBuffer>(server.url, 'GET', link, { auth: session });
      assert.equal(res.status, 200);
      return res.body;
    };
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await get('report-docx')) })).value;
    assert.ok(text.includes(`红色预警${w.red}项，黄色预警${w.yellow}项，绿色${w.green}项`), 'docx summary');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await get('report-xlsx'));
    const sheet = wb.getWorksheet('预警指标');
    assert.ok(sheet);
    const levels: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) levels.push(String(row.getCell(2).value));
    });
    assert.equal(levels.filter((l) => l === '红色').length, w.red, 'xlsx red');
    assert.equal(levels.filter((l) => l === '黄色').length, w.yellow, 'xlsx yellow');
  });

  it('the map gives each unit the class the overview gives its target', async () => {
    // Targets the map can show unambiguously: one target of the indicator for the unit in the plan.
    const seen = new Map<string, number>();
    for (const t of progress.targets)
      seen.set(`${t.indicator.code}/${t.subject.code}`, (seen.get(`${t.indicator.code}/${t.subject.code}`) ?? 0) + 1);
    const single = progress.targets.filter(
      (t) => t.subject.kind === 'org_unit' && seen.get(`${t.indicator.code}/${t.subject.code}`) === 1,
    );
    let compared = 0;
    for (const code of new Set(single.map((t) => t.indicator.code))) {
      const res = await request<MapData>(
        server.url,
        'GET',
        `/api/v1/progress/map?indicator=${encodeURIComponent(code)}&at=${progress.at}&plan=${PLAN}`,
        { auth: session },
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const onMap = new Map([...res.body.prefectures, ...res.body.zones].map((u) => [u.code, u.class]));
      for (const t of single.filter((x) => x.indicator.code === code && onMap.has(x.subject.code))) {
        assert.equal(onMap.get(t.subject.code), t.judgement.class, `${t.key} ${t.subject.code}`);
        compared++;
      }
    }
    assert.ok(compared > 0, 'some targets are on the map');
  });
});
