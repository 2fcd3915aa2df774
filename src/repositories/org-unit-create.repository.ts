import type { Executor } from './transaction.ts';

/** Every org-unit or group code, to find a free one. */
export async function allCodes(db: Executor, table: 'org_unit' | 'org_group'): Promise<Set<string>> {
  return new Set((await db.selectFrom(table).select('code').execute()).map((r) => r.code));
}

/** Names of the units directly under a parent (null: the units without one). */
export async function childUnitNames(db: Executor, parentId: number | null): Promise<string[]> {
  const q = db.selectFrom('org_unit').select('name');
  const rows = await (parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId)).execute();
  return rows.map((r) => r.name);
}

export async function groupNames(db: Executor): Promise<string[]> {
  return (await db.selectFrom('org_group').select('name').execute()).map((r) => r.name);
}

/** Inserts a unit; false when its code is taken (nothing written). */
export async function insertOrgUnit(
  db: Executor,
  row: { code: string; name: string; name_en: string | null; kind: string; parent_id: number | null },
): Promise<boolean> {
  const rows = await db
    .insertInto('org_unit')
    .values(row)
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('id')
    .execute();
  return rows.length > 0;
}

/** Inserts a group; its id, or undefined when its code is taken (nothing written). */
export async function insertGroup(
  db: Executor,
  row: { code: string; name: string; name_en: string | null; kind: string },
): Promise<number | undefined> {
  const rows = await db
    .insertInto('org_group')
    .values(row)
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('id')
    .execute();
  return rows[0]?.id;
}
