import { reportFormSchema, type ReportForm } from '../domain/reporting/forms/form.schema.ts';
import type { Executor } from './transaction.ts';

export interface StoredForm {
  id: number;
  version: number;
  form: ReportForm;
}

/** Stored definitions are re-validated on read, so a form in the database is always a valid one. */
function toStored(row: { id: number; version: number; definition: unknown }): StoredForm {
  return { id: row.id, version: row.version, form: reportFormSchema.parse(row.definition) };
}

export async function listForms(db: Executor): Promise<StoredForm[]> {
  const rows = await db.selectFrom('report_form').select(['id', 'version', 'definition']).orderBy('code').execute();
  return rows.map(toStored);
}

export async function findForm(db: Executor, code: string): Promise<StoredForm | undefined> {
  const row = await db
    .selectFrom('report_form')
    .select(['id', 'version', 'definition'])
    .where('code', '=', code)
    .executeTakeFirst();
  return row && toStored(row);
}

export async function insertForm(db: Executor, form: ReportForm): Promise<void> {
  await db
    .insertInto('report_form')
    .values({
      code: form.code,
      name: form.name,
      name_en: form.nameEn,
      frequency: form.frequency,
      definition: JSON.stringify(form),
    })
    .execute();
}

/** Replaces a definition only if it is still at the version the editor saw; returns the new version or null. */
export async function updateForm(db: Executor, id: number, expectedVersion: number, form: ReportForm): Promise<number | null> {
  const row = await db
    .updateTable('report_form')
    .set((eb) => ({
      name: form.name,
      name_en: form.nameEn,
      definition: JSON.stringify(form),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return row?.version ?? null;
}

/** What a dataset form is checked against: the catalogue's indicator, unit and plan codes, unit kinds and plan texts. */
export async function formCatalogue(db: Executor) {
  const codes = async (table: 'indicator' | 'org_unit') =>
    new Set((await db.selectFrom(table).select('code').execute()).map((r) => r.code));
  const indicators = await codes('indicator');
  const units = await codes('org_unit');
  const kinds = new Set((await db.selectFrom('org_unit').select('kind').distinct().execute()).map((r) => r.kind));
  const sources = await db.selectFrom('plan_source').select(['plan_id', 'normalised_text']).execute();
  const plans = new Set((await db.selectFrom('plan').select('id').execute()).map((r) => r.id));
  return { indicators, units, kinds, plans, sources };
}
