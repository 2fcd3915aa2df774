import { readablePlans } from '../../domain/access/authorize.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Executor } from '../../repositories/transaction.ts';
import type { Actor } from '../actor.ts';
import { readScope, type ReadScope } from '../read-scope.ts';

/**
 * What of the task lists a reader sees, for every route that lists tasks (tracking, export, the
 * industry map's zone links): tasks involving a unit of the reader's subtrees, of the plans the
 * reader's grants cover. null = no limit.
 */
export interface TaskReadScope {
  unitIds: ReadScope;
  plans: readonly string[] | null;
}

export async function taskReadScope(db: Executor, actor: Actor): Promise<TaskReadScope> {
  return { unitIds: await readScope(db, actor), plans: readablePlans(actor.grants) };
}

/** A list asked for one plan outside the reader's plans is refused as the route's access rule refuses it. */
export function assertPlanReadable(scope: TaskReadScope, plan: string | undefined): void {
  if (plan !== undefined && scope.plans !== null && !scope.plans.includes(plan))
    throw new AppError('FORBIDDEN', 'you may not do this here', '无权执行此操作或超出您的管辖范围');
}
