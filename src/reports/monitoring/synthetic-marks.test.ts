import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { buildMonitoringDocx } from './build-docx.ts';
import { buildMonitoringXlsx } from './build-xlsx.ts';
import { behindChartOption } from './chart-option.ts';
import { FIXTURE_DETAIL, FIXTURE_PROGRESS } from './monitoring-report.fixture.ts';
import type { ReportProgress } from './report-input.ts';
import { renderChartPng } from './render-chart.ts';

/**
 * Issue 15: whatever rests on synthetic demo figures says 模拟 — not only the figure, but the class,
 * the warning, the projection and the suggestion built on it — in both exported files. The fixture's
 * targets are all judged on synthetic figures; every row or paragraph that names one must carry the mark.
 */
const SYNTHETIC: ReportProgress = {
  ...FIXTURE_PROGRESS,
  targets: FIXTURE_PROGRESS.targets.map((t) =>
    t.judgement.current === null ? t : { ...t, judgement: { ...t.judgement, currentOrigin: 'synthetic' as const } },
  ),
};
const detail = {
  ...FIXTURE_DETAIL,
  judgement: { ...FIXTURE_DETAIL.judgement, currentOrigin: 'synthetic' as const },
  series: FIXTURE_DETAIL.series.map((s) => ({ ...s, origin: 'synthetic' as const })),
  yearly: FIXTURE_DETAIL.yearly.map((y) => ({ ...y, origin: 'synthetic' as const })),
};
const arrayBuffer = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
const input = { progress: SYNTHETIC, details: new Map([['trade', detail]]), generatedOn: '2026-12-06' };
const judgedOnSynthetic = SYNTHETIC.targets.filter((t) => t.judgement.currentOrigin === 'synthetic');

describe('模拟 marks in the monitoring exports', () => {
  it('.xlsx: every row about a target judged on synthetic figures says 模拟, and the class table counts them', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(arrayBuffer(await buildMonitoringXlsx(input)));
    let checked = 0;
    for (const sheet of ['预警指标', '主要指标进展', '滞后指标', '数据更新情况']) {
      wb.getWorksheet(sheet)!.eachRow((row, n) => {
        if (n === 1) return;
        const cells = (row.values as unknown[]).map((v) => String(v ?? ''));
        const names = judgedOnSynthetic.filter((t) => cells.some((c) => c.includes(t.indicator.name)));
        if (names.length === 0) return;
        checked++;
        assert.ok(
          cells.some((c) => c.includes('模拟')),
          `${sheet} row ${n}: ${cells.join(' | ')}`,
        );
      });
    }
    assert.ok(checked >= 4, `rows checked: ${checked}`);
    const classes = wb.getWorksheet('目标分类统计')!;
    const header = (classes.getRow(1).values as unknown[]).map(String);
    const col = header.indexOf('其中模拟（项）');
    assert.ok(col > 0, header.join(','));
    const totalRow = classes.getRow(classes.rowCount);
    assert.equal(totalRow.getCell(col).value, judgedOnSynthetic.length);
  });

  it('.docx: every paragraph naming such a target says 模拟, and the chart names its series as containing synthetic values', async () => {
    const docx = await buildMonitoringDocx(input, renderChartPng);
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    const paragraphs = text
      .split('\n')
      .filter((l) => judgedOnSynthetic.some((t) => l.includes(t.indicator.name)) || l.startsWith('按年均增长率外推'));
    assert.ok(paragraphs.length >= 4, `${paragraphs.length} paragraphs`);
    for (const l of paragraphs) assert.ok(l.includes('模拟'), l);
    assert.ok(text.includes('不是实际统计数据'));
    const option = behindChartOption(detail) as { series: { name: string }[] };
    assert.ok(option.series.some((s) => s.name.includes('模拟')));
  });

  it('a target judged on reported or published figures is not marked', async () => {
    const real: ReportProgress = {
      ...FIXTURE_PROGRESS,
      targets: FIXTURE_PROGRESS.targets.map((t) =>
        t.judgement.current === null ? t : { ...t, judgement: { ...t.judgement, currentOrigin: 'published' as const } },
      ),
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(arrayBuffer(await buildMonitoringXlsx({ ...input, progress: real, details: new Map() })));
    const rows: string[] = [];
    wb.getWorksheet('主要指标进展')!.eachRow((row) => rows.push((row.values as unknown[]).map(String).join('|')));
    assert.ok(rows.every((r) => !r.includes('模拟')));
    assert.ok(rows.some((r) => r.includes('公开')));
  });
});
