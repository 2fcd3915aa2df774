import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AggregationRule, CollapsedFigure, Origin } from '../../domain/progress/aggregate.ts';
import { subjectFigure, type SeriesNode, type SubjectFigure } from '../../domain/progress/subject-series.ts';
import {
  analyticsFingerprint,
  hasAnalyticsDirty,
  lockAnalytics,
  ownYearRows,
  replaceAnalytics,
  resetAnalytics,
  rolledRows,
  saveAnalyticsFingerprint,
  takeAnalyticsDirty,
  type AnalyticsRow,
  type OwnYearRow,
} from '../../repositories/analytics.repository.ts';
import { compactQueue, hasDirty, markAllDirty } from '../../repositories/unit-year-figure.repository.ts';
import type { UnitYearKey } from '../../repositories/unit-year-figure.repository.ts';
import { COMPACT_AFTER, refreshUnitYears, type YearRule } from './unit-years.service.ts';

/**
 * Keeps analytics_figure (migration 0420) equal to what a question would compute: for each unit,
 * indicator and year, subjectFigure over the unit's subtree of yearly figures. Recomputes the queued
 * units and their ancestors bottom-up; a unit's children enter as their stored subtree figures
 * (`rolled`), so an approval in one zone recomputes its few ancestors, not the province.
 */

/** What the analytics need of the catalogue and the tree (ProgressContext provides it). */
export interface AnalyticsRule extends YearRule {
  readonly rules: ReadonlyMap<string, AggregationRule>;
  readonly indicators: ReadonlyMap<string, { id: number }>;
  readonly units: ReadonlyMap<number, { id: number; parent_id: number | null }>;
  readonly children: ReadonlyMap<number, number[]>;
  codesFor(code: string): string[];
}

/** Hash of what the rows depend on besides the figures: rules, flow/level per code, the tree. */
export function analyticsFingerprintOf(rule: AnalyticsRule): string {
  const codes = [...rule.rules.keys()].sort();
  const payload = JSON.stringify([
    codes.map((c) => {
      const r = rule.rules.get(c)!;
      return [c, rule.indicators.get(c)?.id, r.aggregation, r.weight ?? null, r.formula ?? null, rule.flow(c)];
    }),
    [...rule.units.values()].map((u) => [u.id, u.parent_id]).sort((a, b) => a[0]! - b[0]!),
  ]);
  return createHash('sha256').update(payload).digest('hex');
}

/** Whether anything is queued (yearly keys or analytics units) or the rows were computed under other rules. */
export async function analyticsOutdated(db: Kysely<DB>, rule: AnalyticsRule): Promise<boolean> {
  return (
    (await hasDirty(db)) || (await hasAnalyticsDirty(db)) || (await analyticsFingerprint(db)) !== analyticsFingerprintOf(rule)
  );
}

/**
 * Brings the yearly table and the analytics table up to date: recomputes queued yearly keys, then
 * the queued units' subtree figures with their ancestors. Under other rules than the stored ones,
 * every yearly row and every analytics row is recomputed. Returns the analytics rows written.
 */
export async function refreshAnalytics(db: Kysely<DB>, rule: AnalyticsRule): Promise<number> {
  const fingerprint = analyticsFingerprintOf(rule);
  if ((await analyticsFingerprint(db)) !== fingerprint) {
    await markAllDirty(db);
    await refreshUnitYears(db, rule);
    await db.transaction().execute(async (trx) => {
      await lockAnalytics(trx);
      await resetAnalytics(trx);
      await saveAnalyticsFingerprint(trx, fingerprint);
    });
  } else await refreshUnitYears(db, rule);
  if (!(await hasAnalyticsDirty(db))) return 0;
  let taken = 0;
  const written = await db.transaction().execute(async (trx) => {
    await lockAnalytics(trx);
    const keys = await takeAnalyticsDirty(trx);
    taken = keys.length;
    const byYear = new Map<number, UnitYearKey[]>();
    for (const k of keys) {
      const list = byYear.get(k.year);
      if (list) list.push(k);
      else byYear.set(k.year, [k]);
    }
    let rows = 0;
    for (const [year, yearKeys] of byYear) rows += await recomputeYear(trx, rule, year, yearKeys);
    return rows;
  });
  if (taken >= COMPACT_AFTER) await compactQueue(db, 'analytics_dirty');
  return written;
}

/** Queues every unit and recomputes the whole table (after bulk loads, or to measure the full cost). */
export async function rebuildAnalytics(db: Kysely<DB>, rule: AnalyticsRule): Promise<number> {
  await db.transaction().execute(async (trx) => {
    await lockAnalytics(trx);
    await resetAnalytics(trx);
    await saveAnalyticsFingerprint(trx, analyticsFingerprintOf(rule));
  });
  return refreshAnalytics(db, rule);
}

