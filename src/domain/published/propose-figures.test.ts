import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proposeFigures, type ProposalIndicator } from './propose-figures.ts';

// The opening of 中华人民共和国2022年国民经济和社会发展统计公报 (国家统计局, 2023-02-28) as a reprint carries it
// (https://freewechat.com/a/MzA5NjI1ODAzNQ==/2797174616/, 甘肃发布), line breaks and half-width commas included.
const BULLETIN = `国家统计局今日(2月28日)发布《中华人民共和国2022年国民经济和社会发展统计公报》。

初步核算,全年国内生产总值1210207亿元,比上年增长3.0%。其中,第一产业增加值88345亿元,比上年增长4.1%;第二产业增加值483164亿元,增长3.8%;第三产业增加值638698亿元,增长2.3%。第一产业增加值占国内生产总值比重为7.3%,第二产业增加值比重为39.9%,第三产业增加值比重为52.8%。全年最终消费支出拉动国内生产总值增长1.0个百分点,资本形成总额拉动国内生产总值增长1.5个百分点,货物和服务净出口拉动国内生产总值增长0.5个百分点。全年人均国内生产总值85698元,比上年增长3.0%。国民总收入1197215亿元,比上年增长2.8%。全员劳动生产率为152977元/人,比上年提高4.2%。

年末全国人口141175万人,比上年末减少85万人,其中城镇常住人口92071万人。全年出生人口956万人,出生率为6.77‰;死亡人口1041万人,死亡率为7.37‰;自然增长率为-0.60‰。

年末全国就业人员73351万人,其中城镇就业人员45931万人,占全国就业人员比重为62.6%。全年城镇新增就业1206万人,比上年少增63万人。全年全国城镇调查失业率平均值为5.6%。年末全国城镇调查失业率为5.5%。`;

const INDICATORS: ProposalIndicator[] = [
  { code: 'GDP', name: '地区生产总值', unit: '万亿元', synonyms: ['GDP'] },
  { code: 'LABOUR_PRODUCTIVITY', name: '全员劳动生产率', unit: '万元/人', synonyms: [] },
  { code: 'NEW_URBAN_JOBS', name: '城镇新增就业', unit: '万人', synonyms: ['城镇新增就业人数'] },
  { code: 'URBAN_UNEMPLOYMENT', name: '城镇调查失业率', unit: '%', synonyms: [] },
];

test('a real bulletin: levels of the plan’s indicators, converted into their units, with the sentence as printed', () => {
  const found = proposeFigures(BULLETIN, INDICATORS, 2022);
  const byCode = new Map(found.map((f) => [f.indicator, f]));
  assert.deepEqual([...byCode.keys()].sort(), ['GDP', 'LABOUR_PRODUCTIVITY', 'NEW_URBAN_JOBS', 'URBAN_UNEMPLOYMENT']);
  const gdp = byCode.get('GDP')!;
  assert.deepEqual([gdp.year, gdp.value, gdp.statedValue, gdp.statedUnit], [2022, '121.0207', '1210207', '亿元']);
  assert.equal(gdp.quote, '初步核算,全年国内生产总值1210207亿元,比上年增长3.0%。');
  assert.equal(BULLETIN.slice(gdp.start, gdp.end).trim(), gdp.quote);
  assert.equal(byCode.get('LABOUR_PRODUCTIVITY')!.value, '15.2977');
  assert.equal(byCode.get('NEW_URBAN_JOBS')!.value, '1206');
  // The year-end rate (年末…为5.5%), not the change 增长…; the average (…平均值为5.6%) names another statistic.
  assert.equal(byCode.get('URBAN_UNEMPLOYMENT')!.value, '5.5');
});

test('changes on the year before, per-head figures and units of another kind are never proposed as levels', () => {
  const found = proposeFigures(
    '2023年,全省地区生产总值比上年增长4.4%。人均地区生产总值65000元。城镇新增就业比上年增加3万人。城镇新增就业达到50万户。',
    INDICATORS,
    2023,
  );
  assert.deepEqual(found, []);
});

test('the sentence’s own year beats the document’s; a horizon (到2025年) does not', () => {
  const found = proposeFigures('2021年城镇新增就业48万人。到2025年,城镇新增就业达到60万人。', INDICATORS, 2023);
  assert.deepEqual(
    found.map((f) => [f.year, f.value]),
    [[2021, '48']],
  );
});
