import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signedInPage } from '../support/browser.ts';
import { loginAs, request, startTestServer } from '../support/server.ts';

/**
 * Issue 19, "Chinese throughout": every page of the web app, as an administrator in zh-CN, shows no
 * Latin-letter word, code or enum. The allow-list is short and each entry says why it may stay.
 */
const ALLOWED = new Set([
  'PlanTrack', // the product's name
  'English', // the language switch names the language it switches to
  'Apache', // the chart library's credit line on maps
  'ECharts',
  'API', // the API tokens page names the interface it grants
  'Excel', // the file kind people know by that name
  'Word',
  'docx', // file extensions on download buttons
  'xlsx',
  'csv',
  'CSV',
  'txt', // the plain-text and PDF files the plan import reads, named as people know them
  'pdf',
  'PDF',
  'kW', // units (kW·h, km², m³, t) are written as the statistics print them
  'h',
  'km',
  'm',
  't',
  'Tab', // keys named as printed on the keyboard (the entry grid's keyboard hints)
  'Enter',
  'Shift',
  'Esc',
  'GDP', // the statistics name it so in Chinese
  'RCEP', // treaty names used as such in the plans
  'AHP', // 层次分析法's usual abbreviation, shown beside the Chinese name
]);

/** Phrases written with Latin letters in Chinese statistics themselves (removed before the word scan). */
const ALLOWED_PHRASES = [
  /R&D/g, // 研究与试验发展（R&D）经费: the statistical yearbooks' own wording
  // Plan text quoted verbatim on the task pages (the PPRD plan's own words): 3D打印, LED半导体照明, PM2.5, (PPP)模式.
  /3D打印/g,
  /LED/g,
  /PM2\.5/g,
  /PPP/g,
];

const PLAN = 'yunnan-parks-2021-2025';
const FORM = 'DEV_ZONE_MONTHLY';
const UNIT = 'ZN-HH-MENGZI';
/** The parks plan's 亩均 evaluation of the development zones, run for two years so the grade history has rows. */
const SCHEME = 'dev-zone-per-mu';

const ROUTES = [
  '#/',
  '#/plans',
  '#/plans/yunnan-parks-2021-2025',
  '#/org-units',
  '#/groups', // 分组管理 (issue 16)
  '#/indicators',
  '#/ingest',
  '#/tokens',
  '#/inbox',
  '#/reporting',
  '#/reporting/DEV_ZONE_MONTHLY/ZN-HH-MENGZI/2025-06', // the entry grid
  '#/reporting/review/DEV_ZONE_MONTHLY/ZN-HH-MENGZI/2025-06', // the review view (issue 18)
  '#/projects',
  '#/tasks',
  '#/monitor/yunnan-parks-2021-2025',
  '#/monitor/compare',
  '#/monitor/map',
  '#/monitor/yunnan-parks-2021-2025/methods',
  '#/evaluation',
  '#/industry-map',
  '#/published',
  '#/monitor',
  '#/org-units/YN-HH',
  '#/tasks/list',
  '#/reporting/review',
  '#/reporting/import',
  `#/reporting/forms/${FORM}/rules`,
  `#/reporting/${FORM}/completeness?period=2025-06`,
  `#/evaluation/schemes/${SCHEME}`,
];

/** Latin words in the page's visible text (ASCII letters, 2 or more, or a single one beside digits). */
async function latinWords(page: Page): Promise<string[]> {
  const text = ALLOWED_PHRASES.reduce((x, re) => x.replace(re, ' '), await page.locator('body').innerText());
  return [...text.matchAll(/[A-Za-z][A-Za-z_.-]*[A-Za-z]|[A-Za-z]/g)].map((m) => m[0]).filter((w) => !ALLOWED.has(w));
}

