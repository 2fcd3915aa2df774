import { DATASET_DIR } from '../dataset/dataset-path.ts';
import { loadDatasetDir } from '../dataset/load-definition-files.ts';
import type { Database } from '../db/database.ts';
import { anyPlanExists } from '../repositories/plan.repository.ts';
import { SYSTEM_ACTOR, type Actor } from './actor.ts';
import { syncIndustryChains } from './industry-map/industry-chains.service.ts';
import { importDefinitions, type ImportResult } from './plan-import.service.ts';

/** Loads the curated dataset of the five plans; replaces them if they are already there. */
export async function seedDataset(
  database: Database,
  dir: string = DATASET_DIR,
  actor: Actor = SYSTEM_ACTOR,
): Promise<ImportResult> {
  const loaded = await loadDatasetDir(dir);
  if (loaded.errors.length > 0) return { ok: false, errors: loaded.errors };
  const result = await importDefinitions(database, loaded.files, { replace: true, actor });
  if (result.ok) await syncIndustryChains(database, dir);
  return result;
}

export async function isEmpty(database: Database): Promise<boolean> {
  return !(await anyPlanExists(database.db));
}
