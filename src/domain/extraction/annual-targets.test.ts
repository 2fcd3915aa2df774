import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CatalogueInput } from './candidate.schema.ts';
import { annualClauses, annualYear, findAnnualZones, parseAnnualClause } from './annual-targets.ts';
import { extractCandidates } from './extract-candidates.ts';

const pick = (c: ReturnType<typeof parseAnnualClause>) =>
  c && { indicator: c.indicator, comparator: c.comparator, value: c.value, rate: c.rate, min: c.min, max: c.max, unit: c.unit };

describe('parseAnnualClause', () => {
  it('reads 增长x% as one year’s growth, whatever its 左右/以上', () => {
    assert.deepEqual(pick(parseAnnualClause('地区生产总值增长5.5%左右')), {
      indicator: '地区生产总值',
      comparator: 'annual_growth',
      value: undefined,
      rate: '5.5',
      min: undefined,
      max: undefined,
      unit: '%',
    });
    assert.equal(parseAnnualClause('固定资产投资力争增长10%以上')?.indicator, '固定资产投资');
  });
  it('reads consumer prices as the year’s rise of the price level (gold guide §2): 左右 and 控制在…以内 alike', () => {
    assert.deepEqual(
      [parseAnnualClause('居民消费价格涨幅3%左右'), parseAnnualClause('居民消费价格涨幅控制在3%以内')].map((c) => [
        c?.indicator,
        c?.comparator,
        c?.rate,
        c?.value,
      ]),
      [
        ['居民消费价格', 'annual_growth', '3', undefined],
        ['居民消费价格', 'annual_growth', '3', undefined],
      ],
    );
    assert.equal(parseAnnualClause('居民消费价格指数上涨3%左右')?.indicator, '居民消费价格指数');
  });
  it('reads levels by their qualifier: 以上 → at_least, 以内/控制在 → at_most, 左右 or none → exactly', () => {
    const read = (s: string) => {
      const c = parseAnnualClause(s);
      return [c?.indicator, c?.comparator, c?.value, c?.unit];
    };
    assert.deepEqual(read('粮食产量稳定在1270万吨以上'), ['粮食产量', 'at_least', '1270', '万吨']);
    assert.deepEqual(read('城镇调查失业率全年控制在5.5%以内'), ['城镇调查失业率', 'at_most', '5.5', '%']);
    assert.deepEqual(read('城镇调查失业率5.5%左右'), ['城镇调查失业率', 'exactly', '5.5', '%']);
    assert.deepEqual(read('城镇新增就业85万人'), ['城镇新增就业', 'exactly', '85', '万人']);
    assert.deepEqual(read('新增就业目标1200万'), ['新增就业', 'exactly', '1200', '万']);
  });
  it('reads 下降/降低 as a negative change and a span as a range', () => {
    assert.deepEqual(
      [parseAnnualClause('单位国内生产总值能耗降低2.5%左右')?.rate, parseAnnualClause('经济增长4.5%-5%')?.comparator],
      ['-2.5', 'range'],
    );
  });
  it('reads a count of the list (申报认定国家高新技术企业6家), not a count of the document’s tasks', () => {
    assert.deepEqual(
      [parseAnnualClause('申报认定国家高新技术企业6家'), parseAnnualClause('引进亿元以上项目20个以上')].map((c) => [
        c?.indicator,
        c?.comparator,
        c?.value,
        c?.unit,
      ]),
      [
        ['申报认定国家高新技术企业', 'exactly', '6', '家'],
        ['引进亿元以上项目', 'at_least', '20', '个'],
      ],
    );
    assert.equal(parseAnnualClause('共分解146项工作任务'), null);
  });
  it('leaves a figure that qualifies a noun (新增20亿元企业) and a 分别 list to the sentence rules', () => {
    assert.equal(parseAnnualClause('新增20亿元企业'), null);
    assert.equal(parseAnnualClause('重大项目竣工贡献度分别达25%'), null);
    assert.equal(parseAnnualClause('地区生产总值增长6%左右')?.rate, '6');
  });
  it('reads figures in 亿美元 and 件 (实际利用外资1亿美元, 有效发明专利数280件)', () => {
    assert.deepEqual(
      [parseAnnualClause('实际利用外资1亿美元'), parseAnnualClause('有效发明专利数280件以上')].map((c) => [
        c?.indicator,
        c?.comparator,
        c?.value,
        c?.unit,
      ]),
      [
        ['实际利用外资', 'exactly', '1', '亿美元'],
        ['有效发明专利数', 'at_least', '280', '件'],
      ],
    );
  });
  it('proposes nothing for years, budget measures and clauses without a figure', () => {
    assert.equal(parseAnnualClause('有利于有序实现2030年前碳达峰目标'), null);
    assert.equal(parseAnnualClause('赤字率拟按3%安排'), null);
    assert.equal(parseAnnualClause('居民收入增长和经济增长同步'), null);
  });
});

