import { sql } from 'kysely';
import type { Executor } from './transaction.ts';

export async function industryChains(db: Executor) {
  return db.selectFrom('industry_chain').select(['code', 'name', 'name_en']).orderBy('ordinal').execute();
}

export interface IndustryChainRow {
  code: string;
  name: string;
  name_en: string;
  ordinal: number;
}

/** Adds or renames catalogue entries by code; none is removed, since projects may point at them. */
export async function upsertIndustryChains(db: Executor, rows: readonly IndustryChainRow[]): Promise<void> {
  await db
    .insertInto('industry_chain')
    .values([...rows])
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({ name: sql`excluded.name`, name_en: sql`excluded.name_en`, ordinal: sql`excluded.ordinal` }),
    )
    .execute();
}

export interface ProjectFilter {
  /** Only projects of these zones (the reader's scope); null = all. */
  zoneIds: readonly number[] | null;
  zone?: string;
  chain?: string;
  stage?: string;
}

/** Projects with their zone (and its prefecture) and chain, filtered. */
export async function listProjects(db: Executor, f: ProjectFilter) {
  let q = db
    .selectFrom('project as p')
    .innerJoin('org_unit as z', 'z.id', 'p.zone_id')
    .leftJoin('org_unit as pf', (j) => j.on(sql<boolean>`pf.id = coalesce(z.zone_prefecture_id, z.parent_id)`))
    .leftJoin('industry_chain as c', 'c.code', 'p.chain_code')
    .select([
      'p.id',
      'p.name',
      'p.zone_id',
      'z.code as zone_code',
      'z.name as zone_name',
      'pf.code as prefecture_code',
      'pf.name as prefecture_name',
      'p.industry',
      'p.chain_code',
      'c.name as chain_name',
      sql<string>`p.total_investment::text`.as('total_investment'),
      'p.stage',
      'p.description',
      'p.synthetic',
      'p.version',
      'p.created_at',
      'p.updated_at',
    ]);
  if (f.zoneIds !== null) q = q.where('p.zone_id', 'in', [-1, ...f.zoneIds]);
  if (f.zone) q = q.where('z.code', '=', f.zone);
  if (f.chain) q = q.where('p.chain_code', '=', f.chain);
  if (f.stage) q = q.where('p.stage', '=', f.stage);
  return q.orderBy('p.id').execute();
}
export type ProjectRow = Awaited<ReturnType<typeof listProjects>>[number];

export async function findProject(db: Executor, id: number): Promise<ProjectRow | undefined> {
  return (await listProjects(db, { zoneIds: null })).find((p) => p.id === id);
}

/** The zone code of a project, for the access rule (undefined when there is no such project). */
export async function projectZoneCode(db: Executor, id: number): Promise<string | undefined> {
  const r = await db
    .selectFrom('project as p')
    .innerJoin('org_unit as z', 'z.id', 'p.zone_id')
    .select('z.code')
    .where('p.id', '=', id)
    .executeTakeFirst();
  return r?.code;
}

export async function stageDates(db: Executor, projectIds: readonly number[]) {
  if (projectIds.length === 0) return [];
  return db
    .selectFrom('project_stage_date')
    .select([
      'project_id',
      'stage',
      sql<string | null>`planned_on::text`.as('planned_on'),
      sql<string | null>`actual_on::text`.as('actual_on'),
    ])
    .where('project_id', 'in', [...projectIds])
    .execute();
}

export async function replaceStageDates(
  db: Executor,
  projectId: number,
  rows: { stage: string; planned_on: string | null; actual_on: string | null }[],
): Promise<void> {
  await db.deleteFrom('project_stage_date').where('project_id', '=', projectId).execute();
  const kept = rows.filter((r) => r.planned_on !== null || r.actual_on !== null);
  if (kept.length)
    await db
      .insertInto('project_stage_date')
      .values(kept.map((r) => ({ ...r, project_id: projectId })))
      .execute();
}

