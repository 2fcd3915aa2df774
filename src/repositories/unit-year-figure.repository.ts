import { sql, type Selectable } from 'kysely';
import type { UnitYearFigureTable } from '../db/schema.ts';
import type { Origin, PeriodFigure } from '../domain/progress/aggregate.ts';
import { columnArray } from './column-text.ts';
import type { Executor } from './transaction.ts';

/** The precomputed yearly figures of units (migration 0007) and the queue of keys to recompute. */

export interface UnitYearKey {
  org_unit_id: number;
  indicator_id: number;
  year: number;
}

/**
 * The queue is drained by `slots` workers, each owning the keys whose unit id falls in its slot
 * (org_unit_id % slots) under an advisory lock of its own: two connections never compute the same
 * keys, and PostgreSQL reads and writes one slot's batch while Node collapses the other's.
 */
export interface RefreshSlot {
  slot: number;
  slots: number;
}

const REFRESH_LOCK = 7_270_007;

/** Serialises the recomputation of a slot's keys across connections (inside the caller's transaction). */
export async function lockRefresh(db: Executor, { slot }: RefreshSlot): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${REFRESH_LOCK}, ${slot})`.execute(db);
}

/** Takes up to `limit` dirty keys of a slot off the queue (inside the caller's transaction). */
export async function takeDirty(db: Executor, limit: number, { slot, slots }: RefreshSlot): Promise<UnitYearKey[]> {
  const { rows } = await sql<UnitYearKey>`
    DELETE FROM unit_year_dirty d
    USING (SELECT org_unit_id, indicator_id, year FROM unit_year_dirty WHERE org_unit_id % ${slots} = ${slot}
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

/** One figure as figuresOfKeys gives it: a period's figure of one origin, and when it was last updated (epoch ms). */
export interface KeyFigure extends PeriodFigure {
  updatedMs: number;
}

/** Origins as one string each, not 2 M substrings of the text they came in. */
const ORIGINS: Readonly<Record<string, Origin>> = { plan: 'plan', reported: 'reported', synthetic: 'synthetic' };

/** A (unit, indicator, year) key with every figure progress can see for it (each origin). */
export interface FiguresOfKey extends UnitYearKey {
  figures: KeyFigure[];
}

/**
 * The figures of some keys; keys without any are left out. One row a key, its figures as one text: a
 * month of corrections reads ~12 figures for each of 166,000 keys at 10 M figures, and a row a figure
 * (or a JSON array a key) cost more to ship and parse than the collapse that follows. Each key is an
 * index range scan of the primary key aggregated on its own (a lateral aggregate): joined plainly,
 * the planner sorted the whole table once per batch; aggregated after the join, it sorted each
 * batch's 240,000 figures on disk.
 */
export async function figuresOfKeys(db: Executor, keys: readonly UnitYearKey[]): Promise<FiguresOfKey[]> {
  if (keys.length === 0) return [];
  // Periods, decimal texts and origins hold no space: five space-separated fields a figure. date_part
  // (a float) rather than extract (a numeric): a fifth of the statement's time at 2 M figures.
  const { rows } = await sql<UnitYearKey & { figures: string }>`
    SELECT k.unit_id AS org_unit_id, k.indicator_id, k.year, d.figures
    FROM unnest(${columnArray(keys, 'int', (k) => k.org_unit_id)}, ${columnArray(keys, 'int', (k) => k.indicator_id)},
                ${columnArray(keys, 'int', (k) => k.year)}) AS k(unit_id, indicator_id, year)
    CROSS JOIN LATERAL (
      SELECT string_agg(concat_ws(' ', d.period, d.value, d.origin, d.cumulative::int,
                                  floor(date_part('epoch', d.updated_at) * 1000)::int8), ' ') AS figures
      FROM data_value d
      WHERE d.org_unit_id = k.unit_id AND d.indicator_id = k.indicator_id
        AND d.period >= k.year::text AND d.period < (k.year + 1)::text
        AND (d.origin <> 'reported' OR d.status = 'approved')) d
    WHERE d.figures IS NOT NULL`.execute(db);
  // Parsed straight into figures: 2 M of them at 10 M figures, where intermediate arrays kept the
  // garbage collector busier than the collapse.
  return rows.map((r) => {
    const f = r.figures.split(' ');
    const figures: KeyFigure[] = [];
    for (let i = 0; i + 4 < f.length; i += 5)
      figures.push({
        period: f[i]!,
        value: f[i + 1]!,
        origin: ORIGINS[f[i + 2]!] ?? (f[i + 2] as Origin),
        cumulative: f[i + 3] === '1',
        updatedMs: Number(f[i + 4]),
      });
    return { org_unit_id: r.org_unit_id, indicator_id: r.indicator_id, year: r.year, figures };
  });
}

export type UnitYearRow = Selectable<UnitYearFigureTable>;

/**
 * Replaces the rows of the keys: upserts the computed ones, deletes keys left without figures. Each
 * column goes as one text (columnText), 20,000 rows a statement: bound as parameters, or as JSON
 * (json_to_recordset), serialising and parsing them cost more than the upsert. An upsert in key
 * order, not UPDATE … FROM: at 10 M figures the planner hashed the whole table (830,000 rows) for
 * every batch of the UPDATE, where the upsert probes the primary key row by row.
 */
export async function replaceRows(db: Executor, keys: readonly UnitYearKey[], rows: readonly UnitYearRow[]): Promise<void> {
  const kept = new Set(rows.map((r) => `${r.org_unit_id}/${r.indicator_id}/${r.year}`));
  const gone = keys.filter((k) => !kept.has(`${k.org_unit_id}/${k.indicator_id}/${k.year}`));
  if (gone.length)
    await sql`DELETE FROM unit_year_figure f
      USING unnest(${columnArray(gone, 'int', (k) => k.org_unit_id)}, ${columnArray(gone, 'int', (k) => k.indicator_id)},
                   ${columnArray(gone, 'int', (k) => k.year)}) AS k(unit_id, indicator_id, year)
      WHERE (f.org_unit_id, f.indicator_id, f.year) = (k.unit_id, k.indicator_id, k.year)`.execute(db);
  for (let i = 0; i < rows.length; i += 20_000) {
    const part = rows.slice(i, i + 20_000);
    await sql`INSERT INTO unit_year_figure
        (org_unit_id, indicator_id, year, value, origin, partial, last_period, additive, cumulative, periods, updated_at)
      SELECT u, ind, y, v, o, p, lp, a, c, string_to_array(ps, ';'), ts
      FROM unnest(${columnArray(part, 'int', (r) => r.org_unit_id)}, ${columnArray(part, 'int', (r) => r.indicator_id)},
          ${columnArray(part, 'int', (r) => r.year)}, ${columnArray(part, 'numeric', (r) => String(r.value))},
          ${columnArray(part, 'text', (r) => r.origin)}, ${columnArray(part, 'bool', (r) => r.partial)},
          ${columnArray(part, 'text', (r) => r.last_period)}, ${columnArray(part, 'bool', (r) => r.additive)},
          ${columnArray(part, 'bool', (r) => r.cumulative)}, ${columnArray(part, 'text', (r) => r.periods.join(';'))},
          ${columnArray(part, 'timestamptz', (r) => r.updated_at.toISOString())})
        AS r(u, ind, y, v, o, p, lp, a, c, ps, ts)
      ORDER BY 1, 2, 3
      ON CONFLICT (org_unit_id, indicator_id, year) DO UPDATE SET value = excluded.value, origin = excluded.origin,
        partial = excluded.partial, last_period = excluded.last_period, additive = excluded.additive,
        cumulative = excluded.cumulative, periods = excluded.periods, updated_at = excluded.updated_at`.execute(db);
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
