import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import type { RunView, SchemeVersionView } from '../../src/presenters/evaluation.presenter.ts';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';
import { ARTIFACTS, launchBrowser, signedInPage } from '../support/browser.ts';

/** The parks plan's 亩均 evaluation of the development zones (dataset/evaluation-schemes/dev-zone-per-mu.yaml). */
const SCHEME = 'dev-zone-per-mu';
/** Demo figures cover 2021–2025: last year (2023) is run first so the change against last year shows. */
const YEAR = 2024;

async function shot(page: Page, name: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(ARTIFACTS, `evaluation-${name}.png`), fullPage: true });
}

const chartFinished = (page: Page, testId: string) =>
  page.locator(`[data-testid="${testId}"][data-chart-state="finished"]`).waitFor({ timeout: 30_000 });

/** data-unit of the rows of a results table, in the order shown. */
const rowUnits = (page: Page, table: string) =>
  page
    .locator(`[data-testid="${table}"] [data-testid="eval-row"]`)
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit')!));

/** Units in the order a run view lists them within each group by rank (as the preview table shows them). */
function rankedOrder(run: RunView): string[] {
  const groups = [null, ...run.groups.map((g) => g.code)];
  return [...run.units]
    .sort((a, b) => groups.indexOf(a.group) - groups.indexOf(b.group) || (a.rank ?? Infinity) - (b.rank ?? Infinity))
    .map((u) => u.code);
}

