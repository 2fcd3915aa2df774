import type { Executor } from './transaction.ts';

/** Queries of org_unit_alias and org_unit_alias_dismissed (migrations 0360, 0361); rules live in services/org-units/unit-alias.service.ts. */

export interface AliasRow {
  id: number;
  alias: string;
  kind: string;
  source: string;
}

export function findUnitByCode(db: Executor, code: string) {
  return db.selectFrom('org_unit').select(['id', 'name']).where('code', '=', code).executeTakeFirst();
}

export function allUnitNames(db: Executor) {
  return db.selectFrom('org_unit').select(['id', 'code', 'name', 'kind']).execute();
}

export function aliasesOfUnit(db: Executor, unitId: number): Promise<AliasRow[]> {
  return db
    .selectFrom('org_unit_alias')
    .select(['id', 'alias', 'kind', 'source'])
    .where('org_unit_id', '=', unitId)
    .orderBy('id')
    .execute();
}

export async function aliasesOfUnits(db: Executor, unitIds: readonly number[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('org_unit_alias')
    .select(['org_unit_id', 'alias'])
    .where('org_unit_id', 'in', [...unitIds])
    .orderBy('id')
    .execute();
}

export function aliasHolder(db: Executor, key: string) {
  return db
    .selectFrom('org_unit_alias as a')
    .innerJoin('org_unit as u', 'u.id', 'a.org_unit_id')
    .select(['u.code', 'u.name'])
    .where('a.match_key', '=', key)
    .executeTakeFirst();
}

export async function insertAlias(
  db: Executor,
  row: { org_unit_id: number; alias: string; match_key: string; kind: string; source: string },
): Promise<AliasRow> {
  await db.deleteFrom('org_unit_alias_dismissed').where('match_key', '=', row.match_key).execute();
  return db.insertInto('org_unit_alias').values(row).returning(['id', 'alias', 'kind', 'source']).executeTakeFirstOrThrow();
}

/** Deletes one alias of a unit; a seeded one is remembered as dismissed so the start does not seed it again. */
export async function deleteAlias(db: Executor, unitId: number, id: number) {
  const row = await db
    .deleteFrom('org_unit_alias')
    .where('id', '=', id)
    .where('org_unit_id', '=', unitId)
    .returning(['alias', 'match_key', 'kind', 'source'])
    .executeTakeFirst();
  if (row?.source === 'derived')
    await db
      .insertInto('org_unit_alias_dismissed')
      .values({ org_unit_id: unitId, match_key: row.match_key })
      .onConflict((oc) => oc.doNothing())
      .execute();
  return row;
}

export function dismissedAliases(db: Executor) {
  return db.selectFrom('org_unit_alias_dismissed').select(['org_unit_id', 'match_key']).execute();
}

export async function insertSeededAliases(
  db: Executor,
  rows: { org_unit_id: number; alias: string; match_key: string; kind: string; source: string }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insertInto('org_unit_alias')
    .values(rows)
    .onConflict((oc) => oc.column('match_key').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}
