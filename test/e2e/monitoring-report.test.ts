import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { indicatorPrecision, type WrittenTarget } from '../../src/domain/format/indicator-precision.ts';
import type { PlanProgress } from '../../src/presenters/progress.presenter.ts';
import { figureText, percentText } from '../../src/reports/monitoring/format-figures.ts';
import { CLASS_ORDER, CLASS_ZH } from '../../src/reports/monitoring/report-input.ts';
import { ADMIN_TOKEN, getJson, startTestServer } from '../support/server.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts');
const PLAN = 'yunnan-ftz-2021-2025';
const AT = '2024Q2';
const REPORT = `/api/v1/reports/monitoring?plan=${PLAN}&at=${AT}`;

async function download(base: string, format: 'docx' | 'xlsx') {
  const res = await fetch(new URL(`${REPORT}&format=${format}`, base), { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  assert.equal(res.status, 200, await res.clone().text());
  return { headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

/** Non-empty paragraphs of the brief, in order (mammoth gives one per table cell too). */
const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

describe('monitoring report (docx and xlsx) against the progress API', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let progress: PlanProgress;
  let docx: Buffer;
  /** Each indicator's decimals as the pages work them out (every target the reader sees, GET /targets). */
  let precision: Map<string, number>;
  before(async () => {
    server = await startTestServer('pglite', { demoData: true });
    const answer = await getJson<PlanProgress>(server.url, `/api/v1/progress?plan=${PLAN}&at=${AT}`);
    assert.equal(answer.status, 200);
    progress = answer.body;
    precision = indicatorPrecision(
      (await getJson<{ items: WrittenTarget[] }>(server.url, '/api/v1/targets?limit=1000')).body.items,
    );
    assert.ok(progress.targets.length > 0);
    const got = await download(server.url, 'docx');
    assert.match(got.headers.get('content-type') ?? '', /wordprocessingml/);
    assert.match(got.headers.get('content-disposition') ?? '', /attachment; filename=".*\.docx"; filename\*=UTF-8''/);
    docx = got.body;
  });
  after(async () => {
    await server.close();
    await server.drop();
  });

  it('the brief states the class counts, and each target’s current value and completion, as the API does', async () => {
    const text = (await mammoth.extractRawText({ buffer: docx })).value;
    const s = progress.summary;
    assert.ok(text.includes(`共监测目标${s.total}项`), 'total');
    for (const c of CLASS_ORDER) if (s.byClass[c] > 0) assert.ok(text.includes(`${CLASS_ZH(c)}${s.byClass[c]}项`), c);
    assert.ok(text.includes(`红色预警${s.warnings.red}项，黄色预警${s.warnings.yellow}项，绿色${s.warnings.green}项`));
    for (const h of ['一、总体情况', '二、主要指标进展', '三、滞后指标分析', '四、数据更新情况', '五、工作建议'])
      assert.ok(text.includes(h), h);

    // The progress table, row by row: 序号, 指标, 目标值, 当前值, 完成度, 需年均增长, 已实现年均增长, 判定.
    const lines = linesOf(text);
    const start = lines.findIndex((l) => /^表\d+\u3000主要指标进展$/.test(l));
    assert.ok(start > 0, 'progress table caption');
    const cells = lines.slice(start + 1 + 8);
    progress.targets.forEach((t, i) => {
      const row = cells.slice(i * 8, i * 8 + 8);
      const j = t.judgement;
      assert.equal(row[0], String(i + 1));
      // To the indicator's precision, as the pages show it (issue 19).
      assert.equal(row[3], figureText(j.current, j.currentOrigin, precision.get(t.indicator.code)), `${t.key} current`);
      assert.equal(row[4], percentText(j.achievementRatio), `${t.key} completion`);
      assert.equal(row[5], percentText(j.requiredAnnualGrowth), `${t.key} required growth`);
      assert.equal(row[6], percentText(j.observedAnnualGrowth), `${t.key} observed growth`);
      assert.equal(row[7], j.classLabel.zh, `${t.key} class`);
    });
    if (progress.targets.some((t) => t.judgement.currentOrigin === 'synthetic')) assert.ok(text.includes('（模拟）'));
    for (const t of progress.targets.filter((x) => x.judgement.class === 'behind'))
      assert.ok(text.includes(t.judgement.explanation.zh), `${t.key} explanation`);
  });

  it('the workbook holds every table, its cells equal to the API’s figures', async () => {
    const { body } = await download(server.url, 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
    const classes = wb.getWorksheet('目标分类统计')!;
    CLASS_ORDER.forEach((c, i) => assert.equal(classes.getCell(i + 2, 2).value, progress.summary.byClass[c], c));
    const sheet = wb.getWorksheet('主要指标进展')!;
    assert.equal(sheet.views[0]?.state, 'frozen');
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (h: string) => headers.indexOf(h) + 1;
    progress.targets.forEach((t, i) => {
      const j = t.judgement;
      const current = sheet.getCell(i + 2, col('当前值')).value;
      assert.equal(current === null ? null : String(current), j.current, `${t.key} current`);
      assert.equal(sheet.getCell(i + 2, col('完成度')).value, j.achievementRatio, `${t.key} completion`);
      assert.equal(sheet.getCell(i + 2, col('需年均增长')).value, j.requiredAnnualGrowth);
      assert.equal(sheet.getCell(i + 2, col('已实现年均增长')).value, j.observedAnnualGrowth);
      assert.equal(sheet.getCell(i + 2, col('判定')).value, j.classLabel.zh);
    });
    const behind = wb.getWorksheet('滞后指标')!;
    assert.equal(behind.rowCount - 1, progress.summary.byClass.behind);
  });

  it('opens in LibreOffice: converts to PDF, first page saved as an image', (t) => {
    if (!has('soffice')) return t.skip('soffice (LibreOffice) is not installed here; CI installs it');
    const dir = mkdtempSync(path.join(tmpdir(), 'plantrack-report-'));
    try {
      const file = path.join(dir, 'monitoring.docx');
      writeFileSync(file, docx);
      const run = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
        encoding: 'utf8',
        timeout: 120_000,
        // A private profile: a desktop LibreOffice already running must not swallow the conversion.
        env: { ...process.env, HOME: dir },
      });
      const pdf = path.join(dir, 'monitoring.pdf');
      assert.ok(existsSync(pdf), `LibreOffice did not convert the brief: ${run.stdout} ${run.stderr}`);
      assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
      if (!has('pdftoppm')) return t.skip('pdftoppm (poppler-utils) is not installed here; CI installs it');
      mkdirSync(ARTIFACTS, { recursive: true });
      const out = path.join(ARTIFACTS, 'monitoring-report-page1');
      const png = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, out], {
        encoding: 'utf8',
      });
      assert.equal(png.status, 0, png.stderr);
      assert.ok(existsSync(`${out}.png`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
