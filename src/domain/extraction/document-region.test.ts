import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogueSchema, type CatalogueInput } from './candidate.schema.ts';
import { documentRegion, regionalMatcher } from './document-region.ts';
import { extractCandidates } from './extract-candidates.ts';
import { createOrgUnitMatcher } from './org-unit-matcher.ts';

const catalogue: CatalogueInput = {
  indicators: [],
  orgUnits: [
    { code: 'YN', name: '云南省', kind: 'province' },
    { code: 'DEPT-FGW', name: '省发展改革委', kind: 'department', parent: 'YN' },
    { code: 'YN-KM', name: '昆明市', kind: 'prefecture', parent: 'YN' },
  ],
  groups: [],
};

describe('documentRegion', () => {
  it('names the province a text is about when the catalogue lacks it, and the nation for the State Council', () => {
    assert.deepEqual(documentRegion('四川省第十四届人民代表大会…四川省经济社会发展主要预期目标', catalogue), { name: '四川省' });
    assert.deepEqual(documentRegion('国务院总理在政府工作报告中提出,国内生产总值增长5%左右', catalogue), { name: '全国' });
    assert.equal(documentRegion('云南省…全省开发区…对接四川', catalogue), null);
    assert.equal(documentRegion('昆明全省开发区营业收入', catalogue), null);
  });
  it('leaves the province open when the text names neither a province nor a unit of the catalogue', () => {
    assert.deepEqual(documentRegion('全省开发区营业收入增长6%左右', catalogue), {});
    const orgs = regionalMatcher(createOrgUnitMatcher(catalogueSchema.parse(catalogue)), {});
    assert.deepEqual(
      orgs.find('全省地区生产总值').map((m) => [m.code, m.name]),
      [[undefined, '全省']],
    );
    assert.equal(orgs.resolve('省发展改革委')?.code, 'DEPT-FGW');
  });
});

describe('regionalMatcher', () => {
  const orgs = regionalMatcher(createOrgUnitMatcher(catalogueSchema.parse(catalogue)), { name: '安徽省' });
  it('reads 全省 as the region and 省发展改革委 as written, without the catalogue’s codes', () => {
    assert.deepEqual(
      orgs.find('全省生产总值增长7%').map((m) => [m.code, m.name]),
      [[undefined, '安徽省']],
    );
    assert.deepEqual(orgs.resolve('省发展改革委'), { name: '省发展改革委', mention: '省发展改革委' });
    assert.equal(orgs.find('昆明市')[0]?.code, 'YN-KM');
  });
});

describe('extractCandidates on another province’s 分工方案', () => {
  it('gives its targets the province as scope and its tasks the departments as named (was 云南省 / DEPT-FGW)', () => {
    const text = [
      '安徽省人民政府关于2022年重点工作及责任分解的通知',
      '一、确保完成全年主要预期目标',
      '1.全省生产总值增长7%以上。',
      '牵头责任单位:省发展改革委。',
      '协同责任单位:省财政厅、合肥海关等。',
    ].join('\n');
    const r = extractCandidates(text, { catalogue });
    assert.deepEqual(
      r.targets.map((t) => [t.scope?.code, t.scope?.name, t.target.year]),
      [[undefined, '安徽省', 2022]],
    );
    assert.deepEqual(
      r.tasks.map((k) => [k.lead.map((u) => u.code ?? u.name), k.co.map((u) => u.code ?? u.name)]),
      [[['省发展改革委'], ['省财政厅', '合肥海关']]],
    );
  });
});
