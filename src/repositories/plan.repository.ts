import { sql } from 'kysely';
import type { Plan, Section } from '../domain/model/plan.schema.ts';
import type { Executor } from './transaction.ts';

export async function planExists(db: Executor, id: string): Promise<boolean> {
  return (await db.selectFrom('plan').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** Whether any plan is stored (an empty database gets the seed dataset). */
export async function anyPlanExists(db: Executor): Promise<boolean> {
  return (await db.selectFrom('plan').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export async function deletePlan(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('plan').where('id', '=', id).execute();
}

export async function insertPlan(
  db: Executor,
  plan: Plan,
  source: { fileName: string; raw: string; normalised: string } | undefined,
): Promise<void> {
  await db
    .insertInto('plan')
    .values({
      id: plan.id,
      title: plan.title,
      title_en: plan.titleEn ?? null,
      issuer: plan.issuer,
      issued_on: plan.issuedOn ?? null,
      period_start: plan.periodStart,
      period_end: plan.periodEnd,
    })
    .execute();
  if (source) {
    await db
      .insertInto('plan_source')
      .values({ plan_id: plan.id, file_name: source.fileName, raw_text: source.raw, normalised_text: source.normalised })
      .execute();
  }
}

/** Inserts sections in order (parents precede children) and returns key → id. */
export async function insertSections(
  db: Executor,
  planId: string,
  sections: readonly (Section & { text: string })[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const [ordinal, s] of sections.entries()) {
    const { id } = await db
      .insertInto('plan_section')
      .values({
        plan_id: planId,
        key: s.key,
        parent_id: s.parent === undefined ? null : ids.get(s.parent)!,
        kind: s.kind,
        heading: s.heading,
        ordinal,
        text: s.text,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(s.key, id);
  }
  return ids;
}

function planQuery(db: Executor) {
  return db
    .selectFrom('plan as p')
    .select([
      'p.id',
      'p.title',
      'p.title_en',
      'p.issuer',
      'p.issued_on',
      'p.period_start',
      'p.period_end',
      'p.withdrawn_at',
      'p.withdrawn_by',
      'p.withdrawn_reason',
      sql<number>`(select count(*)::int from plan_section s where s.plan_id = p.id)`.as('section_count'),
      sql<number>`(select count(*)::int from target t where t.plan_id = p.id)`.as('target_count'),
      sql<number>`(select count(*)::int from task k where k.plan_id = p.id)`.as('task_count'),
    ]);
}
export type PlanRow = Awaited<ReturnType<ReturnType<typeof planQuery>['executeTakeFirstOrThrow']>>;

/** Plans in force; withdrawn plans (撤回, migration 0660) only with `withdrawn: 'include'` or `'only'`. */
export async function listPlans(
  db: Executor,
  page: { limit: number; offset: number },
  withdrawn: 'exclude' | 'include' | 'only' = 'exclude',
) {
  let q = planQuery(db);
  let count = db.selectFrom('plan').select(sql<number>`count(*)::int`.as('n'));
  if (withdrawn === 'exclude') {
    q = q.where('p.withdrawn_at', 'is', null);
    count = count.where('withdrawn_at', 'is', null);
  } else if (withdrawn === 'only') {
    q = q.where('p.withdrawn_at', 'is not', null);
    count = count.where('withdrawn_at', 'is not', null);
  }
  const rows = await q.orderBy('p.period_start').orderBy('p.id').limit(page.limit).offset(page.offset).execute();
  const total = await count.executeTakeFirstOrThrow();
  return { rows, total: total.n };
}

export async function findPlan(db: Executor, id: string): Promise<PlanRow | undefined> {
  return planQuery(db).where('p.id', '=', id).executeTakeFirst();
}

export async function listSections(db: Executor, planId: string) {
  return db
    .selectFrom('plan_section as s')
    .leftJoin('plan_section as p', 'p.id', 's.parent_id')
    .select(['s.id', 's.key', 'p.key as parent_key', 's.kind', 's.heading', 's.ordinal', 's.text'])
    .where('s.plan_id', '=', planId)
    .orderBy('s.ordinal')
    .execute();
}

export async function findPlanSource(db: Executor, planId: string) {
  return db
    .selectFrom('plan_source')
    .select(['plan_id', 'file_name', 'normalised_text'])
    .where('plan_id', '=', planId)
    .executeTakeFirst();
}

/** Keys of a section and all its descendants, for filtering by a subtree. */
export async function sectionSubtreeIds(db: Executor, planId: string, key: string): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    with recursive sub as (
      select id from plan_section where plan_id = ${planId} and key = ${key}
      union all
      select s.id from plan_section s join sub on s.parent_id = sub.id
    ) select id from sub`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** Every code already defined (units, groups, indicators, target keys by plan, plans), for checking an import's references. */
export async function definedCodes(db: Executor) {
  const [units, groups, indicators, targets, plans] = await Promise.all([
    db.selectFrom('org_unit').select('code').execute(),
    db.selectFrom('org_group').select('code').execute(),
    db.selectFrom('indicator').select('code').execute(),
    db.selectFrom('target').select(['plan_id', 'key']).execute(),
    db.selectFrom('plan').select('id').execute(),
  ]);
  return { units, groups, indicators, targets, plans };
}
