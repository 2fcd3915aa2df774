import { sql } from 'kysely';
import type { OrgGroup, OrgUnit } from '../domain/model/org-unit.schema.ts';
import { nameLike } from './name-search.ts';
import type { Executor } from './transaction.ts';

export async function codeToIdMap(db: Executor, table: 'org_unit' | 'org_group' | 'indicator'): Promise<Map<string, number>> {
  const rows = await db.selectFrom(table).select(['id', 'code']).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

/**
 * The columns a file's org unit states. Only those: an update never blanks what the file leaves out
 * (a file naming a zone's code and parent keeps its level, industries and area).
 */
export function orgUnitColumns(u: OrgUnit, sourcePlan: (u: OrgUnit) => string | null) {
  return {
    code: u.code,
    name: u.name,
    kind: u.kind,
    ...(u.nameEn === undefined ? {} : { name_en: u.nameEn }),
    ...(u.divisionCode === undefined ? {} : { division_code: u.divisionCode }),
    ...(u.zone?.level === undefined ? {} : { zone_level: u.zone.level }),
    ...(u.zone?.kind === undefined ? {} : { zone_kind: u.zone.kind }),
    ...(u.zone === undefined ? {} : { leading_industries: u.zone.leadingIndustries }),
    ...(u.zone?.areaKm2 === undefined ? {} : { area_km2: u.zone.areaKm2 }),
    ...(u.source === undefined
      ? {}
      : { source_plan_id: sourcePlan(u), source_section: u.source.section ?? null, source_quote: u.source.quote }),
  };
}

/** Inserts or updates units by code; parents are linked in a second pass so order does not matter. */
export async function upsertOrgUnits(
  db: Executor,
  units: readonly OrgUnit[],
  sourcePlan: (u: OrgUnit) => string | null,
): Promise<void> {
  for (const u of units) {
    const row = orgUnitColumns(u, sourcePlan);
    await db
      .insertInto('org_unit')
      .values(row)
      .onConflict((oc) => oc.column('code').doUpdateSet(row))
      .execute();
  }
  const ids = await codeToIdMap(db, 'org_unit');
  for (const u of units) {
    const links = {
      ...(u.parent === undefined ? {} : { parent_id: ids.get(u.parent)! }),
      ...(u.zone?.prefecture === undefined ? {} : { zone_prefecture_id: ids.get(u.zone.prefecture)! }),
    };
    if (Object.keys(links).length > 0) await db.updateTable('org_unit').set(links).where('code', '=', u.code).execute();
  }
}

/** Stored units with their parent codes, to tell what an import would change. */
export async function storedOrgUnits(db: Executor) {
  const rows = await db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .leftJoin('org_unit as zp', 'zp.id', 'u.zone_prefecture_id')
    .selectAll('u')
    .select(['p.code as parent_code', 'zp.code as zone_prefecture_code'])
    .execute();
  return new Map(rows.map((r) => [r.code, r]));
}

/** Stored groups with their member codes. */
export async function storedGroups(db: Executor) {
  const [groups, members] = await Promise.all([
    db.selectFrom('org_group').selectAll().execute(),
    db
      .selectFrom('org_group_member as m')
      .innerJoin('org_unit as u', 'u.id', 'm.org_unit_id')
      .select(['m.group_id', 'u.code'])
      .execute(),
  ]);
  return new Map(groups.map((g) => [g.code, { ...g, members: members.filter((m) => m.group_id === g.id).map((m) => m.code) }]));
}

/** The columns a file's group states (only those, as for units). */
export function groupColumns(g: OrgGroup, sourcePlan: (g: OrgGroup) => string | null) {
  return {
    code: g.code,
    name: g.name,
    kind: g.kind,
    ...(g.nameEn === undefined ? {} : { name_en: g.nameEn }),
    ...(g.source === undefined
      ? {}
      : { source_plan_id: sourcePlan(g), source_section: g.source.section ?? null, source_quote: g.source.quote }),
  };
}

export async function upsertGroups(
  db: Executor,
  groups: readonly OrgGroup[],
  sourcePlan: (g: OrgGroup) => string | null,
): Promise<void> {
  const unitIds = await codeToIdMap(db, 'org_unit');
  for (const g of groups) {
    const row = groupColumns(g, sourcePlan);
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
    // Unit names are stored as written: matched on their NFKC fold (name-search).
    q = q.where((eb) => eb.or([nameLike('u.name', f.q!), eb('u.code', 'ilike', like), nameLike('u.name_en', f.q!)]));
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

/** The plan each named group comes from (null: a shared group); codes not found are left out. */
export async function groupSourcePlans(db: Executor, codes: readonly string[]): Promise<Map<string, string | null>> {
  if (!codes.length) return new Map();
  const rows = await db.selectFrom('org_group').select(['code', 'source_plan_id']).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, r.source_plan_id]));
}

/** The few columns reporting needs of one org unit, by code. */
export async function findReportingUnit(db: Executor, code: string) {
  return db.selectFrom('org_unit').select(['id', 'code', 'name', 'name_en', 'kind']).where('code', '=', code).executeTakeFirst();
}
