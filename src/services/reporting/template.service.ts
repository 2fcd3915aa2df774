import { Decimal } from 'decimal.js';
import ExcelJS from 'exceljs';
import { authorize } from '../../domain/access/authorize.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors/app-error.ts';
import { reportedValuesOf } from '../../repositories/data-value.repository.ts';
import { parentLinks } from '../../repositories/org-unit.repository.ts';
import { reportingUnits } from '../../repositories/submission.repository.ts';
import type { Actor } from '../actor.ts';
import { readScope } from '../read-scope.ts';
import { checkFormPeriod, loadFormContext } from './form-context.ts';

/** Header texts the importer recognises; the template must round-trip through it unchanged. */
export const TEMPLATE_HEADERS = { code: '单位代码', name: '单位名称', period: '期间' } as const;

/**
 * An .xlsx template for one form, period and set of units: one row per unit, one column per
 * indicator with its unit in the header, pre-filled with the figures already reported, so that
 * uploading it back unchanged changes nothing. Units default to those the actor may report for.
 */
export async function formTemplate(
  database: Database,
  actor: Actor,
  formCode: string,
  period: string,
  unitCodes: readonly string[] | null,
): Promise<{ fileName: string; body: Buffer }> {
  const db = database.db;
  const ctx = await loadFormContext(db, formCode);
  checkFormPeriod(ctx.form, period);
  const parents = await parentLinks(db);
  const scope = await readScope(db, actor);
  const all = (await reportingUnits(db, ctx.form.reporters)).filter((u) => scope === null || scope.includes(u.id));
  let units = all.filter((u) => authorize(actor.grants, 'report', { orgUnit: u.code }, (c) => parents.get(c)));
  if (units.length === 0) units = all;
  if (unitCodes) {
    const unknown = unitCodes.filter((c) => !all.some((u) => u.code === c));
    if (unknown.length)
      throw new AppError(
        'NOT_A_REPORTER',
        `not reporters of ${ctx.form.code} (or outside your scope): ${unknown.join(', ')}`,
        `以下单位不填报${ctx.form.name}或不在您的权限范围内：${unknown.join('、')}`,
      );
    units = all.filter((u) => unitCodes.includes(u.code));
  }
  const items = ctx.form.items.map((item) => ({ item, info: ctx.indicators.get(item.indicator)! }));
  const stored = await reportedValuesOf(
    db,
    period,
    units.map((u) => u.id),
    items.map((i) => i.info.id),
  );
  const valueOf = new Map(stored.map((v) => [`${v.org_unit_id}/${v.indicator_id}`, v.value]));

  const wb = new ExcelJS.Workbook();
  wb.creator = 'PlanTrack';
  const sheet = wb.addWorksheet('填报', { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] });
  const width = 3 + items.length;
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).value = `${ctx.form.name}（${period}）`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  const cumulative = items.filter((i) => i.item.cumulative).map((i) => i.info.name);
  sheet.getCell(2, 1).value =
    `报告期 Period：${period}  报表 Form：${ctx.form.code} v${ctx.version}` +
    (cumulative.length ? `  本年累计数 year-to-date：${cumulative.join('、')}` : '');
  const header = sheet.getRow(3);
  header.values = [
    TEMPLATE_HEADERS.code,
    TEMPLATE_HEADERS.name,
    TEMPLATE_HEADERS.period,
    ...items.map(({ info }) => `${info.name}（${info.unit}）`),
  ];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  units.forEach((u, i) => {
    sheet.getRow(4 + i).values = [
      u.code,
      u.name,
      period,
      ...items.map(({ info }) => {
        const v = valueOf.get(`${u.id}/${info.id}`);
        return v === undefined ? null : excelValue(v);
      }),
    ];
  });
  sheet.columns.forEach((col, i) => {
    col.width = i === 1 ? 34 : i < 3 ? 14 : 16;
  });
  const notes = wb.addWorksheet('填表说明');
  notes.getColumn(1).width = 100;
  [
    '填表说明 Instructions',
    '1. 每行一个单位，每列一个指标；列标题括号内为计量单位。可在单元格内写明其他单位（如“12.5亿元”），系统自动换算。',
    '   One row per unit, one column per indicator; the unit is in the header. A unit written in a cell (e.g. 12.5亿元) is converted.',
    '2. 空白表示未填报；0 表示数值为零；“—”表示不适用。 Blank = not reported; 0 = zero; — = not applicable.',
    '3. 第2行列出的累计指标填写本年1月至本期累计数。 Indicators listed in row 2 as year-to-date are cumulative totals.',
    '4. 上传后先预览变更，确认后写入草稿；整个文件全部成功或全部不写入。 Uploads are previewed first and written all-or-nothing.',
  ].forEach((text, i) => (notes.getCell(i + 1, 1).value = text));
  return { fileName: `${ctx.form.code}-${period}.xlsx`, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** A number cell when the double holds the decimal exactly as typed (≤ 15 digits), else text so nothing is lost. */
function excelValue(v: string): number | string {
  const n = Number(v);
  return Number.isFinite(n) && new Decimal(String(n)).eq(v) ? n : v;
}
