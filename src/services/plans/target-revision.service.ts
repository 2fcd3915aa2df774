import type { Database } from '../../db/database.ts';
import { authorize } from '../../domain/access/authorize.ts';
import type { Comparator } from '../../domain/model/target.schema.ts';
import { reviseTarget, revisionDiff, type TargetPatch, type TargetState } from '../../domain/plan-revision/target-revision.ts';
import { keepUserText } from '../../domain/text/user-text.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import { presentRevision, type TargetRevisions } from '../../presenters/target-revision.presenter.ts';
import { groupMemberCodes } from '../../repositories/group-member.repository.ts';
import { parentLinks } from '../../repositories/org-unit.repository.ts';
import { progressTargets } from '../../repositories/progress.repository.ts';
import {
  groupIdByCode,
  insertRevision,
  listRevisions,
  lockTarget,
  unitIdByCode,
  updateRevisedTarget,
  type LockedTarget,
} from '../../repositories/target-revision.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { readScope } from '../read-scope.ts';

/**
 * A published target corrected in place (issue 17 item 5): never a second copy of the plan. Each
 * correction quotes the version it read (else 409, nothing written), gives a reason, and is stored as a
 * revision (who, when, why, the changed fields before and after) and in the audit chain. Progress reads
 * the target row on every question and the analytics table is keyed on units and indicators, not
 * targets, so the next judgement uses the corrected values; warnings follow
 * within a minute (the scheduler watches revisions, judgementInputsSignature).
 */
export interface RevisionDeps {
  lockTarget: typeof lockTarget;
  unitIdByCode: typeof unitIdByCode;
  groupIdByCode: typeof groupIdByCode;
  updateRevisedTarget: typeof updateRevisedTarget;
  insertRevision: typeof insertRevision;
  listRevisions: typeof listRevisions;
  recordAudit: typeof recordAudit;
  parentLinks: typeof parentLinks;
  groupMemberCodes: typeof groupMemberCodes;
}
const repositories: RevisionDeps = {
  parentLinks,
  groupMemberCodes,
  lockTarget,
  unitIdByCode,
  groupIdByCode,
  updateRevisedTarget,
  insertRevision,
  listRevisions,
  recordAudit,
};

export function stateOf(t: LockedTarget): TargetState {
  return {
    baseline: t.baseline_year !== null && t.baseline_value !== null ? { year: t.baseline_year, value: t.baseline_value } : null,
    scope: t.org_unit_code !== null ? { kind: 'org_unit', code: t.org_unit_code } : { kind: 'group', code: t.group_code ?? '' },
    target: {
      year: t.target_year,
      comparator: t.comparator as Comparator,
      value: t.target_value,
      min: t.target_min,
      max: t.target_max,
      rate: t.target_rate,
    },
    everyYear: t.every_year,
  };
}

const mayRevise = async (db: Executor, actor: Actor, plan: string) => {
  const parents = await parentLinks(db);
  return authorize(actor.grants, 'define_plans', { plan }, (c) => parents.get(c));
};

/** A target's current state, version and revisions (修订记录), newest first; 404 outside the reader's scope. */
export async function targetRevisions(database: Database, actor: Actor, plan: string, key: string): Promise<TargetRevisions> {
  const db = database.db;
  const [visible] = await progressTargets(db, { plan, key, unitIds: await readScope(db, actor) });
  if (!visible) throw notFound('target', `${plan}:${key}`);
  return db.transaction().execute(async (trx) => {
    const t = await lockTarget(trx, plan, key);
    if (!t) throw notFound('target', `${plan}:${key}`);
    return {
      plan,
      key,
      version: t.version,
      unit: t.indicator_unit,
      canRevise: await mayRevise(trx, actor, plan),
      current: stateOf(t),
      items: (await listRevisions(trx, plan, key)).map(presentRevision),
    };
  });
}

/** Corrects a target in place; returns its new state and the revision written. */
export async function reviseTargetInPlace(
  database: Database,
  actor: Actor,
  q: { plan: string; key: string; patch: TargetPatch },
  deps: RevisionDeps = repositories,
) {
  return database.db.transaction().execute((trx) => reviseIn(trx, actor, q, deps));
}

