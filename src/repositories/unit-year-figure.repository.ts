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

/**
 * Vacuums a drained queue (outside a transaction). Every kept dashboard answer asks whether the queues
 * are empty (answer-stamp.repository.ts), and a drained queue is read through every row it held until
 * vacuumed: after a rebuild at 10 M figures (830,000 keys) that was most of a kept answer's time.
 */
export async function compactQueue(db: Executor, queue: 'unit_year_dirty' | 'analytics_dirty'): Promise<void> {
  await sql`VACUUM ${sql.table(queue)}`.execute(db);
}

/** One figure as figuresOfKeys gives it: period, value (decimal text), origin, 累计, updated (epoch ms). */
export type KeyFigure = [period: string, value: string, origin: string, cumulative: boolean, updatedMs: number];

/** A (unit, indicator, year) key with every figure progress can see for it (each origin). */
export interface FiguresOfKey extends UnitYearKey {
  figures: KeyFigure[];
}

/**
 * The figures of some keys; keys without any are left out. One row a key, its figures as one text: a
 * month of corrections reads ~12 figures for each of 166,000 keys at 10 M figures, and a row a figure
 * (or a JSON array a key) cost more to ship and parse than the collapse that follows. The lateral
 * subquery is kept apart (OFFSET 0) so that each key is an index range scan of the primary key: joined
 * plainly, the planner misjudged the keys and sorted the whole table once per batch (a seq scan of
 * 10 M rows each time).
 */
export async function figuresOfKeys(db: Executor, keys: readonly UnitYearKey[]): Promise<FiguresOfKey[]> {
  if (keys.length === 0) return [];
  // Periods, decimal texts and origins hold no space: five space-separated fields a figure.
  const { rows } = await sql<UnitYearKey & { figures: string }>`
    SELECT k.unit_id AS org_unit_id, k.indicator_id, k.year,
      string_agg(d.period || ' ' || d.value::text || ' ' || d.origin || ' ' || d.cumulative::int || ' '
                 || floor(extract(epoch FROM d.updated_at) * 1000), ' ') AS figures
    FROM unnest(${keys.map((k) => k.org_unit_id)}::int[], ${keys.map((k) => k.indicator_id)}::int[],
                ${keys.map((k) => k.year)}::int[]) AS k(unit_id, indicator_id, year)
    CROSS JOIN LATERAL (
      SELECT d.period, d.value, d.origin, d.cumulative, d.updated_at FROM data_value d
      WHERE d.org_unit_id = k.unit_id AND d.indicator_id = k.indicator_id
        AND d.period >= k.year::text AND d.period < (k.year + 1)::text
        AND (d.origin <> 'reported' OR d.status = 'approved')
      OFFSET 0) d
    GROUP BY 1, 2, 3`.execute(db);
  return rows.map((r) => {
    const f = r.figures.split(' ');
    const figures: KeyFigure[] = [];
    for (let i = 0; i + 4 < f.length; i += 5) figures.push([f[i]!, f[i + 1]!, f[i + 2]!, f[i + 3] === '1', Number(f[i + 4])]);
    return { org_unit_id: r.org_unit_id, indicator_id: r.indicator_id, year: r.year, figures };
  });
}

export type UnitYearRow = Selectable<UnitYearFigureTable>;

/**
 * Replaces the rows of the keys: upserts the computed ones, deletes keys left without figures. The
 * rows go as one JSON text (json_to_recordset), 20,000 in a statement: bound as parameters, 2,000
 * rows a statement, or as an array per column, serialising the parameters cost more than the upsert.
 */
export async function replaceRows(db: Executor, keys: readonly UnitYearKey[], rows: readonly UnitYearRow[]): Promise<void> {
  const kept = new Set(rows.map((r) => `${r.org_unit_id}/${r.indicator_id}/${r.year}`));
  const gone = keys.filter((k) => !kept.has(`${k.org_unit_id}/${k.indicator_id}/${k.year}`));
  if (gone.length)
    await sql`DELETE FROM unit_year_figure f
      USING unnest(${gone.map((k) => k.org_unit_id)}::int[], ${gone.map((k) => k.indicator_id)}::int[],
                   ${gone.map((k) => k.year)}::int[]) AS k(unit_id, indicator_id, year)
      WHERE (f.org_unit_id, f.indicator_id, f.year) = (k.unit_id, k.indicator_id, k.year)`.execute(db);
  for (let i = 0; i < rows.length; i += 20_000) {
    const part = rows.slice(i, i + 20_000);
    // Each column as one text, split by PostgreSQL: none of these values holds a comma or a semicolon.
    const column = (f: (r: UnitYearRow) => string | number | boolean): string => part.map(f).join(',');
    // Rows that exist are updated in place, the rest inserted: writers of this table hold REFRESH_LOCK.
    await sql`WITH r AS (
        SELECT * FROM unnest(string_to_array(${column((r) => r.org_unit_id)}, ',')::int[],
          string_to_array(${column((r) => r.indicator_id)}, ',')::int[], string_to_array(${column((r) => r.year)}, ',')::int[],
          string_to_array(${column((r) => String(r.value))}, ',')::numeric[], string_to_array(${column((r) => r.origin)}, ','),
          string_to_array(${column((r) => r.partial)}, ',')::bool[], string_to_array(${column((r) => r.last_period)}, ','),
          string_to_array(${column((r) => r.additive)}, ',')::bool[], string_to_array(${column((r) => r.cumulative)}, ',')::bool[],
          string_to_array(${column((r) => r.periods.join(';'))}, ','),
          string_to_array(${column((r) => r.updated_at.toISOString())}, ',')::timestamptz[])
          AS r(org_unit_id, indicator_id, year, value, origin, partial, last_period, additive, cumulative, periods, updated_at)
      ), updated AS (
        UPDATE unit_year_figure f SET value = r.value, origin = r.origin, partial = r.partial, last_period = r.last_period,
          additive = r.additive, cumulative = r.cumulative, periods = string_to_array(r.periods, ';'), updated_at = r.updated_at
        FROM r WHERE (f.org_unit_id, f.indicator_id, f.year) = (r.org_unit_id, r.indicator_id, r.year)
        RETURNING f.org_unit_id, f.indicator_id, f.year
      )
      INSERT INTO unit_year_figure
        (org_unit_id, indicator_id, year, value, origin, partial, last_period, additive, cumulative, periods, updated_at)
      SELECT r.org_unit_id, r.indicator_id, r.year, r.value, r.origin, r.partial, r.last_period, r.additive, r.cumulative,
        string_to_array(r.periods, ';'), r.updated_at
      FROM r LEFT JOIN updated u USING (org_unit_id, indicator_id, year) WHERE u.org_unit_id IS NULL`.execute(db);
  }
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
