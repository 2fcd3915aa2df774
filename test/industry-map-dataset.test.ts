import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { DATASET_DIR } from '../src/dataset/dataset-path.ts';
import { loadDatasetDir, type LoadedDefinitions } from '../src/dataset/load-definition-files.ts';
import { checkIndustryChains, INDUSTRY_CHAINS_FILE, loadIndustryChains } from '../src/dataset/load-industry-chains.ts';
import type { ChainTaxonomy } from '../src/domain/industry-map/chain-taxonomy.schema.ts';
import { classifyIndustries, indexLabels } from '../src/domain/industry-map/classify-industries.ts';
import { formatDefinitionError } from '../src/domain/plan-definition/definition-error.ts';
import { compactForMatch } from '../src/domain/text/normalise.ts';

describe('industry-chain taxonomy (dataset/industry-map/chains.yaml)', () => {
  let taxonomy: ChainTaxonomy;
  let loaded: LoadedDefinitions;
  before(async () => {
    const r = await loadIndustryChains(DATASET_DIR);
    assert.deepEqual(r.errors.map(formatDefinitionError), []);
    taxonomy = r.taxonomy!;
    loaded = await loadDatasetDir(DATASET_DIR);
  });

  it('quotes every industry and chain verbatim from the plan text it names', async () => {
    const texts = new Map<string, string>();
    const problems: string[] = [];
    for (const e of [...taxonomy.industries, ...taxonomy.chains]) {
      const plan = e.source.plan;
      if (!texts.has(plan))
        texts.set(plan, compactForMatch(await readFile(path.join(DATASET_DIR, 'sources', `${plan}.txt`), 'utf8')));
      if (!texts.get(plan)!.includes(compactForMatch(e.source.quote)))
        problems.push(`${e.code}: quote not in ${plan}: ${e.source.quote}`);
      // The quote names the entry itself (its name or one of its labels), not merely its neighbours.
      const names = [e.name, ...e.aliases].map(compactForMatch);
      const quote = compactForMatch(e.source.quote);
      if (!names.some((n) => quote.includes(n) || quote.includes(n.replace(/(产业|工业|业)$/, ''))))
        problems.push(`${e.code}: the quote does not name ${e.name}`);
    }
    assert.deepEqual(problems, []);
    assert.ok(texts.has('yunnan-parks-2021-2025'));
  });

  it('places every leading industry of every zone in the dataset, by the plan’s own words', () => {
    const index = indexLabels(taxonomy);
    let labels = 0;
    for (const f of loaded.files)
      for (const u of f.definition.orgUnits) {
        const li = u.zone?.leadingIndustries ?? [];
        labels += li.length;
        const c = classifyIndustries(li, index);
        assert.deepEqual(c.unmatched, [], `${u.code}: ${c.unmatched.join('、')}`);
        if (li.length > 0) assert.ok(c.primaryIndustry, `${u.code} has industries but no primary one`);
      }
    assert.ok(labels > 100, `only ${labels} labels`);
  });

  it('is part of check-dataset, which names a quote that is not in the plan', async () => {
    assert.deepEqual((await checkIndustryChains(DATASET_DIR, loaded.files)).map(formatDefinitionError), []);
    const dir = await mkdtemp(path.join(tmpdir(), 'chains-'));
    try {
      const original = await readFile(path.join(DATASET_DIR, INDUSTRY_CHAINS_FILE), 'utf8');
      await mkdir(path.join(dir, 'industry-map'));
      await writeFile(
        path.join(dir, INDUSTRY_CHAINS_FILE),
        original.replace('绿色硅产业。以曲靖经济技术开发区', '绿色硅产业。以昆明经济技术开发区'),
      );
      const errors = await checkIndustryChains(dir, loaded.files);
      assert.equal(errors.length, 1, errors.map(formatDefinitionError).join('\n'));
      assert.match(errors[0]!.field, /^chains\.\d+\.source\.quote$/);
      assert.match(errors[0]!.messageZh, /green_silicon/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
