import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { formatPeriod, parsePeriod, periodBounds } from '../../domain/period/period.ts';
import type { DemoForm, DemoUnit } from '../../domain/reporting/demo/demo-input.ts';
import { generateDemoData } from '../../domain/reporting/demo/generate-demo-data.ts';
import { anchorsFromPlans, type PlanTarget } from '../../domain/reporting/demo/plan-anchors.ts';
import { previousPeriod } from '../../domain/reporting/forms/form-periods.ts';
import type { NewDataValue } from '../../repositories/data-value.repository.ts';
import { listForms } from '../../repositories/report-form.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import { SYSTEM_ACTOR, type Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { todayIso } from './form-context.ts';

/** The demo's default seed and range: the 14th Five-Year Plan period, month by month. */
export const DEMO_SEED = 20210101;
export const DEMO_FROM = '2021-01';
export const DEMO_TO = '2025-12';

/** Rows per INSERT (12 parameters a row, well under PostgreSQL's 65535); larger batches are no faster on PGlite. */
const BATCH = 1000;

export interface DemoDataOptions {
  seed?: number;
  from?: string;
  to?: string;
  /** Only periods over by this date (ISO) are filled; defaults to today. */
  today?: string;
  actor?: Actor;
}

export interface DemoDataResult {
  /** false when synthetic rows were already there (nothing was written). */
  loaded: boolean;
  rows: number;
  byForm: Record<string, number>;
  ms: number;
}

/**
 * Fills the reporting forms with synthetic figures (origin 'synthetic', approved) for every reporting
 * unit, anchored on what the plans state. Idempotent: does nothing when synthetic rows exist. Never
 * touches figures of origin 'plan' or 'reported' (the origin is part of the key, so they sit beside them).
 */
export async function loadDemoData(database: Database, options: DemoDataOptions = {}): Promise<DemoDataResult> {
  const started = performance.now();
  return database.db.transaction().execute(async (trx) => {
    const existing = await countSynthetic(trx);
    if (existing > 0) return { loaded: false, rows: existing, byForm: {}, ms: Math.round(performance.now() - started) };
    const seed = options.seed ?? DEMO_SEED;
    const from = options.from ?? DEMO_FROM;
    const to = lastMonthOver(options.to ?? DEMO_TO, options.today ?? todayIso());
    const input = await readGeneratorInput(trx);
    const rows = to < from ? [] : generateDemoData({ ...input, seed, from, to });
    const unitIds = await idsByCode(trx, 'org_unit');
    const indicatorIds = await idsByCode(trx, 'indicator');
    const values: NewDataValue[] = rows.map((r) => {
      const p = parsePeriod(r.period)!;
      const bounds = periodBounds(p);
      return {
        org_unit_id: unitIds.get(r.orgUnit)!,
        indicator_id: indicatorIds.get(r.indicator)!,
        period: r.period,
        period_kind: p.kind,
        period_start: bounds.start,
        period_end: bounds.end,
        cumulative: r.cumulative,
        origin: 'synthetic',
        value: r.value,
        status: 'approved',
        source_plan_id: null,
        source_quote: null,
      };
    });
    for (let i = 0; i < values.length; i += BATCH)
      await trx
        .insertInto('data_value')
        .values(values.slice(i, i + BATCH))
        // Two servers starting on one database at once: the second one's rows are the same, skip them.
        .onConflict((oc) => oc.columns(['org_unit_id', 'indicator_id', 'period', 'cumulative', 'origin']).doNothing())
        .execute();
    const byForm: Record<string, number> = {};
    for (const r of rows) byForm[r.form] = (byForm[r.form] ?? 0) + 1;
    await recordAudit(trx, options.actor ?? SYSTEM_ACTOR, {
      action: 'import',
      entity: 'data_value',
      entityKey: 'synthetic',
      after: { origin: 'synthetic', seed, from, to, rows: rows.length, byForm },
    });
    return { loaded: true, rows: rows.length, byForm, ms: Math.round(performance.now() - started) };
  });
}

