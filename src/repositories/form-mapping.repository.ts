import type { Executor } from './transaction.ts';

/** Queries of report_form_mapping (migration 0460); rules live in services/reporting/form-mapping.service.ts. */

export function mappingsOfForm(db: Executor, formId: number) {
  return db
    .selectFrom('report_form_mapping as m')
    .leftJoin('app_user as u', 'u.id', 'm.created_by')
    .select([
      'm.id',
      'm.kind',
      'm.source_text',
      'm.match_key',
      'm.target_code',
      'm.created_at',
      'u.display_name as created_by_name',
    ])
    .where('m.form_id', '=', formId)
    .orderBy('m.id')
    .execute();
}

export function mappingOfKey(db: Executor, formId: number, kind: string, key: string) {
  return db
    .selectFrom('report_form_mapping')
    .select(['id', 'target_code', 'source_text'])
    .where('form_id', '=', formId)
    .where('kind', '=', kind)
    .where('match_key', '=', key)
    .executeTakeFirst();
}

export function insertMapping(
  db: Executor,
  row: { form_id: number; kind: string; source_text: string; match_key: string; target_code: string; created_by: number | null },
) {
  return db.insertInto('report_form_mapping').values(row).returning(['id']).executeTakeFirstOrThrow();
}

export function deleteMapping(db: Executor, formId: number, id: number) {
  return db
    .deleteFrom('report_form_mapping')
    .where('id', '=', id)
    .where('form_id', '=', formId)
    .returning(['kind', 'source_text', 'target_code'])
    .executeTakeFirst();
}