describe('annual zones and year', () => {
  it('takes the year from the 预期目标 sentence, else from 今年(2024年) or the report named with its year', () => {
    assert.equal(annualYear('今年(2024年)广东省发展面临的有利条件'), 2024);
    assert.equal(annualYear('《2023年省〈政府工作报告〉任务分解和责任分工方案》已经审议通过'), 2023);
    assert.equal(annualYear('今年发展主要预期目标是:国内生产总值增长5%左右'), undefined);
  });
  it('takes the year a report names a year’s plan by (2016年计划投资…), not a plan’s execution', () => {
    assert.equal(annualYear('重点项目总投资26.5亿元,2016年计划投资10.63亿元,截至3月底累计完成投资1.96亿元'), 2016);
    assert.equal(annualYear('到2025年计划建成示范区'), undefined);
  });
  it('takes the year nearest the report’s name, not a year it reviews before it (回顾了2024年工作,并就2025年重点工作…)', () => {
    assert.equal(annualYear('市长作政府工作报告。报告回顾了2024年工作,并就2025年重点工作进行了部署。'), 2025);
  });
  it('takes the year a one-year work plan is named by (《2020年…工作方案》, 2024年工作要点), not a range’s end', () => {
    assert.equal(annualYear('记者获悉,《2020年示范省推进产业集聚区高质量发展工作方案》印发'), 2020);
    assert.equal(annualYear('示范新城2024年工作要点'), 2024);
    assert.equal(annualYear('示范区2021—2025年工作方案'), undefined);
    assert.equal(annualYear('到2025年,完善工作方案'), undefined);
  });
  it('takes the year 今年 is said to open or close a named five-year period (今年是“十五五”开局之年)', () => {
    assert.equal(annualYear('今年发展主要预期目标是:经济增长4.5%—5%。今年是中国大陆「十五五」开局之年,要持续防范风险。'), 2026);
    assert.equal(annualYear('今年是“十四五”规划收官之年。今年主要预期目标是:地区生产总值增长6%左右。'), 2025);
    assert.equal(annualYear('明年是“十五五”开局之年,要谋划好重大项目。'), undefined, 'next year is not the year of the report');
    assert.equal(annualYear('2021年是“十四五”开局之年,全市地区生产总值增长8%。'), undefined, 'a year named otherwise');
  });
  it('dates a list that names no year by the sentence just before it, unless that sentence looks back', () => {
    const opening =
      '2023年,是全面贯彻党的二十大精神的开局之年。政府工作报告提出今年发展的主要预期目标是:国内生产总值增长5%左右。';
    assert.deepEqual(
      findAnnualZones(opening).map((z) => z.year),
      [2023],
    );
    const plan = '2024年,新城将坚持产业立城。\n主要预期目标是:地区生产总值增长8%-10%,固定资产投资增长10%。';
    assert.deepEqual(
      findAnnualZones(plan).map((z) => z.year),
      [2024],
    );
    const review = '2023年,全区地区生产总值已增长5.2%。今年主要预期目标是:地区生产总值增长5%左右。';
    assert.deepEqual(
      findAnnualZones(review).map((z) => z.year),
      [undefined],
    );
  });
  it('reads the paragraph under a 2024年目标任务 heading as the year’s list', () => {
    const text = '今日开发区\n2024年目标任务\n实现GDP增速6.2%以上;规上工业增加值增长9%左右。\n一 打造营商服务环境新标杆';
    const clauses = annualClauses(text, findAnnualZones(text));
    assert.deepEqual(
      clauses.map((c) => [c.indicator, c.year, c.comparator, c.rate]),
      [
        ['GDP', 2024, 'annual_growth', '6.2'],
        ['规上工业增加值', 2024, 'annual_growth', '9'],
      ],
    );
  });
  it('gives names listed with 、 before one figure with 均 a target each', () => {
    const text = '2024年主要预期目标:固定资产投资、工业投资、服务业投资均增长12%左右;进出口增长5%以上。';
    assert.deepEqual(
      annualClauses(text, findAnnualZones(text)).map((c) => [c.indicator, c.rate, text.slice(c.valueFrom, c.valueTo)]),
      [
        ['固定资产投资', '12', '12%左右'],
        ['工业投资', '12', '12%左右'],
        ['服务业投资', '12', '12%左右'],
        ['进出口', '5', '5%以上'],
      ],
    );
  });
  it('ignores the goals of a five-year period', () => {
    assert.deepEqual(findAnnualZones('“十四五”时期经济社会发展主要预期目标:地区生产总值年均增长6%'), []);
  });
  it('reads a bulleted list under its heading, with the heading’s year', () => {
    const text = '■ 2025年经济社会发展的主要预期目标\n●经济增长6%左右\n●城镇新增就业70万人以上\n■ 2026年展望';
    const clauses = annualClauses(text, findAnnualZones(text));
    assert.deepEqual(
      clauses.map((c) => [c.indicator, c.year, text.slice(c.valueFrom, c.valueTo)]),
      [
        ['经济', 2025, '6%左右'],
        ['城镇新增就业', 2025, '70万人以上'],
      ],
    );
  });
});

