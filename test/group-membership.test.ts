import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../src/errors/app-error.ts';
import { SYSTEM_ACTOR, type Actor } from '../src/services/actor.ts';
import { changeGroupMembers, parseAssignmentRows, resolveAssignmentUnits } from '../src/services/group-membership.service.ts';
import { seedDataset } from '../src/services/seed.service.ts';
import { DATASET_DIR } from '../src/dataset/dataset-path.ts';
import { loadEvaluationSchemes } from '../src/dataset/load-evaluation-schemes.ts';
import { storedSchemeSchema } from '../src/domain/evaluation/stored-scheme.schema.ts';
import { gatherInput } from '../src/services/evaluation/evaluation-input.service.ts';
import { createTestDatabase, type TestDatabase } from './support/databases.ts';

const OFFICE: Actor = { ...SYSTEM_ACTOR, label: '省发展改革委规划处', via: 'cli' };

describe('主体功能区 groups assigned by the plan office (issue 16)', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase('pglite');
    assert.ok((await seedDataset(t.database)).ok);
  });
  after(() => t.drop());

  const members = async (group: string) =>
    (
      await t.database.db
        .selectFrom('org_group_member as m')
        .innerJoin('org_group as g', 'g.id', 'm.group_id')
        .innerJoin('org_unit as u', 'u.id', 'm.org_unit_id')
        .select(['u.code', 'm.assigned_by', 'm.reason'])
        .where('g.code', '=', group)
        .orderBy('u.code')
        .execute()
    ).map((r) => r.code);

  it('puts counties into a type, moves one to another type, and audits who, when and why', async () => {
    assert.deepEqual(await members('mfa-ecological'), []);
    await changeGroupMembers(
      t.database,
      OFFICE,
      [{ group: 'mfa-ecological', add: ['YN-533401', 'YN-533422', 'YN-530102'] }],
      '初始划分',
    );
    const moved = await changeGroupMembers(
      t.database,
      OFFICE,
      [{ group: 'mfa-urbanised', add: ['YN-530102'] }],
      '五华区属城市化地区',
    );
    assert.deepEqual(await members('mfa-ecological'), ['YN-533401', 'YN-533422']);
    assert.deepEqual(await members('mfa-urbanised'), ['YN-530102']);
    assert.deepEqual(moved.groups.map((g) => g.code).sort(), ['mfa-ecological', 'mfa-urbanised']);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'org_group')
      .orderBy('id')
      .execute();
    const last = audit.slice(-2).map((a) => [a.entity_key, a.actor, JSON.stringify(a.after)]);
    assert.ok(
      last.some(
        ([k, who, after]) =>
          k === 'mfa-ecological' &&
          who === OFFICE.label &&
          /YN-530102/.test(String(after)) &&
          /五华区属城市化地区/.test(String(after)),
      ),
      JSON.stringify(last),
    );
    assert.ok(last.some(([k]) => k === 'mfa-urbanised'));
  });

  it('分类考核 evaluates the 129 县市区 by their 主体功能区 type; an unassigned county is 未分组 (group null)', async () => {
    const { schemes } = await loadEvaluationSchemes(DATASET_DIR);
    const def = schemes.find((s) => s.definition.code === 'prefecture-main-function')!.definition;
    const input = await gatherInput(
      t.database.db,
      { code: def.code, version: 1, definition: def, parsed: storedSchemeSchema.parse(def) },
      2024,
    );
    assert.equal(input.subjects.length, 129);
    assert.ok(input.subjects.every((u) => u.code.startsWith('YN-')));
    const group = new Map(input.subjects.map((u) => [u.code, u.group]));
    assert.equal(group.get('YN-530102'), 'urbanised');
    assert.equal(group.get('YN-533401'), 'ecological');
    assert.equal(group.get('YN-530103'), null);
  });

  it('keeps the plan office’s assignments when the dataset is seeded again', async () => {
    assert.ok((await seedDataset(t.database)).ok);
    assert.deepEqual(await members('mfa-ecological'), ['YN-533401', 'YN-533422']);
    assert.deepEqual(await members('mfa-urbanised'), ['YN-530102']);
  });

  it('refuses an unknown unit or group whole, naming it, and changes nothing', async () => {
    await assert.rejects(
      changeGroupMembers(t.database, OFFICE, [{ group: 'mfa-agricultural', add: ['YN-530103', 'YN-999999'] }], '测试'),
      (e: AppError) => e.code === 'UNKNOWN_ORG_UNIT' && e.messageZh.includes('YN-999999'),
    );
    assert.deepEqual(await members('mfa-agricultural'), []);
    await assert.rejects(
      changeGroupMembers(t.database, OFFICE, [{ group: 'mfa-x', add: ['YN-530103'] }], '测试'),
      (e: AppError) => e.code === 'UNKNOWN_GROUP' && e.messageZh.includes('mfa-x'),
    );
    await assert.rejects(
      changeGroupMembers(t.database, OFFICE, [{ group: 'mfa-agricultural', add: ['YN-530103'] }], ' '),
      (e: AppError) => e.code === 'REASON_REQUIRED',
    );
  });

  it('reads a unit,group sheet by GB/T 2260 or unit code, naming a bad row', async () => {
    const rows = parseAssignmentRows('单位,分组\n530103,mfa-agricultural\n# 注释\nYN-530111\tmfa-agricultural\n');
    const changes = await resolveAssignmentUnits(t.database.db, rows);
    assert.deepEqual(changes, [{ group: 'mfa-agricultural', add: ['YN-530103', 'YN-530111'] }]);
    assert.throws(
      () => parseAssignmentRows('530103,mfa-agricultural\n530111\n'),
      (e: AppError) => e.messageZh.includes('第2行'),
    );
    await assert.rejects(resolveAssignmentUnits(t.database.db, parseAssignmentRows('539999,mfa-agricultural')), (e: AppError) =>
      e.messageZh.includes('第1行'),
    );
  });
});
