import ExcelJS from 'exceljs';
import type { Database } from '../../db/database.ts';
import { createOrgUnitMatcher } from '../../domain/extraction/org-unit-matcher.ts';
import {
  duplicateOrdinals,
  interpretTaskRow,
  joinUnitNames,
  readHeader,
  TASK_SHEET_HEADERS,
  type TaskSheetField,
  type TaskSheetProblem,
  type TaskSheetRow,
  type UnitResolver,
  type UnmatchedName,
} from '../../domain/tasks/task-sheet.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import { findPlan } from '../../repositories/plan.repository.ts';
import {
  insertListedTask,
  orgUnitCatalogue,
  planTaskList,
  rewriteTask,
  type PlanTaskListRow,
  type TaskListWrite,
} from '../../repositories/task-supervision.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import { cellText } from '../../spreadsheets/read-xlsx.ts';
import { rowCounter } from '../../spreadsheets/row-limits.ts';
import { checkZipLimits } from '../../spreadsheets/zip-limits.ts';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../../config/input-limits.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { assertPlanReadable, taskReadScope } from './task-read-scope.ts';
import { normaliseText } from '../../domain/text/normalise.ts';
import { sameText } from '../../domain/text/user-text.ts';

/** Matches written unit names to org units with the extraction's matcher (aliases, short forms, historical names). */
async function unitResolver(db: Executor): Promise<{ resolve: UnitResolver; idOf: Map<string, number> }> {
  const units = await orgUnitCatalogue(db);
  // Names are stored as written (issue 18); the matcher compares folded keys: the catalogue and the sheet's
  // name both pass through normaliseText, so 昆明海关(驻昆) finds 昆明海关（驻昆）.
  const matcher = createOrgUnitMatcher({
    orgUnits: units.map((u) => ({ ...u, name: normaliseText(u.name), synonyms: [] })),
    groups: [],
  });
  const idOf = new Map(units.map((u) => [u.code, u.id]));
  const nameOf = new Map(units.map((u) => [u.code, u.name]));
  const resolve: UnitResolver = (written) => {
    const name = normaliseText(written);
    // A list written "省发展改革委、商务厅" drops the 省 after the first name.
    for (const candidate of [name, /^[省市]/.test(name) ? null : `省${name}`]) {
      if (candidate === null) continue;
      const hit = matcher.resolve(candidate);
      if (hit?.code && hit.kind === 'org_unit') return { code: hit.code, name: nameOf.get(hit.code)! };
    }
    return null;
  };
  return { resolve, idOf };
}

