import { displayNamesByUsername } from '../../repositories/user.repository.ts';
import { Decimal } from 'decimal.js';
import type { Database } from '../../db/database.ts';
import { MONTH_RE } from '../../domain/projects/months.ts';
import { actualDatesAfterMove, classifyStageMove } from '../../domain/projects/stage-machine.ts';
import { STAGE_LABELS, STAGES, type Stage } from '../../domain/projects/stages.ts';
import { AppError } from '../../errors/app-error.ts';
import type { ProjectDetailOut, ProjectOut } from '../../presenters/project.presenter.ts';
import {
  findProject,
  industryChains,
  insertChange,
  insertProject,
  listProjects,
  projectChanges,
  replaceStageDates,
  stageDates,
  updateProject,
  upsertMonthFigures,
  zoneByCode,
  type ProjectFields,
} from '../../repositories/project.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import { projectMonthFigures, transferAgreements } from '../../repositories/transfer.repository.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { readScope } from '../read-scope.ts';
import { todayIso } from '../reporting/form-context.ts';
import { presentProjects } from './project-view.ts';
import { presentAgreement } from './transfer-view.ts';

/**
 * Projects (三张作战图). Projects are the zone's own data, like its monthly report: the zone's
 * reporters (and administrators) create and maintain them, every reader in scope sees them; a
 * transfer between zones is the plan office's act (transfer.service.ts). docs/projects.md.
 */

export interface StageDateInput {
  stage: Stage;
  plannedOn?: string | null;
  actualOn?: string | null;
}

export interface ProjectInput {
  name: string;
  zone: string;
  industry?: string | null;
  chain?: string | null;
  totalInvestment: string;
  stage?: Stage;
  description?: string | null;
  stages?: StageDateInput[];
}

const projectNotFound = (id: number) => new AppError('NOT_FOUND', `project ${id} not found`, `未找到项目 ${id}`);

const invalid = (field: string, message: string, messageZh: string) =>
  new AppError('INVALID_PROJECT', `${field}: ${message}`, `${field}：${messageZh}`, [{ field, message, messageZh }]);

/** A zone a project may sit in: an org unit without sub-units (the deltas of a transfer land on its own figure). */
export async function projectZone(db: Executor, code: string, field = 'zone', find: typeof zoneByCode = zoneByCode) {
  const z = await find(db, code);
  if (!z) throw invalid(field, `no org unit "${code}"`, `不存在组织单位“${code}”`);
  if (z.has_children || z.kind === 'province' || z.kind === 'prefecture' || z.kind === 'department')
    throw invalid(
      field,
      `"${code}" is not a zone (a project belongs to a unit without sub-units, such as a development zone)`,
      `“${code}”不是园区（项目须属于无下级单位的园区、片区等）`,
    );
  return z;
}

async function checkChain(db: Executor, chain: string | null | undefined): Promise<void> {
  if (!chain) return;
  if (!(await industryChains(db)).some((c) => c.code === chain))
    throw invalid('chain', `unknown industry chain "${chain}"`, `未知的产业链“${chain}”`);
}

function checkDates(stages: readonly StageDateInput[]): void {
  const seen = new Set<Stage>();
  stages.forEach((s, i) => {
    if (seen.has(s.stage))
      throw invalid(`stages[${i}].stage`, `stage ${s.stage} given twice`, `阶段“${STAGE_LABELS[s.stage].zh}”重复`);
    seen.add(s.stage);
  });
}

async function inScope(db: Executor, actor: Actor, zoneId: number): Promise<boolean> {
  const scope = await readScope(db, actor);
  return scope === null || scope.includes(zoneId);
}

export async function listProjectsFor(
  database: Database,
  actor: Actor,
  q: { zone?: string; chain?: string; stage?: Stage },
): Promise<{ items: ProjectOut[]; total: number }> {
  const db = database.db;
  const rows = await listProjects(db, { zoneIds: await readScope(db, actor), ...q });
  const items = await presentProjects(db, rows, todayIso());
  return { items, total: items.length };
}

export async function getProject(database: Database, actor: Actor, id: number): Promise<ProjectDetailOut> {
  const db = database.db;
  const row = await findProject(db, id);
  if (!row || !(await inScope(db, actor, row.zone_id))) throw projectNotFound(id);
  const [project] = await presentProjects(db, [row], todayIso());
  const history = await projectChanges(db, id);
  const names = await displayNamesByUsername(
    db,
    history.map((h) => h.actor),
  );
  const figures = await projectMonthFigures(db, [id]);
  return {
    ...project!,
    history: history.map((h) => ({
      id: h.id,
      at: new Date(h.at).toISOString(),
      actor: h.actor,
      actorName: names.get(h.actor) ?? null,
      kind: h.kind,
      fromStage: (h.from_stage as Stage | null) ?? null,
      toStage: (h.to_stage as Stage | null) ?? null,
      effectiveOn: h.effective_on,
      changes: h.changes,
      reason: h.reason,
    })),
    figures: figures.map((f) => ({ month: f.month, investment: f.investment, output: f.output, tax: f.tax, origin: f.origin })),
    transfers: (await transferAgreements(db, { projectId: id })).map(presentAgreement),
  };
}

