import { notFound } from '../errors/app-error.ts';
import { findPlan, findPlanSource, listPlans, listSections } from '../repositories/plan.repository.ts';
import type { Executor } from '../repositories/transaction.ts';
import type { PageQuery } from '../presenters/page.schema.ts';
import { presentPlan, presentSection } from '../presenters/plan.presenter.ts';

export async function queryPlans(db: Executor, page: PageQuery, withdrawn: 'exclude' | 'include' | 'only' = 'exclude') {
  const { rows, total } = await listPlans(db, page, withdrawn);
  return { items: rows.map(presentPlan), total, ...page };
}

export async function getPlan(db: Executor, id: string) {
  const row = await findPlan(db, id);
  if (!row) throw notFound('plan', id);
  return presentPlan(row);
}

export async function getPlanSections(db: Executor, id: string) {
  await getPlan(db, id);
  const rows = await listSections(db, id);
  return { items: rows.map(presentSection), total: rows.length, limit: rows.length, offset: 0 };
}

export async function getPlanSource(db: Executor, id: string) {
  const row = await findPlanSource(db, id);
  if (!row) throw notFound('plan', id);
  return { planId: row.plan_id, fileName: row.file_name, text: row.normalised_text };
}
