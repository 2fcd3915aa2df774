import type { Database } from '../../db/database.ts';
import { canonicalJson } from '../../domain/audit/hash-chain.ts';
import { computeRun, type ComputedRun, type RunInput } from '../../domain/evaluation/compute-run.ts';
import { cyclePosition, cycleVersion, type RunCycle } from '../../domain/evaluation/cycle.ts';
import { readableRoots } from '../../domain/access/authorize.ts';
import {
  DEFAULT_PUBLICATION_LEVEL,
  fullDetailFor,
  managesScheme,
  runForReader,
  runVisible,
  type PublicationLevel,
} from '../../domain/evaluation/publication.ts';
import { schemeOwners } from '../../domain/evaluation/scheme-plans.ts';
import { storedSchemeSchema, type StoredSchemeInput } from '../../domain/evaluation/stored-scheme.schema.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import type { RunSummary, RunView } from '../../presenters/evaluation.presenter.ts';
import type { SchemeRow } from '../../repositories/evaluation.repository.ts';
import {
  findRun,
  findSchemeById,
  findSchemeVersion,
  freezeScheme,
  insertRun,
  listRuns as listRunRows,
  previousRun,
  publishedRunOfYear,
  publishRun as publishRunRow,
  type RunRow,
} from '../../repositories/evaluation.repository.ts';
import { parentLinks } from '../../repositories/org-unit.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { gatherInput, inputHash } from './evaluation-input.service.ts';
import { notifyPublished, runSupervisions } from './results-use.service.ts';
import { checkedDefinition, getSchemeRow, parseStored } from './scheme.service.ts';

/** Evaluation runs: preview (nothing stored), run (stored as a draft), publish (freezes the scheme version). */

export const DEFAULT_SAMPLES = 2000;
export const DEFAULT_SEED = 20250101;

export interface RunOptions {
  samples?: number;
  seed?: number;
}

/** What running, reading and publishing need: the repositories and reads they call, replaceable by fakes in their fast test. */
export interface RunDeps {
  findSchemeVersion: typeof findSchemeVersion;
  findSchemeById: typeof findSchemeById;
  gatherInput: typeof gatherInput;
  insertRun: typeof insertRun;
  findRun: typeof findRun;
  previousRun: typeof previousRun;
  publishRunRow: typeof publishRunRow;
  freezeScheme: typeof freezeScheme;
  parentLinks: typeof parentLinks;
  recordAudit: typeof recordAudit;
  notifyPublished: typeof notifyPublished;
  runSupervisions: typeof runSupervisions;
}

const repositories: RunDeps = {
  findSchemeVersion,
  findSchemeById,
  gatherInput,
  insertRun,
  findRun,
  previousRun,
  publishRunRow,
  freezeScheme,
  parentLinks,
  recordAudit,
  notifyPublished,
  runSupervisions,
};

type Previous = Map<string, NonNullable<RunView['units'][number]['previous']>>;
type Supervisions = Map<string, NonNullable<RunView['units'][number]['supervision']>>;

/**
 * Each unit's result in the same scheme's run of the year before (published preferred, else the latest;
 * published only for a reader who may not see drafts).
 */
async function previousYear(
  db: Executor,
  code: string,
  year: number,
  includeDrafts = true,
  deps: Pick<RunDeps, 'previousRun'> = repositories,
): Promise<Previous> {
  const row = await deps.previousRun(db, code, year - 1, includeDrafts);
  const out: Previous = new Map();
  if (!row) return out;
  for (const u of (row.results as ComputedRun).units)
    out.set(u.code, { year: year - 1, score: u.score, rank: u.rank, grade: u.grade });
  return out;
}

interface RunMeta {
  id: number | null;
  scheme: {
    code: string;
    version: number;
    status: 'draft' | 'frozen';
    definition: StoredSchemeInput;
    publishes: PublicationLevel;
  };
  year: number;
  status: RunView['status'];
  createdAt: Date | null;
  publishedAt: Date | null;
  seed: number;
  samples: number;
  dataHash: string;
}

