import type { Database } from '../../db/database.ts';
import type { ProgressMethod } from '../../domain/progress/method-class.ts';
import { notFound } from '../../errors/app-error.ts';
import { lockPlanProgressMethod, setPlanProgressMethod } from '../../repositories/progress.repository.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.service.ts';

/**
 * Chooses how a plan's targets are judged by default (the Chinese official classes, or the UNSD,
 * Open SDG or ESCAP method); null returns to the official classes. Audited.
 */
export async function choosePlanMethod(database: Database, actor: Actor, planId: string, method: ProgressMethod | null) {
  return database.db.transaction().execute(async (trx) => {
    const plan = await lockPlanProgressMethod(trx, planId);
    if (!plan) throw notFound('plan', planId);
    await setPlanProgressMethod(trx, planId, method);
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'plan',
      entityKey: planId,
      before: { progressMethod: plan.progress_method },
      after: { progressMethod: method },
    });
    return { plan: planId, method: method ?? 'official' };
  });
}