/** Removes every synthetic figure (and nothing else); returns how many. */
export async function clearDemoData(database: Database, actor: Actor = SYSTEM_ACTOR): Promise<{ rows: number }> {
  return database.db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('data_value').where('origin', '=', 'synthetic').executeTakeFirst();
    const rows = Number(result.numDeletedRows);
    if (rows > 0)
      await recordAudit(trx, actor, {
        action: 'delete',
        entity: 'data_value',
        entityKey: 'synthetic',
        before: { origin: 'synthetic', rows },
      });
    return { rows };
  });
}

export async function countSynthetic(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('data_value')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('origin', '=', 'synthetic')
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The last month of the range that is over by today: no demo figures for periods still to come. */
function lastMonthOver(to: string, today: string): string {
  const lastOver = formatPeriod(
    previousPeriod({ kind: 'month', year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) }),
  );
  return lastOver < to ? lastOver : to;
}

async function idsByCode(db: Executor, table: 'org_unit' | 'indicator'): Promise<Map<string, number>> {
  const rows = await db.selectFrom(table).select(['id', 'code']).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Units, forms and the plans' figures, as the pure generator takes them. */
async function readGeneratorInput(db: Executor) {
  const unitRows = await db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .select(['u.code', 'u.kind', 'p.code as parent', 'u.zone_level', 'u.area_km2'])
    .execute();
  const units: DemoUnit[] = unitRows.map((u) => ({
    code: u.code,
    kind: u.kind,
    parent: u.parent,
    zoneLevel: u.zone_level,
    areaKm2: u.area_km2,
  }));
  const indicators = new Map(
    (await db.selectFrom('indicator').select(['id', 'code', 'unit', 'aggregation']).execute()).map((i) => [i.code, i]),
  );
  // Plan-office sheets hold statistics (published figures), never invented ones.
  const forms: DemoForm[] = (await listForms(db))
    .filter(({ form }) => form.sheet !== 'plan_office')
    .map(({ form }) => ({
      code: form.code,
      frequency: form.frequency,
      firstPeriod: form.firstPeriod,
      reporters: form.reporters,
      items: form.items.map((item) => ({
        indicator: item.indicator,
        cumulative: item.cumulative,
        required: item.required,
        unit: indicators.get(item.indicator)?.unit ?? '',
        aggregation: indicators.get(item.indicator)?.aggregation,
      })),
    }));

  const stated = await db
    .selectFrom('data_value as v')
    .innerJoin('org_unit as u', 'u.id', 'v.org_unit_id')
    .innerJoin('indicator as i', 'i.id', 'v.indicator_id')
    .select(['u.code as orgUnit', 'i.code as indicator', 'v.period', 'v.cumulative', 'v.value'])
    .where('v.origin', '=', 'plan')
    .execute();
  const targetRows = await db
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
      't.baseline_year',
      't.baseline_value',
      't.target_year',
      't.comparator',
      't.target_value',
      't.target_min',
      't.target_max',
      't.target_rate',
    ])
    .orderBy('t.id')
    .execute();
  const trajectories = await db.selectFrom('target_trajectory').select(['target_id', 'year', 'value']).orderBy('year').execute();
  const members = await db
    .selectFrom('org_group_member as m')
    .innerJoin('org_unit as u', 'u.id', 'm.org_unit_id')
    .select(['m.group_id', 'u.code'])
    .orderBy('u.code')
    .execute();
  const targets: PlanTarget[] = targetRows.map((t) => ({
    orgUnit: t.orgUnit,
    groupMembers: t.group_id === null ? [] : members.filter((m) => m.group_id === t.group_id).map((m) => m.code),
    indicator: t.indicator,
    indicatorUnit: t.indicatorUnit,
    aggregation: t.aggregation,
    baselineYear: t.baseline_year,
    baselineValue: t.baseline_value,
    targetYear: t.target_year,
    comparator: t.comparator,
    targetValue: t.target_value,
    targetMin: t.target_min,
    targetMax: t.target_max,
    targetRate: t.target_rate,
    trajectory: trajectories.filter((s) => s.target_id === t.id).map((s) => ({ year: s.year, value: s.value })),
  }));
  return { units, forms, anchors: anchorsFromPlans(stated, targets) };
}
