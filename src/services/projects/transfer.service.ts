import { Decimal } from 'decimal.js';
import type { Database } from '../../db/database.ts';
import { authorize } from '../../domain/access/authorize.ts';
import { MONTH_RE } from '../../domain/projects/months.ts';
import {
  SHARED_INDICATORS,
  validateSharePair,
  type SharedIndicator,
  type SharePair,
} from '../../domain/projects/transfer-shares.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import type { AgreementOut, ZoneAttributionOut } from '../../presenters/project.presenter.ts';
import { parentLinks } from '../../repositories/org-unit.repository.ts';
import { findProject, insertChange, updateProject, zoneByCode } from '../../repositories/project.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import { endAgreement, insertAgreement, transferAgreements } from '../../repositories/transfer.repository.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { parseAsOf, ProgressContext, type Subject } from '../progress/progress-context.ts';
import { readScope } from '../read-scope.ts';
import { projectZone } from './project.service.ts';
import { loadTransferDeltas } from './transfer-deltas.ts';
import { presentAgreement } from './transfer-view.ts';

/**
 * Cross-zone transfer agreements (跨区域流转). Creating one is the plan office's act (define_plans)
 * over both zones: the caller's grants must cover the origin and the destination. The project
 * then belongs to the destination; progress attributes the shares on read (transfer-deltas.ts).
 */

/** What creating and ending an agreement need: the repositories they call, replaceable by fakes in their fast test. */
export interface TransferDeps {
  parentLinks: typeof parentLinks;
  findProject: typeof findProject;
  zoneByCode: typeof zoneByCode;
  transferAgreements: typeof transferAgreements;
  insertAgreement: typeof insertAgreement;
  endAgreement: typeof endAgreement;
  updateProject: typeof updateProject;
  insertChange: typeof insertChange;
  recordAudit: typeof recordAudit;
}

const repositories: TransferDeps = {
  parentLinks,
  findProject,
  zoneByCode,
  transferAgreements,
  insertAgreement,
  endAgreement,
  updateProject,
  insertChange,
  recordAudit,
};

export interface AgreementInput {
  project: number;
  fromZone?: string;
  toZone: string;
  shares: SharePair;
  indicatorShares?: { indicator: SharedIndicator; from: string; to: string }[];
  startMonth: string;
  endMonth?: string | null;
  reference: string;
}

const invalid = (problems: { field: string; message: string; messageZh: string }[]) =>
  new AppError(
    'INVALID_TRANSFER',
    problems.map((p) => p.message).join('; '),
    problems.map((p) => p.messageZh).join('；'),
    problems,
  );

async function checkBothZones(
  db: Executor,
  actor: Actor,
  zones: readonly string[],
  deps: Pick<TransferDeps, 'parentLinks'> = repositories,
): Promise<void> {
  const parents = await deps.parentLinks(db);
  for (const z of zones)
    if (!authorize(actor.grants, 'define_plans', { orgUnit: z }, (c) => parents.get(c)))
      throw new AppError('FORBIDDEN', `zone ${z} is outside your scope`, `园区 ${z} 超出您的管辖范围`);
}

export async function listAgreements(
  database: Database,
  actor: Actor,
  q: { zone?: string; project?: number },
): Promise<AgreementOut[]> {
  const db = database.db;
  const scope = await readScope(db, actor);
  const rows = await transferAgreements(db, { projectId: q.project });
  return rows
    .filter((a) => scope === null || scope.includes(a.from_zone_id) || scope.includes(a.to_zone_id))
    .filter((a) => !q.zone || a.from_zone_code === q.zone || a.to_zone_code === q.zone)
    .map(presentAgreement);
}

export async function createAgreement(
  database: Database,
  actor: Actor,
  input: AgreementInput,
  deps: TransferDeps = repositories,
): Promise<AgreementOut> {
  const id = await database.db.transaction().execute((trx) => insertAgreementWithMove(trx, actor, input, deps));
  return presentAgreement((await deps.transferAgreements(database.db)).find((a) => a.id === id)!);
}

