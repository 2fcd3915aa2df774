import { notFound } from '../errors/app-error.ts';
import { sectionSubtreeIds } from '../repositories/plan.repository.ts';
import { listTargets, type TargetFilter } from '../repositories/target.repository.ts';
import { listTasks, type TaskFilter } from '../repositories/task.repository.ts';
import type { Executor } from '../repositories/transaction.ts';
import type { PageQuery } from '../presenters/page.schema.ts';
import { presentTarget } from '../presenters/target.presenter.ts';
import { presentTask } from '../presenters/task.presenter.ts';

interface SectionScoped {
  plan?: string;
  section?: string;
}

/** A section filter means that section and everything under it; it needs a plan. */
async function sectionIds(db: Executor, f: SectionScoped): Promise<number[] | undefined> {
  if (f.section === undefined) return undefined;
  if (f.plan === undefined) throw notFound('section', f.section);
  const ids = await sectionSubtreeIds(db, f.plan, f.section);
  if (ids.length === 0) throw notFound('section', f.section);
  return ids;
}

export async function queryTargets(db: Executor, f: Omit<TargetFilter, 'sectionIds'> & SectionScoped, page: PageQuery) {
  const { rows, total } = await listTargets(db, { ...f, sectionIds: await sectionIds(db, f) }, page);
  return { items: rows.map(presentTarget), total, ...page };
}

export async function queryTasks(db: Executor, f: Omit<TaskFilter, 'sectionIds'> & SectionScoped, page: PageQuery) {
  const { rows, total } = await listTasks(db, { ...f, sectionIds: await sectionIds(db, f) }, page);
  return { items: rows.map(presentTask), total, ...page };
}
