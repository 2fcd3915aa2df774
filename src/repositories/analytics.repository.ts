import { sql, type Insertable } from 'kysely';
import type { AnalyticsFigureTable } from '../db/schema.ts';
import type { UnitYearKey } from './unit-year-figure.repository.ts';
import { columnArray } from './column-text.ts';
import type { Executor } from './transaction.ts';

/** The analytics table (migration 0420): each unit's subtree figure per indicator and year, and its queue. */

/** Serialises analytics refreshes across connections and app instances. */
const ANALYTICS_LOCK = 7_270_420;

export async function lockAnalytics(db: Executor): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${ANALYTICS_LOCK})`.execute(db);
}

/** Queues units whose own yearly figures were recomputed (in the recomputing transaction). */
export async function queueAnalytics(db: Executor, keys: readonly UnitYearKey[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 10_000) {
    const part = keys.slice(i, i + 10_000);
    await sql`INSERT INTO analytics_dirty (year, org_unit_id, indicator_id)
      SELECT * FROM unnest(${columnArray(part, 'int', (k) => k.year)}, ${columnArray(part, 'int', (k) => k.org_unit_id)},
                           ${columnArray(part, 'int', (k) => k.indicator_id)})
      ON CONFLICT DO NOTHING`.execute(db);
  }
}

/** Queues every unit with a yearly figure and forgets every row (a rebuild). */
export async function resetAnalytics(db: Executor): Promise<void> {
  await sql`DELETE FROM analytics_figure`.execute(db);
  await sql`INSERT INTO analytics_dirty (year, org_unit_id, indicator_id)
    SELECT year, org_unit_id, indicator_id FROM unit_year_figure ON CONFLICT DO NOTHING`.execute(db);
}

export async function hasAnalyticsDirty(db: Executor): Promise<boolean> {
  return (await db.selectFrom('analytics_dirty').select('year').limit(1).executeTakeFirst()) !== undefined;
}

export async function analyticsFingerprint(db: Executor): Promise<string | null> {
  return (await db.selectFrom('analytics_state').select('fingerprint').executeTakeFirst())?.fingerprint ?? null;
}

export async function saveAnalyticsFingerprint(db: Executor, fingerprint: string): Promise<void> {
  await db
    .insertInto('analytics_state')
    .values({ fingerprint })
    .onConflict((oc) => oc.column('id').doUpdateSet({ fingerprint }))
    .execute();
}

/** Takes every queued key off the queue (inside the caller's transaction). */
export async function takeAnalyticsDirty(db: Executor): Promise<UnitYearKey[]> {
  const { rows } = await sql<UnitYearKey>`DELETE FROM analytics_dirty RETURNING year, org_unit_id, indicator_id`.execute(db);
  return rows;
}

export interface OwnYearRow {
  org_unit_id: number;
  indicator_id: number;
  value: string;
  origin: string;
  partial: boolean;
  last_period: string;
  cumulative: boolean;
  periods: string[];
  updated_at: Date;
}

/** Units' own yearly figures (unit_year_figure) of one year; `unitIds` null = every unit. */
export async function ownYearRows(
  db: Executor,
  year: number,
  unitIds: readonly number[] | null,
  indicatorIds: readonly number[],
): Promise<OwnYearRow[]> {
  if (indicatorIds.length === 0 || unitIds?.length === 0) return [];
  // Period labels hold no comma: one text a row, split here, costs a fraction of node-postgres's
  // parsing of a text[] (a month of corrections at 10 M figures reads 166,000 rows of ~12 labels).
  const { rows } = await sql<Omit<OwnYearRow, 'periods'> & { periods: string }>`
    SELECT org_unit_id, indicator_id, value::text AS value, origin, partial, last_period, cumulative,
      array_to_string(periods, ',') AS periods, updated_at
    FROM unit_year_figure
    WHERE year = ${year} AND indicator_id = ANY(${[...indicatorIds]}::int[])
      ${unitIds ? sql`AND org_unit_id = ANY(${[...unitIds]}::int[])` : sql``}`.execute(db);
  return rows.map((r) => ({ ...r, periods: r.periods === '' ? [] : r.periods.split(',') }));
}

export interface RolledRow {
  org_unit_id: number;
  indicator_id: number;
  year: number;
  value: string;
  origin: string;
  partial: boolean;
  last_period: string;
}

/** Stored subtree figures of some units and indicators for years from `fromYear` to `toYear`. */
export async function rolledRows(
  db: Executor,
  unitIds: readonly number[],
  indicatorIds: readonly number[],
  fromYear: number,
  toYear: number,
): Promise<RolledRow[]> {
  if (unitIds.length === 0 || indicatorIds.length === 0) return [];
  const { rows } = await sql<RolledRow>`
    SELECT org_unit_id, indicator_id, year, value::text AS value, origin, partial, last_period
    FROM analytics_figure
    WHERE year BETWEEN ${fromYear} AND ${toYear} AND value IS NOT NULL
      AND org_unit_id = ANY(${[...unitIds]}::int[]) AND indicator_id = ANY(${[...indicatorIds]}::int[])`.execute(db);
  return rows;
}

export type AnalyticsRow = Insertable<AnalyticsFigureTable>;

/** Replaces the rows of (units × indicators) of one year: upserts `rows`, deletes the others. */
export async function replaceAnalytics(
  db: Executor,
  year: number,
  unitIds: readonly number[],
  indicatorIds: readonly number[],
  rows: readonly AnalyticsRow[],
): Promise<void> {
  const kept = new Set(rows.map((r) => `${r.org_unit_id}/${r.indicator_id}`));
  const gone = unitIds.flatMap((u) => indicatorIds.filter((i) => !kept.has(`${u}/${i}`)).map((i) => [u, i] as const));
  for (let i = 0; i < gone.length; i += 50_000) {
    const part = gone.slice(i, i + 50_000);
    await sql`DELETE FROM analytics_figure a
      USING unnest(${columnArray(part, 'int', (g) => g[0])}, ${columnArray(part, 'int', (g) => g[1])}) AS k(unit_id, indicator_id)
      WHERE a.year = ${year} AND a.org_unit_id = k.unit_id AND a.indicator_id = k.indicator_id`.execute(db);
  }
  // One text a column (columnText) rather than a VALUES list or array parameters; ancestors and
  // periods are ';'-separated within their field.
  for (let i = 0; i < rows.length; i += 5000) {
    const part = rows.slice(i, i + 5000);
    const col = (type: Parameters<typeof columnArray>[1], k: keyof AnalyticsRow) =>
      columnArray(part, type, (r) => {
        const v = r[k];
        return v instanceof Date ? v.toISOString() : (v as string | number | boolean | null | undefined);
      });
    await sql`INSERT INTO analytics_figure (year, org_unit_id, indicator_id, ancestors, value, origin, partial, last_period,
        own_updated_at, own_cumulative, latest_month, latest_quarter, latest_year, own_periods)
      SELECT ${year}, u, ind, string_to_array(anc, ';')::int[], v, o, p, lp, ou, oc, lm, lq, ly,
             CASE WHEN op IS NULL THEN NULL ELSE string_to_array(op, ';') END
      FROM unnest(${col('int', 'org_unit_id')}, ${col('int', 'indicator_id')},
                  ${columnArray(part, 'text', (r) => (r.ancestors as number[]).join(';'))}, ${col('numeric', 'value')},
                  ${col('text', 'origin')}, ${col('bool', 'partial')}, ${col('text', 'last_period')},
                  ${col('timestamptz', 'own_updated_at')}, ${col('bool', 'own_cumulative')}, ${col('text', 'latest_month')},
                  ${col('text', 'latest_quarter')}, ${col('text', 'latest_year')},
                  ${columnArray(part, 'text', (r) => (r.own_periods ? (r.own_periods as string[]).join(';') : null))})
        AS k(u, ind, anc, v, o, p, lp, ou, oc, lm, lq, ly, op)
      ON CONFLICT (year, org_unit_id, indicator_id) DO UPDATE SET
        ancestors = excluded.ancestors, value = excluded.value, origin = excluded.origin, partial = excluded.partial,
        last_period = excluded.last_period, own_updated_at = excluded.own_updated_at,
        own_cumulative = excluded.own_cumulative, latest_month = excluded.latest_month,
        latest_quarter = excluded.latest_quarter, latest_year = excluded.latest_year,
        own_periods = excluded.own_periods`.execute(db);
  }
}

export interface MarkSummary {
  org_unit_id: number;
  indicator_id: number;
  updated_at: Date;
  cumulative: boolean;
  /** The latest month, quarter and year stated, and those of `periods` asked about that were stated. */
  periods: string[];
}

/**
 * What freshness needs of each unit's own figures over years up to `toYear`, one row per unit and
 * indicator, aggregated in the database: latest update, any 累计, latest month / quarter / year, and
 * which of `ask` (the periods last due) have a figure.
 */
export async function markSummaries(
  db: Executor,
  unitIds: readonly number[],
  indicatorIds: readonly number[],
  toYear: number,
  ask: readonly string[],
): Promise<MarkSummary[]> {
  if (unitIds.length === 0 || indicatorIds.length === 0) return [];
  const { rows } = await sql<MarkSummary>`
    SELECT org_unit_id, indicator_id, max(own_updated_at) AS updated_at, bool_or(own_cumulative) AS cumulative,
      array_remove(ARRAY[max(latest_month), max(latest_quarter), max(latest_year)], NULL)
        || coalesce(array_agg(DISTINCT hit) FILTER (WHERE hit IS NOT NULL), '{}') AS periods
    FROM analytics_figure a
    LEFT JOIN LATERAL (SELECT p AS hit FROM unnest(a.own_periods) p WHERE p = ANY(${[...ask]}::text[])) h ON true
    WHERE a.year <= ${toYear} AND a.own_updated_at IS NOT NULL
      AND a.org_unit_id = ANY(${[...unitIds]}::int[]) AND a.indicator_id = ANY(${[...indicatorIds]}::int[])
    GROUP BY org_unit_id, indicator_id`.execute(db);
  return rows;
}
