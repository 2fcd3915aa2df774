import { sql } from 'kysely';

/**
 * What a target states, as the queries on `target as t` select it: the year, comparator and bounds it
 * aims at, and with them the baseline it starts from. Progress, revisions, consistency checks and the
 * demo data all read the same columns, so a column added to the statement is added once.
 */
export const TARGET_AIM_COLUMNS = [
  't.target_year',
  't.comparator',
  't.target_value',
  't.target_min',
  't.target_max',
  't.target_rate',
] as const;
export const TARGET_STATEMENT_COLUMNS = ['t.baseline_year', 't.baseline_value', ...TARGET_AIM_COLUMNS] as const;

/** A target's yearly trajectory, `[{ year, value }]` by year (empty when it has none), for a query on `target as t`. */
export function trajectoryColumn() {
  return sql<
    { year: number; value: string }[]
  >`coalesce((select json_agg(json_build_object('year', y.year, 'value', y.value::text) order by y.year)
        from target_trajectory y where y.target_id = t.id), '[]'::json)`.as('trajectory');
}
