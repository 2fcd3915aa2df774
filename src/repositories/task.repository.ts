import { sql, type Insertable } from 'kysely';
import type { TaskTable } from '../db/schema.ts';
import { nameLike } from './name-search.ts';
import type { Executor } from './transaction.ts';

export type NewTask = Insertable<TaskTable> & { lead: readonly number[]; co: readonly number[] };

export async function insertTasks(db: Executor, tasks: readonly NewTask[]): Promise<void> {
  for (const { lead, co, ...row } of tasks) {
    const { id } = await db.insertInto('task').values(row).returning('id').executeTakeFirstOrThrow();
    const units = [
      ...lead.map((u, ordinal) => ({ task_id: id, org_unit_id: u, role: 'lead' as const, ordinal })),
      ...co.map((u, ordinal) => ({ task_id: id, org_unit_id: u, role: 'co' as const, ordinal })),
    ];
    if (units.length > 0) await db.insertInto('task_unit').values(units).execute();
  }
}

export interface TaskFilter {
  /** Read scope: tasks that one of these units leads or co-operates on. */
  unitIds?: readonly number[] | null;
  plan?: string;
  sectionIds?: readonly number[];
  orgUnit?: string;
  role?: 'lead' | 'co';
  q?: string;
}

export async function listTasks(db: Executor, f: TaskFilter, page: { limit: number; offset: number }) {
  let q = db.selectFrom('task as k').leftJoin('plan_section as s', 's.id', 'k.section_id');
  if (f.unitIds) {
    const ids = f.unitIds.length ? [...f.unitIds] : [-1];
    q = q.where('k.id', 'in', (eb) => eb.selectFrom('task_unit').select('task_id').where('org_unit_id', 'in', ids));
  }
  if (f.plan) q = q.where('k.plan_id', '=', f.plan);
  if (f.sectionIds) q = q.where('k.section_id', 'in', f.sectionIds.length ? [...f.sectionIds] : [-1]);
  if (f.orgUnit) {
    const { orgUnit, role } = f;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('task_unit as tu')
          .innerJoin('org_unit as u', 'u.id', 'tu.org_unit_id')
          .select('tu.task_id')
          .whereRef('tu.task_id', '=', 'k.id')
          .where('u.code', '=', orgUnit)
          .$if(role !== undefined, (qb) => qb.where('tu.role', '=', role!)),
      ),
    );
  }
  // The text is stored as written (issue 18): （） and () match either way.
  if (f.q) q = q.where(nameLike('k.text', f.q));
  const rows = await q
    .selectAll('k')
    .select([
      's.key as section_key',
      's.heading as section_heading',
      sql<
        { code: string; name: string; role: 'lead' | 'co' }[]
      >`coalesce((select json_agg(json_build_object('code', u.code, 'name', u.name, 'role', tu.role) order by tu.role desc, tu.ordinal)
        from task_unit tu join org_unit u on u.id = tu.org_unit_id where tu.task_id = k.id), '[]'::json)`.as('units'),
    ])
    .orderBy('k.plan_id')
    .orderBy('k.ordinal')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return { rows, total: total.n };
}
export type TaskRow = Awaited<ReturnType<typeof listTasks>>['rows'][number];