export async function reviseIn(
  trx: Executor,
  actor: Actor,
  q: { plan: string; key: string; patch: TargetPatch },
  deps: RevisionDeps,
) {
  const { version, reason: typed, ...patch } = q.patch;
  const reason = keepUserText(typed);
  const t = await deps.lockTarget(trx, q.plan, q.key);
  if (!t) throw notFound('target', `${q.plan}:${q.key}`);
  if (t.version !== version)
    throw new AppError(
      'VERSION_CONFLICT',
      `target ${q.key} was corrected by someone else meanwhile (version ${t.version}, you read ${version}); reload it and correct again`,
      `目标 ${q.key} 已被他人修订（当前版本 ${t.version}，您读取的是版本 ${version}），请刷新后重新修订`,
      { field: 'version', current: t.version },
    );
  if (!reason) throw new AppError('REASON_REQUIRED', 'give the reason for the correction', '请填写修订原因', { field: 'reason' });
  const before = stateOf(t);
  const r = reviseTarget(before, patch, { indicatorUnit: t.indicator_unit, reference: t.reference_code, text: t.target_text });
  if (!r.ok)
    throw new AppError(
      'INVALID_REVISION',
      r.problems.map((p) => p.en).join('; '),
      r.problems.map((p) => p.zh).join('；'),
      r.problems.map((p) => ({ field: p.field, message: p.en, messageZh: p.zh })),
    );
  const next = r.next;
  let orgUnitId: number | null = null;
  let groupId: number | null = null;
  if (next.scope.kind === 'org_unit') {
    orgUnitId = (await deps.unitIdByCode(trx, next.scope.code)) ?? null;
    if (orgUnitId === null) throw unknownScope('orgUnit', next.scope.code);
  } else {
    groupId = (await deps.groupIdByCode(trx, next.scope.code)) ?? null;
    if (groupId === null) throw unknownScope('group', next.scope.code);
  }
  if (r.changed.includes('scope')) await assertScopeInGrant(trx, actor, q.plan, next.scope, { orgUnitId, groupId }, deps);
  const newVersion = t.version + 1;
  await deps.updateRevisedTarget(trx, t.id, {
    baselineYear: next.baseline?.year ?? null,
    baselineValue: next.baseline?.value ?? null,
    orgUnitId,
    groupId,
    targetYear: next.target.year,
    comparator: next.target.comparator,
    value: next.target.value,
    min: next.target.min,
    max: next.target.max,
    rate: next.target.rate,
    everyYear: next.everyYear,
    version: newVersion,
  });
  const diff = revisionDiff(before, next, r.changed);
  const stored = await deps.insertRevision(trx, {
    targetId: t.id,
    plan: q.plan,
    key: q.key,
    version: newVersion,
    reason,
    before: diff.before,
    after: diff.after,
    authorId: actor.userId,
    author: actor.label,
  });
  await deps.recordAudit(trx, actor, {
    action: 'revise',
    entity: 'target',
    entityKey: `${q.plan}:${q.key}`,
    before: { ...diff.before, version: t.version },
    after: { ...diff.after, version: newVersion, reason, ...(patch.unit ? { statedUnit: patch.unit } : {}) },
  });
  return {
    plan: q.plan,
    key: q.key,
    version: newVersion,
    current: next,
    revision: presentRevision({ ...stored, version: newVersion, reason, ...diff, author: actor.label }),
  };
}

const unknownScope = (field: 'orgUnit' | 'group', code: string) =>
  new AppError(
    'INVALID_REVISION',
    `no ${field === 'orgUnit' ? 'org unit' : 'group'} ${code}`,
    `没有代码为 ${code} 的${field === 'orgUnit' ? '组织单位' : '分组'}`,
    [{ field }],
  );

/**
 * A target moved to another unit or group must land inside the scope of the reviser's plan-manager grant
 * (a manager limited to 昆明市 may not move a target to 红河州, nor to a group with members outside 昆明市):
 * the route checks the plan only, since the new scope is in the body. 403 FORBIDDEN, nothing written.
 */
async function assertScopeInGrant(
  trx: Executor,
  actor: Actor,
  plan: string,
  scope: TargetState['scope'],
  ids: { orgUnitId: number | null; groupId: number | null },
  deps: RevisionDeps,
): Promise<void> {
  const parents = await deps.parentLinks(trx);
  const units = ids.groupId !== null ? await deps.groupMemberCodes(trx, ids.groupId) : [scope.code];
  // An empty group names no unit: only a grant over the whole tree may use it.
  const resource = units.length ? { plan, orgUnits: units } : { plan, everyUnit: true };
  if (authorize(actor.grants, 'define_plans', resource, (c) => parents.get(c))) return;
  const what = scope.kind === 'group' ? 'group' : 'org unit';
  throw new AppError(
    'FORBIDDEN',
    `${what} ${scope.code} is outside your scope; the target keeps its scope`,
    `${scope.kind === 'group' ? '分组' : '组织单位'} ${scope.code} 超出您的管辖范围，目标范围未修改`,
    { field: scope.kind === 'group' ? 'group' : 'orgUnit' },
  );
}