/** Creates a project in a zone, with its stage dates; the history starts with a 'create' entry. */
export async function createProject(database: Database, actor: Actor, input: ProjectInput): Promise<ProjectDetailOut> {
  const id = await database.db.transaction().execute((trx) => insertProjectWithHistory(trx, actor, input));
  return getProject(database, actor, id);
}

/** The work of createProject inside the caller's transaction (the demo data uses it too); returns the id. */
export async function insertProjectWithHistory(
  trx: Executor,
  actor: Actor,
  input: ProjectInput,
  opts: { synthetic?: boolean } = {},
): Promise<number> {
  const zone = await projectZone(trx, input.zone);
  await checkChain(trx, input.chain);
  checkDates(input.stages ?? []);
  const stage = input.stage ?? 'planning';
  const fields: ProjectFields = {
    name: input.name,
    zone_id: zone.id,
    industry: input.industry ?? null,
    chain_code: input.chain ?? null,
    total_investment: new Decimal(input.totalInvestment).toFixed(),
    stage,
    description: input.description ?? null,
  };
  const id = await insertProject(trx, { ...fields, synthetic: opts.synthetic ?? false });
  await replaceStageDates(
    trx,
    id,
    (input.stages ?? []).map((s) => ({ stage: s.stage, planned_on: s.plannedOn ?? null, actual_on: s.actualOn ?? null })),
  );
  await insertChange(trx, {
    projectId: id,
    actorUserId: actor.userId,
    actor: actor.label,
    kind: 'create',
    fromStage: null,
    toStage: stage,
    effectiveOn: null,
    changes: {},
    reason: null,
  });
  await recordAudit(trx, actor, {
    action: 'create',
    entity: 'project',
    entityKey: String(id),
    after: { ...fields, zone: input.zone, synthetic: opts.synthetic ?? false },
  });
  return id;
}

export interface ProjectUpdate {
  version: number;
  name?: string;
  industry?: string | null;
  chain?: string | null;
  totalInvestment?: string;
  description?: string | null;
  /** Planned (and corrected actual) dates; stages not listed keep theirs. */
  stages?: StageDateInput[];
  reason?: string | null;
}

const stale = () =>
  new AppError(
    'VERSION_CONFLICT',
    'the project was changed by someone else meanwhile; reload and try again',
    '项目已被他人修改，请刷新后重试',
  );

/** Edits fields (not the stage, not the zone); every changed field is kept in the history. */
export async function updateProjectFields(
  database: Database,
  actor: Actor,
  id: number,
  u: ProjectUpdate,
): Promise<ProjectDetailOut> {
  await database.db.transaction().execute(async (trx) => {
    const row = await findProject(trx, id);
    if (!row) throw projectNotFound(id);
    if (row.version !== u.version) throw stale();
    await checkChain(trx, u.chain);
    checkDates(u.stages ?? []);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const set: Partial<ProjectFields> = {};
    const field = <K extends keyof ProjectFields>(
      key: K,
      label: string,
      before: ProjectFields[K],
      after: ProjectFields[K] | undefined,
    ) => {
      if (after === undefined || after === before) return;
      set[key] = after;
      changes[label] = { from: before, to: after };
    };
    field('name', 'name', row.name, u.name);
    field('industry', 'industry', row.industry, u.industry);
    field('chain_code', 'chain', row.chain_code, u.chain);
    if (u.totalInvestment !== undefined && !new Decimal(u.totalInvestment).eq(row.total_investment))
      field('total_investment', 'totalInvestment', row.total_investment, new Decimal(u.totalInvestment).toFixed());
    field('description', 'description', row.description, u.description);
    if (u.stages?.length) {
      const current = await stageDates(trx, [id]);
      const next = STAGES.map((s) => {
        const c = current.find((d) => d.stage === s);
        const given = u.stages!.find((d) => d.stage === s);
        const planned = given && given.plannedOn !== undefined ? given.plannedOn : (c?.planned_on ?? null);
        const actual = given && given.actualOn !== undefined ? given.actualOn : (c?.actual_on ?? null);
        if (planned !== (c?.planned_on ?? null)) changes[`planned.${s}`] = { from: c?.planned_on ?? null, to: planned };
        if (actual !== (c?.actual_on ?? null)) changes[`actual.${s}`] = { from: c?.actual_on ?? null, to: actual };
        return { stage: s, planned_on: planned, actual_on: actual };
      });
      await replaceStageDates(trx, id, next);
    }
    if (Object.keys(changes).length === 0) return;
    if (!(await updateProject(trx, id, u.version, set))) throw stale();
    await insertChange(trx, {
      projectId: id,
      actorUserId: actor.userId,
      actor: actor.label,
      kind: 'edit',
      fromStage: null,
      toStage: null,
      effectiveOn: null,
      changes,
      reason: u.reason ?? null,
    });
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'project',
      entityKey: String(id),
      before: { version: row.version },
      after: changes,
    });
  });
  return getProject(database, actor, id);
}

