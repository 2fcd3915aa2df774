import ExcelJS from 'exceljs';
import type { RunGradeHistory } from '../../domain/evaluation/grade-history.ts';
import type { RunView } from '../../presenters/evaluation.presenter.ts';
import { cellValue } from '../monitoring/build-xlsx.ts';
import { methodParagraphs, reportTitle, subtitleLines, weightsNote } from './report-text.ts';
import {
  contributionsTable,
  gradeHistoryTable,
  gradeTable,
  historyLabels,
  indicatorTable,
  labels,
  resultsTable,
  sensitivityTable,
  sourceTable,
  type EvalTable,
  type Lang,
} from './run-tables.ts';

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } } as const;

/** Writes one table from row `start` (header) on; returns the next free row. */
function writeTable(sheet: ExcelJS.Worksheet, t: EvalTable, start: number): number {
  const header = sheet.getRow(start);
  t.columns.forEach((c, j) => {
    const cell = header.getCell(j + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  t.rows.forEach((row, r) => {
    const line = sheet.getRow(start + 1 + r);
    row.forEach((cell, j) => {
      const c = t.columns[j]!;
      const target = line.getCell(j + 1);
      target.value = cellValue(cell, c.kind);
      if (c.numFmt && typeof target.value === 'number') target.numFmt = c.numFmt;
    });
  });
  return start + 1 + t.rows.length;
}

function tableSheet(wb: ExcelJS.Workbook, t: EvalTable): ExcelJS.Worksheet {
  const sheet = wb.addWorksheet(t.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  t.columns.forEach((c, j) => (sheet.getColumn(j + 1).width = Math.max(8, Math.round(c.width * 7))));
  writeTable(sheet, t, 1);
  return sheet;
}

/**
 * The tables of an evaluation run, one sheet each: results (rank, score, grade, change against last year,
 * notes naming missing indicators), per-indicator contributions, sensitivity (rank interval and the
 * probability of each grade) and the scheme (indicators, grade bands, plan sources), plus a sheet about
 * the run. Numbers are stored as numbers with a number format; reported figures keep their decimal text
 * where a double would round them. Given the scheme's earlier published runs, a sheet 历年评价等级 shows each
 * unit's grade in every year (模拟 years marked in their header).
 */
export async function buildEvaluationXlsx(run: RunView, lang: 'zh' | 'en', history?: RunGradeHistory): Promise<Buffer> {
  const l = labels(lang as Lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PlanTrack';
  wb.title = reportTitle(run, lang);
  tableSheet(wb, resultsTable(run, lang));
  if (history) {
    const hl = historyLabels(lang);
    const sheet = tableSheet(wb, gradeHistoryTable(run, history, lang));
    // Below the table: where the years come from, and what a 模拟 year means.
    const notes = [
      history.runs.length === 0 ? hl.none(run.year) : hl.intro(history.runs.length),
      ...(run.simulated || history.runs.some((r) => r.simulated) ? [hl.simulatedNote] : []),
    ];
    notes.forEach((line, i) => (sheet.getCell(run.units.length + 3 + i, 1).value = line));
  }
  tableSheet(wb, contributionsTable(run, lang));
  tableSheet(wb, sensitivityTable(run, lang, { probabilities: true }));

  // The scheme: its indicators, then the grade bands and the plan passages below, each with its own header.
  const indicators = indicatorTable(run, lang);
  const scheme = wb.addWorksheet(indicators.sheetName);
  [14, 28, 14, 10, 16, 60].forEach((w, j) => (scheme.getColumn(j + 1).width = w));
  let next = writeTable(scheme, indicators, 1) + 1;
  scheme.getCell(next, 1).value = l.grades;
  scheme.getCell(next, 1).font = { bold: true };
  next = writeTable(scheme, gradeTable(run, lang), next + 1) + 1;
  if (run.groups.length > 0) {
    scheme.getCell(next, 1).value = l.groups;
    scheme.getCell(next, 1).font = { bold: true };
    next =
      writeTable(
        scheme,
        {
          title: l.groups,
          sheetName: l.groups,
          columns: [
            { header: l.code, kind: 'text', width: 2 },
            { header: l.group, kind: 'text', width: 3 },
          ],
          rows: run.groups.map((g) => [
            { text: g.code, value: g.code },
            { text: g.name, value: g.name },
          ]),
        },
        next + 1,
      ) + 1;
  }
  scheme.getCell(next, 1).value = l.sources;
  scheme.getCell(next, 1).font = { bold: true };
  writeTable(scheme, sourceTable(run, lang), next + 1);

  const about = wb.addWorksheet(lang === 'zh' ? '说明' : 'About');
  about.getColumn(1).width = 110;
  [reportTitle(run, lang), ...subtitleLines(run, lang), weightsNote(run, lang), ...methodParagraphs(run, lang)].forEach(
    (line, i) => (about.getCell(i + 1, 1).value = line),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