function runView(meta: RunMeta, computed: ComputedRun, previous: Previous, supervisions: Supervisions = new Map()): RunView {
  const def = storedSchemeSchema.parse(meta.scheme.definition);
  return {
    id: meta.id,
    scheme: {
      code: meta.scheme.code,
      version: meta.scheme.version,
      name: def.name,
      nameEn: def.nameEn ?? null,
      status: meta.scheme.status,
      defaultWeights: def.defaultWeights,
      publishes: meta.scheme.publishes,
    },
    year: meta.year,
    status: meta.status,
    createdAt: meta.createdAt?.toISOString() ?? null,
    publishedAt: meta.publishedAt?.toISOString() ?? null,
    seed: meta.seed,
    samples: meta.samples,
    dataHash: meta.dataHash,
    indicators: computed.indicators,
    grades: computed.grades,
    groups: computed.groups,
    sources: computed.sources,
    provenance: computed.provenance ?? [],
    cycle: computed.cycle ?? null,
    simulated: computed.simulated ?? computed.units.some((u) => (u.synthetic ?? []).length > 0),
    units: computed.units.map((u) => ({
      ...u,
      synthetic: u.synthetic ?? [],
      // Grade order, whatever order the database kept the stored object's keys in.
      sensitivity: u.sensitivity && {
        ...u.sensitivity,
        gradeProbabilities: Object.fromEntries(
          computed.grades.map((g) => [g.label, u.sensitivity!.gradeProbabilities[g.label]!]),
        ),
      },
      previous: previous.get(u.code) ?? null,
      supervision: supervisions.get(u.code) ?? null,
    })),
  };
}

const settings = (o: RunOptions) => ({ samples: o.samples ?? DEFAULT_SAMPLES, seed: o.seed ?? DEFAULT_SEED });

/** Computes a run on gathered input for display only (preview and evaluate): nothing is stored. */
async function unstoredView(
  db: Executor,
  scheme: RunMeta['scheme'],
  input: RunInput,
  body: { year: number } & RunOptions,
  deps: RunDeps = repositories,
  cycle: RunCycle | null = null,
): Promise<RunView> {
  const opts = settings(body);
  return runView(
    {
      id: null,
      scheme,
      year: body.year,
      status: 'preview',
      createdAt: null,
      publishedAt: null,
      ...opts,
      dataHash: inputHash(input),
    },
    { ...computeRun(input, opts), ...(cycle ? { cycle } : {}) },
    await previousYear(db, scheme.code, body.year, true, deps),
  );
}

/** Evaluates an unsaved definition (the live editor); nothing is stored. */
export async function previewRun(database: Database, body: { definition: unknown; year: number } & RunOptions): Promise<RunView> {
  const db = database.db;
  const { input: definition, scheme } = await checkedDefinition(db, body.definition);
  const latest = await findSchemeVersion(db, scheme.code);
  const version = latest?.status === 'draft' ? latest.version : (latest?.version ?? 0) + 1;
  const input = await gatherInput(db, { code: scheme.code, version, definition, parsed: scheme }, body.year);
  const publishes = latest?.publishes ?? DEFAULT_PUBLICATION_LEVEL;
  return unstoredView(db, { code: scheme.code, version, status: 'draft', definition, publishes }, input, body);
}

/** Evaluates a stored scheme version (latest when none given) on the year's figures without storing anything. */
export async function evaluateStored(
  database: Database,
  body: { scheme: string; version?: number; year: number } & RunOptions,
  deps: RunDeps = repositories,
): Promise<RunView> {
  const db = database.db;
  const { row, cycle } = await schemeRowForYear(db, body, deps);
  const definition = row.definition as StoredSchemeInput;
  const input = await deps.gatherInput(
    db,
    { code: row.code, version: row.version, definition, parsed: parseStored(row) },
    body.year,
  );
  return unstoredView(
    db,
    { code: row.code, version: row.version, status: row.status, definition, publishes: row.publishes },
    input,
    body,
    deps,
    cycle,
  );
}

