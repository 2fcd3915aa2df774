import type { DefinitionBundleFile } from '../domain/plan-definition/check-references.ts';
import type { CatalogueInput } from '../domain/extraction/candidate.schema.ts';
import { DATASET_DIR } from '../dataset/dataset-path.ts';
import { loadDatasetDir } from '../dataset/load-definition-files.ts';

/**
 * The extractor's catalogues (indicators, org units, groups, industries) from the curated dataset:
 * base.yaml first, so the platform's current units win over historical names in plan files.
 * With `only`, just the named files (e.g. ['base.yaml'] for a plan the dataset does not know).
 */
export async function loadDatasetCatalogue(options: { dir?: string; only?: readonly string[] } = {}): Promise<CatalogueInput> {
  const { files, errors } = await loadDatasetDir(options.dir ?? DATASET_DIR);
  if (errors.length > 0) throw new Error(`dataset: ${errors.map((e) => `${e.file ?? ''} ${e.field}: ${e.message}`).join('; ')}`);
  const chosen = options.only ? files.filter((f) => options.only!.includes(f.name)) : files;
  return catalogueFromDefinitions(chosen);
}

export function catalogueFromDefinitions(files: readonly DefinitionBundleFile[]): CatalogueInput {
  const defs = [...files].sort((a, b) => (a.name === 'base.yaml' ? -1 : b.name === 'base.yaml' ? 1 : 0)).map((f) => f.definition);
  return {
    indicators: defs.flatMap((d) =>
      d.indicators.map((i) => ({ code: i.code, name: i.name, unit: i.unit, synonyms: i.synonyms })),
    ),
    orgUnits: defs.flatMap((d) =>
      d.orgUnits.map((u) => ({ code: u.code, name: u.name, kind: u.kind, ...(u.parent ? { parent: u.parent } : {}) })),
    ),
    groups: defs.flatMap((d) => d.groups.map((g) => ({ code: g.code, name: g.name }))),
    industries: [...new Set(defs.flatMap((d) => d.orgUnits.flatMap((u) => u.zone?.leadingIndustries ?? [])))],
  };
}
