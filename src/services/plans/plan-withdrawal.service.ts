import type { Database } from '../../db/database.ts';
import { keepUserText } from '../../domain/text/user-text.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import { lockPlanForWithdrawal, setPlanWithdrawal } from '../../repositories/target-revision.repository.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';

/**
 * 撤回/停用 a plan (issue 17 item 5). A plan with targets, figures and history is never deleted: a
 * withdrawn plan is left out of the plan list, the homes and monitoring unless asked for, and keeps
 * every row; its managers withdraw it with a reason, an administrator restores it. Both are audited.
 */
export async function withdrawPlan(database: Database, actor: Actor, planId: string, typedReason: string) {
  const reason = keepUserText(typedReason);
  if (!reason)
    throw new AppError('REASON_REQUIRED', 'give the reason for withdrawing the plan', '请填写撤回原因', { field: 'reason' });
  return database.db.transaction().execute(async (trx) => {
    const plan = await lockPlanForWithdrawal(trx, planId);
    if (!plan) throw notFound('plan', planId);
    if (plan.withdrawn_at)
      throw new AppError('PLAN_WITHDRAWN', `plan ${planId} is already withdrawn`, `规划 ${planId} 已撤回`, { plan: planId });
    await setPlanWithdrawal(trx, planId, { by: actor.label, reason });
    await recordAudit(trx, actor, {
      action: 'withdraw',
      entity: 'plan',
      entityKey: planId,
      before: { withdrawn: false },
      after: { withdrawn: true, reason },
    });
    const after = (await lockPlanForWithdrawal(trx, planId))!;
    return present(planId, after);
  });
}

export async function restorePlan(database: Database, actor: Actor, planId: string) {
  if (!actor.grants.some((g) => g.role === 'admin' && g.scopeOrgUnit === null && g.scopePlans === null))
    throw new AppError('FORBIDDEN', 'only an administrator restores a withdrawn plan', '只有系统管理员可以恢复已撤回的规划');
  return database.db.transaction().execute(async (trx) => {
    const plan = await lockPlanForWithdrawal(trx, planId);
    if (!plan) throw notFound('plan', planId);
    if (!plan.withdrawn_at)
      throw new AppError('PLAN_NOT_WITHDRAWN', `plan ${planId} is not withdrawn`, `规划 ${planId} 未撤回`, { plan: planId });
    await setPlanWithdrawal(trx, planId, null);
    await recordAudit(trx, actor, {
      action: 'restore',
      entity: 'plan',
      entityKey: planId,
      before: { withdrawn: true, reason: plan.withdrawn_reason },
      after: { withdrawn: false },
    });
    return { plan: planId, withdrawn: null };
  });
}

function present(planId: string, p: { withdrawn_at: Date | null; withdrawn_by: string | null; withdrawn_reason: string | null }) {
  return {
    plan: planId,
    withdrawn: p.withdrawn_at
      ? { at: new Date(p.withdrawn_at).toISOString(), by: p.withdrawn_by ?? '', reason: p.withdrawn_reason ?? '' }
      : null,
  };
}