/** Validates and records an agreement, moving the project to the destination when it is still at the origin. */
export async function insertAgreementWithMove(
  trx: Executor,
  actor: Actor,
  input: AgreementInput,
  deps: TransferDeps = repositories,
): Promise<number> {
  const problems = validateSharePair(input.shares, 'shares');
  const perIndicator = input.indicatorShares ?? [];
  const seen = new Set<string>();
  perIndicator.forEach((s, i) => {
    if (seen.has(s.indicator))
      problems.push({
        field: `indicatorShares[${i}].indicator`,
        message: `indicatorShares[${i}]: ${s.indicator} given twice`,
        messageZh: `indicatorShares[${i}]：${s.indicator} 重复`,
      });
    seen.add(s.indicator);
    problems.push(...validateSharePair(s, `indicatorShares[${i}]`));
  });
  if (!MONTH_RE.test(input.startMonth))
    problems.push({
      field: 'startMonth',
      message: `startMonth "${input.startMonth}" is not a month such as 2024-06`,
      messageZh: `startMonth“${input.startMonth}”不是形如 2024-06 的月份`,
    });
  if (input.endMonth != null && (!MONTH_RE.test(input.endMonth) || input.endMonth < input.startMonth))
    problems.push({
      field: 'endMonth',
      message: `endMonth "${input.endMonth}" must be a month not before startMonth`,
      messageZh: `endMonth“${input.endMonth}”须为不早于 startMonth 的月份`,
    });
  if (problems.length) throw invalid(problems);

  const project = await deps.findProject(trx, input.project);
  if (!project) throw new AppError('NOT_FOUND', `project ${input.project} not found`, `未找到项目 ${input.project}`);
  const to = await projectZone(trx, input.toZone, 'toZone', deps.zoneByCode);
  // The project is either still at the origin (it moves now) or already at the destination.
  const fromCode = input.fromZone ?? (project.zone_id === to.id ? undefined : project.zone_code);
  if (!fromCode)
    throw invalid([
      {
        field: 'fromZone',
        message: 'the project is already in toZone: name fromZone',
        messageZh: '项目已在 toZone，须指明 fromZone（原属园区）',
      },
    ]);
  const from = await projectZone(trx, fromCode, 'fromZone', deps.zoneByCode);
  if (from.id === to.id)
    throw invalid([{ field: 'toZone', message: 'fromZone and toZone must differ', messageZh: 'fromZone 与 toZone 不能相同' }]);
  if (project.zone_id !== from.id && project.zone_id !== to.id)
    throw invalid([
      {
        field: 'fromZone',
        message: `project ${project.id} is in ${project.zone_code}, neither fromZone nor toZone`,
        messageZh: `项目 ${project.id} 属于 ${project.zone_code}，既非 fromZone 也非 toZone`,
      },
    ]);
  await checkBothZones(trx, actor, [from.code, to.code], deps);
  const end = input.endMonth ?? null;
  const overlapping = (await deps.transferAgreements(trx, { projectId: project.id })).find(
    (a) => a.start_month <= (end ?? '9999-12') && (a.end_month === null || a.end_month >= input.startMonth),
  );
  if (overlapping)
    throw new AppError(
      'TRANSFER_OVERLAP',
      `agreement ${overlapping.id} already covers months of this period for the project; end it first`,
      `该项目已有流转协议 ${overlapping.id} 覆盖此期间，请先终止`,
    );
  const id = await deps.insertAgreement(trx, {
    projectId: project.id,
    fromZoneId: from.id,
    toZoneId: to.id,
    fromShare: new Decimal(input.shares.from).toFixed(),
    toShare: new Decimal(input.shares.to).toFixed(),
    startMonth: input.startMonth,
    endMonth: end,
    reference: input.reference,
    createdBy: actor.userId,
    indicatorShares: perIndicator.map((s) => ({
      indicator: s.indicator,
      from: new Decimal(s.from).toFixed(),
      to: new Decimal(s.to).toFixed(),
    })),
  });
  if (project.zone_id === from.id) {
    if (!(await deps.updateProject(trx, project.id, project.version, { zone_id: to.id })))
      throw new AppError('VERSION_CONFLICT', 'the project changed meanwhile; try again', '项目已被他人修改，请重试');
  }
  await logTransfer(trx, actor, deps, project.id, {
    effectiveOn: `${input.startMonth}-01`,
    changes: {
      zone: { from: from.code, to: to.code },
      shares: { from: null, to: `${input.shares.from}/${input.shares.to}` },
    },
    reason: input.reference,
  });
  await deps.recordAudit(trx, actor, {
    action: 'create',
    entity: 'transfer_agreement',
    entityKey: String(id),
    after: { ...input, fromZone: from.code },
  });
  return id;
}

/** A transfer entry in the project's history: no stage moves, only what the agreement changed. */
function logTransfer(
  trx: Executor,
  actor: Actor,
  deps: Pick<TransferDeps, 'insertChange'>,
  projectId: number,
  entry: Pick<Parameters<typeof insertChange>[1], 'effectiveOn' | 'changes' | 'reason'>,
): Promise<void> {
  return deps.insertChange(trx, {
    projectId,
    actorUserId: actor.userId,
    actor: actor.label,
    kind: 'transfer',
    fromStage: null,
    toStage: null,
    ...entry,
  });
}

