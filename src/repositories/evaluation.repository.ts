import type { PublicationLevel } from '../domain/evaluation/publication.ts';
import type { Executor } from './transaction.ts';

/** Queries behind evaluation schemes (versioned) and runs. */

const SCHEME_COLUMNS = [
  'id',
  'code',
  'version',
  'status',
  'builtin',
  'name',
  'definition',
  'created_at',
  'updated_at',
  'frozen_at',
  'publishes',
  'builtin_hash',
] as const;

export async function listSchemeVersions(db: Executor) {
  return db.selectFrom('evaluation_scheme').select(SCHEME_COLUMNS).orderBy('code').orderBy('version').execute();
}
export type SchemeRow = Awaited<ReturnType<typeof listSchemeVersions>>[number];

/** One version, or the latest when version is left out. */
export async function findSchemeVersion(db: Executor, code: string, version?: number): Promise<SchemeRow | undefined> {
  let q = db.selectFrom('evaluation_scheme').select(SCHEME_COLUMNS).where('code', '=', code);
  if (version !== undefined) q = q.where('version', '=', version);
  return q.orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export async function findSchemeById(db: Executor, id: number): Promise<SchemeRow | undefined> {
  return db.selectFrom('evaluation_scheme').select(SCHEME_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function schemeCodes(db: Executor): Promise<Set<string>> {
  return new Set((await db.selectFrom('evaluation_scheme').select('code').distinct().execute()).map((r) => r.code));
}

export async function insertSchemeVersion(
  db: Executor,
  v: {
    code: string;
    version: number;
    builtin: boolean;
    name: string;
    definition: unknown;
    publishes?: PublicationLevel;
    userId: number | null;
    builtinHash?: string | null;
  },
): Promise<SchemeRow> {
  const now = new Date();
  return db
    .insertInto('evaluation_scheme')
    .values({
      code: v.code,
      version: v.version,
      builtin: v.builtin,
      name: v.name,
      definition: JSON.stringify(v.definition),
      publishes: v.publishes,
      builtin_hash: v.builtinHash ?? null,
      created_at: now,
      created_by: v.userId,
      updated_at: now,
      updated_by: v.userId,
    })
    .returning(SCHEME_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Updates a draft (the caller holds lockScheme and has checked the editor's base); undefined if it froze. */
export async function updateDraftScheme(
  db: Executor,
  id: number,
  v: { name: string; definition: unknown; publishes: PublicationLevel; userId: number | null },
): Promise<SchemeRow | undefined> {
  return (
    db
      .updateTable('evaluation_scheme')
      // Millisecond timestamps set here (not now(), which has microseconds) so that the updatedAt an
      // editor read back compares equal.
      .set({
        name: v.name,
        definition: JSON.stringify(v.definition),
        publishes: v.publishes,
        updated_at: new Date(),
        updated_by: v.userId,
      })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .returning(SCHEME_COLUMNS)
      .executeTakeFirst()
  );
}

/** Replaces an unedited built-in draft with the dataset's newer definition (the caller decided it may). */
export async function replaceBuiltinDraft(
  db: Executor,
  id: number,
  v: { name: string; definition: unknown; builtinHash: string },
): Promise<SchemeRow | undefined> {
  return db
    .updateTable('evaluation_scheme')
    .set({ name: v.name, definition: JSON.stringify(v.definition), builtin_hash: v.builtinHash, updated_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .returning(SCHEME_COLUMNS)
    .executeTakeFirst();
}

/** Records which dataset definition a stored version equals (a version seeded before builtin_hash existed). */
export async function setBuiltinHash(db: Executor, id: number, hash: string): Promise<void> {
  await db.updateTable('evaluation_scheme').set({ builtin_hash: hash }).where('id', '=', id).execute();
}

export async function freezeScheme(db: Executor, id: number, userId: number | null): Promise<void> {
  await db
    .updateTable('evaluation_scheme')
    .set({ status: 'frozen', frozen_at: new Date(), frozen_by: userId })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .execute();
}

/** Serialises saves of one scheme code (the row of its latest version). */
export async function lockScheme(db: Executor, code: string): Promise<void> {
  await db.selectFrom('evaluation_scheme').select('id').where('code', '=', code).forUpdate().execute();
}

const RUN_COLUMNS = [
  'r.id',
  'r.scheme_id',
  'r.year',
  'r.status',
  'r.seed',
  'r.samples',
  'r.data_hash',
  'r.created_at',
  'r.published_at',
  's.code as scheme_code',
  's.version as scheme_version',
  's.definition as scheme_definition',
  's.publishes as scheme_publishes',
] as const;

export async function insertRun(
  db: Executor,
  v: {
    schemeId: number;
    year: number;
    seed: number;
    samples: number;
    input: unknown;
    dataHash: string;
    results: unknown;
    userId: number | null;
  },
): Promise<{ id: number; created_at: Date }> {
  return db
    .insertInto('evaluation_run')
    .values({
      scheme_id: v.schemeId,
      year: v.year,
      seed: v.seed,
      samples: v.samples,
      input: JSON.stringify(v.input),
      data_hash: v.dataHash,
      results: JSON.stringify(v.results),
      created_by: v.userId,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

export async function listRuns(db: Executor, f: { scheme?: string; year?: number }) {
  let q = db.selectFrom('evaluation_run as r').innerJoin('evaluation_scheme as s', 's.id', 'r.scheme_id').select(RUN_COLUMNS);
  if (f.scheme) q = q.where('s.code', '=', f.scheme);
  if (f.year !== undefined) q = q.where('r.year', '=', f.year);
  return q.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').execute();
}
export type RunRow = Awaited<ReturnType<typeof listRuns>>[number];

export async function findRun(db: Executor, id: number) {
  return db
    .selectFrom('evaluation_run as r')
    .innerJoin('evaluation_scheme as s', 's.id', 'r.scheme_id')
    .select([...RUN_COLUMNS, 'r.input', 'r.results'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** The run of a scheme code and year to compare with: a published one first, else the latest. */
export async function previousRun(db: Executor, code: string, year: number, includeDrafts = true) {
  let q = db
    .selectFrom('evaluation_run as r')
    .innerJoin('evaluation_scheme as s', 's.id', 'r.scheme_id')
    .select(['r.id', 'r.results'])
    .where('s.code', '=', code)
    .where('r.year', '=', year);
  if (!includeDrafts) q = q.where('r.status', '=', 'published');
  return q
    .orderBy((eb) => eb.case().when('r.status', '=', 'published').then(0).else(1).end())
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The latest published run of a scheme code and year, with the scheme version it used (evaluation cycles). */
export async function publishedRunOfYear(db: Executor, code: string, year: number) {
  return db
    .selectFrom('evaluation_run as r')
    .innerJoin('evaluation_scheme as s', 's.id', 'r.scheme_id')
    .select(['r.id', 's.version'])
    .where('s.code', '=', code)
    .where('r.year', '=', year)
    .where('r.status', '=', 'published')
    .orderBy('r.published_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function publishRun(db: Executor, id: number, userId: number | null): Promise<boolean> {
  const r = await db
    .updateTable('evaluation_run')
    .set({ status: 'published', published_at: new Date(), published_by: userId })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

/** Every org unit with what subject selection and grouping read (a few hundred rows). */
export async function subjectUnitRows(db: Executor) {
  return db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
    .select(['u.id', 'u.code', 'u.name', 'u.name_en', 'u.kind', 'p.code as parent_code', 'u.source_plan_id', 'u.zone_level'])
    .orderBy('u.code')
    .execute();
}

/** Org group code → member unit codes. */
export async function orgGroupMembers(db: Executor): Promise<Map<string, Set<string>>> {
  const rows = await db
    .selectFrom('org_group as g')
    .leftJoin('org_group_member as m', 'm.group_id', 'g.id')
    .leftJoin('org_unit as u', 'u.id', 'm.org_unit_id')
    .select(['g.code as group_code', 'u.code as unit_code'])
    .execute();
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = out.get(r.group_code) ?? new Set<string>();
    if (r.unit_code !== null) set.add(r.unit_code);
    out.set(r.group_code, set);
  }
  return out;
}

/** Codes a stored scheme may name, and the plans' normalised texts its quotes are checked against. */
export async function schemeCatalogueRows(db: Executor) {
  const codes = async (table: 'indicator' | 'org_unit' | 'org_group') =>
    new Set((await db.selectFrom(table).select('code').execute()).map((r) => r.code));
  return {
    indicators: await codes('indicator'),
    units: await codes('org_unit'),
    orgGroups: await codes('org_group'),
    unitKinds: new Set((await db.selectFrom('org_unit').select('kind').distinct().execute()).map((r) => r.kind)),
    sources: await db.selectFrom('plan_source').select(['plan_id', 'normalised_text']).execute(),
  };
}

/** The 督办 tasks made from units' results in one run (issue 16), by unit code. */
export async function supervisionsOfRun(db: Executor, runId: number) {
  return db
    .selectFrom('evaluation_supervision as es')
    .innerJoin('org_unit as u', 'u.id', 'es.org_unit_id')
    .innerJoin('task as k', 'k.id', 'es.task_id')
    .select(['u.code as unit_code', 'k.plan_id', 'k.key as task_key', 'es.notice_id', 'es.reason', 'es.created_at'])
    .where('es.run_id', '=', runId)
    .orderBy('u.code')
    .execute();
}
export type SupervisionRow = Awaited<ReturnType<typeof supervisionsOfRun>>[number];

/** The 督办 tasks made from one unit's results, in any run, by run id. */
export async function supervisionsOfUnit(db: Executor, unitCode: string) {
  return db
    .selectFrom('evaluation_supervision as es')
    .innerJoin('org_unit as u', 'u.id', 'es.org_unit_id')
    .innerJoin('task as k', 'k.id', 'es.task_id')
    .select(['es.run_id', 'k.plan_id', 'k.key as task_key', 'es.reason'])
    .where('u.code', '=', unitCode)
    .execute();
}

export async function insertSupervision(
  db: Executor,
  v: {
    runId: number;
    orgUnitId: number;
    taskId: number;
    noticeId: number;
    reason: 'bottom_grade' | 'veto' | 'floor';
    userId: number | null;
  },
): Promise<void> {
  await db
    .insertInto('evaluation_supervision')
    .values({
      run_id: v.runId,
      org_unit_id: v.orgUnitId,
      task_id: v.taskId,
      notice_id: v.noticeId,
      reason: v.reason,
      created_by: v.userId,
    })
    .execute();
}
