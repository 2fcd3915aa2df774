import { sql, type Selectable } from 'kysely';
import type { UnitYearFigureTable } from '../db/schema.ts';
import type { Executor } from './transaction.ts';

/** The precomputed yearly figures of units (migration 0007) and the queue of keys to recompute. */

export interface UnitYearKey {
  org_unit_id: number;
  indicator_id: number;
  year: number;
}

/** Serialises recomputation across connections: two readers never compute the same keys twice. */
const REFRESH_LOCK = 7_270_007;

export async function lockRefresh(db: Executor): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`.execute(db);
}

/** Takes up to `limit` dirty keys off the queue (inside the caller's transaction). */
export async function takeDirty(db: Executor, limit: number): Promise<UnitYearKey[]> {
  const { rows } = await sql<UnitYearKey>`
    DELETE FROM unit_year_dirty d
    USING (SELECT org_unit_id, indicator_id, year FROM unit_year_dirty
           ORDER BY org_unit_id, indicator_id, year LIMIT ${limit}) k
    WHERE (d.org_unit_id, d.indicator_id, d.year) = (k.org_unit_id, k.indicator_id, k.year)
    RETURNING d.org_unit_id, d.indicator_id, d.year`.execute(db);
  return rows;
}

export async function markDirty(db: Executor, keys: readonly UnitYearKey[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 5000)
    await db
      .insertInto('unit_year_dirty')
      .values(keys.slice(i, i + 5000).map((k) => ({ org_unit_id: k.org_unit_id, indicator_id: k.indicator_id, year: k.year })))
      .onConflict((oc) => oc.doNothing())
      .execute();
}

/** Queues every key progress can see: used after a restore or to rebuild the table. */
export async function markAllDirty(db: Executor): Promise<void> {
  await sql`INSERT INTO unit_year_dirty
    SELECT DISTINCT org_unit_id, indicator_id, extract(year FROM period_start)::int FROM data_value
    WHERE origin <> 'reported' OR status = 'approved'
    ON CONFLICT DO NOTHING`.execute(db);
}

export async function hasDirty(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('unit_year_dirty').select('year').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Raw figures progress can see for some (unit, indicator, year) keys, every origin. */
export async function figuresOfKeys(db: Executor, keys: readonly UnitYearKey[]) {
  if (keys.length === 0) return [];
  const { rows } = await sql<{
    org_unit_id: number;
    indicator_id: number;
    period: string;
    cumulative: boolean;
    origin: string;
    value: string;
    updated_at: Date;
  }>`
    SELECT d.org_unit_id, d.indicator_id, d.period, d.cumulative, d.origin, d.value::text AS value, d.updated_at
    FROM unnest(${keys.map((k) => k.org_unit_id)}::int[], ${keys.map((k) => k.indicator_id)}::int[],
                ${keys.map((k) => k.year)}::int[]) AS k(unit_id, indicator_id, year)
    JOIN data_value d ON d.org_unit_id = k.unit_id AND d.indicator_id = k.indicator_id
      AND d.period >= k.year::text AND d.period < (k.year + 1)::text
    WHERE d.origin <> 'reported' OR d.status = 'approved'`.execute(db);
  return rows;
}

export type UnitYearRow = Selectable<UnitYearFigureTable>;

/** Replaces the rows of the keys: upserts the computed ones, deletes keys left without figures. */
export async function replaceRows(db: Executor, keys: readonly UnitYearKey[], rows: readonly UnitYearRow[]): Promise<void> {
  const kept = new Set(rows.map((r) => `${r.org_unit_id}/${r.indicator_id}/${r.year}`));
  const gone = keys.filter((k) => !kept.has(`${k.org_unit_id}/${k.indicator_id}/${k.year}`));
  if (gone.length)
    await sql`DELETE FROM unit_year_figure f
      USING unnest(${gone.map((k) => k.org_unit_id)}::int[], ${gone.map((k) => k.indicator_id)}::int[],
                   ${gone.map((k) => k.year)}::int[]) AS k(unit_id, indicator_id, year)
      WHERE (f.org_unit_id, f.indicator_id, f.year) = (k.unit_id, k.indicator_id, k.year)`.execute(db);
  // 11 parameters a row: 2,000 rows stay well under PostgreSQL's 65,535 bind parameters.
  for (let i = 0; i < rows.length; i += 2000)
    await db
      .insertInto('unit_year_figure')
      .values(rows.slice(i, i + 2000).map((r) => ({ ...r })))
      .onConflict((oc) =>
        oc.columns(['org_unit_id', 'indicator_id', 'year']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          origin: eb.ref('excluded.origin'),
          partial: eb.ref('excluded.partial'),
          last_period: eb.ref('excluded.last_period'),
          additive: eb.ref('excluded.additive'),
          cumulative: eb.ref('excluded.cumulative'),
          periods: eb.ref('excluded.periods'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
}

/** The stored yearly figures of some units and indicators for years up to `lastYear`. */
export async function unitYearRows(
  db: Executor,
  unitIds: readonly number[],
  indicatorIds: readonly number[],
  lastYear: number,
): Promise<UnitYearRow[]> {
  if (unitIds.length === 0 || indicatorIds.length === 0 || lastYear < 0) return [];
  return db
    .selectFrom('unit_year_figure')
    .select([
      'org_unit_id',
      'indicator_id',
      'year',
      sql<string>`value::text`.as('value'),
      'origin',
      'partial',
      'last_period',
      'additive',
      'cumulative',
      'periods',
      'updated_at',
    ])
    .where('org_unit_id', 'in', [...unitIds])
    .where('indicator_id', 'in', [...indicatorIds])
    .where('year', '<=', lastYear)
    .execute();
}