/**
 * The scheme version a run of the year uses, and its place in the scheme's evaluation cycle (cycle.ts): a
 * yearly update takes the version of its cycle's published full evaluation, unless a version is asked for.
 */
async function schemeRowForYear(
  db: Executor,
  body: { scheme: string; version?: number; year: number },
  deps: Pick<RunDeps, 'findSchemeVersion'>,
): Promise<{ row: SchemeRow; cycle: RunCycle | null }> {
  const row = await getSchemeRow(db, body.scheme, body.version, deps.findSchemeVersion);
  const cycle = parseStored(row).cycle;
  if (!cycle) return { row, cycle: null };
  const position = cyclePosition(cycle, body.year);
  const full = position.kind === 'update' ? await publishedRunOfYear(db, row.code, position.fullYear) : undefined;
  const pick = cycleVersion(
    position,
    { version: row.version, explicit: body.version !== undefined },
    full ? { runId: full.id, version: full.version } : null,
  );
  const used = pick.version === row.version ? row : await getSchemeRow(db, row.code, pick.version, deps.findSchemeVersion);
  return {
    row: used,
    cycle: { ...position, fullEvery: cycle.fullEvery, fullRunId: pick.fullRunId, schemeVersion: used.version },
  };
}

/** Runs a stored scheme version (latest when none given) on the year's figures and stores the run as a draft. */
export async function createRun(
  database: Database,
  actor: Actor,
  body: { scheme: string; version?: number; year: number } & RunOptions,
  deps: RunDeps = repositories,
): Promise<RunView> {
  const db = database.db;
  const { row, cycle } = await schemeRowForYear(db, body, deps);
  const parsed = parseStored(row);
  const definition = row.definition as StoredSchemeInput;
  const input = await deps.gatherInput(db, { code: row.code, version: row.version, definition, parsed }, body.year);
  const opts = settings(body);
  const computed: ComputedRun = { ...computeRun(input, opts), ...(cycle ? { cycle } : {}) };
  const dataHash = inputHash(input);
  const id = await db.transaction().execute(async (trx) => {
    const run = await deps.insertRun(trx, {
      schemeId: row.id,
      year: body.year,
      ...opts,
      input,
      dataHash,
      results: computed,
      userId: actor.userId,
    });
    await deps.recordAudit(trx, actor, {
      action: 'create',
      entity: 'evaluation_run',
      entityKey: String(run.id),
      after: { scheme: row.code, version: row.version, year: body.year, ...opts, dataHash, ...(cycle ? { cycle } : {}) },
    });
    return run.id;
  });
  return getRun(database, actor, id, deps);
}

async function loadRun(db: Executor, id: number, deps: Pick<RunDeps, 'findRun' | 'findSchemeById'> = repositories) {
  const run = await deps.findRun(db, id);
  if (!run) throw notFound('evaluation run', String(id));
  const scheme = (await deps.findSchemeById(db, run.scheme_id))!;
  return { run, scheme };
}

/**
 * One run as the reader may see it (publication.ts): a draft only by its scheme's plan's managers (404 for
 * others, as for a run that does not exist); a published run with the units outside a scoped reader's
 * subtree shown at the scheme's publication level. The JSON, the Word report and the Excel tables all read
 * runs through here.
 */
