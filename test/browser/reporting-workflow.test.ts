import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';
import { ARTIFACTS, launchBrowser, signedInPage } from '../support/browser.ts';
import { closedPeriods } from '../../src/domain/reporting/forms/form-periods.ts';
import { OPEN_PERIODS, RECENT_PERIODS } from '../../src/domain/reporting/workflow/work-periods.ts';

const FORM = 'DEV_ZONE_MONTHLY';
const UNIT = 'ZN-HH-MENGZI';
const RETURN_COMMENT = '固定资产投资与月度调度数不符，请核实';
/** Written at the 从业人员 cell on the review view (issue 18), with a full-width comma kept as written. */
const CELL_COMMENT = '较上期增加 64%，请附新增企业名单，并核对社保人数';

/** The approved month before the one entered, so the change-vs-previous rule has something to compare. */
const PREVIOUS_FIGURES: Record<string, string> = {
  REVENUE: '100',
  INDUSTRIAL_OUTPUT: '90',
  INDUSTRIAL_VA_ABOVE_SCALE: '22',
  FAI: '28',
  TAX_REVENUE: '6',
  TRADE_TOTAL: '11',
  LAND_AREA_MU: '15000',
  EMPLOYEES: '14000',
};

interface Sheet {
  submission: {
    status: string;
    version: number;
    reviewComment: string | null;
    explanations: Record<string, string>;
    cellComments: Record<string, string>;
  };
  items: { indicator: string; value: string | null; version: number }[];
  findings: { ruleId: string; severity: string; key: string; indicators: string[] }[];
  canSubmit: boolean;
  history: { action: string; after: { status?: string; comment?: string } }[];
}
type ErrorBody = { error: { code: string } };

async function shot(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(ARTIFACTS, `reporting-${name}.png`), fullPage: true });
}