export async function endTransfer(
  database: Database,
  actor: Actor,
  id: number,
  body: { version: number; endMonth: string; reason: string },
  deps: TransferDeps = repositories,
): Promise<AgreementOut> {
  await database.db.transaction().execute(async (trx) => {
    const a = (await deps.transferAgreements(trx)).find((x) => x.id === id);
    if (!a) throw new AppError('NOT_FOUND', `transfer agreement ${id} not found`, `未找到流转协议 ${id}`);
    await checkBothZones(trx, actor, [a.from_zone_code, a.to_zone_code], deps);
    if (a.status !== 'active') throw new AppError('TRANSFER_ENDED', `agreement ${id} has already ended`, `流转协议 ${id} 已终止`);
    if (!MONTH_RE.test(body.endMonth) || body.endMonth < a.start_month || (a.end_month !== null && body.endMonth > a.end_month))
      throw invalid([
        {
          field: 'endMonth',
          message: `endMonth must be a month from ${a.start_month} to ${a.end_month ?? 'now'}`,
          messageZh: `endMonth 须在 ${a.start_month} 至 ${a.end_month ?? '当前'} 之间`,
        },
      ]);
    if (!(await deps.endAgreement(trx, id, body.version, body.endMonth, body.reason)))
      throw new AppError('VERSION_CONFLICT', 'the agreement changed meanwhile; reload', '流转协议已被他人修改，请刷新');
    await logTransfer(trx, actor, deps, a.project_id, {
      effectiveOn: null,
      changes: { endMonth: { from: a.end_month, to: body.endMonth } },
      reason: body.reason,
    });
    await deps.recordAudit(trx, actor, {
      action: 'update',
      entity: 'transfer_agreement',
      entityKey: String(id),
      before: { status: a.status, endMonth: a.end_month },
      after: { status: 'ended', endMonth: body.endMonth, reason: body.reason },
    });
  });
  return presentAgreement((await deps.transferAgreements(database.db)).find((a) => a.id === id)!);
}

/**
 * A zone's figures of the shared indicators for the as-of year, as reported and as attributed
 * (with transfer shares), read through the progress layer both ways, and each agreement's part.
 */
export async function zoneAttribution(database: Database, actor: Actor, code: string, at: string): Promise<ZoneAttributionOut> {
  const db = database.db;
  const asOf = parseAsOf(at);
  const scope = await readScope(db, actor);
  const reported = await ProgressContext.load(db);
  const unit = [...reported.units.values()].find((u) => u.code === code);
  if (!unit || (scope !== null && !scope.includes(unit.id))) throw notFound('org unit', code);
  const subject: Subject = { kind: 'org_unit', code: unit.code, name: unit.name, roots: [unit.id] };
  const ids = reported.subtree([unit.id]);
  const codes = [...SHARED_INDICATORS];
  await reported.loadFigures(db, ids, codes, asOf, { reported: true });
  const attributed = await ProgressContext.load(db);
  await attributed.loadFigures(db, ids, codes, asOf);
  const year = { kind: 'year' as const, year: asOf.year };
  const indicators = codes
    .filter((c) => reported.indicators.has(c))
    .map((c) => {
      const info = reported.indicators.get(c)!;
      const r = reported.figure(subject, c, year)?.value ?? null;
      const a = attributed.figure(subject, c, year)?.value ?? null;
      return {
        code: c,
        name: info.name,
        unit: info.unit,
        reported: r,
        attributed: a,
        delta: new Decimal(a ?? 0).minus(r ?? 0).toFixed(),
      };
    });
  const { agreements, deltas } = await loadTransferDeltas(db, asOf.until.slice(0, 7), { zoneIds: ids });
  const inYear = deltas.filter((d) => ids.includes(d.zone) && d.month.startsWith(String(asOf.year)));
  return {
    zone: { code: unit.code, name: unit.name },
    at: asOf.text,
    indicators,
    agreements: agreements.map((a) => ({
      agreement: presentAgreement(a),
      role: ids.includes(a.from_zone_id) ? ('origin' as const) : ('destination' as const),
      deltas: SHARED_INDICATORS.map((indicator) => {
        const mine = inYear.filter((d) => d.agreementId === a.id && d.indicator === indicator);
        return {
          indicator,
          reported: mine.reduce((s, d) => s.plus(d.reported), new Decimal(0)).toFixed(),
          delta: mine.reduce((s, d) => s.plus(d.value), new Decimal(0)).toFixed(),
        };
      }),
    })),
  };
}