const collapsedOf = (r: OwnYearRow): CollapsedFigure => ({
  value: r.value,
  origin: r.origin as Origin,
  partial: r.partial,
  lastPeriod: r.last_period,
});

const latestOfKind = (periods: readonly string[], test: (p: string) => boolean): string | null =>
  periods.filter(test).sort().at(-1) ?? null;

async function recomputeYear(db: Kysely<DB>, rule: AnalyticsRule, year: number, keys: readonly UnitYearKey[]): Promise<number> {
  const dirtyCodes = new Set(keys.map((k) => rule.codeOf(k.indicator_id)).filter((c): c is string => c !== undefined));
  // Every code whose figure reads a changed code, and the inputs those read.
  const affected = [...rule.rules.keys()].filter((c) => rule.codesFor(c).some((i) => dirtyCodes.has(i)));
  const codes = [...new Set(affected.flatMap((c) => rule.codesFor(c)))];
  const ids = codes.map((c) => rule.indicators.get(c)?.id).filter((x): x is number => x !== undefined);
  // The changed units and their ancestors, recomputed bottom-up.
  const touched = new Set<number>();
  for (const k of keys)
    for (let id: number | null = k.org_unit_id; id !== null && !touched.has(id); id = rule.units.get(id)?.parent_id ?? null)
      if (rule.units.has(id)) touched.add(id);
  const all = touched.size === rule.units.size;
  const own = new Map<number, Map<string, OwnYearRow>>();
  for (const r of await ownYearRows(db, year, all ? null : [...touched], ids)) {
    const code = rule.codeOf(r.indicator_id);
    if (code === undefined) continue;
    let m = own.get(r.org_unit_id);
    if (!m) own.set(r.org_unit_id, (m = new Map()));
    m.set(code, r);
  }
  // Untouched children of touched units enter with their stored subtree figures.
  const siblings = [...touched].flatMap((id) => (rule.children.get(id) ?? []).filter((c) => !touched.has(c)));
  const rolled = new Map<number, Map<string, SubjectFigure>>();
  for (const r of await rolledRows(db, siblings, ids, year, year)) {
    const code = rule.codeOf(r.indicator_id);
    if (code === undefined) continue;
    let m = rolled.get(r.org_unit_id);
    if (!m) rolled.set(r.org_unit_id, (m = new Map()));
    m.set(code, { value: r.value, origin: r.origin as Origin, partial: r.partial, lastPeriod: r.last_period });
  }

  const period = { kind: 'year' as const, year };
  const rows: AnalyticsRow[] = [];
  const ancestorsOf = (id: number): number[] => {
    const path: number[] = [];
    for (let u: number | null = id; u !== null; u = rule.units.get(u)?.parent_id ?? null) path.unshift(u);
    return path;
  };
  const visit = (id: number): void => {
    const kids = rule.children.get(id) ?? [];
    for (const c of kids) if (touched.has(c)) visit(c);
    const ownRows = own.get(id);
    const node: SeriesNode = {
      points: new Map(),
      collapsed: new Map([...(ownRows ?? [])].map(([c, r]) => [c, collapsedOf(r)])),
      children: kids.map((c) => ({ points: new Map(), children: [], rolled: rolled.get(c) ?? new Map() })),
    };
    const figures = new Map<string, SubjectFigure>();
    for (const code of codes) {
      const r = rule.rules.get(code) ?? { code, aggregation: 'sum' as const };
      const f = subjectFigure(node, period, r, rule.rules, rule.codesFor(code), rule.flow);
      if (f) figures.set(code, f);
    }
    rolled.set(id, figures);
    const ancestors = ancestorsOf(id);
    for (const code of codes) {
      const f = figures.get(code);
      const o = ownRows?.get(code);
      const indicator = rule.indicators.get(code);
      if ((!f && !o) || !indicator) continue;
      rows.push({
        year,
        org_unit_id: id,
        indicator_id: indicator.id,
        ancestors,
        value: f?.value ?? null,
        origin: f?.origin ?? null,
        partial: f?.partial ?? null,
        last_period: f?.lastPeriod ?? null,
        own_updated_at: o?.updated_at ?? null,
        own_cumulative: o?.cumulative ?? null,
        latest_month: o ? latestOfKind(o.periods, (p) => p.length === 7 && p[4] === '-') : null,
        latest_quarter: o ? latestOfKind(o.periods, (p) => p[4] === 'Q') : null,
        latest_year: o ? latestOfKind(o.periods, (p) => p.length === 4) : null,
        own_periods: o?.periods ?? null,
      });
    }
  };
  for (const id of touched) {
    const parent = rule.units.get(id)?.parent_id ?? null;
    if (parent === null || !touched.has(parent)) visit(id);
  }
  await replaceAnalytics(db, year, [...touched], ids, rows);
  return rows.length;
}
