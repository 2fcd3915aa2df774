import type { Database } from '../../db/database.ts';
import { DATASET_DIR } from '../../dataset/dataset-path.ts';
import { loadIndustryChains } from '../../dataset/load-industry-chains.ts';
import { formatDefinitionError } from '../../domain/plan-definition/definition-error.ts';
import { upsertIndustryChains } from '../../repositories/project.repository.ts';

/**
 * Writes the industry-chain catalogue projects refer to from the taxonomy file: its industries
 * (a project may be filed under a whole industry such as 生物医药) and their chains, in file order.
 * Codes are only added or renamed, never removed, since projects may point at them.
 */
export async function syncIndustryChains(database: Database, dir: string = DATASET_DIR): Promise<number> {
  const loaded = await loadIndustryChains(dir);
  if (loaded.taxonomy === null)
    throw new Error(`industry chains are invalid:\n${loaded.errors.map(formatDefinitionError).join('\n')}`);
  const rows = [...loaded.taxonomy.industries, ...loaded.taxonomy.chains].map((e, i) => ({
    code: e.code,
    name: e.name,
    name_en: e.nameEn,
    ordinal: i + 1,
  }));
  await upsertIndustryChains(database.db, rows);
  return rows.length;
}
