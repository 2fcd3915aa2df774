import ExcelJS from 'exceljs';
import type { DefinitionError } from '../domain/plan-definition/definition-error.ts';
import { planFileSchema, type PlanFile } from '../domain/plan-definition/plan-file.schema.ts';
import { zodIssuesToErrors } from '../domain/plan-definition/parse-plan-file.ts';
import { locateInWorkbook, WORKBOOK_SHEETS, workbookToDefinition, type SheetRows } from '../domain/plan-definition/workbook-layout.ts';

/** Cell → text. Formula cells give their result; rich text is flattened; dates become ISO days. */
function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return v.result === undefined || v.result === null ? '' : String(v.result);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}

export async function readPlanWorkbook(buffer: ArrayBuffer, file: string): Promise<{ ok: true; value: PlanFile } | { ok: false; errors: DefinitionError[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer);
  } catch (err) {
    return {
      ok: false,
      errors: [{ file, field: '(file)', message: `not a readable .xlsx file: ${(err as Error).message}`, messageZh: '不是可读取的 .xlsx 文件' }],
    };
  }
  const sheets = new Map<string, SheetRows>();
  wb.eachSheet((ws) => {
    const rows: SheetRows = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c)));
      rows[n - 1] = cells;
    });
    sheets.set(ws.name, Array.from(rows, (r) => r ?? []));
  });
  const { raw, origins, errors } = workbookToDefinition(sheets);
  const parsed = planFileSchema.safeParse(raw);
  const schemaErrors = parsed.success ? [] : zodIssuesToErrors(parsed.error.issues, file).map((e) => locateInWorkbook(e, origins));
  const all = [...errors.map((e) => ({ ...e, file })), ...schemaErrors];
  if (all.length > 0 || !parsed.success) return { ok: false, errors: all };
  return { ok: true, value: parsed.data };
}

/** An empty template with every sheet and header, for planning staff to fill in. */
export async function writePlanTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const { title, columns } of Object.values(WORKBOOK_SHEETS)) {
    const ws = wb.addWorksheet(title);
    ws.addRow([...columns]);
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((c) => (c.width = 18));
    if (title === WORKBOOK_SHEETS.plan.title) {
      for (const f of ['id', 'title', 'titleEn', 'issuer', 'issuedOn', 'periodStart', 'periodEnd', 'sourceFile']) ws.addRow([f, '']);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
