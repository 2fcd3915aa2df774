import type { Executor } from './transaction.ts';

export async function listGroups(db: Executor) {
  return db.selectFrom('org_group').select(['id', 'code', 'name', 'kind']).execute();
}

/** The unit codes in a group, sorted. */
export async function groupMemberCodes(db: Executor, groupId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('org_group_member as m')
    .innerJoin('org_unit as u', 'u.id', 'm.org_unit_id')
    .select('u.code')
    .where('m.group_id', '=', groupId)
    .execute();
  return rows.map((r) => r.code).sort();
}

/** Takes a unit out of a group; true when it was in it. */
export async function removeGroupMember(db: Executor, groupId: number, orgUnitId: number): Promise<boolean> {
  const rows = await db
    .deleteFrom('org_group_member')
    .where('group_id', '=', groupId)
    .where('org_unit_id', '=', orgUnitId)
    .returning('group_id')
    .execute();
  return rows.length > 0;
}

export interface MemberAssignment {
  assigned_at: string;
  assigned_by_user_id: number | null;
  assigned_by: string;
  reason: string;
}

/** Puts a unit in a group, or re-stamps who assigned it and why when it is there already. */
export async function upsertGroupMember(
  db: Executor,
  groupId: number,
  orgUnitId: number,
  assignment: MemberAssignment,
): Promise<void> {
  await db
    .insertInto('org_group_member')
    .values({ group_id: groupId, org_unit_id: orgUnitId, ...assignment })
    .onConflict((oc) => oc.columns(['group_id', 'org_unit_id']).doUpdateSet(assignment))
    .execute();
}

/** Every unit's code with its GB/T 2260 division code (null where it has none). */
export async function unitDivisionCodes(db: Executor) {
  return db.selectFrom('org_unit').select(['code', 'division_code', 'name']).execute();
}
