import { sql, type ExpressionBuilder, type Insertable } from 'kysely';
import type { DataValueTable, DB } from '../db/schema.ts';
import type { Executor } from './transaction.ts';
import { parsePeriod, periodBounds } from '../domain/period/period.ts';

export type NewDataValue = Insertable<DataValueTable>;

/** The period columns of a stored figure, from the period's text (2024, 2024Q2, 2024-06): its kind and first and last day. */
export function periodColumns(text: string) {
  const period = parsePeriod(text)!;
  const bounds = periodBounds(period);
  return { period: text, period_kind: period.kind, period_start: bounds.start, period_end: bounds.end };
}

/**
 * An approved figure as inserted: its unit and indicator ids, the period's columns, the origin it
 * travels with (a plan's own statement, a published statistic, a demo figure) and where it was read.
 */
export function approvedValue(
  ids: { orgUnit: number; indicator: number },
  f: { period: string; cumulative: boolean; value: string },
  origin: 'plan' | 'published' | 'synthetic',
  source: { planId?: string | null; quote?: string | null; citation?: string } = {},
): NewDataValue {
  return {
    org_unit_id: ids.orgUnit,
    indicator_id: ids.indicator,
    ...periodColumns(f.period),
    cumulative: f.cumulative,
    origin,
    value: f.value,
    status: 'approved',
    source_plan_id: source.planId ?? null,
    source_quote: source.quote ?? null,
    ...(source.citation === undefined ? {} : { citation: source.citation }),
  };
}

const BATCH = 1000;

/** Inserts or replaces values (same unit, indicator, period, cumulative flag and origin). */
export async function upsertDataValues(db: Executor, values: readonly NewDataValue[]): Promise<void> {
  for (let i = 0; i < values.length; i += BATCH) {
    await db
      .insertInto('data_value')
      .values(values.slice(i, i + BATCH))
      .onConflict((oc) =>
        oc.columns(['org_unit_id', 'indicator_id', 'period', 'cumulative', 'origin']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          status: eb.ref('excluded.status'),
          source_plan_id: eb.ref('excluded.source_plan_id'),
          source_quote: eb.ref('excluded.source_quote'),
          citation: eb.ref('excluded.citation'),
          version: sql<number>`data_value.version + 1`,
          updated_at: sql<Date>`now()`,
        })),
      )
      .execute();
  }
}

export interface DataValueFilter {
  unitIds?: readonly number[] | null;
  indicator?: string;
  orgUnit?: string;
  origin?: string;
  from?: string;
  to?: string;
}

export async function listDataValues(db: Executor, f: DataValueFilter, page: { limit: number; offset: number }) {
  let q = db
    .selectFrom('data_value as v')
    .innerJoin('indicator as i', 'i.id', 'v.indicator_id')
    .innerJoin('org_unit as u', 'u.id', 'v.org_unit_id');
  if (f.unitIds) q = q.where('v.org_unit_id', 'in', f.unitIds.length ? [...f.unitIds] : [-1]);
  if (f.indicator) q = q.where('i.code', '=', f.indicator);
  if (f.orgUnit) q = q.where('u.code', '=', f.orgUnit);
  if (f.origin) q = q.where('v.origin', '=', f.origin);
  if (f.from) q = q.where('v.period_start', '>=', f.from);
  if (f.to) q = q.where('v.period_end', '<=', f.to);
  const rows = await q
    .select([
      'i.code as indicator_code',
      'i.name as indicator_name',
      'i.unit as indicator_unit',
      'u.code as org_unit_code',
      'u.name as org_unit_name',
      'v.period',
      'v.period_kind',
      'v.cumulative',
      'v.origin',
      'v.value',
      'v.status',
      'v.version',
      'v.source_plan_id',
      'v.source_quote',
    ])
    .orderBy('i.code')
    .orderBy('u.code')
    .orderBy('v.period_start')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return { rows, total: total.n };
}

/** The key of one reported figure (origin 'reported': the row a reporter edits). */
export interface ReportedKey {
  unitId: number;
  indicatorId: number;
  period: string;
  cumulative: boolean;
}

const isReported = (k: ReportedKey) => (eb: ExpressionBuilder<DB, 'data_value'>) =>
  eb.and([
    eb('org_unit_id', '=', k.unitId),
    eb('indicator_id', '=', k.indicatorId),
    eb('period', '=', k.period),
    eb('cumulative', '=', k.cumulative),
    eb('origin', '=', 'reported'),
  ]);

/** Reported figures of one period for these units and indicators (none asked: none read). */
export async function reportedValuesOf(
  db: Executor,
  period: string,
  unitIds: readonly number[],
  indicatorIds: readonly number[],
) {
  if (unitIds.length === 0 || indicatorIds.length === 0) return [];
  return db
    .selectFrom('data_value')
    .select(['org_unit_id', 'indicator_id', 'value'])
    .where('origin', '=', 'reported')
    .where('period', '=', period)
    .where('org_unit_id', 'in', [...unitIds])
    .where('indicator_id', 'in', [...indicatorIds])
    .execute();
}

/** The reported figure under a row lock (the caller's transaction holds it until it commits). */
export async function lockReportedValue(db: Executor, k: ReportedKey) {
  return db.selectFrom('data_value').select(['value', 'version', 'status']).where(isReported(k)).forUpdate().executeTakeFirst();
}

export async function deleteReportedValue(db: Executor, k: ReportedKey): Promise<void> {
  await db.deleteFrom('data_value').where(isReported(k)).execute();
}

/** Stores a reported figure as a draft, a new row at version 1 or the next version of the existing one. */
export async function upsertReportedDraft(
  db: Executor,
  k: ReportedKey,
  period: { kind: string; start: string; end: string },
  value: string,
) {
  return db
    .insertInto('data_value')
    .values({
      org_unit_id: k.unitId,
      indicator_id: k.indicatorId,
      period: k.period,
      cumulative: k.cumulative,
      origin: 'reported',
      period_kind: period.kind,
      period_start: period.start,
      period_end: period.end,
      value,
      status: 'draft',
    })
    .onConflict((oc) =>
      oc.columns(['org_unit_id', 'indicator_id', 'period', 'cumulative', 'origin']).doUpdateSet({
        value,
        status: 'draft',
        version: sql<number>`data_value.version + 1`,
        updated_at: sql<Date>`now()`,
      }),
    )
    .returning(['value', 'version', 'status'])
    .executeTakeFirstOrThrow();
}
