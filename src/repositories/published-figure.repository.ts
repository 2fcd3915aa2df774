import { sql } from 'kysely';
import type { Executor } from './transaction.ts';

/** Indicator code → id and catalogue unit. */
export async function indicatorUnits(db: Executor): Promise<Map<string, { id: number; unit: string }>> {
  const rows = await db.selectFrom('indicator').select(['id', 'code', 'unit']).execute();
  return new Map(rows.map((r) => [r.code, { id: r.id, unit: r.unit }]));
}

export async function orgUnitIds(db: Executor): Promise<Map<string, number>> {
  const rows = await db.selectFrom('org_unit').select(['id', 'code']).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** The published figures loaded from the dataset file; those a planner accepted in the review screen stay. */
export async function deletePublishedValues(db: Executor): Promise<void> {
  await db
    .deleteFrom('data_value')
    .where('origin', '=', 'published')
    .where(sql<boolean>`citation->>'reviewedBy' IS NULL`)
    .execute();
}

/** The indicators a plan's targets are stated on (and their denominators or references), with their words. */
export async function planIndicatorCatalogue(db: Executor, plan: string) {
  return db
    .selectFrom('indicator as i')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('target as t')
          .select('t.id')
          .where('t.plan_id', '=', plan)
          .where((w) => w.or([w('t.indicator_id', '=', w.ref('i.id')), w('t.reference_indicator_id', '=', w.ref('i.id'))])),
      ),
    )
    .select(['i.id', 'i.code', 'i.name', 'i.unit', 'i.synonyms'])
    .orderBy('i.code')
    .execute();
}

/** Published data values of some units and indicators whose period starts on or before `until`. */
export async function publishedValues(
  db: Executor,
  unitIds: readonly number[],
  indicatorCodes: readonly string[],
  until: string,
) {
  if (unitIds.length === 0 || indicatorCodes.length === 0) return [];
  return db
    .selectFrom('data_value as v')
    .innerJoin('org_unit as u', 'u.id', 'v.org_unit_id')
    .innerJoin('indicator as i', 'i.id', 'v.indicator_id')
    .select([
      'u.code as unit_code',
      'u.name as unit_name',
      'i.code as indicator_code',
      'i.name as indicator_name',
      'i.unit',
      'v.period',
      'v.cumulative',
      'v.value',
      'v.citation',
    ])
    .where('v.origin', '=', 'published')
    .where('v.org_unit_id', 'in', unitIds)
    .where('i.code', 'in', indicatorCodes)
    .where('v.period_start', '<=', until)
    .orderBy('v.period_start')
    .orderBy('u.code')
    .orderBy('i.code')
    .execute();
}
