import { checkReferences } from '../domain/plan-definition/check-references.ts';
import type { DefinitionError } from '../domain/plan-definition/definition-error.ts';
import { checkEvaluationSchemes } from './load-evaluation-schemes.ts';
import { checkIndustryChains } from './load-industry-chains.ts';
import { loadDatasetDir, type LoadedDefinitions } from './load-definition-files.ts';
import { catalogueOfFiles, loadPublishedFigures } from './load-published-figures.ts';

/** Loads and fully checks the curated dataset; errors list every problem found. */
export async function validateDataset(dir: string): Promise<LoadedDefinitions> {
  const loaded = await loadDatasetDir(dir);
  const errors: DefinitionError[] = [...loaded.errors];
  if (errors.length === 0) errors.push(...checkReferences(loaded.files));
  // The built-in evaluation schemes (dataset/evaluation-schemes): catalogue codes and quoted passages.
  if (errors.length === 0) errors.push(...(await checkEvaluationSchemes(dir, loaded.files)));
  // The industry map's chain taxonomy (dataset/industry-map/chains.yaml): quotes, and every zone's industries placed.
  if (errors.length === 0) errors.push(...(await checkIndustryChains(dir, loaded.files)));
  // Published figures (dataset/published/figures.yaml): codes, units, sources and the quoted value.
  if (errors.length === 0) errors.push(...(await loadPublishedFigures(dir, catalogueOfFiles(loaded.files))).errors);
  return { files: loaded.files, errors };
}
