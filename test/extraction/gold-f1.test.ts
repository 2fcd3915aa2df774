import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { extractCandidates } from '../../src/domain/extraction/extract-candidates.ts';
import type { CatalogueInput } from '../../src/domain/extraction/candidate.schema.ts';
import { loadDatasetCatalogue } from '../../src/ingestion/dataset-catalogue.ts';
import { loadGoldSets, scoreAll } from '../../bench/extraction.bench.ts';

/**
 * Regression floors: the F1 measured when the gold sets were built, less 0.02 (docs/extraction.md).
 * Raise them when the extractor improves; a change that drops below fails here.
 */
const TARGET_FLOORS = {
  target: 0.95,
  indicator: 0.89,
  scope: 0.74,
  baselineYear: 0.73,
  baselineValue: 0.73,
  targetYear: 0.94,
  targetValue: 0.93,
  comparator: 0.95,
};
const TASK_FLOORS = { task: 0.98, lead: 0.98, co: 0.98, deadline: 0.98 };

describe('extraction quality on the hand-built gold sets (test/gold)', () => {
  let catalogue: CatalogueInput;
  before(async () => {
    catalogue = await loadDatasetCatalogue();
  });

  it('keeps F1 per field above the measured floors, and finds every gold quote in its text', async () => {
    const sets = await loadGoldSets();
    assert.equal(sets.length, 5);
    const { overall, perPlan } = await scoreAll(sets, (raw) => extractCandidates(raw, { catalogue }), catalogue);
    for (const [field, floor] of Object.entries(TARGET_FLOORS))
      assert.ok(overall.targets[field]!.f1 >= floor, `targets.${field}: F1 ${overall.targets[field]!.f1} < ${floor}`);
    for (const [field, floor] of Object.entries(TASK_FLOORS))
      assert.ok(overall.tasks[field]!.f1 >= floor, `tasks.${field}: F1 ${overall.tasks[field]!.f1} < ${floor}`);
    // Every plan with targets finds most of them.
    for (const [plan, r] of Object.entries(perPlan))
      assert.ok(r.targets.target!.f1 >= 0.9, `${plan}: target F1 ${r.targets.target!.f1}`);
  });

  it('reproduces the curated dataset\u2019s quantitative targets', async () => {
    const { overall } = await scoreAll(await loadGoldSets(), (raw) => extractCandidates(raw, { catalogue }), catalogue);
    const [found, total] = overall.curatedTargets.split('/').map(Number);
    assert.ok(found! / total! >= 0.93, `curated targets found: ${overall.curatedTargets}`);
  });
});
