import path from 'node:path';
import type { Database } from '../db/database.ts';
import { DATASET_DIR } from '../dataset/dataset-path.ts';
import { loadDefinitionFile } from '../dataset/load-definition-files.ts';
import { formatDefinitionError } from '../domain/plan-definition/definition-error.ts';
import { codeToIdMap, upsertOrgUnits } from '../repositories/org-unit.repository.ts';

/** The vendored administrative divisions (GB/T 2260 counties under their 州市), see scripts/vendor-yunnan-divisions.ts. */
export const DIVISIONS_FILE = path.join('divisions', 'yunnan.yaml');

/**
 * Adds the county-level divisions a database lacks (a database seeded before they were vendored), under
 * their prefectures. Units already there are left as they are, so nothing a plan office changed is undone.
 * Returns the codes added.
 */
export async function syncDivisions(database: Database, dir: string = DATASET_DIR): Promise<string[]> {
  const loaded = await loadDefinitionFile(path.join(dir, DIVISIONS_FILE));
  if (loaded.errors.length) throw new Error(`divisions are invalid:\n${loaded.errors.map(formatDefinitionError).join('\n')}`);
  const units = loaded.files.flatMap((f) => f.definition.orgUnits ?? []);
  return database.db.transaction().execute(async (trx) => {
    const ids = await codeToIdMap(trx, 'org_unit');
    // A county whose prefecture is not in this database (a foreign dataset) is not added.
    const missing = units.filter((u) => !ids.has(u.code) && (u.parent === undefined || ids.has(u.parent)));
    if (missing.length) await upsertOrgUnits(trx, missing, () => null);
    return missing.map((u) => u.code);
  });
}