export async function projectChanges(db: Executor, projectId: number) {
  return db
    .selectFrom('project_change')
    .select([
      'id',
      'at',
      'actor',
      'kind',
      'from_stage',
      'to_stage',
      sql<string | null>`effective_on::text`.as('effective_on'),
      'changes',
      'reason',
    ])
    .where('project_id', '=', projectId)
    .orderBy('id', 'desc')
    .execute();
}

export async function insertChange(
  db: Executor,
  c: {
    projectId: number;
    actorUserId: number | null;
    actor: string;
    kind: 'create' | 'advance' | 'skip' | 'adjustment' | 'edit' | 'transfer';
    fromStage: string | null;
    toStage: string | null;
    effectiveOn: string | null;
    changes: Record<string, { from: unknown; to: unknown }>;
    reason: string | null;
  },
): Promise<void> {
  await db
    .insertInto('project_change')
    .values({
      project_id: c.projectId,
      actor_user_id: c.actorUserId,
      actor: c.actor,
      kind: c.kind,
      from_stage: c.fromStage,
      to_stage: c.toStage,
      effective_on: c.effectiveOn,
      changes: JSON.stringify(c.changes),
      reason: c.reason,
    })
    .execute();
}

export interface ProjectFields {
  name: string;
  zone_id: number;
  industry: string | null;
  chain_code: string | null;
  total_investment: string;
  stage: string;
  description: string | null;
}

export async function insertProject(db: Executor, p: ProjectFields & { synthetic?: boolean }): Promise<number> {
  const { id } = await db.insertInto('project').values(p).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Updates a project if its version is the one given (optimistic concurrency); false otherwise. */
export async function updateProject(db: Executor, id: number, version: number, p: Partial<ProjectFields>): Promise<boolean> {
  const r = await db
    .updateTable('project')
    .set({ ...p, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function upsertMonthFigures(
  db: Executor,
  rows: {
    project_id: number;
    month: string;
    investment: string | null;
    output: string | null;
    tax: string | null;
    origin?: 'reported' | 'synthetic';
  }[],
): Promise<void> {
  await db
    .insertInto('project_month_figure')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['project_id', 'month']).doUpdateSet((eb) => ({
        investment: eb.ref('excluded.investment'),
        output: eb.ref('excluded.output'),
        tax: eb.ref('excluded.tax'),
        origin: eb.ref('excluded.origin'),
        updated_at: new Date(),
      })),
    )
    .execute();
}

/** Months with positive completed investment per project (stalled detection). */
export async function investmentMonths(db: Executor, projectIds: readonly number[]) {
  if (projectIds.length === 0) return [];
  return db
    .selectFrom('project_month_figure')
    .select(['project_id', 'month'])
    .where('project_id', 'in', [...projectIds])
    .where('investment', '>', '0')
    .execute();
}

/** Zones (org units) by code with whether they have sub-units (a project's zone must not). */
/** Ids of the synthetic (demo) projects. */
export async function syntheticProjectIds(db: Executor): Promise<number[]> {
  return (await db.selectFrom('project').select('id').where('synthetic', '=', true).execute()).map((r) => r.id);
}

/** Whether any synthetic (demo) project is stored. */
export async function hasSyntheticProjects(db: Executor): Promise<boolean> {
  return (await db.selectFrom('project').select('id').where('synthetic', '=', true).limit(1).executeTakeFirst()) !== undefined;
}

/** Deletes projects with their transfer agreements. */
export async function deleteProjects(db: Executor, ids: readonly number[]): Promise<void> {
  await db
    .deleteFrom('transfer_agreement')
    .where('project_id', 'in', [...ids])
    .execute();
  await db
    .deleteFrom('project')
    .where('id', 'in', [...ids])
    .execute();
}

export async function zoneByCode(db: Executor, code: string) {
  return db
    .selectFrom('org_unit as u')
    .select([
      'u.id',
      'u.code',
      'u.name',
      'u.kind',
      sql<boolean>`exists (select 1 from org_unit c where c.parent_id = u.id)`.as('has_children'),
    ])
    .where('u.code', '=', code)
    .executeTakeFirst();
}
