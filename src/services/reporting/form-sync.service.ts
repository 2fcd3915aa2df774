import { DATASET_DIR } from '../../dataset/dataset-path.ts';
import { loadFormFiles } from '../../dataset/load-forms.ts';
import type { Database } from '../../db/database.ts';
import { formatDefinitionError } from '../../domain/plan-definition/definition-error.ts';
import { checkForms } from '../../domain/reporting/forms/check-forms.ts';
import { createQuoteIndex, type QuoteIndex } from '../../domain/text/locate-quote.ts';
import { formCatalogue, insertForm, listForms } from '../../repositories/report-form.repository.ts';

/**
 * Adds the dataset's forms that the database does not have yet. Forms already stored are left
 * alone: a plan manager may have edited their rules since.
 */
export async function syncDatasetForms(database: Database, dir: string = DATASET_DIR): Promise<string[]> {
  const loaded = await loadFormFiles(dir);
  if (loaded.errors.length) throw new Error(`report forms are invalid:\n${loaded.errors.map(formatDefinitionError).join('\n')}`);
  return database.db.transaction().execute(async (trx) => {
    const { sources, ...catalogue } = await formCatalogue(trx);
    const indexes = new Map<string, QuoteIndex>();
    const quoteIndex = (plan: string) => {
      const text = sources.find((s) => s.plan_id === plan)?.normalised_text;
      if (text !== undefined && !indexes.has(plan)) indexes.set(plan, createQuoteIndex(text));
      return indexes.get(plan);
    };
    const errors = checkForms(loaded.forms, catalogue, quoteIndex);
    if (errors.length)
      throw new Error(`report forms do not match the catalogue:\n${errors.map(formatDefinitionError).join('\n')}`);
    const existing = new Set((await listForms(trx)).map((f) => f.form.code));
    const added: string[] = [];
    for (const { form } of loaded.forms) {
      if (existing.has(form.code)) continue;
      await insertForm(trx, form);
      added.push(form.code);
    }
    return added;
  });
}
