import { sql } from 'kysely';
import type { NewDataValue } from './data-value.repository.ts';
import type { Executor } from './transaction.ts';
import { TARGET_STATEMENT_COLUMNS } from './target-columns.ts';

/** How many synthetic (demo) figures are stored. */
export async function countSynthetic(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('data_value')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('origin', '=', 'synthetic')
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Writes synthetic figures in batches; rows already there (a second server starting at once) are skipped. */
export async function insertSyntheticValues(db: Executor, values: readonly NewDataValue[], batch: number): Promise<void> {
  for (let i = 0; i < values.length; i += batch)
    await db
      .insertInto('data_value')
      .values(values.slice(i, i + batch))
      .onConflict((oc) => oc.columns(['org_unit_id', 'indicator_id', 'period', 'cumulative', 'origin']).doNothing())
      .execute();
}

/** Deletes every synthetic figure; returns how many there were. */
export async function deleteSyntheticValues(db: Executor): Promise<number> {
  const result = await db.deleteFrom('data_value').where('origin', '=', 'synthetic').executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Every unit with its parent, zone level and area. */
export async function demoUnitRows(db: Executor) {
  return db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .select(['u.code', 'u.kind', 'p.code as parent', 'u.zone_level', 'u.area_km2'])
    .execute();
}

/** Every indicator's unit and aggregation. */
export async function demoIndicatorRows(db: Executor) {
  return db.selectFrom('indicator').select(['id', 'code', 'unit', 'aggregation']).execute();
}

/** The figures the plans state (origin plan). */
export async function planFigureRows(db: Executor) {
  return db
    .selectFrom('data_value as v')
    .innerJoin('org_unit as u', 'u.id', 'v.org_unit_id')
    .innerJoin('indicator as i', 'i.id', 'v.indicator_id')
    .select(['u.code as orgUnit', 'i.code as indicator', 'v.period', 'v.cumulative', 'v.value'])
    .where('v.origin', '=', 'plan')
    .execute();
}

/** The plans' targets with their indicator, by id. */
export async function planTargetRows(db: Executor) {
  return db
    .selectFrom('target as t')
    .innerJoin('indicator as i', 'i.id', 't.indicator_id')
    .leftJoin('org_unit as u', 'u.id', 't.org_unit_id')
    .select([
      't.id',
      't.group_id',
      'u.code as orgUnit',
      'i.code as indicator',
      'i.unit as indicatorUnit',
      'i.aggregation',
      ...TARGET_STATEMENT_COLUMNS,
    ])
    .orderBy('t.id')
    .execute();
}

/** Every target's trajectory, by year. */
export async function targetTrajectories(db: Executor) {
  return db.selectFrom('target_trajectory').select(['target_id', 'year', 'value']).orderBy('year').execute();
}

/** Every group's member units, by code. */
export async function groupMemberRows(db: Executor) {
  return db
    .selectFrom('org_group_member as m')
    .innerJoin('org_unit as u', 'u.id', 'm.org_unit_id')
    .select(['m.group_id', 'u.code'])
    .orderBy('u.code')
    .execute();
}