export async function getRun(database: Database, reader: Actor, id: number, deps: RunDeps = repositories): Promise<RunView> {
  const db = database.db;
  const { run, scheme } = await loadRun(db, id, deps);
  const owners = schemeOwners(scheme.definition);
  if (!runVisible(run.status, reader.grants, owners)) throw notFound('evaluation run', String(id));
  const manages = managesScheme(reader.grants, owners);
  const view = runView(
    {
      id: run.id,
      // The definition the run used (a draft version may have been edited since).
      scheme: {
        code: scheme.code,
        version: scheme.version,
        status: scheme.status,
        definition: (run.input as RunInput).scheme.definition,
        publishes: scheme.publishes,
      },
      year: run.year,
      status: run.status,
      createdAt: run.created_at,
      publishedAt: run.published_at,
      seed: run.seed,
      samples: run.samples,
      dataHash: run.data_hash,
    },
    run.results as ComputedRun,
    await previousYear(db, scheme.code, run.year, manages, deps),
    await deps.runSupervisions(db, run.id),
  );
  const roots = readableRoots(reader.grants);
  const parents = roots === null || manages ? new Map<string, string | null>() : await deps.parentLinks(db);
  return runForReader(
    view,
    scheme.publishes,
    fullDetailFor(reader.grants, owners, (c) => parents.get(c)),
  );
}

const summary = (r: RunRow): RunSummary => ({
  id: r.id,
  scheme: r.scheme_code,
  version: r.scheme_version,
  year: r.year,
  status: r.status,
  createdAt: r.created_at.toISOString(),
  publishedAt: r.published_at?.toISOString() ?? null,
  dataHash: r.data_hash,
});

/** Stored runs the reader may see (drafts only by their scheme's plan's managers), newest first. */
export async function visibleRunRows(
  database: Database,
  reader: Actor,
  q: { scheme?: string; year?: number },
): Promise<RunRow[]> {
  return (await listRunRows(database.db, q)).filter((r) =>
    runVisible(r.status, reader.grants, schemeOwners(r.scheme_definition)),
  );
}

export async function listRuns(
  database: Database,
  reader: Actor,
  q: { scheme?: string; year?: number },
): Promise<{ items: RunSummary[] }> {
  return { items: (await visibleRunRows(database, reader, q)).map(summary) };
}

/** Publishes a draft run and freezes the scheme version it used (a published result can always be traced). */
export async function publishRun(database: Database, actor: Actor, id: number, deps: RunDeps = repositories): Promise<RunView> {
  await database.db.transaction().execute(async (trx) => {
    const { run, scheme } = await loadRun(trx, id, deps);
    if (run.status === 'draft' && canonicalJson((run.input as RunInput).scheme.definition) !== canonicalJson(scheme.definition))
      throw new AppError(
        'SCHEME_CHANGED',
        `scheme ${scheme.code} version ${scheme.version} was edited after run ${id}; run it again before publishing`,
        `评价方案 ${scheme.code} 第 ${scheme.version} 版在本次评价后被修改，请重新评价后再发布`,
      );
    if (!(await deps.publishRunRow(trx, id, actor.userId)))
      throw new AppError('ALREADY_PUBLISHED', `run ${id} is already published`, `评价结果 ${id} 已发布`);
    await deps.freezeScheme(trx, scheme.id, actor.userId);
    // Each evaluated unit is told its result (issue 16); who was told is part of the record.
    const notified = await deps.notifyPublished(trx, actor, run);
    await deps.recordAudit(trx, actor, {
      action: 'publish',
      entity: 'evaluation_run',
      entityKey: String(id),
      before: { status: run.status, schemeStatus: scheme.status },
      after: { status: 'published', scheme: scheme.code, version: scheme.version, schemeStatus: 'frozen', notified },
    });
  });
  return getRun(database, actor, id, deps);
}

/**
 * Recomputes a stored run from its stored input, scheme version, samples and seed, and compares it with
 * the stored results (canonical JSON, keys sorted: the database may reorder object keys, never values).
 */
export async function verifyRun(
  database: Database,
  id: number,
): Promise<{ identical: boolean; dataHash: string; storedHash: string }> {
  const { run } = await loadRun(database.db, id);
  const input = run.input as RunInput;
  const again = computeRun(input, { samples: run.samples, seed: run.seed });
  return {
    identical: canonicalJson(again) === canonicalJson(run.results),
    dataHash: inputHash(input),
    storedHash: run.data_hash,
  };
}
