import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOrgUnitMatcher, deriveAliases } from './org-unit-matcher.ts';

describe('deriveAliases', () => {
  it('derives the short forms plans use', () => {
    assert.deepEqual(deriveAliases('红河哈尼族彝族自治州', 'prefecture').sort(), ['红河', '红河州']);
    assert.ok(deriveAliases('昆明市', 'prefecture').includes('昆明'));
    assert.ok(deriveAliases('昆明高新技术产业开发区', 'development_zone').includes('昆明高新区'));
    assert.ok(deriveAliases('中国(云南)自由贸易试验区', 'ftz').includes('自贸试验区'));
    assert.ok(deriveAliases('省发展改革委', 'department').includes('发展改革部门'));
    assert.ok(deriveAliases('云南省', 'province').includes('全省'));
  });
});

describe('createOrgUnitMatcher', () => {
  const orgs = createOrgUnitMatcher({
    orgUnits: [
      { code: 'YN', name: '云南省', kind: 'province', synonyms: [] },
      { code: 'YN-KM', name: '昆明市', kind: 'prefecture', synonyms: [] },
      { code: 'ZN-BONDED', name: '昆明综合保税区', kind: 'bonded_zone', synonyms: [] },
      { code: 'DEPT-NEW', name: '省工业和信息化厅', kind: 'department', synonyms: [] },
      { code: 'DEPT-OLD', name: '省工业和信息化委', kind: 'department', synonyms: [] },
      { code: 'ZN-DZ', name: '滇中新区', kind: 'development_zone', synonyms: [] },
    ],
    groups: [{ code: 'zones', name: '规划范围内开发区', synonyms: [] }],
  });
  it('finds the longest mention at each position', () => {
    assert.deepEqual(
      orgs.find('昆明综合保税区与昆明市、全省开发区合作').map((m) => [m.code, m.mention]),
      [
        ['ZN-BONDED', '昆明综合保税区'],
        ['YN-KM', '昆明市'],
        ['zones', '全省开发区'],
      ],
    );
  });
  it('takes a generic group word only where a word starts', () => {
    assert.deepEqual(
      orgs.find('各开发区营业收入').map((m) => m.code),
      ['zones'],
    );
    assert.deepEqual(
      orgs.find('高新技术产业开发区').map((m) => m.code),
      [],
    );
  });
  it('resolves names in responsibility lists: first catalogue entry wins a shared short form, 管委会 is the zone', () => {
    assert.equal(orgs.resolve('工业和信息化部门')?.code, 'DEPT-NEW');
    assert.equal(orgs.resolve('滇中新区管委会')?.code, 'ZN-DZ');
    assert.deepEqual(orgs.resolve('省泛珠办'), { name: '省泛珠办', mention: '省泛珠办' });
  });
});
