import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { buildMonitoringDocx } from './build-docx.ts';
import { buildMonitoringXlsx } from './build-xlsx.ts';
import { FIXTURE_PROGRESS } from './monitoring-report.fixture.ts';
import type { MonitoringReportInput } from './report-input.ts';
import { renderChartPng } from './render-chart.ts';

const citation = {
  title: '云南：在大战大考中交出优异答卷',
  publisher: '中国日报网',
  publishedOn: '2021-01-26',
  url: 'http://example.org/news/1',
  quote: '全省完成地区生产总值2.45万亿元、增长4%',
  publishedValue: '2.45',
  publishedUnit: '万亿元',
};
const input: MonitoringReportInput = {
  progress: FIXTURE_PROGRESS,
  details: new Map(),
  generatedOn: '2026-12-06',
  published: [
    {
      targetKey: 'trade',
      figures: [
        {
          orgUnit: 'YN',
          orgUnitName: '云南省',
          indicator: 'TRADE',
          indicatorName: '进出口总额',
          period: '2020',
          cumulative: false,
          value: '24500',
          unit: '亿元',
          citation,
        },
      ],
    },
  ],
};
const arrayBuffer = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe('published sources in the monitoring exports', () => {
  it('.xlsx: a 公开数据来源 sheet gives each figure with its quote, source, date and address', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(arrayBuffer(await buildMonitoringXlsx(input)));
    const sheet = wb.getWorksheet('公开数据来源')!;
    assert.ok(sheet, 'sheet');
    const row = (sheet.getRow(2).values as unknown[]).map((v) => String(v ?? ''));
    for (const s of [
      '进出口总额（亿元）',
      '2020',
      '2.45万亿元',
      citation.quote,
      citation.title,
      citation.publisher,
      citation.url,
    ])
      assert.ok(row.includes(s), `${s} in ${row.join(' | ')}`);
    assert.equal(sheet.getRow(2).getCell(4).value, 24500);
  });

  it('.docx: an appendix quotes each source; without published figures there is none', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: await buildMonitoringDocx(input, renderChartPng) });
    for (const s of ['附：公开数据来源', citation.quote, citation.title, '2021-01-26']) assert.ok(text.includes(s), s);
    const { value: without } = await mammoth.extractRawText({
      buffer: await buildMonitoringDocx({ ...input, published: [] }, renderChartPng),
    });
    assert.ok(!without.includes('公开数据来源'));
  });
});
