import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { collapseYear, preferredFigures } from '../../domain/progress/aggregate.ts';
import { queueAnalytics } from '../../repositories/analytics.repository.ts';
import {
  compactQueue,
  figuresOfKeys,
  type FiguresOfKey,
  hasDirty,
  lockRefresh,
  markAllDirty,
  type RefreshSlot,
  replaceRows,
  takeDirty,
  type UnitYearRow,
} from '../../repositories/unit-year-figure.repository.ts';

/**
 * Keeps unit_year_figure equal to what the domain's collapse gives from data_value: triggers queue the
 * (unit, indicator, year) keys whose visible figures changed; this recomputes them in batches, each
 * batch in one transaction under its slot's advisory lock (so that concurrent readers wait instead of
 * computing twice, and a reader never sees half a batch).
 */

/** What the recomputation needs of the catalogue: indicator ids → code, and whether a code's months add up. */
export interface YearRule {
  codeOf(indicatorId: number): string | undefined;
  flow(code: string): boolean;
}

const BATCH = 20_000;
/** Keys drained in one refresh past which the queue is vacuumed (compactQueue). */
export const COMPACT_AFTER = 10_000;

/** The yearly rows of keys from their figures (keys without a figure, or whose figures collapse to nothing, give no row). */
export function yearRows(found: readonly FiguresOfKey[], rule: YearRule): UnitYearRow[] {
  const out: UnitYearRow[] = [];
  for (const key of found) {
    const code = rule.codeOf(key.indicator_id);
    if (code === undefined) continue;
    const points = preferredFigures(key.figures, (f) => (f.cumulative ? `${f.period}+` : f.period));
    const additive = rule.flow(code);
    const y = collapseYear(points, key.year, additive);
    if (!y) continue;
    let updated = 0;
    for (const p of points) if (p.updatedMs > updated) updated = p.updatedMs;
    out.push({
      org_unit_id: key.org_unit_id,
      indicator_id: key.indicator_id,
      year: key.year,
      value: y.value,
      origin: y.origin,
      partial: y.partial,
      last_period: y.lastPeriod,
      additive,
      cumulative: y.cumulative,
      periods: y.periods,
      updated_at: new Date(updated),
    });
  }
  return out;
}

/**
 * Slots draining the queue at once. Two: the machine this is measured on has two cores, and a month
 * of corrections at 10 M figures spends about as long in PostgreSQL as in the collapse here, so one
 * slot's reads overlap the other's collapse (on PGlite the slots take turns on its one connection).
 */
const SLOTS = 2;

/** Recomputes every queued key; returns how many keys were recomputed. */
export async function refreshUnitYears(db: Kysely<DB>, rule: YearRule): Promise<number> {
  // Every progress read comes here: with nothing queued, one read instead of a locked write transaction.
  if (!(await hasDirty(db))) return 0;
  const drained = await Promise.all(Array.from({ length: SLOTS }, (_, slot) => drainSlot(db, rule, { slot, slots: SLOTS })));
  const total = drained.reduce((a, b) => a + b, 0);
  if (total >= COMPACT_AFTER) await compactQueue(db, 'unit_year_dirty');
  return total;
}

/** Recomputes a slot's queued keys batch by batch; a reader waits for the batch in hand, never sees half of one. */
async function drainSlot(db: Kysely<DB>, rule: YearRule, slot: RefreshSlot): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      await lockRefresh(trx, slot);
      const keys = await takeDirty(trx, BATCH, slot);
      if (keys.length === 0) return 0;
      await replaceRows(trx, keys, yearRows(await figuresOfKeys(trx, keys), rule));
      // The analytics table (analytics.service.ts) recomputes these units and their ancestors next.
      await queueAnalytics(trx, keys);
      return keys.length;
    });
    if (n === 0) return total;
    total += n;
  }
}

/** Queues every key and recomputes the whole table (after a restore, or to measure the full cost). */
export async function rebuildUnitYears(db: Kysely<DB>, rule: YearRule): Promise<number> {
  await markAllDirty(db);
  return refreshUnitYears(db, rule);
}
