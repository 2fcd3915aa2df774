import { sql } from 'kysely';
import type { Executor } from './transaction.ts';

const SUBMISSION_COLUMNS = [
  'id',
  'form_id',
  'org_unit_id',
  'period',
  'status',
  'version',
  'form_version',
  'due_date',
  'first_submitted_at',
  'submitted_at',
  'submitted_by',
  'reviewed_at',
  'reviewed_by',
  'review_comment',
  'review_cell_comments',
  'explanations',
  'updated_at',
] as const;

export async function findSubmission(db: Executor, formId: number, unitId: number, period: string) {
  return db
    .selectFrom('report_submission')
    .select(SUBMISSION_COLUMNS)
    .where('form_id', '=', formId)
    .where('org_unit_id', '=', unitId)
    .where('period', '=', period)
    .executeTakeFirst();
}
export type SubmissionRow = NonNullable<Awaited<ReturnType<typeof findSubmission>>>;

/** The submission row, created as a draft on first touch. Locks it for the rest of the transaction. */
export async function ensureSubmission(
  db: Executor,
  key: { formId: number; unitId: number; period: string; formVersion: number; dueDate: string },
): Promise<SubmissionRow> {
  await db
    .insertInto('report_submission')
    .values({
      form_id: key.formId,
      org_unit_id: key.unitId,
      period: key.period,
      status: 'draft',
      form_version: key.formVersion,
      due_date: key.dueDate,
    })
    .onConflict((oc) => oc.columns(['form_id', 'org_unit_id', 'period']).doNothing())
    .execute();
  return db
    .selectFrom('report_submission')
    .select(SUBMISSION_COLUMNS)
    .where('form_id', '=', key.formId)
    .where('org_unit_id', '=', key.unitId)
    .where('period', '=', key.period)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export interface SubmissionPatch {
  status?: string;
  form_version?: number;
  first_submitted_at?: Date | null;
  submitted_at?: Date | null;
  submitted_by?: number | null;
  reviewed_at?: Date | null;
  reviewed_by?: number | null;
  review_comment?: string | null;
  explanations?: Record<string, string>;
  review_cell_comments?: Record<string, string>;
}

/** Applies a change only if the submission is still at the version the caller saw. */
export async function updateSubmission(db: Executor, id: number, expectedVersion: number, patch: SubmissionPatch) {
  const { explanations, review_cell_comments, ...rest } = patch;
  return db
    .updateTable('report_submission')
    .set((eb) => ({
      ...rest,
      ...(explanations ? { explanations: JSON.stringify(explanations) } : {}),
      ...(review_cell_comments ? { review_cell_comments: JSON.stringify(review_cell_comments) } : {}),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning(SUBMISSION_COLUMNS)
    .executeTakeFirst();
}

export interface SubmissionFilter {
  formId?: number;
  period?: string;
  periods?: readonly string[];
  status?: readonly string[];
  /** null = every unit. */
  unitIds?: readonly number[] | null;
}

export async function listSubmissions(db: Executor, f: SubmissionFilter) {
  let q = db
    .selectFrom('report_submission as s')
    .innerJoin('org_unit as u', 'u.id', 's.org_unit_id')
    .innerJoin('report_form as f', 'f.id', 's.form_id')
    .select([
      's.id',
      's.period',
      's.status',
      's.version',
      's.due_date',
      's.first_submitted_at',
      's.submitted_at',
      's.reviewed_at',
      's.review_comment',
      's.updated_at',
      's.org_unit_id',
      'u.code as org_unit_code',
      'u.name as org_unit_name',
      'f.code as form_code',
      'f.name as form_name',
      'f.name_en as form_name_en',
    ]);
  if (f.formId !== undefined) q = q.where('s.form_id', '=', f.formId);
  if (f.period !== undefined) q = q.where('s.period', '=', f.period);
  if (f.periods) q = f.periods.length ? q.where('s.period', 'in', f.periods) : q.where(sql<boolean>`false`);
  if (f.status) q = f.status.length ? q.where('s.status', 'in', f.status) : q.where(sql<boolean>`false`);
  if (f.unitIds) q = f.unitIds.length ? q.where('s.org_unit_id', 'in', f.unitIds) : q.where(sql<boolean>`false`);
  return q.orderBy('s.submitted_at', 'asc').orderBy('s.id').execute();
}

/** Units of the given kinds or codes, as reporters of a form. */
export async function reportingUnits(db: Executor, reporters: { kinds: readonly string[]; units: readonly string[] }) {
  const { kinds, units } = reporters;
  return db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'name_en', 'kind'])
    .where((eb) =>
      eb.or([...(kinds.length ? [eb('kind', 'in', kinds)] : []), ...(units.length ? [eb('code', 'in', units)] : [])]),
    )
    .orderBy('code')
    .execute();
}

/**
 * Priority when several origins hold a figure: what a unit reported beats a published figure beats a
 * plan's statement beats demo data (the domain's ORIGIN_PREFERENCE).
 */
const ORIGIN_RANK = sql<number>`CASE origin WHEN 'reported' THEN 0 WHEN 'published' THEN 1 WHEN 'plan' THEN 2 ELSE 3 END`;

/**
 * A unit's figures for some indicators and periods, one per (indicator, period, cumulative): the
 * highest-priority origin. With approvedOnly, a reported figure counts only once approved.
 */
export async function unitValues(
  db: Executor,
  unitId: number,
  indicatorIds: readonly number[],
  periods: readonly string[],
  opts: { approvedOnly: boolean },
) {
  if (indicatorIds.length === 0 || periods.length === 0) return [];
  let q = db
    .selectFrom('data_value')
    .select(['indicator_id', 'period', 'cumulative', 'origin', 'value', 'version', 'status', 'updated_at'])
    .where('org_unit_id', '=', unitId)
    .where('indicator_id', 'in', indicatorIds)
    .where('period', 'in', periods);
  if (opts.approvedOnly) q = q.where((eb) => eb.or([eb('origin', '!=', 'reported'), eb('status', '=', 'approved')]));
  const rows = await q.orderBy(ORIGIN_RANK).execute();
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = `${r.indicator_id}/${r.period}/${r.cumulative}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The reported (editable) figures of one submission. */
export async function reportedValues(db: Executor, unitId: number, indicatorIds: readonly number[], period: string) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('data_value')
    .select(['indicator_id', 'cumulative', 'value', 'version', 'status', 'updated_at'])
    .where('org_unit_id', '=', unitId)
    .where('indicator_id', 'in', indicatorIds)
    .where('period', '=', period)
    .where('origin', '=', 'reported')
    .execute();
}

/** A unit's reported figures that are submitted and await review, for some indicators and periods. */
export async function submittedValues(db: Executor, unitId: number, indicatorIds: readonly number[], periods: readonly string[]) {
  if (indicatorIds.length === 0 || periods.length === 0) return [];
  return db
    .selectFrom('data_value')
    .select(['indicator_id', 'period', 'cumulative', 'value'])
    .where('org_unit_id', '=', unitId)
    .where('indicator_id', 'in', indicatorIds)
    .where('period', 'in', periods)
    .where('origin', '=', 'reported')
    .where('status', '=', 'submitted')
    .execute();
}

/** Moves the reported figures of a submission along with it (submitted figures are locked too). */
export async function setReportedStatus(
  db: Executor,
  unitId: number,
  period: string,
  items: readonly { indicatorId: number; cumulative: boolean }[],
  status: string,
): Promise<void> {
  // Both kinds of figure move: an import keeps 当月 and 累计 of one indicator, whatever the form's own kind.
  const ids = items.map((i) => i.indicatorId);
  if (ids.length === 0) return;
  await db
    .updateTable('data_value')
    .set({ status, updated_at: new Date() })
    .where('org_unit_id', '=', unitId)
    .where('period', '=', period)
    .where('origin', '=', 'reported')
    .where('indicator_id', 'in', ids)
    .execute();
}
