import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { missingFigure, type MissingFigureInput } from './missing-figure.ts';

const base: MissingFigureInput = {
  class: 'insufficient_data',
  dataYear: 2020,
  baselineYear: 2020,
  atYear: 2024,
  periodStart: 2021,
  indicator: '进出口总额',
  subject: '中国(云南)自由贸易试验区',
  responsible: ['德宏片区', '红河片区', '昆明片区'],
  forms: ['自贸试验区片区主要指标季报'],
  inputs: [],
};

describe('missingFigure', () => {
  it('names the figure of the year before the as-of year and who owes it when only the baseline exists', () => {
    assert.equal(
      missingFigure(base)?.zh,
      '缺中国(云南)自由贸易试验区2023年（或2024年）进出口总额；应由德宏片区、红河片区、昆明片区报送，报表：自贸试验区片区主要指标季报',
    );
  });

  it('says the same with no figure at all, or a stale one (2022 at 2024)', () => {
    const none = missingFigure({ ...base, dataYear: null, baselineYear: null });
    assert.match(none!.zh, /^缺中国\(云南\)自由贸易试验区2023年（或2024年）进出口总额/);
    assert.match(missingFigure({ ...base, dataYear: 2022 })!.en, /for 2023 \(or 2024\), owed by 德宏片区/);
  });

  it('asks for the baseline when a fresh figure exists but the plan gives none (昆明 GDP: 2024 figure, no baseline)', () => {
    const m = missingFigure({
      ...base,
      dataYear: 2024,
      baselineYear: null,
      indicator: '地区生产总值',
      subject: '昆明市',
      responsible: ['昆明市'],
      forms: ['州市区域协调发展主要指标年报'],
    });
    assert.equal(
      m?.zh,
      '缺基期值（2020年昆明市地区生产总值）：规划未给出基期值，也没有2020年审核数据可作基期；应由昆明市提供，报表：州市区域协调发展主要指标年报',
    );
    assert.match(m!.en, /^Baseline missing \(昆明市's 地区生产总值 of 2020\)/);
  });

  it("names the target's stated baseline year when it gives one without a value", () => {
    const m = missingFigure({
      ...base,
      dataYear: 2024,
      baselineYear: null,
      statedBaselineYear: 2021,
      indicator: '常住人口',
      subject: '昆明市',
    });
    assert.match(m!.zh, /^缺基期值（2021年昆明市常住人口）：.*没有2021年审核数据/);
  });

  it('names the inputs of a derived path, and nothing for a judged target or a fresh one with a baseline', () => {
    assert.match(
      missingFigure({ ...base, forms: [], inputs: ['URBAN_DISPOSABLE_INCOME', 'RURAL_DISPOSABLE_INCOME'] })!.zh,
      /由URBAN_DISPOSABLE_INCOME、RURAL_DISPOSABLE_INCOME计算$/,
    );
    assert.equal(missingFigure({ ...base, class: 'behind' }), null);
    assert.equal(missingFigure({ ...base, dataYear: 2023 }), null);
  });
});
