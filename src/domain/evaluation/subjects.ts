import type { GroupBy, Subject } from './stored-scheme.schema.ts';

/** What subject selection and grouping need to know of an org unit. */
export interface SubjectUnit {
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
  parent: string | null;
  /** The plan that defined the unit (org_unit.source_plan_id). */
  plan: string | null;
  /** national / provincial for development zones. */
  zoneLevel: string | null;
}

/** Org group code → member unit codes. */
export type GroupMembers = ReadonlyMap<string, ReadonlySet<string>>;

/** Whether `code` is `root` or lies below it. */
function under(byCode: ReadonlyMap<string, SubjectUnit>, code: string, root: string): boolean {
  const seen = new Set<string>();
  for (let c: string | null = code; c !== null && !seen.has(c); c = byCode.get(c)?.parent ?? null) {
    if (c === root) return true;
    seen.add(c);
  }
  return false;
}

/** The units a scheme evaluates (every condition given must hold), ordered by code. */
export function selectSubjects(units: readonly SubjectUnit[], members: GroupMembers, subject: Subject): SubjectUnit[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const group = subject.group === undefined ? undefined : (members.get(subject.group) ?? new Set<string>());
  return units
    .filter(
      (u) =>
        (subject.kinds === undefined || subject.kinds.includes(u.kind)) &&
        (group === undefined || group.has(u.code)) &&
        (subject.plan === undefined || u.plan === subject.plan) &&
        (subject.root === undefined || under(byCode, u.code, subject.root)),
    )
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * The comparison group of a unit: by zone level, the level itself when the scheme has a group of that
 * code; by org group, the first scheme group (in the order written) whose org group lists the unit.
 * null = no group (ranked with the other ungrouped units under the scheme weights).
 */
export function comparisonGroupOf(
  unit: SubjectUnit,
  groupBy: GroupBy | undefined,
  schemeGroups: readonly string[],
  members: GroupMembers,
): string | null {
  if (groupBy === undefined) return null;
  if (groupBy.by === 'zone_level')
    return unit.zoneLevel !== null && schemeGroups.includes(unit.zoneLevel) ? unit.zoneLevel : null;
  for (const [group, orgGroup] of Object.entries(groupBy.groups))
    if (schemeGroups.includes(group) && members.get(orgGroup)?.has(unit.code)) return group;
  return null;
}