describe('extractCandidates on an annual report', () => {
  const catalogue: CatalogueInput = { indicators: [], orgUnits: [], groups: [] };
  const text = [
    '示范省政府工作报告:2024年主要预期目标发布',
    '过去一年,全省地区生产总值增长5.8%。今年是实现“十四五”规划目标任务的关键一年。',
    '2024年经济社会发展主要预期目标是:地区生产总值增长5.5%左右,居民消费价格涨幅3%左右,城镇调查失业率5.5%左右,粮食产量稳定在1900万吨以上。',
  ].join('\n');
  const r = extractCandidates(text, { catalogue });
  it('dates the targets to the report’s year, not to the 十四五 the text mentions', () => {
    assert.deepEqual([r.plan.periodStart, r.plan.periodEnd], [2024, 2024]);
    assert.deepEqual(
      r.targets.map((t) => [text.slice(t.valueSpan.start, t.valueSpan.end), t.target.year, t.target.comparator]),
      [
        ['5.5%左右', 2024, 'annual_growth'],
        ['3%左右', 2024, 'annual_growth'],
        ['5.5%左右', 2024, 'exactly'],
        ['1900万吨以上', 2024, 'at_least'],
      ],
    );
  });
  it('reads a headline 2024年…预期增长6%左右 as one year’s growth', () => {
    const headline = extractCandidates(
      '示范省政府工作报告丨2024年示范省地区生产总值预期增长6%左右\n2024年主要预期目标是:城镇调查失业率5.5%左右。',
      {
        catalogue,
      },
    );
    assert.deepEqual(
      headline.targets.map((t) => [t.indicator.name, t.target.year, t.target.comparator, t.target.rate ?? t.target.value]),
      [
        ['示范省地区生产总值', 2024, 'annual_growth', '6'],
        ['城镇调查失业率', 2024, 'exactly', '5.5'],
      ],
    );
  });
  it('makes no deadline task of a sentence that explains a target (2030年前碳达峰)', () => {
    const r2 = extractCandidates(
      '今年主要预期目标是:单位国内生产总值能耗降低2.5%左右。\n提出这些预期目标,单位国内生产总值能耗降低2.5%左右,有利于有序实现2030年前碳达峰目标。',
      { catalogue },
    );
    assert.deepEqual(r2.tasks, []);
  });
  it('dates prose goals by the year an annual document names itself by, when it has no 预期目标 list', () => {
    const r = extractCandidates(
      '浙江省政府下达2025年国民经济和社会发展计划\n近日,浙江省印发计划。新增100个以上项目纳入国家用地保障范围。安排省级财政资金1042.8亿元,供应建设用地35万亩以上。为经营主体减负2500亿元以上。',
      { catalogue },
    );
    assert.deepEqual([r.plan.periodStart, r.plan.periodEnd], [2025, 2025]);
    assert.deepEqual(
      r.targets.map((t) => [t.indicator.name, t.target.year, t.target.comparator, t.target.value]),
      [
        ['项目', 2025, 'at_least', '100'],
        ['供应建设用地', 2025, 'at_least', '35'],
        ['为经营主体减负', 2025, 'at_least', '2500'],
      ],
    );
  });
  it('reads 增长x% in a sentence about a year named as such (2025年,…将力争) as that year’s growth', () => {
    const r = extractCandidates('收官“十四五”。2025年,高新区将力争地区生产总值增长6.5%以上,保持全市第一方阵。', { catalogue });
    assert.deepEqual(
      r.targets.map((t) => [t.target.year, t.target.comparator, t.target.rate]),
      [[2025, 'annual_growth', '6.5']],
    );
  });
  it('dates a report of a year’s work by the year it names with 将 (2025年,该区将…), goals before that sentence included', () => {
    assert.equal(annualYear('新增产值10亿元以上……3月4日会议传来消息,2025年,该区将紧扣目标。'), 2025);
    assert.equal(annualYear('2024年,该区将扩大开放。2025年,该区将紧扣目标。'), undefined, 'two such years: none');
    assert.equal(annualYear('到2025年,该区将建成示范园区。'), undefined, 'a horizon is not a year named as such');
    const r = extractCandidates(
      '示范日报讯(记者 张三) 新增工业产值110亿元以上,完成固定资产投资120亿元以上……3月4日,示范经开区会议上传来消息,2025年,该区将紧扣目标。\n全年新增规模工业企业7家以上。',
      { catalogue },
    );
    assert.deepEqual([r.plan.periodStart, r.plan.periodEnd], [2025, 2025]);
    assert.deepEqual(
      r.targets.map((t) => [t.target.year, t.target.comparator, t.target.value]),
      [
        [2025, 'at_least', '110'],
        [2025, 'at_least', '120'],
        [2025, 'at_least', '7'],
      ],
    );
  });
  it('reads the figures of the year before a report’s date as results (2025年1月3日 … 2024年…增长7%)', () => {
    const r = extractCandidates(
      '示范经开区召开工作会议\n2025年1月3日,示范经开区工委扩大会议召开。2025年是“十四五”收官之年。\n据报告,2024年示范经开区工业开票销售增长7%,固定资产投资增长15%。全年新签约亿元以上项目达到127个。',
      { catalogue },
    );
    assert.deepEqual(r.targets, []);
  });
  it('reads a review of a plan dated at its end (2020-12-24, “十三五”期间) as results', () => {
    const r = extractCandidates(
      '示范市“十三五”规划《纲要》预计完成31项指标\n示范网 2020-12-24 08:17:00\n“十三五”期间,全市地区生产总值年均增长7.2%左右;财政总收入950亿元左右。预计2020年全市地区生产总值达到6900亿元左右。',
      { catalogue },
    );
    assert.deepEqual(r.targets, []);
  });
  it('invents no period when the text never states the year', () => {
    // 开局之年 of no named period (the external 中新经纬 text) says nothing of the year.
    const undated = extractCandidates('今年是开局之年。今年发展主要预期目标是:国内生产总值增长5%左右。', {
      catalogue,
    });
    assert.equal(undated.plan.periodEnd, undefined);
    assert.deepEqual(undated.targets, []);
    // A named period's last year is stated, as 到“十四五”末 states 2025.
    const named = extractCandidates('今年是“十四五”规划收官之年。今年发展主要预期目标是:国内生产总值增长5%左右。', {
      catalogue,
    });
    assert.deepEqual(
      named.targets.map((t) => [t.target.year, t.target.rate]),
      [[2025, '5']],
    );
  });
});
