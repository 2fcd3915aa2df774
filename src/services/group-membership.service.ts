import type { Database } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import type { ErrorCode } from '../errors/error-catalogue.ts';
import {
  groupMemberCodes,
  listGroups,
  removeGroupMember,
  unitDivisionCodes,
  upsertGroupMember,
  type MemberAssignment,
} from '../repositories/group-member.repository.ts';
import { codeToIdMap } from '../repositories/org-unit.repository.ts';
import type { Executor } from '../repositories/transaction.ts';
import type { Actor } from './actor.ts';
import { recordAuditBatch, type AuditChange } from './audit.service.ts';

/** One change to a group's members, as the plan office makes it (API, CLI, spreadsheet row). */
export interface MembershipChange {
  group: string;
  add?: readonly string[];
  remove?: readonly string[];
}

export interface MembershipResult {
  /** Every group whose members changed, with its members after the change (unit codes, sorted). */
  groups: { code: string; members: string[] }[];
}

const invalid = (code: ErrorCode, en: string, zh: string, details?: unknown) => new AppError(code, en, zh, details);

/**
 * Assigns units to groups and takes them out, all or nothing, each change audited with who, when and why.
 * A unit belongs to at most one 主体功能区 type: putting it in one takes it out of the others (and that
 * move is audited too). Memberships assigned here survive a re-seed of the dataset.
 */
export async function changeGroupMembers(
  database: Database,
  actor: Actor,
  changes: readonly MembershipChange[],
  reason: string,
): Promise<MembershipResult> {
  if (reason.trim() === '')
    throw invalid('REASON_REQUIRED', 'a reason is required for a group assignment', '请填写调整分组的理由');
  return database.db.transaction().execute(async (trx) => {
    const groups = await listGroups(trx);
    const groupByCode = new Map(groups.map((g) => [g.code, g]));
    const unitIds = await codeToIdMap(trx, 'org_unit');
    const unknownGroups = changes.map((c) => c.group).filter((g) => !groupByCode.has(g));
    if (unknownGroups.length)
      throw invalid('UNKNOWN_GROUP', `unknown group: ${unknownGroups.join(', ')}`, `未知分组：${unknownGroups.join('、')}`, {
        groups: unknownGroups,
      });
    const unknownUnits = [...new Set(changes.flatMap((c) => [...(c.add ?? []), ...(c.remove ?? [])]))].filter(
      (u) => !unitIds.has(u),
    );
    if (unknownUnits.length)
      throw invalid(
        'UNKNOWN_ORG_UNIT',
        `unknown org unit: ${unknownUnits.join(', ')}`,
        `未知组织单位：${unknownUnits.join('、')}`,
        {
          units: unknownUnits,
        },
      );

    const before = new Map<number, string[]>();
    const touch = async (groupId: number) => {
      if (!before.has(groupId)) before.set(groupId, await groupMemberCodes(trx, groupId));
    };
    const mainFunctionIds = groups.filter((g) => g.kind === 'main_function_area').map((g) => g.id);
    const assignment: MemberAssignment = {
      assigned_at: new Date().toISOString(),
      assigned_by_user_id: actor.userId,
      assigned_by: actor.label,
      reason,
    };
    for (const c of changes) {
      const group = groupByCode.get(c.group)!;
      await touch(group.id);
      for (const code of c.remove ?? []) {
        await removeGroupMember(trx, group.id, unitIds.get(code)!);
      }
      for (const code of c.add ?? []) {
        const unitId = unitIds.get(code)!;
        if (group.kind === 'main_function_area') {
          for (const other of mainFunctionIds.filter((id) => id !== group.id)) {
            const gone = await removeGroupMember(trx, other, unitId);
            if (gone && !before.has(other)) {
              // Record the other group's members as they were before this unit left it.
              before.set(other, [...(await groupMemberCodes(trx, other)), code].sort());
            }
          }
        }
        await upsertGroupMember(trx, group.id, unitId, assignment);
      }
    }

    const result: MembershipResult = { groups: [] };
    const audit: AuditChange[] = [];
    for (const g of groups) {
      const was = before.get(g.id);
      if (was === undefined) continue;
      const now = await groupMemberCodes(trx, g.id);
      result.groups.push({ code: g.code, members: now });
      if (now.join() !== was.join())
        audit.push({
          action: 'group.members',
          entity: 'org_group',
          entityKey: g.code,
          before: { members: was },
          after: {
            members: now,
            added: now.filter((m) => !was.includes(m)),
            removed: was.filter((m) => !now.includes(m)),
            reason,
          },
        });
    }
    await recordAuditBatch(trx, actor, audit);
    return result;
  });
}

/**
 * Reads a plan office's assignment sheet: one row per unit, `unit,group` (unit code or GB/T 2260 code; group code).
 * Header row optional; blank lines and lines starting with # are skipped. Errors name the row.
 */
export function parseAssignmentRows(text: string): { unit: string; group: string; row: number }[] {
  const out: { unit: string; group: string; row: number }[] = [];
  const problems: string[] = [];
  const problemsZh: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const row = i + 1;
    const t = line.trim();
    if (t === '' || t.startsWith('#')) return;
    const cells = t.split(/[,\t，]/).map((c) => c.trim());
    if (row === 1 && /^(unit|单位)/i.test(cells[0] ?? '')) return;
    if (cells.length < 2 || cells[0] === '' || cells[1] === '') {
      problems.push(`row ${row}: expected "unit,group", got "${t}"`);
      problemsZh.push(`第${row}行：应为“单位,分组”，实为“${t}”`);
      return;
    }
    out.push({ unit: cells[0]!, group: cells[1]!, row });
  });
  if (problems.length) throw invalid('INVALID_ASSIGNMENT_FILE', problems.join('; '), problemsZh.join('；'), { problems });
  return out;
}

/** Unit codes for the rows of an assignment sheet: a GB/T 2260 code (530102) is looked up as the unit's division code. */
export async function resolveAssignmentUnits(
  db: Executor,
  rows: readonly { unit: string; group: string; row: number }[],
): Promise<MembershipChange[]> {
  const units = await unitDivisionCodes(db);
  const byDivision = new Map(units.filter((u) => u.division_code).map((u) => [u.division_code!, u.code]));
  const codes = new Set(units.map((u) => u.code));
  const unknown = rows.filter((r) => !codes.has(r.unit) && !byDivision.has(r.unit));
  if (unknown.length)
    throw invalid(
      'UNKNOWN_ORG_UNIT',
      unknown.map((r) => `row ${r.row}: unknown unit "${r.unit}"`).join('; '),
      unknown.map((r) => `第${r.row}行：未知单位“${r.unit}”`).join('；'),
      { rows: unknown.map((r) => r.row) },
    );
  const byGroup = new Map<string, string[]>();
  for (const r of rows) {
    const code = codes.has(r.unit) ? r.unit : byDivision.get(r.unit)!;
    byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), code]);
  }
  return [...byGroup].map(([group, add]) => ({ group, add }));
}
