import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DATASET_DIR } from '../src/dataset/dataset-path.ts';
import { loadEvaluationSchemes } from '../src/dataset/load-evaluation-schemes.ts';
import { validateDataset } from '../src/dataset/validate-dataset.ts';
import { formatDefinitionError } from '../src/domain/plan-definition/definition-error.ts';
import { schemeProvenance } from '../src/domain/evaluation/scheme-provenance.ts';
import { storedSchemeSchema } from '../src/domain/evaluation/stored-scheme.schema.ts';

describe('built-in evaluation schemes (dataset/evaluation-schemes)', () => {
  it('has the five schemes, each citing its plan, with weights marked as defaults where the plan gives none', async () => {
    const { schemes, errors } = await loadEvaluationSchemes(DATASET_DIR);
    assert.deepEqual(errors.map(formatDefinitionError), []);
    const byCode = new Map(schemes.map((s) => [s.definition.code, s.definition]));
    assert.deepEqual([...byCode.keys()].sort(), [
      'bonded-zone-performance',
      'dev-zone-per-mu',
      'ftz-institutional-innovation',
      'land-intensive-use',
      'prefecture-main-function',
    ]);
    for (const s of byCode.values()) {
      assert.equal(s.defaultWeights, true, s.code);
      assert.ok(
        s.sources?.some((x) => x.item === 'scheme'),
        s.code,
      );
    }
    assert.deepEqual(byCode.get('dev-zone-per-mu')!.groupBy, { by: 'zone_level' });
  });

  it('check-dataset refuses a quote that is not in the plan text and an indicator outside the catalogue', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'plantrack-schemes-'));
    await cp(DATASET_DIR, dir, { recursive: true });
    const file = path.join(dir, 'evaluation-schemes', 'bonded-zone-performance.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      text
        .replace('坚决预防和遏制安全事故发生', '坚决杜绝一切事故')
        .replace('code: REGISTERED_ENTERPRISES', 'code: REGISTERED_ENTERPRISES_X'),
    );
    const { errors } = await validateDataset(dir);
    const lines = errors.map(formatDefinitionError);
    assert.ok(
      lines.some((l) => l.includes('bonded-zone-performance.yaml') && l.includes('坚决杜绝一切事故')),
      lines.join('\n'),
    );
    assert.ok(
      lines.some((l) => /indicators\.3\.code/.test(l) && l.includes('REGISTERED_ENTERPRISES_X')),
      lines.join('\n'),
    );
  });

  it('backs every indicator, weight, band, floor, veto and grade cut-off with a quoted passage or a plan-office decision (issue 16)', async () => {
    const { schemes } = await loadEvaluationSchemes(DATASET_DIR);
    assert.equal(schemes.length, 5);
    for (const s of schemes) {
      const elements = schemeProvenance(storedSchemeSchema.parse(s.definition));
      const unbacked = elements.filter((e) => e.cited.length === 0 && e.decided.length === 0).map((e) => e.key);
      assert.deepEqual(unbacked, [], `${s.file}: elements with neither a source nor an owner`);
      for (const kind of ['indicator', 'weight', 'normalisation', 'grade', 'missingPolicy'])
        assert.ok(
          elements.some((e) => e.kind === kind),
          `${s.file} lists its ${kind}`,
        );
      for (const e of elements)
        for (const d of e.decided) assert.ok(d.by && /^\d{4}-\d{2}-\d{2}$/.test(d.at) && d.why, `${s.file} ${e.key}`);
    }
    // The quotes themselves are checked against the plan texts by check-dataset (validateDataset, above).
    const { errors } = await validateDataset(DATASET_DIR);
    assert.deepEqual(errors.map(formatDefinitionError), []);
  });

  it("土地集约利用评价 has the parks plan's cycle as a scheme property, quoted, with the plan office naming the first full year", async () => {
    const { schemes } = await loadEvaluationSchemes(DATASET_DIR);
    const land = storedSchemeSchema.parse(schemes.find((s) => s.definition.code === 'land-intensive-use')!.definition);
    assert.deepEqual(land.cycle, { fullEvery: 5, firstFullYear: 2021 });
    const cycle = schemeProvenance(land).find((e) => e.key === 'cycle')!;
    assert.deepEqual(
      cycle.cited.map((c) => [c.plan, c.section, c.quote]),
      [
        [
          'yunnan-parks-2021-2025',
          '三、提高土地节约集约利用水平',
          '按照“五年一评价、一年一更新”的要求,开展开发区土地集约利用评价工作。',
        ],
      ], // NFKC: the full-width comma reads ',',
    );
    assert.equal(cycle.decided.length, 1, 'the first full year is a decision');
    // Every indicator is one the plan names in that passage or its 亩均 floor; every weight is a decision.
    for (const e of schemeProvenance(land)) {
      if (e.kind === 'indicator') assert.ok(e.cited.length > 0, e.key);
      if (e.kind === 'weight') assert.ok(e.decided.length > 0 && e.cited.length === 0, e.key);
    }
  });
});