/** Moves a project to another stage (advance, skip or back-step adjustment), dated, with history. */
export async function changeStage(database: Database, actor: Actor, id: number, body: StageChange): Promise<ProjectDetailOut> {
  await database.db.transaction().execute((trx) => applyStageChange(trx, actor, id, body));
  return getProject(database, actor, id);
}

export interface StageChange {
  version: number;
  to: Stage;
  on?: string;
  reason?: string | null;
}

/** The work of changeStage inside the caller's transaction. */
export async function applyStageChange(trx: Executor, actor: Actor, id: number, body: StageChange): Promise<void> {
  const row = await findProject(trx, id);
  if (!row) throw projectNotFound(id);
  if (row.version !== body.version) throw stale();
  const from = row.stage as Stage;
  const move = classifyStageMove(from, body.to, body.reason);
  if (!move.ok)
    throw new AppError(move.code, move.message, move.messageZh, [
      { field: 'to', message: move.message, messageZh: move.messageZh },
    ]);
  const on = body.on ?? todayIso();
  const dates = await stageDates(trx, [id]);
  const actual = actualDatesAfterMove(new Map(dates.map((d) => [d.stage as Stage, d.actual_on])), body.to, on);
  await replaceStageDates(
    trx,
    id,
    STAGES.map((s) => ({
      stage: s,
      planned_on: dates.find((d) => d.stage === s)?.planned_on ?? null,
      actual_on: actual.get(s) ?? null,
    })),
  );
  if (!(await updateProject(trx, id, body.version, { stage: body.to }))) throw stale();
  await insertChange(trx, {
    projectId: id,
    actorUserId: actor.userId,
    actor: actor.label,
    kind: move.kind,
    fromStage: from,
    toStage: body.to,
    effectiveOn: on,
    changes: { stage: { from, to: body.to } },
    reason: body.reason?.trim() || null,
  });
  await recordAudit(trx, actor, {
    action: 'update',
    entity: 'project',
    entityKey: String(id),
    before: { stage: from },
    after: { stage: body.to, kind: move.kind, on, reason: body.reason ?? null },
  });
}

export interface MonthFigureInput {
  month: string;
  investment?: string | null;
  output?: string | null;
  tax?: string | null;
}

/** Enters or corrects monthly figures (万元, the month alone) at the project's version; months still to come are refused. */
export async function saveMonthFigures(
  database: Database,
  actor: Actor,
  id: number,
  version: number,
  figures: readonly MonthFigureInput[],
): Promise<ProjectDetailOut> {
  const thisMonth = todayIso().slice(0, 7);
  const seen = new Set<string>();
  figures.forEach((f, i) => {
    if (!MONTH_RE.test(f.month))
      throw invalid(`figures[${i}].month`, `"${f.month}" is not a month such as 2024-06`, `“${f.month}”不是形如 2024-06 的月份`);
    if (f.month > thisMonth)
      throw invalid(`figures[${i}].month`, `${f.month} has not begun yet`, `${f.month} 尚未到来，不能填报`);
    if (seen.has(f.month)) throw invalid(`figures[${i}].month`, `${f.month} given twice`, `${f.month} 重复`);
    seen.add(f.month);
  });
  await database.db.transaction().execute(async (trx) => {
    const row = await findProject(trx, id);
    if (!row) throw projectNotFound(id);
    // The project's version guards its figures too: two people correcting one month see a 409, not a silent overwrite.
    if (row.version !== version || !(await updateProject(trx, id, version, {}))) throw stale();
    const rows = figures.map((f) => ({
      project_id: id,
      month: f.month,
      investment: f.investment ?? null,
      output: f.output ?? null,
      tax: f.tax ?? null,
      origin: 'reported' as const,
    }));
    await upsertMonthFigures(trx, rows);
    await recordAudit(trx, actor, { action: 'report', entity: 'project_month_figure', entityKey: String(id), after: rows });
  });
  return getProject(database, actor, id);
}
