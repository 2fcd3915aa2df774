import type { Database } from '../../db/database.ts';
import { formatPeriod, parsePeriod } from '../../domain/period/period.ts';
import { mayWriteCommentary } from '../../domain/progress/commentary-rights.ts';
import { keepUserText } from '../../domain/text/user-text.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import { presentCommentary, type Commentary, type TargetCommentary } from '../../presenters/commentary.presenter.ts';
import { insertCommentary, listCommentary, lockCommentary, updateCommentary } from '../../repositories/commentary.repository.ts';
import { parentLinks } from '../../repositories/org-unit.repository.ts';
import { progressTargets } from '../../repositories/progress.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';
import { readScope } from '../read-scope.ts';

/** The target as the reader may see it (404 outside their scope, as its progress page). */
async function visibleTarget(db: Executor, actor: Actor, plan: string, key: string) {
  const [t] = await progressTargets(db, { plan, key, unitIds: await readScope(db, actor) });
  if (!t) throw notFound('target', `${plan}:${key}`);
  const owner =
    t.org_unit_id !== null && t.org_unit_code ? { code: t.org_unit_code, name: t.org_unit_name ?? t.org_unit_code } : null;
  const parents = await parentLinks(db);
  const canWrite = mayWriteCommentary(actor.grants, { plan, owner: owner?.code ?? null }, (c) => parents.get(c));
  return { id: t.id, ownerId: t.org_unit_id, owner, canWrite };
}

/**
 * Refuses a writer before the body is looked at (authorization before validation, as every route):
 * 404 for a target outside the reader's scope, 403 for one they may read but not comment on.
 */
export async function assertMayWriteCommentary(database: Database, actor: Actor, plan: string, key: string): Promise<void> {
  const t = await visibleTarget(database.db, actor, plan, key);
  if (!t.canWrite) throw refused(plan, key);
}

const refused = (plan: string, key: string) =>
  new AppError(
    'FORBIDDEN',
    `only the responsible unit's reporters and reviewers and the plan's managers write the commentary of ${plan}:${key}`,
    `只有目标责任单位的填报员、审核员和规划管理员可以填写目标 ${key} 的说明`,
  );

/** A target's owner and its commentary, newest period first (or one period). */
export async function targetCommentary(
  database: Database,
  actor: Actor,
  q: { plan: string; key: string; period?: string },
): Promise<TargetCommentary> {
  const t = await visibleTarget(database.db, actor, q.plan, q.key);
  const period = q.period === undefined ? undefined : formatPeriod(parsePeriod(q.period)!);
  const rows = await listCommentary(database.db, [t.id], period);
  return { plan: q.plan, key: q.key, owner: t.owner, canWrite: t.canWrite, items: rows.map(presentCommentary) };
}

/**
 * Writes the commentary of a target for a period. `version` is 0 for a period without one yet, else
 * the version read; anything else answers 409 and writes nothing. Audited with the text before and after.
 */
export async function writeCommentary(
  database: Database,
  actor: Actor,
  q: { plan: string; key: string; period: string; text: string; version: number },
): Promise<Commentary> {
  const period = formatPeriod(parsePeriod(q.period)!);
  return database.db.transaction().execute(async (trx) => {
    const t = await visibleTarget(trx, actor, q.plan, q.key);
    if (!t.canWrite) throw refused(q.plan, q.key);
    const text = keepUserText(q.text);
    if (!text) throw new AppError('EMPTY_TEXT', 'the commentary is empty', '说明不能为空', { field: 'text' });
    const current = await lockCommentary(trx, t.id, period);
    if ((current?.version ?? 0) !== q.version)
      throw new AppError('VERSION_CONFLICT', undefined, undefined, { field: 'version', current: current?.version ?? 0 });
    if (current)
      await updateCommentary(trx, current.id, {
        ownerId: t.ownerId,
        body: text,
        authorId: actor.userId,
        version: current.version + 1,
      });
    else await insertCommentary(trx, { targetId: t.id, period, ownerId: t.ownerId, body: text, authorId: actor.userId });
    await recordAudit(trx, actor, {
      action: current ? 'update' : 'create',
      entity: 'target_commentary',
      entityKey: `${q.plan}:${q.key}:${period}`,
      before: current ? { text: current.body, version: current.version } : null,
      after: { text, version: (current?.version ?? 0) + 1, owner: t.owner?.code ?? null },
    });
    const [row] = await listCommentary(trx, [t.id], period);
    return presentCommentary(row!);
  });
}
