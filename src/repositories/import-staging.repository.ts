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
  /** The cell as written, for problem messages. */
  raw: string;
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
  'raw',
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
    v.raw,
  ] as const;

export async function createStaging(db: Executor): Promise<void> {
  await sql`create temp table import_staging (
    seq integer not null, sheet text not null, row_no integer not null, col text not null,
    org_unit_id integer not null, indicator_id integer not null, period text not null, period_kind text not null,
    period_start date not null, period_end date not null, due_date date not null, cumulative boolean not null,
    value numeric not null, raw text not null
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

/**
 * Figures given more than once in the upload, each with where it was first given: a cheap
 * aggregate first, the detailed query only when there is something to report.
 */
export async function stagedDuplicates(db: Executor, limit: number) {
  const total = await sql<{ n: number }>`select coalesce(sum(n - 1), 0)::integer as n from (
      select count(*) as n from import_staging group by org_unit_id, indicator_id, period, cumulative having count(*) > 1) d`.execute(
    db,
  );
  const n = total.rows[0]!.n;
  if (n === 0) return { total: 0, rows: [] };
  const r = await sql<{
    sheet: string;
    row_no: number;
    col: string;
    raw: string;
    first_sheet: string;
    first_cell: string;
    unit_code: string;
    unit_name: string;
    item_name: string;
    item_name_en: string;
    period: string;
  }>`select d.sheet, d.row_no, d.col, d.raw, f.sheet as first_sheet, f.col || f.row_no as first_cell,
      u.code as unit_code, u.name as unit_name, i.name as item_name, i.name_en as item_name_en, d.period
    from (select seq, min(seq) over (partition by org_unit_id, indicator_id, period, cumulative) as first from import_staging) x
    join import_staging d on d.seq = x.seq
    join import_staging f on f.seq = x.first
    join org_unit u on u.id = d.org_unit_id
    join indicator i on i.id = d.indicator_id
    where x.seq <> x.first
    order by d.seq
    limit ${limit}`.execute(db);
  return { total: n, rows: r.rows };
}

/**
 * Compares the staged figures with the stored ones once: every later step (counts, preview, audit,
 * write) reads this table instead of joining data_value again.
 */
export async function diffStaging(db: Executor): Promise<void> {
  await sql`create temp table import_diff on commit drop as
    select s.*, d.value as before
    from import_staging s
    left join data_value d on d.org_unit_id = s.org_unit_id and d.indicator_id = s.indicator_id
      and d.period = s.period and d.cumulative = s.cumulative and d.origin = 'reported'`.execute(db);
}

export async function stagingCounts(db: Executor) {
  const r = await sql<{ values: number; created: number; changed: number; unchanged: number }>`
    select count(*)::integer as values,
      count(*) filter (where before is null)::integer as created,
      count(*) filter (where before <> value)::integer as changed,
      count(*) filter (where before = value)::integer as unchanged
    from import_diff`.execute(db);
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
      c.period, c.before::text as before, c.value::text as after, c.sheet, c.row_no, c.col
    from (select * from import_diff where before is distinct from value order by seq limit ${limit}) c
    join org_unit u on u.id = c.org_unit_id join indicator i on i.id = c.indicator_id
    order by c.seq`.execute(db);
  return r.rows;
}

/**
 * What each touched submission gains, for its audit entry: one row per submission with its
 * changed figures before and after, built once and then read a page at a time, so a
 * million-value upload stays in bounded memory.
 */
export async function* submissionChanges(db: Executor, pageSize = 2000) {
  await sql`create temp table import_submission_changes on commit drop as
    select c.org_unit_id, u.code as org_unit, c.period,
      jsonb_object_agg(i.code, c.before::text) as before, jsonb_object_agg(i.code, c.value::text) as after
    from import_diff c join org_unit u on u.id = c.org_unit_id join indicator i on i.id = c.indicator_id
    where c.before is distinct from c.value
    group by c.org_unit_id, u.code, c.period`.execute(db);
  await sql`create index on import_submission_changes (org_unit_id, period)`.execute(db);
  let after: { unit: number; period: string } = { unit: 0, period: '' };
  for (;;) {
    const r = await sql<{
      org_unit_id: number;
      org_unit: string;
      period: string;
      before: Record<string, string | null>;
      after: Record<string, string>;
    }>`select * from import_submission_changes where (org_unit_id, period) > (${after.unit}, ${after.period})
      order by org_unit_id, period limit ${pageSize}`.execute(db);
    yield* r.rows;
    if (r.rows.length < pageSize) return;
    const last = r.rows.at(-1)!;
    after = { unit: last.org_unit_id, period: last.period };
  }
}

