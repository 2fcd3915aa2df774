import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DATASET_DIR } from '../src/dataset/dataset-path.ts';
import { loadDatasetDir } from '../src/dataset/load-definition-files.ts';
import type { OrgUnit } from '../src/domain/model/org-unit.schema.ts';
import { syncDivisions } from '../src/services/divisions.service.ts';
import { seedDataset } from '../src/services/seed.service.ts';
import { createTestDatabase, type TestDatabase } from './support/databases.ts';

describe('the whole province in the org-unit tree (issue 16)', () => {
  let units: OrgUnit[];
  before(async () => {
    const loaded = await loadDatasetDir(DATASET_DIR);
    assert.deepEqual(loaded.errors, []);
    units = loaded.files.flatMap((f) => f.definition.orgUnits ?? []);
  });

  it('holds 16 州市 and 129 县级 divisions, each under the 州市 its GB/T 2260 code names', () => {
    const prefectures = units.filter((u) => u.kind === 'prefecture');
    const counties = units.filter((u) => u.kind === 'county');
    assert.equal(prefectures.length, 16);
    assert.equal(counties.length, 129);
    const byCode = new Map(units.map((u) => [u.code, u]));
    for (const c of counties) {
      assert.match(c.divisionCode ?? '', /^53\d{4}$/, c.name);
      const parent = byCode.get(c.parent!);
      assert.equal(parent?.kind, 'prefecture', c.name);
      assert.equal(parent!.divisionCode!.slice(0, 4), c.divisionCode!.slice(0, 4), `${c.name} under ${parent!.name}`);
    }
    assert.equal(new Set(counties.map((c) => c.divisionCode)).size, 129);
    const perPrefecture = Object.fromEntries(
      prefectures.map((p) => [p.name, counties.filter((c) => c.parent === p.code).length]),
    );
    // 国家统计局 统计用区划代码 2023: 昆明 14, 曲靖 9, … 迪庆 3.
    assert.equal(perPrefecture['昆明市'], 14);
    assert.equal(perPrefecture['红河哈尼族彝族自治州'], 13);
    assert.equal(perPrefecture['迪庆藏族自治州'], 3);
  });

  it('names the codes as GB/T 2260 does, and keeps the unit codes tests, accounts and plans use', () => {
    const byDivision = new Map(units.filter((u) => u.divisionCode).map((u) => [u.divisionCode!, u]));
    const expect = (division: string, name: string, parent: string) => {
      const u = byDivision.get(division);
      assert.equal(u?.name, name, division);
      assert.equal(u!.parent, parent, name);
    };
    expect('530102', '五华区', 'YN-KM');
    expect('530381', '宣威市', 'YN-QJ');
    expect('530902', '临翔区', 'YN-LC');
    expect('532801', '景洪市', 'YN-XSBN');
    expect('533102', '瑞丽市', 'YN-DH');
    expect('533401', '香格里拉市', 'YN-DQ');
    assert.equal(byDivision.get('530100')?.code, 'YN-KM');
    assert.equal(byDivision.get('532503')?.code, 'YN-HH-MZ');
    assert.equal(byDivision.get('530102')?.code, 'YN-530102');
  });

  describe('in a database', () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase('pglite');
      assert.ok((await seedDataset(t.database)).ok);
    });
    after(() => t.drop());

    const counties = () =>
      t.database.db
        .selectFrom('org_unit as u')
        .innerJoin('org_unit as p', 'p.id', 'u.parent_id')
        .select(['u.code', 'u.division_code', 'p.code as parent'])
        .where('u.kind', '=', 'county')
        .execute();

    it('seeds every county under its 州市', async () => {
      const rows = await counties();
      assert.equal(rows.length, 129);
      assert.deepEqual(
        rows.find((r) => r.division_code === '530102'),
        { code: 'YN-530102', division_code: '530102', parent: 'YN-KM' },
      );
    });

    it('adds the counties a database seeded before them lacks, leaving the others as they are', async () => {
      await t.database.db.updateTable('org_unit').set({ name: '五华区（改）' }).where('code', '=', 'YN-530102').execute();
      await t.database.db.deleteFrom('org_unit').where('code', 'in', ['YN-530103', 'YN-533401']).execute();
      assert.deepEqual((await syncDivisions(t.database)).sort(), ['YN-530103', 'YN-533401']);
      assert.equal((await counties()).length, 129);
      const wuhua = await t.database.db
        .selectFrom('org_unit')
        .select('name')
        .where('code', '=', 'YN-530102')
        .executeTakeFirstOrThrow();
      assert.equal(wuhua.name, '五华区（改）');
      assert.deepEqual(await syncDivisions(t.database), []);
    });
  });
});