/** The month before a YYYY-MM month (never January here). */
function monthBefore(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

describe('statistical reporting workflow in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let reporterApi: Session;
  let reviewerApi: Session;
  let reporter: Page;
  let reviewer: Page;
  let period: string;
  let sheetPath: string;

  const sheet = async () => (await request<Sheet>(server.url, 'GET', sheetPath, { auth: reporterApi })).body;
  const value = (s: Sheet, indicator: string) => s.items.find((i) => i.indicator === indicator)!.value;
  const cell = (page: Page, indicator: string) => page.locator(`[data-testid="cell"][data-indicator="${indicator}"]`);
  const entryStatus = (page: Page, status: string) => page.locator(`[data-testid="entry-page"][data-status="${status}"]`);
  const reviewStatus = (page: Page, status: string) => page.locator(`[data-testid="review-view"][data-status="${status}"]`);
  const reviewRow = (page: Page, indicator: string) => page.locator(`[data-testid="review-row"][data-indicator="${indicator}"]`);
  /** Waits until the grid has saved everything typed (the status goes pending → saving → saved). */
  const saved = (page: Page) => page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();

  /** A block as Excel puts it on the clipboard, pasted into a cell. */
  /** A block as Excel puts it on the clipboard, pasted into a cell (the test's tsconfig has no DOM types). */
  const pasteInto = (page: Page, indicator: string, text: string) =>
    page.evaluate(`(() => {
      const el = document.querySelector('[data-testid="cell"][data-indicator="${indicator}"]');
      const data = new DataTransfer();
      data.setData('text/plain', ${JSON.stringify(text)});
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);

  before(async () => {
    server = await startTestServer('pglite');
    browser = await launchBrowser();
    reporterApi = await loginAs(server.url, 'mengzi.reporter');
    reviewerApi = await loginAs(server.url, 'hh.reviewer');

    // A month the API lists as open for the unit (and not January, whose previous month is in another year).
    const work = await request<
      { form: { code: string }; rows: { orgUnit: { code: string }; period: string; status: string | null }[] }[]
    >(server.url, 'GET', '/api/v1/reporting/my-work', { auth: reporterApi });
    const rows = work.body.find((w) => w.form.code === FORM)!.rows.filter((r) => r.orgUnit.code === UNIT);
    period = rows.find((r) => !r.period.endsWith('-01') && r.status === null)!.period;
    sheetPath = `/api/v1/submissions/${FORM}/${UNIT}/${period}`;

    // The month before is approved already (through the API): its figures are the 上期 column.
    const prev = `/api/v1/submissions/${FORM}/${UNIT}/${monthBefore(period)}`;
    let res = await request<Sheet>(server.url, 'PUT', `${prev}/values`, {
      auth: reporterApi,
      body: { values: Object.entries(PREVIOUS_FIGURES).map(([indicator, v]) => ({ indicator, value: v, expectedVersion: 0 })) },
    });
    assert.equal(res.status, 200);
    res = await request<Sheet>(server.url, 'POST', `${prev}/submit`, {
      auth: reporterApi,
      body: { version: res.body.submission.version },
    });
    assert.equal(res.status, 200);
    res = await request<Sheet>(server.url, 'POST', `${prev}/approve`, {
      auth: reviewerApi,
      body: { version: res.body.submission.version },
    });
    assert.equal(res.body.submission.status, 'approved');

    reporter = await signedInPage(browser, server.url, 'mengzi.reporter');
    reviewer = await signedInPage(browser, server.url, 'hh.reviewer');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the open month in 我的填报 and opens its entry grid', async () => {
    await reporter.goto(`${server.url}/#/plans`);
    await reporter.getByTestId('nav-reporting').click();
    await reporter.waitForURL(/#\/reporting$/);
    assert.equal(await reporter.getByTestId('nav-reporting').innerText(), '填报');
    const row = reporter.locator(`[data-testid="work-row"][data-unit="${UNIT}"][data-period="${period}"]`);
    await row.waitFor();
    assert.equal(await row.getAttribute('data-status'), 'none');
    assert.match(await row.getByTestId('timeliness').innerText(), /逾期未报|待报送/);
    await reporter.getByTestId('overdue-section').waitFor();
    await shot(reporter, '1-my-work');

    await row.getByTestId('open-sheet').click();
    await entryStatus(reporter, 'draft').waitFor();
    assert.equal(await reporter.getByTestId('entry-row').count(), 10);
    // The previous month's approved figures beside each cell.
    const revenueRow = reporter.locator('[data-testid="entry-row"][data-indicator="REVENUE"]');
    assert.equal(await revenueRow.getByTestId('previous').innerText(), '100');
    assert.match(await revenueRow.innerText(), /亿元/);
  });

  it('fills the grid by keyboard and paste, shows inline errors and warnings, and submits', async () => {
    const page = reporter;
    // A negative figure first: inline errors, saved as a draft.
    await cell(page, 'REVENUE').click();
    await page.keyboard.type('-5');
    await page.keyboard.press('Tab');
    await saved(page);
    const negative = page.locator('[data-testid="finding"][data-rule="non-negative"]');
    await negative.waitFor();
    assert.equal(await negative.getAttribute('data-severity'), 'error');
    assert.match(await negative.innerText(), /数值不能为负/);
    assert.equal(await cell(page, 'REVENUE').getAttribute('aria-invalid'), 'true');
    assert.equal(value(await sheet(), 'REVENUE'), '-5');
    await shot(page, '2-inline-error');

    // The focus moved on to the next cell: type there, Enter goes down, Tab goes on.
    assert.equal(await page.evaluate('document.activeElement?.getAttribute("data-indicator")'), 'INDUSTRIAL_OUTPUT');
    await page.keyboard.type('98.2');
    await page.keyboard.press('Enter');
    await page.keyboard.type('25.1');
    await page.keyboard.press('Tab');
    // FAI, TAX_REVENUE, TRADE_TOTAL from one block copied out of Excel (one column, trailing newline).
    await pasteInto(page, 'FAI', '30\r\n6.4\r\n12.3\r\n');
    await page.getByTestId('paste-note').waitFor();
    assert.equal(await cell(page, 'TRADE_TOTAL').inputValue(), '12.3');
    // ↓ skips the optional FDI cell; the grid shows 15000 grouped once the cell is left.
    await cell(page, 'TRADE_TOTAL').click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('15000');
    await page.keyboard.press('Enter');
    await page.keyboard.type('23000');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await cell(page, 'EMPLOYEES').inputValue(), '23,000');

    // Esc puts back what the cell held: the wrong revenue is corrected afterwards.
    await cell(page, 'REVENUE').click();
    await page.keyboard.type('999');
    await page.keyboard.press('Escape');
    assert.equal(await cell(page, 'REVENUE').inputValue(), '-5');
    await page.keyboard.type('160');
    await page.keyboard.press('Tab');
    await saved(page);
    await negative.waitFor({ state: 'detached' });

    let s = await sheet();
    assert.deepEqual(Object.fromEntries(s.items.map((i) => [i.indicator, i.value])), {
      REVENUE: '160',
      INDUSTRIAL_OUTPUT: '98.2',
      INDUSTRIAL_VA_ABOVE_SCALE: '25.1',
      FAI: '30',
      TAX_REVENUE: '6.4',
      TRADE_TOTAL: '12.3',
      FDI_ACTUAL: null,
      LAND_AREA_MU: '15000',
      EMPLOYEES: '23000',
      RD_EXPENDITURE: null,
    });
    // Employees +64% on the previous month: a warning that needs an explanation; nothing else (revenue is
    // year-to-date, judged year on year, and there is no last year here).
    assert.deepEqual(
      s.findings.map((f) => [f.ruleId, f.severity]),
      [['change-vs-previous', 'warning']],
    );
    assert.equal(s.canSubmit, false);
    const warning = page.locator('[data-testid="finding"][data-rule="change-vs-previous"]');
    assert.equal(await warning.getAttribute('data-severity'), 'warning');
    assert.equal(await page.getByTestId('submit').isDisabled(), true);
    assert.match(await page.getByTestId('submit-reasons').innerText(), /1 条预警需填写情况说明/);
    await shot(page, '3-warning');

    await warning.getByTestId('explanation').fill('新增重点企业投产，从业人员大幅增加');
    await page.keyboard.press('Tab');
    await saved(page);
    await page.locator('[data-testid="submit"]:not([disabled])').waitFor();
    s = await sheet();
    assert.equal(s.canSubmit, true);
    assert.equal(s.submission.explanations['change-vs-previous/EMPLOYEES'], '新增重点企业投产，从业人员大幅增加');

    // A file the unit sends with the sheet (issue 18): the review view lists it.
    const upload = await request<{ id: string }>(server.url, 'POST', '/api/v1/attachments?name=ledger.txt', {
      auth: reporterApi,
      body: new TextEncoder().encode('固定资产投资台账'),
      headers: { 'content-type': 'text/plain' },
    });
    assert.equal(upload.status, 201, JSON.stringify(upload.body));
    const attached = await request(server.url, 'POST', `${sheetPath}/attachments`, {
      auth: reporterApi,
      body: { attachments: [upload.body.id] },
    });
    assert.equal(attached.status, 200, JSON.stringify(attached.body));

    await page.getByTestId('submit').click();
    await entryStatus(page, 'submitted').waitFor();
    await page.getByTestId('read-only-note').waitFor();
    assert.equal(await cell(page, 'FAI').getAttribute('readonly'), '');
    s = await sheet();
    assert.equal(s.submission.status, 'submitted');
    assert.deepEqual(
      s.history.map((h) => h.action),
      ['submit', 'attach'],
    );
    await shot(page, '4-submitted');
  });

  it('opens the review view from the review queue and returns the sheet with comments at cells (issue 18)', async () => {
    const page = reviewer;
    await page.goto(`${server.url}/#/reporting`);
    await page.getByTestId('review-queue-link').click();
    const row = page.locator(`[data-testid="queue-row"][data-unit="${UNIT}"][data-period="${period}"]`);
    await row.waitFor();
    await shot(page, '5-review-queue');
    await row.getByTestId('review-open').click();
    await page.waitForURL(new RegExp(`#/reporting/review/${FORM}/${UNIT}/${period}$`));
    await reviewStatus(page, 'submitted').waitFor();
    // A review view, not the entry grid: figures are read, there is nothing to type into.
    assert.equal(await page.getByTestId('cell').count(), 0);
    assert.equal(await page.getByTestId('review-row').count(), 10);
    const revenue = reviewRow(page, 'REVENUE');
    assert.equal(await revenue.getByTestId('review-value').innerText(), '160 亿元');
    assert.equal(await revenue.getByTestId('review-previous').innerText(), '100');
    assert.equal(await revenue.getByTestId('change-previous').innerText(), '+60 (+60.0%)');
    // No figure for the same month last year: no 同比 rather than a guess.
    assert.equal(await revenue.getByTestId('year-on-year').innerText(), '—');
    assert.equal(await reviewRow(page, 'EMPLOYEES').getByTestId('change-previous').innerText(), '+9000 (+64.3%)');
    assert.equal(await reviewRow(page, 'FDI_ACTUAL').getByTestId('review-value').innerText(), '未填报');
    // The warning with the reporter's 情况说明, read-only.
    const employees = reviewRow(page, 'EMPLOYEES');
    assert.equal(await employees.getByTestId('review-finding').getAttribute('data-rule'), 'change-vs-previous');
    assert.equal(await employees.getByTestId('review-explanation').innerText(), '情况说明：新增重点企业投产，从业人员大幅增加');
    assert.match(await page.getByTestId('review-finding-counts').innerText(), /错误 0 条，预警 1 条/);
    assert.deepEqual(await page.getByTestId('sheet-attachment').locator('a').allInnerTexts(), ['ledger.txt']);

    assert.equal(await page.getByTestId('return').isDisabled(), true, 'returning needs a comment');
    await page.locator('[data-testid="cell-review-comment"][data-indicator="EMPLOYEES"]').fill(CELL_COMMENT);
    assert.equal(await page.getByTestId('return').isDisabled(), false, 'a comment at a cell is reason enough');
    assert.equal(
      await page.getByTestId('approve').isDisabled(),
      true,
      'a sheet with comments at cells is returned, not approved',
    );
    await page.getByTestId('review-comment').fill(RETURN_COMMENT);
    await shot(page, '6a-review-view');
    await page.getByTestId('return').click();
    await reviewStatus(page, 'returned').waitFor();
    const s = await sheet();
    assert.equal(s.submission.status, 'returned');
    assert.equal(s.submission.reviewComment, RETURN_COMMENT);
    assert.deepEqual(s.submission.cellComments, { EMPLOYEES: CELL_COMMENT });
    await shot(page, '6-returned');
  });

  it('shows the reporter the comment; the corrected sheet is resubmitted', async () => {
    const page = reporter;
    await page.goto(`${server.url}/#/reporting`);
    const row = page.locator(`[data-testid="work-row"][data-unit="${UNIT}"][data-period="${period}"]`);
    await row.waitFor();
    assert.equal(await row.getAttribute('data-status'), 'returned');
    assert.match(await row.innerText(), new RegExp(RETURN_COMMENT));
    await row.getByTestId('open-sheet').click();
    await entryStatus(page, 'returned').waitFor();
    assert.match(await page.getByTestId('returned-comment').innerText(), new RegExp(RETURN_COMMENT));
    // Issue 18: the comment names 固定资产投资, so it is shown at that cell too, as written; the comment
    // the reviewer wrote at 从业人员 is shown at that cell; no other cell has one.
    const faiRow = page.locator('[data-testid="entry-row"][data-indicator="FAI"]');
    assert.equal(await faiRow.getByTestId('cell-comment').innerText(), `审核意见：${RETURN_COMMENT}`);
    const employeesRow = page.locator('[data-testid="entry-row"][data-indicator="EMPLOYEES"]');
    assert.equal(await employeesRow.getByTestId('cell-comment').innerText(), `审核意见：${CELL_COMMENT}`);
    assert.equal(await employeesRow.getByTestId('cell-comment').getAttribute('data-kind'), 'cell');
    assert.equal(await page.getByTestId('cell-comment').count(), 2);
    await shot(page, '7-comment');

    // Meanwhile someone else saves the same cell: the grid shows both values and keeps the chosen one.
    let s = await sheet();
    const fai = s.items.find((i) => i.indicator === 'FAI')!;
    const other = await request<Sheet>(server.url, 'PUT', `${sheetPath}/values`, {
      auth: reporterApi,
      body: { values: [{ indicator: 'FAI', value: '40', expectedVersion: fai.version }] },
    });
    assert.equal(other.status, 200);
    await cell(page, 'FAI').click();
    await page.keyboard.type('31.2');
    await page.keyboard.press('Enter');
    const conflict = page.locator('[data-testid="conflict"][data-indicator="FAI"]');
    await conflict.waitFor();
    assert.equal(await page.getByTestId('save-status').getAttribute('data-state'), 'conflict');
    assert.equal(await conflict.getByTestId('conflict-yours').innerText(), '31.2');
    assert.equal(await conflict.getByTestId('conflict-theirs').innerText(), '40');
    assert.equal(await page.getByTestId('submit').isDisabled(), true);
    await shot(page, '7b-conflict');
    await conflict.getByTestId('keep-mine').click();
    await page.getByTestId('conflict-panel').waitFor({ state: 'detached' });
    await saved(page);
    s = await sheet();
    assert.equal(value(s, 'FAI'), '31.2');
    assert.equal(s.canSubmit, true);
    await page.getByTestId('submit').click();
    await entryStatus(page, 'submitted').waitFor();
    s = await sheet();
    assert.equal(s.submission.status, 'submitted');
  });

  it('lets the reviewer approve; the sheet is then read-only and its history lists every step', async () => {
    await reviewer.goto(`${server.url}/#/reporting/review`);
    const row = reviewer.locator(`[data-testid="queue-row"][data-unit="${UNIT}"][data-period="${period}"]`);
    await row.getByTestId('review-open').click();
    await reviewStatus(reviewer, 'submitted').waitFor();
    // The resubmitted sheet starts without comments at cells.
    assert.equal(await reviewer.locator('[data-testid="cell-review-comment"][data-indicator="EMPLOYEES"]').inputValue(), '');
    await reviewer.getByTestId('approve').click();
    await reviewStatus(reviewer, 'approved').waitFor();
    await reviewer.getByTestId('reopen').waitFor();
    let s = await sheet();
    assert.equal(s.submission.status, 'approved');
    await shot(reviewer, '8-approved');

    const page = reporter;
    await page.reload();
    await entryStatus(page, 'approved').waitFor();
    assert.match(await page.getByTestId('read-only-note').innerText(), /已审核通过并锁定/);
    assert.equal(await page.getByTestId('submit').count(), 0);
    for (const c of await page.getByTestId('cell').all()) assert.equal(await c.getAttribute('readonly'), '');
    await cell(page, 'FAI').click();
    await page.keyboard.type('1');
    assert.equal(await cell(page, 'FAI').inputValue(), '31.2');
    const locked = await request<ErrorBody>(server.url, 'PUT', `${sheetPath}/values`, {
      auth: reporterApi,
      body: { values: [{ indicator: 'FAI', value: '1', expectedVersion: s.items.find((i) => i.indicator === 'FAI')!.version }] },
    });
    assert.equal(locked.status, 409);
    assert.equal(locked.body.error.code, 'LOCKED');

    // Every step, newest first, in the API and on the page.
    s = await sheet();
    const steps = ['approve', 'submit', 'return', 'submit', 'attach'];
    assert.deepEqual(
      s.history.map((h) => h.action),
      steps,
    );
    assert.equal(s.history[2]!.after.comment, RETURN_COMMENT);
    const entries = page.getByTestId('history-entry');
    assert.deepEqual(await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-action'))), steps);
    assert.match(await entries.nth(2).innerText(), new RegExp(RETURN_COMMENT));
    await shot(page, '9-locked');

    // The same sheet in English.
    await page.getByTestId('lang-switch').click();
    await page.getByText('Workflow history').waitFor();
    assert.equal(await page.getByTestId('submission-status').first().innerText(), 'Approved');
    await page.getByTestId('lang-switch').click();
  });

  it('lists an overdue month older than the recent ones, labelled in Chinese (issue 18)', async () => {
    const open = closedPeriods('month', '2021-01', new Date().toISOString().slice(0, 10), OPEN_PERIODS.month);
    const old = open[RECENT_PERIODS.month + 2]!;
    const [y, m] = old.split('-').map(Number) as [number, number];
    await reporter.goto(`${server.url}/#/reporting`);
    const row = reporter.locator(`[data-testid="work-row"][data-unit="${UNIT}"][data-period="${old}"]`);
    await row.waitFor();
    assert.equal(await row.getAttribute('data-owed'), 'true');
    assert.match(await row.innerText(), new RegExp(`${y}年${m}月`));
    assert.equal(await row.getByTestId('timeliness').innerText(), '逾期未报');
    const note = reporter.locator(`[data-testid="work-form"][data-form="${FORM}"] [data-testid="work-owed"]`);
    assert.match(await note.innerText(), new RegExp(`^有 \\d+ 期逾期未报或被退回待改：.*${y}年${m}月`));
    assert.doesNotMatch(await note.innerText(), /[A-Za-z]/, 'no English or codes in the zh note');
  });
  it("marks last period's figure 未审核 on the review view while it awaits review; zh without English, English on switch", async () => {
    // Two older open months, both submitted and neither approved: the later one's 上期 is what the unit sent.
    const open = closedPeriods('month', '2021-01', new Date().toISOString().slice(0, 10), OPEN_PERIODS.month);
    const [later, earlier] = [open[10]!, open[11]!];
    for (const [p, revenue] of [
      [earlier, '80'],
      [later, '100'],
    ] as const) {
      const path = `/api/v1/submissions/${FORM}/${UNIT}/${p}`;
      const figures = { ...PREVIOUS_FIGURES, REVENUE: revenue };
      let res = await request<Sheet>(server.url, 'PUT', `${path}/values`, {
        auth: reporterApi,
        body: { values: Object.entries(figures).map(([indicator, v]) => ({ indicator, value: v, expectedVersion: 0 })) },
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      res = await request<Sheet>(server.url, 'POST', `${path}/submit`, {
        auth: reporterApi,
        body: { version: res.body.submission.version },
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
    const page = reviewer;
    await page.goto(`${server.url}/#/reporting/review/${FORM}/${UNIT}/${later}`);
    await reviewStatus(page, 'submitted').waitFor();
    const revenue = reviewRow(page, 'REVENUE');
    assert.equal(await revenue.getByTestId('review-previous').innerText(), '80未审核');
    assert.equal(await revenue.getByTestId('figure-unreviewed').innerText(), '未审核');
    assert.equal(await revenue.getByTestId('change-previous').innerText(), '+20 (+25.0%)');
    // Nothing in Latin letters on the Chinese view (indicator codes, statuses, field names); the history
    // below names people by their user names, which are theirs.
    const text = await page
      .locator('[data-testid="review-view"] > :not([data-testid="sheet-history"])')
      .evaluateAll((els) => els.map((e) => (e as unknown as { innerText: string }).innerText).join('\n'));
    assert.deepEqual(text.replace(/R&D/g, '').match(/[A-Za-z]{2,}/g), null);
    await shot(page, '10-review-unreviewed');

    await page.getByTestId('lang-switch').click();
    await page.getByText('Year on year').waitFor();
    assert.equal(await revenue.getByTestId('figure-unreviewed').innerText(), 'not yet approved');
    await page.getByTestId('lang-switch').click();
    await page.getByText('同比').first().waitFor();
  });
});
