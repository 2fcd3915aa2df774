import { sql } from 'kysely';
import { nameLike } from './name-search.ts';
import type { Executor } from './transaction.ts';
import { TARGET_AIM_COLUMNS, trajectoryColumn } from './target-columns.ts';
import type { DB, SourceColumns, TargetTable } from '../db/schema.ts';
import type { ExpressionBuilder, Insertable } from 'kysely';

export type NewTarget = Insertable<TargetTable> & { trajectory: readonly { year: number; value: string }[] };

export async function insertTargets(db: Executor, targets: readonly NewTarget[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const { trajectory, ...row } of targets) {
    const { id } = await db.insertInto('target').values(row).returning('id').executeTakeFirstOrThrow();
    ids.set(`${row.plan_id}:${row.key}`, id);
    if (trajectory.length > 0) {
      await db
        .insertInto('target_trajectory')
        .values(trajectory.map((t) => ({ target_id: id, year: t.year, value: t.value })))
        .execute();
    }
  }
  return ids;
}

/** Records each conflict in both directions. */
export async function insertConflicts(db: Executor, pairs: readonly [number, number][]): Promise<void> {
  const rows = pairs.flatMap(([a, b]) => [
    { target_id: a, other_target_id: b },
    { target_id: b, other_target_id: a },
  ]);
  if (rows.length === 0) return;
  await db
    .insertInto('target_conflict')
    .values(rows)
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function allTargetRefs(db: Executor): Promise<Map<string, number>> {
  const rows = await db.selectFrom('target').select(['id', 'plan_id', 'key']).execute();
  return new Map(rows.map((r) => [`${r.plan_id}:${r.key}`, r.id]));
}

export interface TargetFilter {
  /** Read scope: targets of these units, or of groups with a member among them. */
  unitIds?: readonly number[] | null;
  plan?: string;
  sectionIds?: readonly number[];
  indicator?: string;
  orgUnit?: string;
  group?: string;
  q?: string;
}

/** Targets (aliased t) set for one of the units, or for a group with one of them as a member: a reader's scope. */
export function targetTouchesUnits(unitIds: readonly number[]) {
  const ids = unitIds.length ? [...unitIds] : [-1];
  return (eb: ExpressionBuilder<DB & { t: TargetTable }, 't'>) =>
    eb.or([
      eb('t.org_unit_id', 'in', ids),
      eb('t.group_id', 'in', eb.selectFrom('org_group_member').select('group_id').where('org_unit_id', 'in', ids)),
    ]);
}

function targetQuery(db: Executor) {
  return db
    .selectFrom('target as t')
    .innerJoin('indicator as i', 'i.id', 't.indicator_id')
    .leftJoin('plan_section as s', 's.id', 't.section_id')
    .leftJoin('org_unit as u', 'u.id', 't.org_unit_id')
    .leftJoin('org_group as g', 'g.id', 't.group_id')
    .leftJoin('indicator as r', 'r.id', 't.reference_indicator_id');
}

export async function listTargets(db: Executor, f: TargetFilter, page: { limit: number; offset: number }) {
  let q = targetQuery(db);
  if (f.unitIds) q = q.where(targetTouchesUnits(f.unitIds));
  if (f.plan) q = q.where('t.plan_id', '=', f.plan);
  if (f.sectionIds) q = q.where('t.section_id', 'in', f.sectionIds.length ? [...f.sectionIds] : [-1]);
  if (f.indicator) q = q.where('i.code', '=', f.indicator);
  if (f.orgUnit) q = q.where('u.code', '=', f.orgUnit);
  if (f.group) q = q.where('g.code', '=', f.group);
  if (f.q) {
    const like = `%${f.q}%`;
    // Indicator names are stored as written: matched on their NFKC fold (name-search).
    q = q.where((eb) => eb.or([nameLike('i.name', f.q!), eb('t.source_quote', 'ilike', like), eb('t.key', 'ilike', like)]));
  }
  const rows = await q
    .selectAll('t')
    .select([
      's.key as section_key',
      's.heading as section_heading',
      'i.code as indicator_code',
      'i.name as indicator_name',
      'i.name_en as indicator_name_en',
      'i.unit as indicator_unit',
      'u.code as org_unit_code',
      'u.name as org_unit_name',
      'g.code as group_code',
      'g.name as group_name',
      'r.code as reference_code',
      trajectoryColumn(),
      sql<string[]>`array(select o.plan_id || ':' || o.key from target_conflict c join target o on o.id = c.other_target_id
        where c.target_id = t.id order by o.id)`.as('conflicts_with'),
      // What each conflicting target states, so pages name it in words rather than by its key.
      sql<ConflictingTargetRow[]>`coalesce((select json_agg(json_build_object('ref', o.plan_id || ':' || o.key,
          'indicatorName', oi.name, 'indicatorNameEn', oi.name_en, 'unit', oi.unit, 'year', o.target_year,
          'comparator', o.comparator, 'value', o.target_value::text, 'min', o.target_min::text,
          'max', o.target_max::text, 'rate', o.target_rate::text, 'reference', orf.code, 'everyYear', o.every_year,
          'text', o.target_text)
          order by o.id)
        from target_conflict c join target o on o.id = c.other_target_id join indicator oi on oi.id = o.indicator_id
        left join indicator orf on orf.id = o.reference_indicator_id
        where c.target_id = t.id), '[]'::json)`.as('conflicts'),
    ])
    .orderBy('t.plan_id')
    .orderBy('t.ordinal')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return { rows, total: total.n };
}
export type TargetRow = Awaited<ReturnType<typeof listTargets>>['rows'][number];
export interface ConflictingTargetRow {
  ref: string;
  indicatorName: string;
  indicatorNameEn: string;
  unit: string;
  year: number;
  comparator: string;
  value: string | null;
  min: string | null;
  max: string | null;
  rate: string | null;
  reference: string | null;
  everyYear: boolean;
  text: string | null;
}
export type { SourceColumns };

/** Every target with what consistency checks need, across all plans. */
export async function allTargetFacts(db: Executor) {
  return db
    .selectFrom('target as t')
    .innerJoin('indicator as i', 'i.id', 't.indicator_id')
    .leftJoin('org_unit as u', 'u.id', 't.org_unit_id')
    .leftJoin('org_group as g', 'g.id', 't.group_id')
    .select([
      't.plan_id',
      't.key',
      'i.code as indicator',
      'i.unit as indicator_unit',
      'i.aggregation',
      'u.code as unit_code',
      'g.code as group_code',
      ...TARGET_AIM_COLUMNS,
      sql<string[]>`array(select o.plan_id || ':' || o.key from target_conflict c join target o on o.id = c.other_target_id
        where c.target_id = t.id)`.as('conflicts_with'),
    ])
    .orderBy('t.plan_id')
    .orderBy('t.ordinal')
    .execute();
}

/**
 * What an indicator's precision is read from (indicatorPrecision): each target's indicator and the
 * figures its plan wrote, in a reader's scope (the same targets as listTargets with that scope).
 */
export async function writtenTargetFigures(db: Executor, unitIds: readonly number[] | null) {
  let q = db.selectFrom('target as t').innerJoin('indicator as i', 'i.id', 't.indicator_id');
  if (unitIds) q = q.where(targetTouchesUnits(unitIds));
  const rows = await q
    .select(['i.code', 't.baseline_year', 't.baseline_value', 't.target_value', 't.target_min', 't.target_max'])
    .execute();
  return rows.map((r) => ({
    indicator: { code: r.code },
    baseline: r.baseline_year !== null && r.baseline_value !== null ? { value: r.baseline_value } : null,
    target: { value: r.target_value, min: r.target_min, max: r.target_max },
  }));
}