/** The plan's task list as .xlsx in the customary layout (title row, header row, one task a row). */
export async function exportTaskSheet(
  database: Database,
  actor: Actor,
  plan: string,
): Promise<{ fileName: string; bytes: Buffer }> {
  const db = database.db;
  const p = await findPlan(db, plan);
  if (!p) throw notFound('plan', plan);
  const scope = await taskReadScope(db, actor);
  assertPlanReadable(scope, plan);
  const unitIds = scope.unitIds === null ? null : new Set(scope.unitIds);
  const codeToId = new Map((await orgUnitCatalogue(db)).map((u) => [u.code, u.id]));
  // 序号 is the task's place in the whole plan, also when a scoped reader sees only some rows, so
  // that an edited file maps back to the same tasks.
  const rows = (await planTaskList(db, plan))
    .map((t, i) => ({ ...t, position: i + 1 }))
    .filter((t) => unitIds === null || t.units.some((u) => unitIds.has(codeToId.get(u.code)!)));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务清单');
  ws.addRow([`《${p.title}》重点任务分工`]);
  ws.mergeCells(1, 1, 1, TASK_SHEET_HEADERS.length);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow([...TASK_SHEET_HEADERS]);
  ws.getRow(2).font = { bold: true };
  rows.forEach((t) => {
    const names = (role: 'lead' | 'co') => t.units.filter((u) => u.role === role);
    ws.addRow([
      t.position,
      t.text,
      joinUnitNames(names('lead'), t.lead_unmatched),
      joinUnitNames(names('co'), t.co_unmatched),
      t.deadline ?? '',
    ]);
  });
  ws.columns = [{ width: 6 }, { width: 80 }, { width: 30 }, { width: 40 }, { width: 14 }];
  ws.eachRow((row, n) => {
    if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
  });
  return { fileName: `${plan}-tasks.xlsx`, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
}

export interface TaskImportRow {
  row: number;
  ordinal: number;
  text: string;
  lead: { code: string; name: string }[];
  co: { code: string; name: string }[];
  leadUnmatched: string[];
  coUnmatched: string[];
  deadline: string | null;
  deadlineOn: string | null;
  action: 'create' | 'update' | 'unchanged';
  taskKey: string | null;
}

export interface TaskImportResult {
  plan: string;
  dryRun: boolean;
  committed: boolean;
  rows: TaskImportRow[];
  problems: TaskSheetProblem[];
  /** Every name that matches no org unit; alreadyKept: the task already keeps it (confirmed before). */
  unmatched: (UnmatchedName & { alreadyKept: boolean })[];
  counts: { create: number; update: number; unchanged: number; notInFile: number };
}

async function readSheet(bytes: Uint8Array, resolve: UnitResolver, limits: InputLimits) {
  // ExcelJS loads the whole workbook: the zip is checked against the inflated-size limit first.
  await checkZipLimits(bytes, 'task sheet', limits, { workbook: true });
  const counter = rowCounter(limits);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('NOT_XLSX', 'the file is not an .xlsx workbook', '文件不是 .xlsx 工作簿');
  }
  const rows: TaskSheetRow[] = [];
  const problems: TaskSheetProblem[] = [];
  const unmatched: UnmatchedName[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    let header: Partial<Record<TaskSheetField, number>> | null = null;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: (string | null)[] = [];
      counter.width(ws.name, r, row.cellCount);
      for (let c = 1; c <= Math.max(row.cellCount, 5); c++) cells.push(cellText(row.getCell(c).value));
      counter.row({ sheet: ws.name, row: r, cells });
      if (!header) {
        if (r <= 10) header = readHeader(cells);
        continue;
      }
      if (cells.every((c) => c === null || c.trim() === '')) continue;
      const pick = (f: TaskSheetField) => (header![f] === undefined ? null : (cells[header![f]!] ?? null));
      const out = interpretTaskRow(
        r,
        { ordinal: pick('ordinal'), text: pick('text'), lead: pick('lead'), co: pick('co'), deadline: pick('deadline') },
        resolve,
      );
      problems.push(...out.problems);
      unmatched.push(...out.unmatched);
      if (out.task) rows.push(out.task);
    }
    if (header) return { rows, problems: [...problems, ...duplicateOrdinals(rows)], unmatched };
  }
  throw new AppError(
    'NO_TASK_HEADER',
    'no sheet has the header row 序号 / 任务 / 牵头单位 / 配合单位 / 完成时限 within its first 10 rows',
    '未在任何工作表的前10行找到表头「序号 / 任务 / 牵头单位 / 配合单位 / 完成时限」',
  );
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
/** Unmatched names kept as written: the same name in the other width (（） or ()) is no change. */
const sameNames = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => sameText(x, b[i]!));

function unchanged(t: PlanTaskListRow, r: TaskSheetRow): boolean {
  const codes = (role: 'lead' | 'co') => t.units.filter((u) => u.role === role).map((u) => u.code);
  return (
    sameText(t.text, r.text) &&
    (t.deadline ?? null) === r.deadline &&
    sameList(
      codes('lead'),
      r.lead.map((u) => u.code),
    ) &&
    sameList(
      codes('co'),
      r.co.map((u) => u.code),
    ) &&
    sameNames(t.lead_unmatched, r.leadUnmatched) &&
    sameNames(t.co_unmatched, r.coUnmatched)
  );
}

/**
 * Imports a task list into a plan: row 序号 n rewrites the plan's n-th task (in plan order), rows
 * beyond the plan's tasks add new ones; tasks the file does not reach are left alone. All or
 * nothing: any row problem rejects the file, and so do unit names that match no org unit unless
 * keepUnmatched is set — then they are stored as written on the task and shown with it.
 */
