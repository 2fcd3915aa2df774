import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { collapseYear, preferredFigures, type Origin, type PeriodFigure } from '../../domain/progress/aggregate.ts';
import { queueAnalytics } from '../../repositories/analytics.repository.ts';
import {
  figuresOfKeys,
  hasDirty,
  lockRefresh,
  markAllDirty,
  replaceRows,
  takeDirty,
  type UnitYearKey,
  type UnitYearRow,
} from '../../repositories/unit-year-figure.repository.ts';

/**
 * Keeps unit_year_figure equal to what the domain's collapse gives from data_value: triggers queue the
 * (unit, indicator, year) keys whose visible figures changed; this recomputes them in batches, each
 * batch in one transaction under an advisory lock (so that concurrent readers wait instead of
 * computing twice, and a reader never sees half a batch).
 */

/** What the recomputation needs of the catalogue: indicator ids → code, and whether a code's months add up. */
export interface YearRule {
  codeOf(indicatorId: number): string | undefined;
  flow(code: string): boolean;
}

const BATCH = 20_000;

type RawFigure = Awaited<ReturnType<typeof figuresOfKeys>>[number];

/** The yearly rows of some keys from their raw figures (keys without any figure give no row). */
export function yearRows(keys: readonly UnitYearKey[], raw: readonly RawFigure[], rule: YearRule): UnitYearRow[] {
  const preferred = preferredFigures(
    raw.map((r) => ({ ...r, origin: r.origin as Origin })),
    (r) => `${r.org_unit_id}/${r.indicator_id}/${r.period}/${r.cumulative}`,
  );
  const byKey = new Map<string, (PeriodFigure & { updatedAt: Date })[]>();
  for (const r of preferred) {
    const k = `${r.org_unit_id}/${r.indicator_id}/${r.period.slice(0, 4)}`;
    let list = byKey.get(k);
    if (!list) byKey.set(k, (list = []));
    list.push({ period: r.period, value: r.value, cumulative: r.cumulative, origin: r.origin, updatedAt: r.updated_at });
  }
  const out: UnitYearRow[] = [];
  for (const key of keys) {
    const points = byKey.get(`${key.org_unit_id}/${key.indicator_id}/${key.year}`);
    const code = rule.codeOf(key.indicator_id);
    if (!points || code === undefined) continue;
    const additive = rule.flow(code);
    const y = collapseYear(points, key.year, additive);
    if (!y) continue;
    out.push({
      ...key,
      value: y.value,
      origin: y.origin,
      partial: y.partial,
      last_period: y.lastPeriod,
      additive,
      cumulative: y.cumulative,
      periods: y.periods,
      updated_at: new Date(Math.max(...points.map((p) => p.updatedAt.getTime()))),
    });
  }
  return out;
}

/** Recomputes every queued key; returns how many keys were recomputed. */
export async function refreshUnitYears(db: Kysely<DB>, rule: YearRule): Promise<number> {
  // Every progress read comes here: with nothing queued, one read instead of a locked write transaction.
  if (!(await hasDirty(db))) return 0;
  let total = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      await lockRefresh(trx);
      const keys = await takeDirty(trx, BATCH);
      if (keys.length === 0) return 0;
      await replaceRows(trx, keys, yearRows(keys, await figuresOfKeys(trx, keys), rule));
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
