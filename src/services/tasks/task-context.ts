import { authorize, type ParentOf } from '../../domain/access/authorize.ts';
import type { Action } from '../../domain/access/roles.ts';
import { keepUserText } from '../../domain/text/user-text.ts';
import { AppError } from '../../errors/app-error.ts';
import { parentLinks } from '../../repositories/org-unit.repository.ts';
import { findTaskId, listTrackedTasks, taskUnits } from '../../repositories/task-supervision.repository.ts';
import type { Executor } from '../../repositories/transaction.ts';
import type { Actor } from '../actor.ts';
import { type ReadScope } from '../read-scope.ts';
import { taskReadScope } from './task-read-scope.ts';

/** The server's local calendar day (as the scheduler uses), ISO. */
export function localToday(now = new Date()): string {
  const mm = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${mm(now.getMonth() + 1)}-${mm(now.getDate())}`;
}

export const taskNotFound = (plan: string, key: string) =>
  new AppError('NOT_FOUND', `task "${plan}/${key}" not found`, `未找到任务“${plan}/${key}”`);

/** As written (only the ends trimmed), not empty: the text of updates, contributions, notices and replies. */
export function cleanText(text: string, field: string, fieldZh: string): string {
  const t = keepUserText(text);
  if (!t) throw new AppError('EMPTY_TEXT', `${field} is empty`, `${fieldZh}不能为空`, { field });
  return t;
}

/**
 * One task as the actor may see it: its id, units and the permission helpers. A task none of
 * whose units is in the actor's read scope answers 404, so that its existence does not leak.
 */
export async function loadTask(db: Executor, actor: Actor, plan: string, key: string) {
  const id = await findTaskId(db, plan, key);
  if (id === undefined) throw taskNotFound(plan, key);
  // A manager of one plan must not read another plan's tasks one by one when its lists refuse them.
  const { unitIds: scope, plans } = await taskReadScope(db, actor);
  const [row] = await listTrackedTasks(db, { unitIds: scope, plans, taskId: id });
  if (!row) throw taskNotFound(plan, key);
  const units = await taskUnits(db, id);
  const parents = await parentLinks(db);
  const parentOf: ParentOf = (c) => parents.get(c);
  const may = (action: Action, orgUnit?: string) => authorize(actor.grants, action, { orgUnit, plan }, parentOf);
  return { id, row, units, scope, parentOf, may };
}
export type LoadedTask = Awaited<ReturnType<typeof loadTask>>;

/** Whether a task with these unit ids is visible in the scope. */
export function visibleIn(scope: ReadScope, unitIds: readonly number[]): boolean {
  return scope === null || unitIds.some((u) => scope.includes(u));
}