export async function importTaskSheet(
  database: Database,
  actor: Actor,
  plan: string,
  bytes: Uint8Array,
  opts: { dryRun: boolean; keepUnmatched: boolean; limits?: InputLimits },
): Promise<TaskImportResult> {
  const db = database.db;
  if (!(await findPlan(db, plan))) throw notFound('plan', plan);
  const { resolve, idOf } = await unitResolver(db);
  const sheet = await readSheet(bytes, resolve, opts.limits ?? DEFAULT_INPUT_LIMITS);
  return db.transaction().execute(async (trx) => {
    const existing = await planTaskList(trx, plan);
    const sorted = [...sheet.rows].sort((a, b) => a.ordinal - b.ordinal);
    const usedKeys = new Set(existing.map((t) => t.key));
    let nextOrdinal = Math.max(-1, ...existing.map((t) => t.ordinal)) + 1;
    const planned = sorted.map((r) => {
      const target = r.ordinal <= existing.length ? existing[r.ordinal - 1]! : null;
      const action: TaskImportRow['action'] = target === null ? 'create' : unchanged(target, r) ? 'unchanged' : 'update';
      return { r, target, action };
    });
    const targetOfRow = new Map(planned.map((p) => [p.r.row, p.target]));
    const unmatched = sheet.unmatched.map((u) => {
      const t = targetOfRow.get(u.row);
      const kept = t ? (u.field === 'lead' ? t.lead_unmatched : t.co_unmatched) : [];
      return { ...u, alreadyKept: kept.some((k) => sameText(k, u.name)) };
    });
    const blocking = unmatched.filter((u) => !u.alreadyKept);
    const reached = new Set(planned.map((p) => p.target?.id).filter((id) => id !== undefined));
    const result: TaskImportResult = {
      plan,
      dryRun: opts.dryRun,
      committed: false,
      rows: planned.map(({ r, target, action }) => ({
        row: r.row,
        ordinal: r.ordinal,
        text: r.text,
        lead: r.lead,
        co: r.co,
        leadUnmatched: r.leadUnmatched,
        coUnmatched: r.coUnmatched,
        deadline: r.deadline,
        deadlineOn: r.deadlineOn,
        action,
        taskKey: target?.key ?? null,
      })),
      problems: sheet.problems,
      unmatched,
      counts: {
        create: planned.filter((p) => p.action === 'create').length,
        update: planned.filter((p) => p.action === 'update').length,
        unchanged: planned.filter((p) => p.action === 'unchanged').length,
        notInFile: existing.filter((t) => !reached.has(t.id)).length,
      },
    };
    if (opts.dryRun) return result;
    if (sheet.problems.length)
      throw new AppError(
        'IMPORT_REJECTED',
        `the task list was rejected with ${sheet.problems.length} problem(s); nothing was written`,
        `任务清单被拒绝：发现${sheet.problems.length}个问题，未写入任何数据`,
        result,
      );
    if (blocking.length && !opts.keepUnmatched)
      throw new AppError(
        'UNMATCHED_UNITS',
        `${blocking.length} unit name(s) match no org unit; nothing was written. Correct them, or confirm to keep them as text on the tasks`,
        `${blocking.length}个单位名称未匹配到组织单位，未写入任何数据。请更正，或确认将其作为文字保留在任务上`,
        result,
      );
    for (const { r, target, action } of planned) {
      if (action === 'unchanged') continue;
      const w: TaskListWrite = {
        text: r.text,
        deadline: r.deadline,
        deadlineOn: r.deadlineOn,
        leadUnmatched: r.leadUnmatched,
        coUnmatched: r.coUnmatched,
        lead: r.lead.map((u) => idOf.get(u.code)!),
        co: r.co.map((u) => idOf.get(u.code)!),
      };
      if (target) await rewriteTask(trx, target.id, w);
      else {
        let key = `xlsx-${String(r.ordinal).padStart(3, '0')}`;
        for (let n = 2; usedKeys.has(key); n++) key = `xlsx-${String(r.ordinal).padStart(3, '0')}-${n}`;
        usedKeys.add(key);
        await insertListedTask(trx, plan, key, nextOrdinal++, w);
        result.rows.find((x) => x.row === r.row)!.taskKey = key;
      }
    }
    await recordAudit(trx, actor, {
      action: 'task.import',
      entity: 'plan',
      entityKey: plan,
      after: { ...result.counts, unmatchedKept: blocking.map((u) => ({ row: u.row, field: u.field, name: u.name })) },
    });
    result.committed = result.counts.create + result.counts.update > 0;
    return result;
  });
}
