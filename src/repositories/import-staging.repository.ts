import { sql } from 'kysely';
import type { Executor } from './transaction.ts';

/**
 * The rows of one upload, staged in a temporary table inside the import's transaction so that
 * comparing with and writing to data_value are single set-based statements.
 */
export interface StagedValue {
  seq: number;
  sheet: string;
  row: number;
  column: string;
  unitId: number;
  indicatorId: number;
  period: string;
  periodKind: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  cumulative: boolean;
  value: string;
}

export const STAGING_COLUMNS = [
  'seq',
  'sheet',
  'row_no',
  'col',
  'org_unit_id',
  'indicator_id',
  'period',
  'period_kind',
  'period_start',
  'period_end',
  'due_date',
  'cumulative',
  'value',
] as const;

export const stagingFields = (v: StagedValue) =>
  [
    v.seq,
    v.sheet,
    v.row,
    v.column,
    v.unitId,
    v.indicatorId,
    v.period,
    v.periodKind,
    v.periodStart,
    v.periodEnd,
    v.dueDate,
    v.cumulative,
    v.value,
  ] as const;

export async function createStaging(db: Executor): Promise<void> {
  await sql`create temp table import_staging (
    seq integer not null, sheet text not null, row_no integer not null, col text not null,
    org_unit_id integer not null, indicator_id integer not null, period text not null, period_kind text not null,
    period_start date not null, period_end date not null, due_date date not null, cumulative boolean not null,
    value numeric not null
  ) on commit drop`.execute(db);
}

export const STAGING_COPY = `copy import_staging (${STAGING_COLUMNS.join(', ')}) from stdin`;

/** Multi-row inserts, for PGlite where COPY FROM STDIN is not available. */
export async function insertStaged(db: Executor, values: readonly StagedValue[]): Promise<void> {
  for (let i = 0; i < values.length; i += 1000) {
    const rows = values.slice(i, i + 1000).map((v) => sql`(${sql.join(stagingFields(v).map((f) => sql`${f}`))})`);
    await sql`insert into import_staging (${sql.raw(STAGING_COLUMNS.join(', '))}) values ${sql.join(rows)}`.execute(db);
  }
}

/** After staging: lets the planner see the real row count before the joins. */
export async function analyseStaging(db: Executor): Promise<void> {
  await sql`analyze import_staging`.execute(db);
}

/** Creates the draft submissions the upload fills and locks every touched one against concurrent transitions. */
export async function lockTouchedSubmissions(db: Executor, formId: number, formVersion: number) {
  await sql`insert into report_submission (form_id, org_unit_id, period, status, form_version, due_date)
    select distinct ${formId}::integer, org_unit_id, period, 'draft', ${formVersion}::integer, due_date from import_staging
    on conflict (form_id, org_unit_id, period) do nothing`.execute(db);
  const r = await sql<{ org_unit: string; period: string; status: string; sheet: string; row_no: number }>`
    select u.code as org_unit, s.period, s.status, f.sheet, f.row_no
    from report_submission s
    join (select org_unit_id, period, min(seq) as seq from import_staging group by org_unit_id, period) t
      on t.org_unit_id = s.org_unit_id and t.period = s.period
    join import_staging f on f.seq = t.seq
    join org_unit u on u.id = s.org_unit_id
    where s.form_id = ${formId}
    order by t.seq
    for update of s`.execute(db);
  return {
    submissions: r.rows.length,
    locked: r.rows.filter((s) => s.status === 'submitted' || s.status === 'approved'),
  };
}

const CURRENT = sql`left join data_value d on d.org_unit_id = s.org_unit_id and d.indicator_id = s.indicator_id
  and d.period = s.period and d.cumulative = s.cumulative and d.origin = 'reported'`;

export async function stagingCounts(db: Executor) {
  const r = await sql<{ values: number; created: number; changed: number; unchanged: number }>`
    select count(*)::integer as values,
      count(*) filter (where d.value is null)::integer as created,
      count(*) filter (where d.value is not null and d.value <> s.value)::integer as changed,
      count(*) filter (where d.value = s.value)::integer as unchanged
    from import_staging s ${CURRENT}`.execute(db);
  return r.rows[0]!;
}

/** The first changes in file order, for the preview. */
export async function stagedChanges(db: Executor, limit: number) {
  const r = await sql<{
    org_unit: string;
    org_unit_name: string;
    indicator: string;
    indicator_name: string;
    unit: string;
    period: string;
    before: string | null;
    after: string;
    sheet: string;
    row_no: number;
    col: string;
  }>`select u.code as org_unit, u.name as org_unit_name, i.code as indicator, i.name as indicator_name, i.unit,
      s.period, d.value::text as before, s.value::text as after, s.sheet, s.row_no, s.col
    from import_staging s ${CURRENT}
    join org_unit u on u.id = s.org_unit_id join indicator i on i.id = s.indicator_id
    where d.value is distinct from s.value
    order by s.seq limit ${limit}`.execute(db);
  return r.rows;
}

/**
 * What each touched submission gains, for its audit entry: one row per submission with its
 * changed figures before and after, keyset-paged so a million-value upload stays in bounded memory.
 */
export async function* submissionChanges(db: Executor, pageSize = 2000) {
  let after: { unit: number; period: string } = { unit: 0, period: '' };
  for (;;) {
    const r = await sql<{
      org_unit_id: number;
      org_unit: string;
      period: string;
      before: Record<string, string | null>;
      after: Record<string, string>;
    }>`select s.org_unit_id, u.code as org_unit, s.period,
        jsonb_object_agg(i.code, d.value::text) as before, jsonb_object_agg(i.code, s.value::text) as after
      from import_staging s ${CURRENT}
      join org_unit u on u.id = s.org_unit_id join indicator i on i.id = s.indicator_id
      where d.value is distinct from s.value and (s.org_unit_id, s.period) > (${after.unit}, ${after.period})
      group by s.org_unit_id, u.code, s.period
      order by s.org_unit_id, s.period limit ${pageSize}`.execute(db);
    yield* r.rows;
    if (r.rows.length < pageSize) return;
    const last = r.rows.at(-1)!;
    after = { unit: last.org_unit_id, period: last.period };
  }
}

/** Writes the staged figures as drafts; equal values are left alone, so re-importing changes nothing. */
export async function applyStaging(db: Executor): Promise<number> {
  const r = await sql`insert into data_value (org_unit_id, indicator_id, period, period_kind, period_start, period_end,
      cumulative, origin, value, status)
    select org_unit_id, indicator_id, period, period_kind, period_start, period_end, cumulative, 'reported', value, 'draft'
    from import_staging
    -- Key order keeps the primary-key index pages hot.
    order by org_unit_id, indicator_id, period
    on conflict (org_unit_id, indicator_id, period, cumulative, origin) do update
      set value = excluded.value, status = 'draft', version = data_value.version + 1, updated_at = now()
      where data_value.value is distinct from excluded.value`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

export async function previousImport(db: Executor, formId: number, sha256: string): Promise<number | null> {
  const row = await db
    .selectFrom('report_import')
    .select('id')
    .where('form_id', '=', formId)
    .where('sha256', '=', sha256)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}
