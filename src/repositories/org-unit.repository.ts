import { sql } from 'kysely';
import type { OrgGroup, OrgUnit } from '../domain/model/org-unit.schema.ts';
import type { Executor } from './transaction.ts';

export async function codeToIdMap(db: Executor, table: 'org_unit' | 'org_group' | 'indicator'): Promise<Map<string, number>> {
  const rows = await db.selectFrom(table).select(['id', 'code']).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Inserts or updates units by code; parents are linked in a second pass so order does not matter. */
export async function upsertOrgUnits(
  db: Executor,
  units: readonly OrgUnit[],
  sourcePlan: (u: OrgUnit) => string | null,
): Promise<void> {
  for (const u of units) {
    const row = {
      code: u.code,
      name: u.name,
      name_en: u.nameEn ?? null,
      kind: u.kind,
      division_code: u.divisionCode ?? null,
      zone_level: u.zone?.level ?? null,
      zone_kind: u.zone?.kind ?? null,
      leading_industries: u.zone?.leadingIndustries ?? [],
      area_km2: u.zone?.areaKm2 ?? null,
      source_plan_id: u.source ? sourcePlan(u) : null,
      source_section: u.source?.section ?? null,
      source_quote: u.source?.quote ?? null,
    };
    await db
      .insertInto('org_unit')
      .values(row)
      .onConflict((oc) => oc.column('code').doUpdateSet(row))
      .execute();
  }
  const ids = await codeToIdMap(db, 'org_unit');
  for (const u of units) {
    await db
      .updateTable('org_unit')
      .set({
        parent_id: u.parent === undefined ? null : ids.get(u.parent)!,
        zone_prefecture_id: u.zone?.prefecture === undefined ? null : ids.get(u.zone.prefecture)!,
      })
      .where('code', '=', u.code)
      .execute();
  }
}

export async function upsertGroups(
  db: Executor,
  groups: readonly OrgGroup[],
  sourcePlan: (g: OrgGroup) => string | null,
): Promise<void> {
  const unitIds = await codeToIdMap(db, 'org_unit');
  for (const g of groups) {
    const row = {
      code: g.code,
      name: g.name,
      name_en: g.nameEn ?? null,
      kind: g.kind,
      source_plan_id: g.source ? sourcePlan(g) : null,
      source_section: g.source?.section ?? null,
      source_quote: g.source?.quote ?? null,
    };
    const { id } = await db
      .insertInto('org_group')
      .values(row)
      .onConflict((oc) => oc.column('code').doUpdateSet(row))
      .returning('id')
      .executeTakeFirstOrThrow();
    // The dataset's own memberships are replaced; those the plan office assigned are kept.
    await db.deleteFrom('org_group_member').where('group_id', '=', id).where('assigned_at', 'is', null).execute();
    if (g.members.length > 0) {
      await db
        .insertInto('org_group_member')
        .values(g.members.map((m) => ({ group_id: id, org_unit_id: unitIds.get(m)! })))
        .onConflict((oc) => oc.columns(['group_id', 'org_unit_id']).doNothing())
        .execute();
    }
  }
}

export interface OrgUnitFilter {
  /** Only these units (the caller's read scope); undefined or null = all. */
  unitIds?: readonly number[] | null;
  kind?: string;
  parent?: string;
  q?: string;
  codes?: readonly string[];
}

function orgUnitQuery(db: Executor) {
  return db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .leftJoin('org_unit as zp', 'zp.id', 'u.zone_prefecture_id')
    .select([
      'u.id',
      'u.code',
      'u.name',
      'u.name_en',
      'u.kind',
      'p.code as parent_code',
      'u.division_code',
      'u.zone_level',
      'u.zone_kind',
      'zp.code as zone_prefecture_code',
      'u.leading_industries',
      'u.area_km2',
      'u.source_plan_id',
      'u.source_section',
      'u.source_quote',
    ]);
}
export type OrgUnitRow = Awaited<ReturnType<ReturnType<typeof orgUnitQuery>['executeTakeFirstOrThrow']>>;

export async function listOrgUnits(db: Executor, f: OrgUnitFilter, page: { limit: number; offset: number }) {
  let q = orgUnitQuery(db);
  if (f.unitIds) q = q.where('u.id', 'in', f.unitIds.length ? [...f.unitIds] : [-1]);
  if (f.kind) q = q.where('u.kind', '=', f.kind);
  if (f.parent) q = q.where('p.code', '=', f.parent);
  if (f.codes) q = q.where('u.code', 'in', f.codes.length ? [...f.codes] : ['']);
  if (f.q) {
    const like = `%${f.q}%`;
    q = q.where((eb) => eb.or([eb('u.name', 'ilike', like), eb('u.code', 'ilike', like), eb('u.name_en', 'ilike', like)]));
  }
  const [rows, total] = await Promise.all([
    q.orderBy('u.id').limit(page.limit).offset(page.offset).execute(),
    q
      .clearSelect()
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

export async function findOrgUnit(db: Executor, code: string): Promise<OrgUnitRow | undefined> {
  return orgUnitQuery(db).where('u.code', '=', code).executeTakeFirst();
}

export async function groupsOfOrgUnit(db: Executor, orgUnitId: number) {
  return db
    .selectFrom('org_group_member as m')
    .innerJoin('org_group as g', 'g.id', 'm.group_id')
    .select(['g.code', 'g.name', 'g.kind'])
    .where('m.org_unit_id', '=', orgUnitId)
    .orderBy('g.id')
    .execute();
}

export async function listGroups(db: Executor) {
  const groups = await db.selectFrom('org_group').selectAll().orderBy('id').execute();
  const members = await db
    .selectFrom('org_group_member as m')
    .innerJoin('org_unit as u', 'u.id', 'm.org_unit_id')
    .select(['m.group_id', 'u.code'])
    .orderBy('u.id')
    .execute();
  return groups.map((g) => ({ ...g, members: members.filter((m) => m.group_id === g.id).map((m) => m.code) }));
}

/** Ids of every unit in the subtrees rooted at the given codes (roots included). */
export async function subtreeUnitIds(db: Executor, roots: readonly string[]): Promise<number[]> {
  if (roots.length === 0) return [];
  const rows = await sql<{ id: number }>`
    with recursive sub as (
      select id from org_unit where code in (${sql.join(roots)})
      union
      select u.id from org_unit u join sub on u.parent_id = sub.id
    ) select id from sub`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** code → parent code for the whole tree, for authorization decisions. */
export async function parentLinks(db: Executor): Promise<Map<string, string | null>> {
  const rows = await db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .select(['u.code', 'p.code as parent'])
    .execute();
  return new Map(rows.map((r) => [r.code, r.parent]));
}