/** Writes the changed figures as drafts; equal values are left alone, so re-importing changes nothing. */
export async function applyStaging(db: Executor): Promise<number> {
  const r = await sql`insert into data_value (org_unit_id, indicator_id, period, period_kind, period_start, period_end,
      cumulative, origin, value, status)
    select org_unit_id, indicator_id, period, period_kind, period_start, period_end, cumulative, 'reported', value, 'draft'
    from import_diff
    where before is distinct from value
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

export interface NewReportImport {
  formId: number;
  fileName: string;
  sha256: string;
  format: string;
  valuesRead: number;
  valuesChanged: number;
  submissions: number;
  createdBy: number | null;
}

/** Records a committed upload; its id names it in the audit and in later duplicate warnings. */
export async function insertReportImport(db: Executor, r: NewReportImport): Promise<number> {
  const row = await db
    .insertInto('report_import')
    .values({
      form_id: r.formId,
      file_name: r.fileName,
      sha256: r.sha256,
      format: r.format,
      values_read: r.valuesRead,
      values_changed: r.valuesChanged,
      submissions: r.submissions,
      created_by: r.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A staged figure as the rule gate reads it: with its unit's and indicator's codes and where it was written. */
export interface StagedGateRow {
  org_unit_id: number;
  unit_code: string;
  unit_name: string;
  period: string;
  indicator: string;
  cumulative: boolean;
  value: string;
  sheet: string;
  row_no: number;
  col: string;
  raw: string;
}

/**
 * The staged figures for the rule gate, a page at a time by unit, period and file order (keyset
 * over an index made here), so that the gate holds one page of a million-value upload, not all of
 * it. A submission may go on from one page into the next.
 */
export async function* stagedForGate(db: Executor, pageSize: number): AsyncGenerator<StagedGateRow[]> {
  await sql`create index on import_staging (org_unit_id, period, seq)`.execute(db);
  let after = { unit: 0, period: '', seq: 0 };
  for (;;) {
    const r = await sql<StagedGateRow & { seq: number }>`select s.seq, s.org_unit_id, u.code as unit_code, u.name as unit_name,
        s.period, i.code as indicator, s.cumulative, s.value::text as value, s.sheet, s.row_no, s.col, s.raw
      from (select * from import_staging where (org_unit_id, period, seq) > (${after.unit}, ${after.period}, ${after.seq})
        order by org_unit_id, period, seq limit ${pageSize}) s
      join org_unit u on u.id = s.org_unit_id join indicator i on i.id = s.indicator_id
      order by s.org_unit_id, s.period, s.seq`.execute(db);
    if (r.rows.length > 0) yield r.rows;
    if (r.rows.length < pageSize) return;
    const last = r.rows.at(-1)!;
    after = { unit: last.org_unit_id, period: last.period, seq: last.seq };
  }
}

/** Submissions of the upload, by unit id and period. */
export interface SubmissionKey {
  unitId: number;
  period: string;
}

/**
 * The earlier figures the form's history rules read (较上期, 同比, outliers) for the given units and
 * periods: approved reported figures or figures of another origin, the highest-priority origin
 * first, as the entry sheet reads them (submission.repository unitValues).
 */
export async function historyForGate(db: Executor, unitIds: readonly number[], periods: readonly string[]) {
  if (unitIds.length === 0 || periods.length === 0) return [];
  const r = await sql<{ org_unit_id: number; period: string; indicator: string; cumulative: boolean; value: string }>`
    select d.org_unit_id, d.period, i.code as indicator, d.cumulative, d.value::text as value
    from data_value d join indicator i on i.id = d.indicator_id
    where d.org_unit_id = any(${[...unitIds]}::int[])
      and d.period = any(${[...periods]}::text[])
      and (d.origin <> 'reported' or d.status = 'approved')
    order by case d.origin when 'reported' then 0 when 'published' then 1 when 'plan' then 2 else 3 end`.execute(db);
  return r.rows;
}

/** The stored reported figures of the given submissions. */
export async function storedForGate(db: Executor, keys: readonly SubmissionKey[]) {
  if (keys.length === 0) return [];
  const r = await sql<{ org_unit_id: number; period: string; indicator: string; cumulative: boolean; value: string }>`
    select d.org_unit_id, d.period, i.code as indicator, d.cumulative, d.value::text as value
    from unnest(${keys.map((k) => k.unitId)}::int[], ${keys.map((k) => k.period)}::text[]) as k(org_unit_id, period)
    join data_value d on d.org_unit_id = k.org_unit_id and d.period = k.period and d.origin = 'reported'
    join indicator i on i.id = d.indicator_id`.execute(db);
  return r.rows;
}
