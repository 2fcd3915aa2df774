import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { buildMonitoringDocx } from './build-docx.ts';
import { buildMonitoringXlsx } from './build-xlsx.ts';
import { behindChartOption } from './chart-option.ts';
import { FIXTURE_DETAIL, FIXTURE_PROGRESS } from './monitoring-report.fixture.ts';
import { renderChartPng } from './render-chart.ts';

const input = { progress: FIXTURE_PROGRESS, details: new Map([['trade', FIXTURE_DETAIL]]), generatedOn: '2026-11-23' };

describe('monitoring report files', () => {
  it('lays out the brief: title block, numbered sections, figures, fonts with fallbacks, a chart, page numbers', async () => {
    const charts: Record<string, unknown>[] = [];
    const docx = await buildMonitoringDocx(input, (option) => {
      charts.push(option);
      return renderChartPng(option);
    });
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    for (const s of [
      '中国（云南）自由贸易试验区发展规划实施监测报告',
      '（监测期：2024年第二季度）',
      '生成日期：2026年11月23日',
      '一、总体情况',
      '二、主要指标进展',
      '三、滞后指标分析',
      '四、数据更新情况',
      '五、工作建议',
      '（一）进出口总额（亿元）',
      '12（模拟）', // 实际利用外资 to its precision: the plan writes 800 and 2000
      '101.2%',
      '表1',
      '图1',
      FIXTURE_PROGRESS.targets[0]!.judgement.explanation.zh,
    ])
      assert.ok(text.includes(s), s);
    assert.equal(charts.length, 1);
    const zip = unzipSync(docx);
    const fonts = strFromU8(zip['word/fontTable.xml']!);
    for (const f of ['仿宋_GB2312', '方正仿宋_GBK', 'FangSong', 'SimHei', '楷体_GB2312']) assert.ok(fonts.includes(f), f);
    const document = strFromU8(zip['word/document.xml']!);
    assert.match(document, /w:eastAsia="仿宋_GB2312"/);
    assert.match(document, /w:eastAsia="黑体"/);
    assert.match(document, /w:pgSz w:w="11906" w:h="16838"/);
    assert.ok(Object.keys(zip).some((k) => k.startsWith('word/media/') && k.endsWith('.png')));
    const footer = Object.keys(zip).find((k) => /^word\/footer\d*\.xml$/.test(k))!;
    assert.match(strFromU8(zip[footer]!), /PAGE/);
  });

  it('draws the chart from the detail: series, target line and projection band', () => {
    const option = behindChartOption(FIXTURE_DETAIL) as {
      xAxis: { data: string[] };
      series: { name: string; data: unknown[] }[];
    };
    assert.deepEqual(option.xAxis.data, ['2020', '2021', '2022', '2023', '2024', '2025']);
    const byName = new Map(option.series.map((s) => [s.name, s.data]));
    assert.deepEqual(byName.get('实际值'), [800, 900, 1000, 1120, null, null]);
    assert.deepEqual(byName.get('预测区间下限'), [null, null, null, 1120, 1200, 1300.1]);
    const png = renderChartPng(option);
    assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  });

  it('writes every table to its own sheet with numbers as numbers and a frozen header', async () => {
    const wb = new ExcelJS.Workbook();
    const xlsx = await buildMonitoringXlsx(input);
    await wb.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
    assert.deepEqual(
      wb.worksheets.map((s) => s.name),
      ['目标分类统计', '预警指标', '主要指标进展', '滞后指标', '数据更新情况', '说明'],
    );
    const sheet = wb.getWorksheet('主要指标进展')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (h: string) => headers.indexOf(h) + 1;
    assert.equal(sheet.views[0]!.state, 'frozen');
    assert.equal(sheet.getCell(2, col('当前值')).value, 1120);
    // The exact value in the cell, shown to the indicator's precision (the plan writes 800 and 2000).
    assert.equal(sheet.getCell(3, col('当前值')).value, 12.345678);
    assert.equal(sheet.getCell(3, col('当前值')).numFmt, '#,##0');
    assert.equal(sheet.getCell(3, col('数据来源')).value, '模拟');
    assert.equal(sheet.getCell(2, col('完成度')).value, 0.56);
    assert.equal(sheet.getCell(2, col('完成度')).numFmt, '0.0%');
    assert.equal(sheet.getCell(4, col('完成度')).value, null);
  });
});

describe("the responsible units' commentary in the report (issue 19)", () => {
  const commentary = [
    { targetKey: 'trade', owner: '中国（云南）自由贸易试验区', text: '受外需回落影响，已协调新增加工贸易订单。' },
    { targetKey: 'no-such-target', owner: '某单位', text: '不属于本规划，不应印出。' },
  ];

  it('prints it under the behind target, in an appendix table and on its own sheet', async () => {
    const docx = await buildMonitoringDocx({ ...input, commentary }, renderChartPng);
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    assert.ok(text.includes('中国（云南）自由贸易试验区说明：受外需回落影响，已协调新增加工贸易订单。'));
    assert.ok(text.includes('附：责任单位进展说明'));
    assert.ok(!text.includes('不属于本规划'));
    const wb = new ExcelJS.Workbook();
    const xlsx = await buildMonitoringXlsx({ ...input, commentary });
    await wb.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
    const sheet = wb.getWorksheet('进展说明')!;
    assert.equal(sheet.getCell(2, 3).value, '受外需回落影响，已协调新增加工贸易订单。');
    assert.equal(sheet.rowCount, 2);
  });

  it('leaves the appendix out when nobody wrote any', async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: await buildMonitoringDocx(input, renderChartPng) });
    assert.ok(!text.includes('责任单位进展说明'));
  });
});
