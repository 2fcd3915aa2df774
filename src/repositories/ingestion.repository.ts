import type { Executor } from './transaction.ts';

export async function insertDraft(
  db: Executor,
  d: { fileName: string; rawText: string; result: unknown; createdBy: number | null },
): Promise<number> {
  const { id } = await db
    .insertInto('ingestion_draft')
    .values({ file_name: d.fileName, raw_text: d.rawText, result: JSON.stringify(d.result), created_by: d.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function findDraft(db: Executor, id: number) {
  return db.selectFrom('ingestion_draft').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markDraftAccepted(db: Executor, id: number, planId: string): Promise<void> {
  await db.updateTable('ingestion_draft').set({ accepted_plan_id: planId }).where('id', '=', id).execute();
}

/** The platform's catalogue, as the extractor takes it: indicators, org units, groups, industries. */
export async function catalogueRows(db: Executor) {
  const [indicators, units, groups] = await Promise.all([
    db.selectFrom('indicator').select(['code', 'name', 'unit', 'synonyms']).orderBy('id').execute(),
    db
      .selectFrom('org_unit as u')
      .leftJoin('org_unit as p', 'p.id', 'u.parent_id')
      .select(['u.code', 'u.name', 'u.kind', 'p.code as parent', 'u.leading_industries'])
      .orderBy('u.id')
      .execute(),
    db.selectFrom('org_group').select(['code', 'name']).orderBy('id').execute(),
  ]);
  return { indicators, units, groups };
}
