import type { Database } from '../../db/database.ts';
import { formatPeriod } from '../../domain/period/period.ts';
import type { DemoForm, DemoUnit } from '../../domain/reporting/demo/demo-input.ts';
import { generateDemoData } from '../../domain/reporting/demo/generate-demo-data.ts';
import { anchorsFromPlans, type PlanTarget } from '../../domain/reporting/demo/plan-anchors.ts';
import { previousPeriod } from '../../domain/reporting/forms/form-periods.ts';
import { approvedValue, type NewDataValue } from '../../repositories/data-value.repository.ts';
import {
  countSynthetic,
  deleteSyntheticValues,
  demoIndicatorRows,
  demoUnitRows,
  groupMemberRows,
  insertSyntheticValues,
  planFigureRows,
  planTargetRows,
  targetTrajectories,
} from '../../repositories/demo-data.repository.ts';
import { codeToIdMap } from '../../repositories/org-unit.repository.ts';
import { listForms } from '../../repositories/report-form.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import { SYSTEM_ACTOR, type Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { todayIso } from './form-context.ts';

export { countSynthetic } from '../../repositories/demo-data.repository.ts';

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
    const unitIds = await codeToIdMap(trx, 'org_unit');
    const indicatorIds = await codeToIdMap(trx, 'indicator');
    const values: NewDataValue[] = rows.map((r) =>
      approvedValue({ orgUnit: unitIds.get(r.orgUnit)!, indicator: indicatorIds.get(r.indicator)! }, r, 'synthetic'),
    );
    await insertSyntheticValues(trx, values, BATCH);
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
    const rows = await deleteSyntheticValues(trx);
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

/** The last month of the range that is over by today: no demo figures for periods still to come. */
function lastMonthOver(to: string, today: string): string {
  const lastOver = formatPeriod(
    previousPeriod({ kind: 'month', year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) }),
  );
  return lastOver < to ? lastOver : to;
}

/** Units, forms and the plans' figures, as the pure generator takes them. */
async function readGeneratorInput(db: Executor) {
  const unitRows = await demoUnitRows(db);
  const units: DemoUnit[] = unitRows.map((u) => ({
    code: u.code,
    kind: u.kind,
    parent: u.parent,
    zoneLevel: u.zone_level,
    areaKm2: u.area_km2,
  }));
  const indicators = new Map((await demoIndicatorRows(db)).map((i) => [i.code, i]));
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

  const stated = await planFigureRows(db);
  const targetRows = await planTargetRows(db);
  const trajectories = await targetTrajectories(db);
  const members = await groupMemberRows(db);
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
