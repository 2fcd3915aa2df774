import { Decimal } from 'decimal.js';
import ExcelJS from 'exceljs';
import { dateZh, periodZh } from './format-figures.ts';
import type { MonitoringReportInput, ReportProgress } from './report-input.ts';
import {
  allTables,
  commentaryTable,
  progressTable,
  publishedTable,
  type ColumnKind,
  type ReportTable,
  type TableCell,
} from './report-tables.ts';
import { reportTitle } from './build-docx.ts';

const NUMBER_FORMAT: Record<ColumnKind, string | undefined> = {
  text: undefined,
  integer: '0',
  decimal: '#,##0.########',
  percent: '0.0%',
};

/**
 * Every table of the brief, one sheet each: Chinese headers in a frozen first row, numbers stored
 * as numbers with a number format (ratios as ratios shown as %), text where the figure is missing.
 */
export async function buildMonitoringXlsx(input: MonitoringReportInput): Promise<Buffer> {
  const p = input.progress;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PlanTrack';
  wb.title = reportTitle(p);
  const published = publishedTable(p, input.published);
  const commentary = commentaryTable(p, input.commentary);
  for (const t of [
    ...allTables(p),
    ...(commentary.rows.length ? [commentary] : []),
    ...(published.rows.length ? [published] : []),
  ])
    addSheet(wb, t);
  const about = wb.addWorksheet('说明');
  about.getColumn(1).width = 100;
  [
    reportTitle(p),
    `监测期：${periodZh(p.at)}（${p.at}）`,
    `生成日期：${dateZh(input.generatedOn)}`,
    '各表数值与进度接口 /api/v1/progress 的返回一致；完成度、增长率以小数存储、按百分比显示。',
    '“数据来源”为“模拟”的数值是系统生成的演示数据（合成数据），不是实际统计数据。',
    '“数据来源”为“公开”的数值取自统计公报、政府工作报告或官方新闻，出处与原文见“公开数据来源”表。',
  ].forEach((line, i) => (about.getCell(i + 1, 1).value = line));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One table as a sheet: Chinese headers in a frozen, shaded first row; numbers with their format. */
function addSheet(wb: ExcelJS.Workbook, t: ReportTable): void {
  const sheet = wb.addWorksheet(t.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = t.columns.map((c) => ({
    header: c.header,
    width: Math.max(8, Math.round(c.width * 7)),
    style: NUMBER_FORMAT[c.kind] ? { numFmt: NUMBER_FORMAT[c.kind] } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
  });
  for (const row of t.rows) {
    const added = sheet.addRow(row.map((cell, i) => cellValue(cell, t.columns[i]!.kind)));
    // A figure is shown to its indicator's precision; the cell keeps the exact value.
    row.forEach((cell, i) => {
      if (cell.decimals !== undefined && typeof added.getCell(i + 1).value === 'number')
        added.getCell(i + 1).numFmt = cell.decimals > 0 ? `#,##0.${'0'.repeat(cell.decimals)}` : '#,##0';
    });
  }
}

/**
 * The overview's targets table as filtered on the page (issue 19): one sheet of exactly the kept
 * rows (filterTargets, shared with the page) and a 说明 sheet naming the filter.
 */
export async function buildFilteredTargetsXlsx(
  progress: ReportProgress,
  filterLines: string[],
  generatedOn: string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PlanTrack';
  wb.title = reportTitle(progress);
  addSheet(wb, progressTable(progress));
  const about = wb.addWorksheet('说明');
  about.getColumn(1).width = 100;
  [
    reportTitle(progress),
    `监测期：${periodZh(progress.at)}（${progress.at}）`,
    `生成日期：${dateZh(generatedOn)}`,
    `筛选：${filterLines.length ? filterLines.join('；') : '无'}（共 ${progress.targets.length} 项）`,
  ].forEach((line, i) => (about.getCell(i + 1, 1).value = line));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Decimal figures become numbers only when the double holds them exactly (≤ 15 significant
 * digits); otherwise the text is kept so nothing is silently rounded.
 */
export function cellValue(cell: TableCell, kind: ColumnKind): string | number | null {
  if (cell.value === null) return null;
  if (kind !== 'decimal' || typeof cell.value === 'number') return cell.value;
  const n = Number(cell.value);
  return Number.isFinite(n) && new Decimal(String(n)).eq(cell.value) ? n : cell.value;
}
