import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { supervisionReason } from '../../src/domain/evaluation/results-use.ts';
import type { GradeHistory, RunView } from '../../src/presenters/evaluation.presenter.ts';
import type { TaskDetail } from '../../src/presenters/task-tracking.presenter.ts';
import { ARTIFACTS, launchBrowser, signedInPage } from '../support/browser.ts';
import { loginAs, request, startTestServer, type Session } from '../support/server.ts';

/**
 * Issue 16 item 4 in Chromium: from a published run's result, the plan office turns a bottom-graded or
 * vetoed unit into a 督办 task in one step (unit page → 一键督办 → the task), and a unit's page shows its
 * grades across the published runs (历年评价等级, 模拟 marked, drafts left out).
 */
const SCHEME = 'dev-zone-per-mu';

describe('evaluation results used in Chromium (督办 in one step, grade history)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let planner: Session;
  let page: Page;
  let run2023: RunView;
  let run2024: RunView;
  let draft: RunView;
  const api = <T>(method: string, p: string, body?: unknown) =>
    request<T>(server.url, method, `/api/v1${p}`, { auth: planner, body });
  const runOf = async (year: number) => {
    const res = await api<RunView>('POST', '/evaluation/runs', { scheme: SCHEME, year, samples: 0 });
    assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 300));
    return res.body;
  };

  before(async () => {
    server = await startTestServer('pglite', { demoData: true });
    browser = await launchBrowser();
    planner = await loginAs(server.url, 'planner');
    run2023 = await runOf(2023);
    run2024 = await runOf(2024);
    draft = await runOf(2022);
    for (const r of [run2023, run2024]) {
      const pub = await api<RunView>('POST', `/evaluation/runs/${r.id}/publish`);
      assert.equal(pub.status, 200, JSON.stringify(pub.body).slice(0, 300));
    }
    run2024 = (await api<RunView>('GET', `/evaluation/runs/${run2024.id}`)).body;
    page = await signedInPage(browser, server.url, 'planner');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('turns a bottom-graded or vetoed unit of the published run into a 督办 task from its result, in one step', async () => {
    const target = run2024.units.find((u) => {
      const reason = supervisionReason(u, run2024.grades);
      return reason === 'bottom_grade' || reason === 'veto';
    });
    assert.ok(target, 'the 2024 run has a bottom-graded or vetoed unit');
    const fine = run2024.units.find((u) => u.grade !== null && supervisionReason(u, run2024.grades) === null);
    assert.ok(fine, 'and a unit whose result does not call for 督办');

    // From the run's result table to the unit.
    await page.goto(`${server.url}/#/evaluation/runs/${run2024.id}`);
    const row = page.locator(`[data-testid="eval-row"][data-unit="${target.code}"]`);
    await row.waitFor({ timeout: 30_000 });
    assert.equal(await row.locator('[data-testid="flag-supervised"]').count(), 0, 'not supervised yet');
    await row.getByRole('link', { name: target.name }).click();
    await page.locator(`[data-testid="eval-unit"][data-unit="${target.code}"]`).waitFor();

    const card = page.getByTestId('unit-supervise');
    const reasonText =
      supervisionReason(target, run2024.grades) === 'veto'
        ? '本单位触发一票否决，可据此建立督办任务。'
        : '本单位评定为最低等级，可据此建立督办任务。';
    assert.equal(await card.locator('p').first().innerText(), reasonText);
    await page.getByTestId('supervise-open').click();
    await page.getByTestId('supervise-submit').click();
    const done = page.getByTestId('unit-supervised');
    await done.waitFor({ timeout: 30_000 });
    assert.match(await done.innerText(), /已据本次评价建立督办任务/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'evaluation-supervise.png'), fullPage: true });

    // The link leads to the task the API now holds: the unit leading, the text naming the run and the reason.
    const supervised = (await api<RunView>('GET', `/evaluation/runs/${run2024.id}`)).body.units.find(
      (u) => u.code === target.code,
    )!;
    assert.ok(supervised.supervision, 'the run records the task');
    const task = await api<TaskDetail>('GET', `/tasks/${supervised.supervision.plan}/${supervised.supervision.key}`);
    assert.equal(task.status, 200, JSON.stringify(task.body).slice(0, 300));
    await done.getByRole('link', { name: '查看任务' }).click();
    const detail = page.getByTestId('task-detail');
    await detail.waitFor({ timeout: 30_000 });
    const title = await detail.locator('h1').innerText();
    assert.equal(title, task.body.task.text);
    assert.ok(title.startsWith(`考核评价整改：${target.name}在《`), title);
    assert.ok(title.includes(`${run2024.year}年评价`), title);
    assert.match(await page.getByTestId('task-lead').innerText(), new RegExp(target.name));
    await page.getByTestId('notice').first().waitFor();
    assert.equal(await page.getByTestId('notice').count(), task.body.notices.length);
    assert.equal(task.body.notices.length, 1, 'its 督办单 was issued');

    // Back on the result table the unit is marked 已督办; a unit with a fine result offers no 督办.
    await page.goto(`${server.url}/#/evaluation/runs/${run2024.id}`);
    await row.locator('[data-testid="flag-supervised"]').waitFor({ timeout: 30_000 });
    await page.goto(`${server.url}/#/evaluation/runs/${run2024.id}/units/${fine.code}`);
    await page.locator(`[data-testid="eval-unit"][data-unit="${fine.code}"]`).waitFor();
    await page.getByTestId('unit-explanation').waitFor();
    assert.equal(await page.getByTestId('unit-supervise').count(), 0);
  });

  it("shows a unit's grades across the published runs on its page, 模拟 marked, the draft left out", async () => {
    const unit = run2024.units.find((u) => run2023.units.some((v) => v.code === u.code && v.grade !== null))!;
    const history = (await api<GradeHistory>('GET', `/evaluation/units/${unit.code}/grades`)).body;
    const mine = history.items.filter((i) => i.scheme.code === SCHEME);
    assert.deepEqual(
      mine.map((i) => i.runId),
      [run2023.id, run2024.id],
    );

    await page.goto(`${server.url}/#/evaluation/runs/${run2024.id}/units/${unit.code}`);
    const rows = page.locator('[data-testid="grade-history"] [data-testid="grade-history-row"]');
    await rows.first().waitFor({ timeout: 30_000 });
    assert.deepEqual(
      await rows.evaluateAll((rs) => rs.map((r) => [Number(r.getAttribute('data-year')), r.getAttribute('data-grade')])),
      history.items.map((i) => [i.year, i.grade ?? '']),
    );
    assert.ok(!(await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-year')))).includes(String(draft.year)));
    for (const [k, item] of history.items.entries()) {
      const cells = await rows.nth(k).locator('td').allInnerTexts();
      assert.equal(cells[1], String(item.year));
      assert.equal(cells[2], item.grade ?? '缺数未评定');
      assert.equal(cells[3], item.score === null ? '—' : item.score.toFixed(2));
      assert.equal(cells[4], item.rank === null ? '—' : `${item.rank}/${item.of}`);
      assert.equal(cells[0]!.includes('模拟'), item.simulated, `模拟 mark of ${item.year}`);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'evaluation-grade-history.png'), fullPage: true });

    // Each year links to that run's page of the unit.
    await rows.first().getByRole('link').click();
    await page.waitForURL(new RegExp(`#/evaluation/runs/${history.items[0]!.runId}/units/${unit.code}$`));
    await page.locator(`[data-testid="eval-unit"][data-unit="${unit.code}"]`).waitFor();
  });

  it('shows a 土地集约利用评价 run as a yearly update of its full evaluation, linked to it (五年一评价、一年一更新)', async () => {
    const full = await api<RunView>('POST', '/evaluation/runs', { scheme: 'land-intensive-use', year: 2021, samples: 0 });
    assert.equal(full.status, 200, JSON.stringify(full.body).slice(0, 300));
    assert.equal((await api<RunView>('POST', `/evaluation/runs/${full.body.id}/publish`)).status, 200);
    const update = await api<RunView>('POST', '/evaluation/runs', { scheme: 'land-intensive-use', year: 2023, samples: 0 });
    assert.equal(update.body.cycle?.fullRunId, full.body.id);

    await page.goto(`${server.url}/#/evaluation/runs/${update.body.id}`);
    const badge = page.getByTestId('run-kind');
    await badge.waitFor({ timeout: 30_000 });
    assert.equal(await badge.getAttribute('data-kind'), 'update');
    assert.equal(await badge.innerText(), '年度更新（沿用2021年全面评价的方案第1版）');
    await page.getByTestId('run-full-link').click();
    await page.waitForURL(new RegExp(`#/evaluation/runs/${full.body.id}$`));
    await page.locator('[data-testid="run-kind"][data-kind="full"]').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('run-kind').innerText(), '全面评价（每5年一次）');
    assert.equal(await page.getByTestId('run-full-link').count(), 0);
  });
});