describe('evaluation pages in Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let api: Session;
  let page: Page;
  let run: RunView;

  before(async () => {
    server = await startTestServer('pglite', { demoData: true });
    browser = await launchBrowser();
    api = await loginAs(server.url, 'planner');
    const last = await request<RunView>(server.url, 'POST', '/api/v1/evaluation/runs', {
      auth: api,
      body: { scheme: SCHEME, year: YEAR - 1 },
    });
    assert.equal(last.status, 200, JSON.stringify(last.body));
    page = await signedInPage(browser, server.url, 'planner');
    page.on('dialog', (d) => void d.accept());
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs the 亩均 evaluation from the scheme list and shows the results of the API', async () => {
    await page.goto(`${server.url}/#/plans`);
    assert.equal(await page.getByTestId('nav-evaluation').innerText(), '考核评价');
    await page.getByTestId('nav-evaluation').click();
    await page.goto(`${server.url}/#/evaluation?year=${YEAR}`);
    const button = page.locator(`[data-testid="run-evaluation"][data-scheme="${SCHEME}"]`);
    assert.equal(await button.innerText(), `评价 ${YEAR} 年`);
    await button.click();
    await page.getByTestId('eval-run-data').waitFor({ timeout: 60_000 });
    const id = Number(await page.getByTestId('eval-run').getAttribute('data-run'));
    const res = await request<RunView>(server.url, 'GET', `/api/v1/evaluation/runs/${id}`, { auth: api });
    assert.equal(res.status, 200);
    run = res.body;
    assert.equal(run.year, YEAR);
    assert.equal(run.scheme.code, SCHEME);
    assert.equal(await page.getByTestId('run-status').innerText(), '草稿');

    // Every unit of the run, with the API's rank and grade; marks where the grade is not robust or data are missing.
    assert.equal(await page.getByTestId('eval-row').count(), run.units.length);
    for (const u of run.units) {
      const row = page.locator(`[data-testid="eval-row"][data-unit="${u.code}"]`);
      assert.equal(await row.getAttribute('data-rank'), u.rank === null ? '' : String(u.rank), u.code);
      assert.equal(await row.getAttribute('data-grade'), u.grade ?? '', u.code);
      assert.equal(await row.getByTestId('flag-not-robust').count(), u.sensitivity && !u.sensitivity.robust ? 1 : 0, u.code);
      // Incomplete and partial units alike name what is missing.
      assert.equal(await row.getByTestId('flag-incomplete').count(), u.missing.length > 0 ? 1 : 0, u.code);
      if (u.missing.length > 0) assert.match(await row.innerText(), /缺数：/);
    }
    const shaky = run.units.filter((u) => u.sensitivity && !u.sensitivity.robust);
    assert.equal(await page.getByTestId('tile-not-robust').getAttribute('data-count'), String(shaky.length));
    // Last year's run gives the change column.
    const moved = run.units.filter((u) => u.previous?.rank != null && u.rank !== null);
    assert.ok(moved.length > 0, 'units ranked in both years');
    assert.equal(await page.getByTestId('rank-change').count(), moved.length);
    await chartFinished(page, 'rank-change-chart');
    await chartFinished(page, 'rank-interval-chart');
    await shot(page, 'results');

    // Filters: not robust only, one group; sorting by score.
    await page.getByTestId('filter-robust').selectOption('not');
    assert.equal(await page.getByTestId('eval-row').count(), shaky.length);
    await page.getByTestId('filter-robust').selectOption('*');
    const group = run.groups[1]!.code;
    await page.getByTestId('filter-group').selectOption(group);
    assert.deepEqual(
      (await rowUnits(page, 'eval-results')).sort(),
      run.units
        .filter((u) => u.group === group)
        .map((u) => u.code)
        .sort(),
    );
    await page.getByTestId('filter-group').selectOption('*');
    await page.getByTestId('sort-score').click();
    const byScore = await rowUnits(page, 'eval-results');
    const scores = byScore.map((c) => run.units.find((u) => u.code === c)!.score);
    const scored = scores.filter((s): s is number => s !== null);
    assert.deepEqual(
      scored,
      [...scored].sort((a, b) => b - a),
    );
    assert.ok(
      scores.slice(scored.length).every((s) => s === null),
      'unscored units last',
    );

    // The downloads: the Word report names the scheme and the units; the workbook has the four tables.
    for (const [testId, type] of [
      ['eval-docx', 'wordprocessingml'],
      ['eval-xlsx', 'spreadsheetml'],
    ] as const) {
      const link = await page.getByTestId(testId).getAttribute('href');
      const file = await page.request.get(new URL(link!, server.url).toString());
      assert.equal(file.status(), 200, testId);
      assert.match(file.headers()['content-type'] ?? '', new RegExp(type));
      const zip = unzipSync(new Uint8Array(await file.body()));
      if (testId === 'eval-docx') {
        const xml = strFromU8(zip['word/document.xml']!);
        assert.ok(xml.includes('开发区亩均效益综合评价'));
        assert.ok(xml.includes(run.units[0]!.name));
      } else assert.ok(Object.keys(zip).filter((k) => k.startsWith('xl/worksheets/')).length >= 5);
    }
  });

  it("opens a unit's breakdown: rank, grade, radar, explanation, rank interval and grade probabilities", async () => {
    const unit = [...run.units]
      .filter((u) => u.rank !== null && u.group === run.groups[0]!.code)
      .sort((a, b) => a.rank! - b.rank!)[0]!;
    await page.goto(`${server.url}/#/evaluation/runs/${run.id}`);
    await page.locator(`[data-testid="eval-row"][data-unit="${unit.code}"] a`).click();
    await page.getByTestId('eval-unit').waitFor();
    assert.equal(await page.getByTestId('eval-unit').getAttribute('data-unit'), unit.code);
    const peers = run.units.filter((u) => u.group === unit.group && u.rank !== null).length;
    assert.equal(await page.getByTestId('unit-rank').innerText(), `第 ${unit.rank} 位（共 ${peers} 个）`);
    assert.equal(await page.getByTestId('unit-grade').getAttribute('data-grade'), unit.grade);
    assert.equal(await page.getByTestId('unit-explanation').innerText(), unit.explanation.zh);
    await chartFinished(page, 'unit-radar');
    assert.ok((await page.locator('[data-testid="unit-radar"] svg path').count()) > run.indicators.length, 'radar drawn');
    assert.equal(await page.getByTestId('contribution-row').count(), run.indicators.length);
    const s = unit.sensitivity!;
    assert.match(await page.getByTestId('unit-interval').innerText(), new RegExp(`第 ${s.rankLow}～${s.rankHigh} 位`));
    for (const g of run.grades)
      assert.equal(
        Number(await page.locator(`[data-testid="grade-probability"][data-grade="${g.label}"]`).getAttribute('data-p')),
        s.gradeProbabilities[g.label],
      );
    await shot(page, 'unit');

    // English: the explanation follows the interface language.
    await page.getByTestId('lang-switch').click();
    assert.equal(await page.getByTestId('unit-explanation').innerText(), unit.explanation.en);
    await page.getByTestId('lang-switch').click();
  });

  it('publishes the run, which freezes the scheme version', async () => {
    await page.goto(`${server.url}/#/evaluation/runs/${run.id}`);
    await page.getByTestId('eval-publish').click();
    await page.locator('[data-testid="run-meta"][data-status="published"]').waitFor();
    assert.equal(await page.getByTestId('run-status').innerText(), '已发布');
    assert.equal(await page.getByTestId('eval-publish').count(), 0);
    assert.equal(await page.getByTestId('run-publishes').innerText(), '对其他单位：公布排名、总分和等级');
  });

  it("shows 蒙自's reporter another zone's rank and grade but none of its figures (issue 21)", async () => {
    const other = run.units.find((u) => u.code !== 'ZN-HH-MENGZI' && u.rank !== null)!;
    const reporter = await signedInPage(browser, server.url, 'mengzi.reporter');
    try {
      await reporter.goto(`${server.url}/#/evaluation/runs/${run.id}/units/${other.code}`);
      await reporter.getByTestId('unit-withheld').waitFor();
      assert.equal(await reporter.getByTestId('unit-grade').getAttribute('data-grade'), other.grade);
      assert.equal(await reporter.getByTestId('unit-radar').count(), 0);
      assert.equal(await reporter.getByTestId('contribution-row').count(), 0);
      await reporter.goto(`${server.url}/#/evaluation/runs/${run.id}/units/ZN-HH-MENGZI`);
      await reporter.getByTestId('contribution-row').first().waitFor();
      assert.equal(await reporter.getByTestId('unit-withheld').count(), 0);
    } finally {
      await reporter.context().close();
    }
  });

  it('edits the frozen scheme as a new version with a live preview, AHP check and conflict detection', async () => {
    const scheme = await request<SchemeVersionView>(server.url, 'GET', `/api/v1/evaluation/schemes/${SCHEME}`, { auth: api });
    assert.equal(scheme.body.status, 'frozen');
    await page.goto(`${server.url}/#/evaluation/schemes/${SCHEME}?year=${YEAR}`);
    await page.getByTestId('frozen-note').waitFor();
    await page.locator('[data-testid="eval-preview"][data-state="ok"]').waitFor({ timeout: 60_000 });
    assert.deepEqual(await rowUnits(page, 'preview-results'), rankedOrder(run), 'the preview of the saved scheme = the run');
    assert.ok(await page.getByTestId('weight-TAX_PER_MU').isDisabled(), 'frozen: read-only');

    // Save as new version: weights editable; moving all weight to 亩均税收 changes the ranking live.
    await page.getByTestId('save-as-new').click();
    await page.getByTestId('weight-REVENUE_PER_MU').fill('0.05');
    await page.getByTestId('weight-TAX_PER_MU').fill('0.9');
    const definition = structuredClone(scheme.body.definition) as { indicators: { code: string; weight: number }[] };
    for (const i of definition.indicators) {
      if (i.code === 'REVENUE_PER_MU') i.weight = 0.05;
      if (i.code === 'TAX_PER_MU') i.weight = 0.9;
    }
    const expected = await request<RunView>(server.url, 'POST', '/api/v1/evaluation/preview', {
      auth: api,
      body: { definition, year: YEAR },
    });
    assert.equal(expected.status, 200, JSON.stringify(expected.body));
    const want = rankedOrder(expected.body);
    assert.notDeepEqual(want, rankedOrder(run), 'the new weights reorder the units');
    await page
      .locator(`[data-testid="eval-preview"][data-state="ok"] [data-testid="preview-data"][data-order="${want.join()}"]`)
      .waitFor({ timeout: 30_000 });
    assert.deepEqual(await rowUnits(page, 'preview-results'), want);

    // A negative weight: the preview names the field and keeps the last good ranking (greyed).
    await page.getByTestId('weight-REVENUE_PER_MU').fill('-1');
    await page.locator('[data-testid="eval-preview"][data-state="error"]').waitFor({ timeout: 30_000 });
    assert.match(await page.getByTestId('preview-issues').innerText(), /indicators\.0\.weight/);
    assert.deepEqual(await rowUnits(page, 'preview-results'), want);
    await page.getByTestId('weight-REVENUE_PER_MU').fill('0.05');
    await page.locator('[data-testid="eval-preview"][data-state="ok"]').waitFor({ timeout: 30_000 });

    // AHP: an inconsistent matrix is refused with the consistency ratio named; a consistent one gives weights.
    await page.getByTestId('ahp-0-1').selectOption('9');
    await page.getByTestId('ahp-1-2').selectOption('9');
    await page.getByTestId('ahp-0-2').selectOption(String(1 / 9));
    await page.getByTestId('ahp-compute').click();
    await page.getByTestId('ahp-error').waitFor();
    assert.match(await page.getByTestId('ahp-error').innerText(), /CR = \d+\.\d+ ≥ 0\.1/);
    await page.getByTestId('ahp-0-1').selectOption('2');
    await page.getByTestId('ahp-1-2').selectOption('1');
    await page.getByTestId('ahp-0-2').selectOption('2');
    await page.getByTestId('ahp-compute').click();
    await page.getByTestId('ahp-result').waitFor();
    assert.ok(Number(await page.getByTestId('ahp-result').getAttribute('data-cr')) < 0.1);
    await shot(page, 'editor');

    // The publication level (issue 21) is saved with the version.
    assert.equal(await page.getByTestId('scheme-publishes').inputValue(), 'score');
    await page.getByTestId('scheme-publishes').selectOption('grade');

    // Save: the frozen version 1 becomes version 2 (a draft).
    await page.getByTestId('save-scheme').click();
    await page.getByTestId('saved-note').waitFor();
    const saved = Number(await page.getByTestId('saved-note').getAttribute('data-version'));
    assert.equal(saved, scheme.body.version + 1);
    await page.locator(`[data-testid="editor-version"][data-version="${saved}"][data-status="draft"]`).waitFor();
    const v2 = await request<SchemeVersionView>(server.url, 'GET', `/api/v1/evaluation/schemes/${SCHEME}`, { auth: api });
    assert.equal(v2.body.publishes, 'grade');

    // Someone else saves the draft meanwhile: this editor's save is refused with a clear message.
    const latest = await request<SchemeVersionView>(server.url, 'GET', `/api/v1/evaluation/schemes/${SCHEME}`, { auth: api });
    const other = await request(server.url, 'PUT', `/api/v1/evaluation/schemes/${SCHEME}`, {
      auth: await loginAs(server.url, 'admin'),
      body: { definition: latest.body.definition, baseVersion: latest.body.version, updatedAt: latest.body.updatedAt },
    });
    assert.equal(other.status, 200, JSON.stringify(other.body));
    await page.getByTestId('weight-TAX_PER_MU').fill('0.8');
    await page.getByTestId('save-scheme').click();
    await page.getByTestId('save-conflict').waitFor();
    assert.match(await page.getByTestId('save-conflict').innerText(), /已被他人修改/);
  });
});