describe('no English or codes in the zh-CN pages', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;

  /** Pages that exist only once the data is there: a target's, the review queue's row, a run's, a task's, a project's. */
  const dataRoutes: string[] = [];

  before(async () => {
    server = await startTestServer('pglite', { demoData: true });
    browser = await launchBrowser();
    page = await signedInPage(browser, server.url, 'admin');

    // A month of 蒙自 submitted, so the review queue has a row (as the reviewer sees it).
    const rep = await loginAs(server.url, 'mengzi.reporter');
    const work = await request<
      { form: { code: string }; rows: { orgUnit: { code: string }; period: string; status: string | null }[] }[]
    >(server.url, 'GET', '/api/v1/reporting/my-work', { auth: rep });
    const period = work.body
      .find((w) => w.form.code === FORM)!
      .rows.find((r) => r.orgUnit.code === UNIT && r.status === null)!.period;
    const sheet = `/api/v1/submissions/${FORM}/${UNIT}/${period}`;
    type Sheet = {
      submission: { version: number };
      items: { indicator: string; version: number; lastYear: { value: string | null }; previous: { value: string | null } }[];
      findings: { key: string }[];
    };
    const blank = await request<Sheet>(server.url, 'GET', sheet, { auth: rep });
    const values = blank.body.items.map((i) => ({
      indicator: i.indicator,
      value: i.lastYear.value ?? i.previous.value ?? '100',
      expectedVersion: i.version,
    }));
    let put = await request<Sheet>(server.url, 'PUT', `${sheet}/values`, { auth: rep, body: { values } });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const explanations = Object.fromEntries(put.body.findings.map((f) => [f.key, '园区企业生产正常，数据已核实']));
    put = await request<Sheet>(server.url, 'PUT', `${sheet}/values`, { auth: rep, body: { values: [], explanations } });
    const sub = await request(server.url, 'POST', `${sheet}/submit`, {
      auth: rep,
      body: { version: put.body.submission.version },
    });
    assert.equal(sub.status, 200, JSON.stringify(sub.body));
    dataRoutes.push(`#/reporting/${FORM}/${UNIT}/${period}`, `#/reporting/review/${FORM}/${UNIT}/${period}`);

    // Evaluation results: two years run, so the unit page shows its grade history.
    let runId = 0;
    for (const year of [2023, 2024]) {
      const run = await request<{ id: number; units: { code: string }[] }>(server.url, 'POST', '/api/v1/evaluation/runs', {
        body: { scheme: SCHEME, year },
      });
      assert.equal(run.status, 200, JSON.stringify(run.body));
      runId = run.body.id;
      dataRoutes.push(`#/evaluation/runs/${runId}`, `#/evaluation/runs/${runId}/units/${run.body.units[0]!.code}`);
    }

    // Target detail pages: one per indicator of the parks plan (notes, units and precisions differ by indicator).
    const targets = await request<{ items: { key: string; indicator: { code: string } }[] }>(
      server.url,
      'GET',
      `/api/v1/targets?plan=${PLAN}&limit=500`,
    );
    const byIndicator = new Map(targets.body.items.map((t) => [t.indicator.code, t.key]));
    for (const key of byIndicator.values()) dataRoutes.push(`#/monitor/${PLAN}/targets/${key}?at=2025`);

    const tasks = await request<{ items: { key: string; planId: string }[] }>(server.url, 'GET', `/api/v1/tasks?limit=3`);
    for (const t of tasks.body.items) dataRoutes.push(`#/tasks/${t.planId}/${t.key}`);
    const projects = await request<{ items: { id: number }[] }>(server.url, 'GET', '/api/v1/projects');
    dataRoutes.push(`#/projects/${projects.body.items[0]!.id}`);

    const draft = await request<{ id: number }>(
      server.url,
      'POST',
      `/api/v1/ingestion/drafts?fileName=${encodeURIComponent('某市规划.txt')}`,
      {
        body: '某市“十四五”规划\n\n到2025年，全市地区生产总值达到1200亿元，年均增长7%。\n',
        headers: { 'content-type': 'text/plain' },
      },
    );
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    dataRoutes.push(`#/ingest/${draft.body.id}`);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const scan = async (routes: string[]) => {
    const found: string[] = [];
    for (const route of routes) {
      await page.goto(`${server.url}/${route}`);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      const words = await latinWords(page);
      if (words.length > 0) found.push(`${route}: ${[...new Set(words)].slice(0, 40).join(' ')}`);
    }
    return found;
  };

  it('every page is free of Latin-letter words outside the allow-list', async () => {
    assert.deepEqual(await scan(ROUTES), []);
  });

  it("a target's page, the review queue's sheet, evaluation results and grade history, tasks, projects and drafts too", async () => {
    assert.deepEqual(await scan(dataRoutes), []);
  });

  it('the leader home and the reviewer queue, as those roles see them', async () => {
    for (const user of ['leader', 'hh.reviewer']) {
      page = await signedInPage(browser, server.url, user);
      assert.deepEqual(await scan(['#/', '#/reporting/review']), [], user);
    }
  });
});
