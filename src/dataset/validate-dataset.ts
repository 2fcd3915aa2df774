import { checkReferences } from '../domain/plan-definition/check-references.ts';
import type { DefinitionError } from '../domain/plan-definition/definition-error.ts';
import { loadDatasetDir, type LoadedDefinitions } from './load-definition-files.ts';

/** Loads and fully checks the curated dataset; errors list every problem found. */
export async function validateDataset(dir: string): Promise<LoadedDefinitions> {
  const loaded = await loadDatasetDir(dir);
  const errors: DefinitionError[] = [...loaded.errors];
  if (errors.length === 0) errors.push(...checkReferences(loaded.files));
  return { files: loaded.files, errors };
}
