import assert from 'node:assert/strict';
import path from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import { DATASET_DIR } from '../src/dataset/dataset-path.ts';
import { loadEvaluationSchemes } from '../src/dataset/load-evaluation-schemes.ts';
import { auditHistory } from '../src/repositories/audit.repository.ts';
import { SYSTEM_ACTOR, type Actor } from '../src/services/actor.ts';
import { definitionHash, getScheme, saveScheme, syncBuiltinSchemes } from '../src/services/evaluation/scheme.service.ts';
import { seedDataset } from '../src/services/seed.service.ts';
import { createTestDatabase, type TestDatabase } from './support/databases.ts';

/**
 * Issue 16: a database seeded before a built-in scheme changed kept the old scheme. Here a database holds
 * the 分类考核 scheme as shipped on 2026-11-23 (no 资源能耗消耗 or 生态效益 indicators), seeded the way
 * databases were then (no dataset hash recorded); starting with today's dataset upgrades it forward.
 */
const CODE = 'prefecture-main-function';
const OLD_DATASET = path.join(import.meta.dirname, 'fixtures', 'builtin-schemes-2026-11');
const OFFICE: Actor = { ...SYSTEM_ACTOR, label: '省发展改革委规划处', via: 'cli' };

const current = async () => (await loadEvaluationSchemes(DATASET_DIR)).schemes.find((s) => s.definition.code === CODE)!;
const indicatorCodes = (def: Record<string, unknown>) => (def.indicators as { code: string }[]).map((i) => i.code);

describe('built-in schemes upgrade forward on start (issue 16)', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    await t?.drop();
    t = await createTestDatabase('pglite');
    assert.ok((await seedDataset(t.database)).ok);
    await syncBuiltinSchemes(t.database, OLD_DATASET);
    // As a database seeded before migration 0441: no dataset hash on the stored version.
    await t.database.db.updateTable('evaluation_scheme').set({ builtin_hash: null }).execute();
    assert.ok(!indicatorCodes((await getScheme(t.database, CODE)).definition).includes('ENERGY_PER_GDP'));
  });
  after(() => t?.drop());

  it('replaces an unedited built-in draft with the new definition, audited, and does nothing the second time', async () => {
    const result = await syncBuiltinSchemes(t.database);
    assert.deepEqual(result.upgraded, [`${CODE}@1`]);
    assert.deepEqual(result.keptEdited, []);
    // The other built-ins, and 土地集约利用评价 (added after the 2026-11 dataset), are added to such a database.
    assert.deepEqual(result.added.sort(), [
      'bonded-zone-performance',
      'dev-zone-per-mu',
      'ftz-institutional-innovation',
      'land-intensive-use',
    ]);
    const scheme = await getScheme(t.database, CODE);
    assert.equal(scheme.version, 1);
    assert.equal(definitionHash(scheme.definition), definitionHash((await current()).definition));
    assert.ok(indicatorCodes(scheme.definition).includes('ENERGY_PER_GDP'));
    const audit = await auditHistory(t.database.db, 'evaluation_scheme', `${CODE}@1`, 10);
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.action, 'builtin_upgrade');
    assert.equal((audit[0]!.after as { hash: string }).hash, definitionHash((await current()).definition));
    const again = await syncBuiltinSchemes(t.database);
    assert.deepEqual([again.added, again.upgraded, again.keptEdited, again.skipped], [[], [], [], []]);
  });

  it('follows a frozen built-in with a new draft version, the frozen one unchanged', async () => {
    const frozen = await getScheme(t.database, CODE);
    await t.database.db
      .updateTable('evaluation_scheme')
      .set({ status: 'frozen', frozen_at: new Date() })
      .where('code', '=', CODE)
      .execute();
    const result = await syncBuiltinSchemes(t.database);
    assert.deepEqual(result.upgraded, [`${CODE}@2`]);
    const v1 = await getScheme(t.database, CODE, 1);
    assert.equal(definitionHash(v1.definition), definitionHash(frozen.definition));
    const v2 = await getScheme(t.database, CODE);
    assert.deepEqual([v2.version, v2.status, v2.builtin], [2, 'draft', true]);
    assert.equal(definitionHash(v2.definition), definitionHash((await current()).definition));
  });

  it('leaves a scheme the plan office edited alone and says so', async () => {
    const old = await getScheme(t.database, CODE);
    const edited = await saveScheme(t.database, OFFICE, CODE, {
      definition: { ...old.definition, name: '县市区分类综合绩效评价（规划处修订）' },
      baseVersion: old.version,
    });
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    const result = await syncBuiltinSchemes(t.database);
    await new Promise((r) => setImmediate(r));
    process.off('warning', onWarning);
    assert.deepEqual(result.keptEdited, [CODE]);
    assert.deepEqual(result.upgraded, []);
    const now = await getScheme(t.database, CODE);
    assert.deepEqual(now.definition, edited.definition);
    assert.ok(!indicatorCodes(now.definition).includes('ENERGY_PER_GDP'));
    assert.ok(
      warnings.some((w) => w.includes(CODE)),
      warnings.join('\n'),
    );
  });
});
