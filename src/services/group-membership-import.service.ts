import type { Database } from '../db/database.ts';
import type { InputLimits } from '../config/input-limits.ts';
import {
  assignmentRowsFromSheet,
  type AssignmentProblem,
  type AssignmentRow,
} from '../domain/org-units/group-assignment-sheet.ts';
import { AppError } from '../errors/app-error.ts';
import { listGroups, unitDivisionCodes } from '../repositories/group-member.repository.ts';
import type { Executor } from '../repositories/transaction.ts';
import { readFirstSheetRows } from '../spreadsheets/read-group-assignments.ts';
import type { Actor } from './actor.ts';
import { changeGroupMembers, type MembershipChange, type MembershipResult } from './group-membership.service.ts';

/** Keeps the first of several same-keyed entries once, and remembers which keys are ambiguous. */
function uniqueIndex(entries: readonly [string, string][]): Map<string, string | null> {
  const index = new Map<string, string | null>();
  for (const [key, value] of entries) {
    const had = index.get(key);
    index.set(key, had === undefined || had === value ? value : null);
  }
  return index;
}

/**
 * The membership changes an assignment sheet asks for, every unit and group looked up: a unit by its code, its
 * GB/T 2260 code or its (unique) name; a group by its code or name. Unknown or ambiguous entries are
 * problems naming the row and column. Returns the problems rather than throwing, so that callers decide.
 */
export async function resolveSheetAssignments(
  db: Executor,
  rows: readonly AssignmentRow[],
): Promise<{ changes: MembershipChange[]; problems: AssignmentProblem[] }> {
  const units = await unitDivisionCodes(db);
  const unitIndex = uniqueIndex([
    ...units.map((u) => [u.name, u.code] as [string, string]),
    ...units.filter((u) => u.division_code).map((u) => [u.division_code!, u.code] as [string, string]),
    ...units.map((u) => [u.code, u.code] as [string, string]),
  ]);
  const groups = await listGroups(db);
  const groupIndex = uniqueIndex([
    ...groups.map((g) => [g.name, g.code] as [string, string]),
    ...groups.map((g) => [g.code, g.code] as [string, string]),
  ]);
  const problems: AssignmentProblem[] = [];
  const byGroup = new Map<string, string[]>();
  for (const r of rows) {
    const unit = unitIndex.get(r.unit);
    const group = groupIndex.get(r.group);
    if (unit === undefined)
      problems.push({ row: r.row, field: 'unit', reason: `unknown unit "${r.unit}"`, reasonZh: `未知单位“${r.unit}”` });
    if (unit === null)
      problems.push({
        row: r.row,
        field: 'unit',
        reason: `"${r.unit}" names more than one unit; give its code`,
        reasonZh: `“${r.unit}”对应多个单位，请填写单位代码`,
      });
    if (group === undefined || group === null)
      problems.push({ row: r.row, field: 'group', reason: `unknown group "${r.group}"`, reasonZh: `未知分组“${r.group}”` });
    if (unit && group) byGroup.set(group, [...(byGroup.get(group) ?? []), unit]);
  }
  return { changes: [...byGroup].map(([group, add]) => ({ group, add })), problems };
}

/** The changes an .xlsx assignment workbook asks for; any problem refuses the whole file, naming row, column and reason. */
export async function assignmentChangesFromXlsx(
  db: Executor,
  bytes: Buffer,
  limits?: Pick<InputLimits, 'maxRows' | 'maxColumns' | 'maxCells'>,
): Promise<MembershipChange[]> {
  const sheet = assignmentRowsFromSheet(await readFirstSheetRows(bytes, limits));
  const resolved = await resolveSheetAssignments(db, sheet.rows);
  const problems = [...sheet.problems, ...resolved.problems].sort((a, b) => a.row - b.row);
  if (problems.length) {
    const column = { unit: '单位', group: '分组', header: '表头' };
    throw new AppError(
      'INVALID_ASSIGNMENT_FILE',
      `the group assignment file was not applied: ${problems.map((p) => `row ${p.row}, ${p.field}: ${p.reason}`).join('; ')}`,
      `分组调整文件未导入：${problems.map((p) => `第${p.row}行“${column[p.field]}”列：${p.reasonZh}`).join('；')}`,
      { problems },
    );
  }
  return resolved.changes;
}

/**
 * For the access check only: the changes of the rows that could be looked up (none when the file cannot be read),
 * so that authorization covers every group and unit the file names; the import itself refuses a file with problems.
 */
export async function readableSheetChanges(
  db: Executor,
  bytes: Buffer,
  limits?: Pick<InputLimits, 'maxRows' | 'maxColumns' | 'maxCells'>,
): Promise<MembershipChange[]> {
  try {
    const sheet = assignmentRowsFromSheet(await readFirstSheetRows(bytes, limits));
    return (await resolveSheetAssignments(db, sheet.rows)).changes;
  } catch {
    return [];
  }
}

/** Applies an .xlsx assignment workbook (first sheet; 单位/单位代码 and 分组/类型 columns), all or nothing, audited. */
export async function importGroupMembers(
  database: Database,
  actor: Actor,
  bytes: Buffer,
  reason: string,
  limits?: Pick<InputLimits, 'maxRows' | 'maxColumns' | 'maxCells'>,
): Promise<MembershipResult> {
  if (reason.trim() === '')
    throw new AppError('REASON_REQUIRED', 'a reason is required for a group assignment', '请填写调整分组的理由');
  return changeGroupMembers(database, actor, await assignmentChangesFromXlsx(database.db, bytes, limits), reason);
}
