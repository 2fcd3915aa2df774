import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractionResultSchema, type CatalogueInput } from './candidate.schema.ts';
import { extractCandidates } from './extract-candidates.ts';

/** A plan the catalogue has never seen, written the way Chinese plans are. */
const PLAN = [
  '示范市“十四五”开放型经济发展规划',
  '第一章 发展基础',
  '“十三五”期间,全市经济稳步增长,2020年完成进出口总额389亿元,实际利用外资12亿美元。',
  '第二章 发展目标',
  '到2025年,全市进出口总额达到600亿元,年均增长9%左右;实际利用外资达到20亿美元;',
  '跨境电商交易额力争突破50亿元,外贸企业数量实现翻番。',
  '表1 主要指标',
  '指标 单位 2020年 2025年 属性',
  '一般公共预算收入亿元 80 120 预期性',
  '第三章 重点任务',
  '加快建设国际物流枢纽,推动示范港区扩能改造。(市商务局牵头;市发展改革委、示范港区管委会按职责分工负责)',
  '到2023年底前,完成口岸智能化改造。',
  '每年举办一次开放型经济发展论坛。',
].join('\n');

const catalogue: CatalogueInput = {
  indicators: [
    { code: 'TRADE_TOTAL', name: '进出口总额', unit: '亿元', synonyms: ['外贸进出口'] },
    { code: 'FDI_ACTUAL', name: '实际利用外资', unit: '亿美元', synonyms: [] },
  ],
  orgUnits: [
    { code: 'DEMO', name: '示范市', kind: 'prefecture' },
    { code: 'DEMO-FGW', name: '市发展改革委', kind: 'department', parent: 'DEMO' },
  ],
  groups: [],
};

describe('extractCandidates on a plan outside the dataset', () => {
  const r = extractCandidates(PLAN, { catalogue });

  it('returns a valid result with the plan context and sections', () => {
    extractionResultSchema.parse(r);
    assert.deepEqual([r.plan.periodStart, r.plan.periodEnd, r.plan.defaultScope?.code], [2021, 2025, 'DEMO']);
    assert.deepEqual(
      r.sections.map((s) => s.heading),
      ['第一章发展基础', '第二章发展目标', '表1主要指标', '第三章重点任务'],
    );
  });

  it('proposes the targets, matched to the catalogue or as new indicators, with baselines', () => {
    const row = (code: string, comparator: string) =>
      r.targets.find((t) => (t.indicator.code ?? t.indicator.name) === code && t.target.comparator === comparator);
    const trade = row('TRADE_TOTAL', 'at_least')!;
    assert.deepEqual(
      [trade.target.year, trade.target.value, trade.scope?.code, trade.baseline?.year, trade.baseline?.value],
      [2025, '600', 'DEMO', 2020, '389'],
    );
    assert.equal(row('TRADE_TOTAL', 'annual_growth')?.target.rate, '9');
    assert.equal(row('FDI_ACTUAL', 'at_least')?.baseline?.value, '12');
    assert.equal(row('跨境电商交易额', 'at_least')?.target.value, '50');
    assert.equal(row('外贸企业数量', 'cumulative_change')?.target.rate, '100');
    const revenue = r.targets.find((t) => t.fromTable)!;
    assert.deepEqual(
      [revenue.indicator.name, revenue.baseline?.value, revenue.target.value, revenue.target.year],
      ['一般公共预算收入', '80', '120', 2025],
    );
    assert.ok(
      r.targets.every((t) => t.target.year >= 2021),
      'the 2020 figures are baselines, not targets',
    );
  });

  it('ties each candidate to the exact characters of the original', () => {
    for (const t of r.targets) {
      const original = PLAN.slice(t.valueSpan.start, t.valueSpan.end).replace(/\s+/g, '');
      assert.ok(/\d|翻/.test(original), `${t.id}: ${original}`);
    }
  });

  it('proposes tasks with owners, deadlines and recurrences', () => {
    assert.deepEqual(
      r.tasks.map((k) => [
        k.trigger,
        k.lead.map((u) => u.code ?? u.name),
        k.co.map((u) => u.code ?? u.name),
        k.deadline ?? k.recurrence,
      ]),
      [
        ['responsibility', ['市商务局'], ['DEMO-FGW', '示范港区管委会'], undefined],
        ['deadline', [], [], '2023-12-31'],
        ['recurrence', [], [], '每年'],
      ],
    );
  });

  it('lists the units and industries the plan names', () => {
    assert.equal(r.orgUnits[0]?.code, 'DEMO');
    assert.deepEqual(
      extractCandidates('大力发展生物医药产业和现代物流业。', { catalogue }).industries.map((i) => i.name),
      ['生物医药', '现代物流'],
    );
  });
});

describe('extractCandidates: a run-in goal heading dates its section', () => {
  it('takes 到2025年 right after “(二)发展目标。” as the year of the goals below it', () => {
    const text = [
      '示范市先进制造业行动方案',
      '(二)发展目标。到2025年,初步建成先进制造业强市。',
      '产业能级更高。先进制造业综合实力进入全省前列。',
      '产业结构更优。基本形成现代化制造业体系,战略性新兴产业增加值占规模以上工业增加值比重超过30%。',
    ].join('\n');
    const r = extractCandidates(text, { catalogue });
    assert.deepEqual(
      r.targets.map((t) => [t.target.year, t.target.comparator, t.target.value]),
      [[2025, 'share', '30']],
    );
  });
});

describe('extractCandidates: a paragraph that only reports the past', () => {
  it('proposes no target from a review of the previous period, even for a sentence without a year', () => {
    const text = [
      '示范市“十四五”规划',
      '2020年,全市地区生产总值为424.74亿元。全员劳动生产率从2015年的8.22万元/人增长到2020年的11.77万元/人,年均递增7.4%。全市固定资产投资年均增速11%。',
      '到2025年,全市固定资产投资年均增长8%。',
    ].join('\n');
    const r = extractCandidates(text, { catalogue });
    assert.deepEqual(
      r.targets.map((t) => [t.target.year, t.target.rate]),
      [[2025, '8']],
    );
  });
});

describe('extractCandidates: the review section of an annual plan (issue 17)', () => {
  it('proposes nothing from a …计划执行情况 section, whose figures are last year’s results', () => {
    const text = [
      '示范市2024年国民经济和社会发展计划',
      '一、2023年国民经济和社会发展计划执行情况',
      '初步核算,全市实现地区生产总值3347.6亿元,增长1.5%;规模以上工业增加值增长1%。',
    ].join('\n');
    assert.deepEqual(extractCandidates(text, { catalogue }).targets, []);
  });
});

describe('extractCandidates: indicator names ending in 投入, 强度, …度 (issue 17)', () => {
  it('proposes 研发经费投入 and 活跃度 as new indicators, not 年度 or 力度', () => {
    const text = ['示范市三年行动方案(2023-2025年)', '到2025年,研发经费投入年均增速高于9%,个体工商户活跃度达到70%。'].join('\n');
    assert.deepEqual(
      extractCandidates(text, { catalogue }).targets.map((t) => [t.indicator.name, t.target.year]),
      [
        ['研发经费投入', 2025],
        ['个体工商户活跃度', 2025],
      ],
    );
  });
});

describe('extractCandidates: the review that opens a five-year plan (issue 17 item 1)', () => {
  const goal = '到2025年,全市地区生产总值年均增长6%。';
  const targetsOf = (lines: string[]) =>
    extractCandidates(['示范市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要', ...lines, goal].join('\n'), {
      catalogue,
    }).targets.map((t) => [t.target.year, t.target.rate ?? t.target.value]);
  it('proposes nothing from a paragraph dated only by the previous period (“十三五”期间, 过去五年, 五年来)', () => {
    assert.deepEqual(
      targetsOf([
        '“十三五”期间,全市实施重大项目120个,完成投资1800亿元,地区生产总值年均增长7.5%。',
        '过去五年,全市城镇化率提高到61.5%,新增城镇就业5.6万人。',
        '五年来,累计完成固定资产投资2000亿元,森林覆盖率达到45%。',
      ]),
      [[2025, '6']],
    );
  });
  it('proposes nothing from the undated paragraphs that carry such a review on', () => {
    assert.deepEqual(
      targetsOf([
        '“十三五”时期,面对错综复杂的形势,全市经济社会发展取得巨大成就。',
        '经济实力显著增强。地区生产总值突破500亿元,人均地区生产总值达到9.8万元,一般公共预算收入达到45.2亿元。',
        '创新能力持续提升。研发经费投入强度达到2.6%,高新技术企业达到320家。',
        '“十三五”期间,全市地区生产总值年均增长7.5%。',
      ]),
      [[2025, '6']],
    );
  });
});

describe('extractCandidates: the national context and the plan’s description of itself (issue 17 item 1)', () => {
  const opening = (lines: string[]) =>
    extractCandidates(['示范市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要', ...lines].join('\n'), {
      catalogue,
    }).targets.map((t) => [t.target.year, t.target.value ?? t.target.rate]);
  it('proposes no target from the national situation a city’s plan describes', () => {
    assert.deepEqual(
      opening(['当今世界正经历百年未有之大变局,我国经济总量突破100万亿元,人均国内生产总值超过1万美元,常住人口城镇化率超过60%。']),
      [],
    );
  });
  it('does not date the sentences after the plan’s period (规划期为…,展望到2035年) by its last year', () => {
    const r = extractCandidates(
      [
        '示范市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
        '本纲要规划期为2021—2025年,展望到2035年。',
        '全市进出口总额力争突破600亿元。',
      ].join('\n'),
      { catalogue },
    );
    assert.deepEqual(
      r.targets.map((t) => [t.target.year, t.target.value]),
      [[2025, '600']],
    );
  });
});

describe('extractCandidates: news reports of a plan (issue 17 item 3)', () => {
  const news = [
    '示范日报讯 (记者张三)9月13日,示范市数字经济三年行动计划正式印发。',
    '从区域布局来看,到2024年底,全市数字经济将形成“一核引领、多点支撑”的发展格局。',
    '行动计划提出,到2024年,全市数字经济核心产业增加值力争突破800亿元。',
  ];
  it('reads a goal the reporter quotes with its date as a goal, not as a task without owner', () => {
    const r = extractCandidates(news.join('\n'), { catalogue });
    assert.deepEqual(r.tasks, []);
    assert.deepEqual(
      r.targets.map((t) => [t.target.year, t.target.value]),
      [[2024, '800']],
    );
  });
  it('still proposes the tasks of a report that names responsible units', () => {
    const r = extractCandidates([...news, '2024年6月底前完成全市5G基站布局规划。(市发展改革委牵头)'].join('\n'), { catalogue });
    assert.deepEqual(r.tasks.map((k) => k.trigger).sort(), ['deadline', 'responsibility']);
  });
});

describe('extractCandidates: a development zone’s work plan for one year (issue 17 item 3)', () => {
  it('reads a plain growth rate of the year (全年引进内资增长10%) as a goal, outside a goal heading too', () => {
    const text = [
      'XX新城2024年工作计划',
      '2024年主要目标:地区生产总值增长8%。',
      '一、坚持产业立城',
      '推进楼宇招商,全年引进内资增长10%,实际使用外资4000万美元以上。',
    ].join('\n');
    assert.deepEqual(
      extractCandidates(text, { catalogue })
        .targets.map((t) => [t.indicator.name.replace(/^全?年/, ''), t.target.year, t.target.rate ?? t.target.value])
        .filter(([name]) => name !== '实际利用外资'),
      [
        ['地区生产总值', 2024, '8'],
        ['引进内资', 2024, '10'],
      ],
    );
  });
});

describe('extractCandidates: a report that names one horizon and no period (issue 17 item 3)', () => {
  it('dates the goals of later paragraphs by the one 到20xx年 the text names', () => {
    const text = [
      '示范省明确提出今后五年沿江开发目标',
      '到2012年,沿江地区地区生产总值达到22800亿元。',
      '会议强调,要坚持开发与保护并重。',
      '沿江地区要扩大规模,优化结构。',
      '全面提升沿江开发区发展水平,力争建成20个综合经济开发区。',
    ].join('\n');
    assert.deepEqual(
      extractCandidates(text, { catalogue }).targets.map((t) => [t.target.year, t.target.value]),
      [
        [2012, '22800'],
        [2012, '20'],
      ],
    );
  });
});

describe('extractCandidates: the goals a news report relays (issue 17 item 3)', () => {
  it('reads a count with a weak cue (打造7个…示范区) in a report of a plan as the plan’s goal', () => {
    const text = [
      '记者27日从样板市工信局获悉,样板市出台《数字经济发展三年行动计划(2020-2022年)》。',
      '产业数字化方面,规上企业工业互联网应用覆盖率达90%以上,打造7个数字化融合发展示范区。',
    ].join('\n');
    assert.deepEqual(
      extractCandidates(text, { catalogue: { indicators: [], orgUnits: [], groups: [] } }).targets.map((t) => [
        t.target.year,
        t.target.value,
        t.unit,
      ]),
      [
        [2022, '90', '%'],
        [2022, '7', '个'],
      ],
    );
  });
});

describe('extractCandidates: the fourth development batch of the unseen gold set (issue 17)', () => {
  const none: CatalogueInput = { indicators: [], orgUnits: [], groups: [] };
  const read = (text: string) =>
    extractCandidates(text, { catalogue: none }).targets.map((t) => [
      t.target.year,
      t.target.comparator,
      t.target.value ?? t.target.rate,
    ]);

  it('reads 到“十四五”末 as a horizon, so an 已经 elsewhere in the sentence makes no result, and 冲刺 as a floor', () => {
    const text = [
      '示范市“十四五”规划纲要草案提请审议。',
      '对于已经开启的新的五年征程,市长表示,到“十四五”末,全市地区生产总值要达到300亿元。',
      '其中,二产业年均增速保持在8.5%以上、增加值总量冲刺86.7亿元。',
    ].join('\n');
    assert.deepEqual(read(text), [
      [2025, 'at_least', '300'],
      [2025, 'annual_growth', '8.5'],
      [2025, 'at_least', '86.7'],
    ]);
  });

  it('reads a paragraph whose change reached a year before the plan (…跃升至2020年的…) as a review', () => {
    const text = [
      '示范区国民经济和社会发展第十四个五年规划和2035年远景目标纲要',
      '经济总量跃上新台阶。地区生产总值从2015年末的300亿元跃升至2020年的469.5亿元,年均增长9.3%;财政收入达42.6亿元,年均增长9.4%。',
    ].join('\n');
    assert.deepEqual(read(text), []);
  });

  it('dates the 全年 goals of a report by the date it opens with, and counts new projects (新竣工…项目12个)', () => {
    const text = [
      '来源:示范日报  日期:2024-04-17 08:43:42',
      '示范经济开发区将激发高质量发展的强大合力。全年全口径工业开票销售突破600亿元,新竣工示范、样板等重点产业项目12个。',
    ].join('\n');
    assert.deepEqual(read(text), [
      [2024, 'at_least', '600'],
      [2024, 'at_least', '12'],
    ]);
  });

  it('counts a quoted kind (“小巨人”4家), an item naming only its level (、省级10家) and the total of listed kinds', () => {
    const text = [
      '日期:2024-04-17 08:43:42',
      '全年工业开票销售突破600亿元,新认定国家专精特新“小巨人”4家、省级10家,争创省智能车间、5G工厂、互联网标杆工厂10家。',
    ].join('\n');
    assert.deepEqual(
      extractCandidates(text, { catalogue: none })
        .targets.slice(1)
        .map((t) => [t.target.year, t.target.value, t.indicator.name]),
      [
        [2024, '4', '新认定国家专精特新“小巨人”'],
        [2024, '10', '新认定省级专精特新“小巨人”'],
        [2024, '10', '争创省智能车间、5G工厂、互联网标杆工厂'],
      ],
    );
  });

  it('reads a report of a period’s results as results, except a goal dated after that period', () => {
    const text = [
      '本报讯 7月24日,示范市政府新闻办举行发布会,全面展示示范县“十四五”期间经济社会发展成就。',
      '五年来,地区生产总值年均增长4.25%,城镇化率由2020年的50.5%提高到2024年的55.2%。预计2025年农业全产业链综合产值达830亿元。',
      '此外,奶山羊存栏量达57.3万只,全产业链产值突破80亿元,新能源产业装机容量将达1.6吉瓦。',
      '接下来,示范县将力争到2030年实现经济总量翻番。',
    ].join('\n');
    assert.deepEqual(read(text), [[2030, 'cumulative_change', '100']]);
  });
});

describe('extractCandidates: the sixth development pass of the unseen gold set (issue 17)', () => {
  const none: CatalogueInput = { indicators: [], orgUnits: [], groups: [] };
  const run = (text: string) => extractCandidates(text, { catalogue: none });

  it('dates the undated goals of a report of a one-year work plan by the year in its title', () => {
    const r = run(
      [
        '4月10日,记者获悉,《2020年示范省推进产业集聚区高质量发展工作方案》(以下简称《方案》)印发,明确2020年工业用地亩均税收达到11万元。',
        '《方案》还明确了一系列目标:规模以上工业增加值占全省工业比重达68%以上,单位工业增加值能耗下降4%以上。',
      ].join('\n'),
    );
    assert.deepEqual(
      r.targets.map((t) => [t.target.year, t.target.comparator, t.target.value ?? t.target.rate]),
      [
        [2020, 'at_least', '11'],
        [2020, 'share', '68'],
        [2020, 'cumulative_change', '-4'],
      ],
    );
  });

  it('reads a paragraph that joins a review (同时,…) as the review, a forecast in it notwithstanding', () => {
    const r = run(
      [
        '报告介绍,2023年示范市预计地区生产总值增长6%。',
        '同时,示范市消费加速回暖,商品房销售面积增长5%,新雪季接待游客将突破5000万人次。',
        '报告指出,2024年示范市经济社会发展主要预期目标是:地区生产总值增长6.5%以上。',
      ].join('\n'),
    );
    assert.deepEqual(
      r.targets.map((t) => [t.target.year, t.indicator.name, t.target.rate]),
      [[2024, '地区生产总值', '6.5']],
    );
  });

  it('finds the owner in a run-in numbered heading, and keeps a recurrence before an owner as a task of its own', () => {
    const r = run(
      [
        '二、示范区绩效考评机构要将2023年《政府工作报告》确定的重要目标任务,纳入绩效管理考核范围,细化考核内容,加强过程考核。',
        '三、从2023年第一季度开始,各责任单位要在每季度最后一个月的30日前将进展情况报区人民政府办公室,区人民政府办公室将对落实情况进行全程跟踪督办。',
      ].join('\n'),
    );
    assert.deepEqual(
      r.tasks.map((k) => [k.lead.map((u) => u.name), k.recurrence ?? null]),
      [
        [['示范区绩效考评机构'], null],
        [[], '每季度'],
        [['区人民政府办公室'], null],
      ],
    );
  });
  it('reads floor space (万平方米) as the area of what the words name, and buildings (栋) as a count', () => {
    const r = run('示范新城2024年工作要点\n推进楼宇招商,完成楼宇办公场所招商入驻25万平方米以上,新增年税收超1亿元的写字楼1栋。');
    assert.deepEqual(
      r.targets.map((t) => [t.target.year, t.target.comparator, t.target.value, t.unit, t.indicator.name]),
      [
        [2024, 'at_least', '25', '万平方米', '完成楼宇办公场所招商入驻面积'],
        [2024, 'at_least', '1', '栋', '新增年税收超1亿元写字楼'],
      ],
    );
  });
});

describe('extractCandidates: the seventh development pass of the unseen gold set (issue 17)', () => {
  const none: CatalogueInput = { indicators: [], orgUnits: [], groups: [] };
  const run = (text: string) => extractCandidates(text, { catalogue: none });

  it('dates the next sentences’ counts by 到“十四五”末 as by 到2025年, but not by a 十四五 plan’s 到“十三五”末', () => {
    const plan = [
      '示范高新区“十四五”发展规划',
      '到“十四五”末,高新技术企业数达到300家。',
      '省级以上研发平台增加到80家。完善孵化体系,建成3处国家级众创空间。',
    ].join('\n');
    assert.deepEqual(
      run(plan).targets.map((t) => [t.target.year, t.target.comparator, t.target.value, t.unit, t.indicator.name]),
      [
        [2025, 'at_least', '300', '家', '高新技术企业数'],
        [2025, 'at_least', '80', '家', '省级以上研发平台'],
        [2025, 'at_least', '3', '处', '国家级众创空间'],
      ],
    );
    const review = ['示范高新区“十四五”发展规划', '到“十三五”末,高新技术企业数达到200家,建成2处国家级众创空间。'].join('\n');
    assert.deepEqual(
      run(review).targets.map((t) => t.target.value),
      [],
    );
  });
  it('proposes no task for a dated stage of a strategy a news page relays', () => {
    const page = [
      '▲资料图,图/示范晚报网。',
      '示范市人代会审查“十四五”规划纲要草案,新提法引发了广泛关注与大量解读。',
      '按照党代会的战略部署,未来30年,示范市的发展征程被分为两个阶段:到2035年,示范市基本实现现代化;到本世纪中叶,示范市将建成现代化强市。',
    ];
    assert.deepEqual(run(page.join('\n')).tasks, []);
    // Without the caption the page could be a plan, and a dated sentence is a task there.
    assert.deepEqual(
      run(page.slice(1).join('\n')).tasks.map((k) => k.deadline),
      ['2035'],
    );
  });
});

describe('extractCandidates: the eighth development pass of the unseen gold set (issue 17)', () => {
  const none: CatalogueInput = { indicators: [], orgUnits: [], groups: [] };
  const run = (text: string) => extractCandidates(text, { catalogue: none });
  const brief = (text: string) =>
    run(text).targets.map((t) => [t.indicator.name, t.target.year, t.target.comparator, t.target.value, t.unit]);

  it('dates goals by “十四五”中期 and “十四五”末, not by a 2035 named before them', () => {
    const plan = [
      '示范县“十四五”规划纲要',
      '发展目标:锚定2035年远景目标,“十四五”中期,地区生产总值率先跃上千亿元新台阶;“十四五”末,综合实力进入全省县域前10强。',
    ].join('\n');
    assert.deepEqual(brief(plan), [
      ['地区生产总值', 2023, 'at_least', '1000', '亿元'],
      ['综合实力排名', 2025, 'at_most', '10', '名'],
    ]);
  });
  it('proposes no target for an estimate (预计)', () => {
    const page = [
      '示范市“十四五”规划实施情况发布会',
      '“十四五”期间,示范市经济总量连续跨越,今年预计可以达到1400亿元左右,增量预计超过350亿元。',
    ].join('\n');
    assert.deepEqual(brief(page), []);
    // Without 预计 the same figure is a goal.
    assert.deepEqual(brief(page.replace('增量预计超过', '增量将超过')).length, 1);
  });
});

describe('extractCandidates: the ninth development pass of the unseen gold set (issue 17)', () => {
  const none: CatalogueInput = { indicators: [], orgUnits: [], groups: [] };
  const run = (text: string) => extractCandidates(text, { catalogue: none });
  const brief = (text: string) => run(text).targets.map((t) => [t.indicator.name, t.target.year, t.target.rate]);

  it('proposes no target for a growth the sentence ranks (增速分别居全省第1、第2位): a result', () => {
    const head = '市长作2025年政府工作报告。';
    assert.deepEqual(brief(`${head}城镇、农村常住居民人均可支配收入分别增长5%、7.2%,增速分别居全省第1、第2位。`), []);
    assert.deepEqual(brief(`${head}全年一般公共预算收入168.8亿元,增长5.5%、居全省第1位。`), []);
    // A rank the report aims at (力争…居全省第1位) leaves the goal a goal.
    assert.deepEqual(brief(`${head}城镇常住居民人均可支配收入增长6%,力争增速居全省第1位。`), [
      ['城镇常住居民人均可支配收入', 2025, '6'],
    ]);
  });
  it('proposes no goal a page dated after its plan’s period dates only by that period (a 2026 page on the 十四五 record)', () => {
    const page = (date: string, review = '') =>
      [
        '示范市“十四五”成绩单',
        `示范新闻 ${date} 11:48`,
        ...(review ? [review] : []),
        '“强”的基础更加稳固。人均地区生产总值突破2万美元,累计实施100亿元以上项目45个。',
      ].join('\n');
    assert.deepEqual(brief(page('2026-01-19')), []);
    // 目标体系 and a 目标 met (…目标基本实现) look back, not ahead: the paragraph after them carries the review on.
    assert.deepEqual(
      brief(page('2026-01-19', '各项工作任务全面完成,示范市“十四五”规划圆满收官。五年来,示范市完善强省会建设目标体系。')),
      [],
    );
    // Written during the period, the same sentence sets goals for its end.
    assert.equal(brief(page('2021-03-19')).length, 2);
  });
});

describe('extractCandidates: a quantity of years (issue 17, ninth pass)', () => {
  const none: CatalogueInput = { indicators: [], orgUnits: [], groups: [] };
  it('proposes 平均生存周期达到5年 as a goal in years', () => {
    const r = extractCandidates('到2029年,个体工商户活跃度达到70%,平均生存周期达到5年。', { catalogue: none });
    assert.deepEqual(
      r.targets.map((t) => [t.indicator.name, t.target.value, t.unit]),
      [
        ['个体工商户活跃度', '70', '%'],
        ['平均生存周期', '5', '年'],
      ],
    );
  });
});

describe('extractCandidates: a report of the year so far (issue 17, ninth pass)', () => {
  const none: CatalogueInput = { indicators: [], orgUnits: [], groups: [] };
  it('proposes the year’s tasks a report of 1—3月份 names, not the figures reached so far', () => {
    const report =
      '1—3月份,园区实现工业总产值17.78亿元,完成年任务75亿元的23.7%;实现税金6925万元,完成年任务3.5亿元的19.8%。规模以上企业达32户,投产企业达到91户。园区2016年计划投资10.63亿元。';
    const r = extractCandidates(report, { catalogue: none });
    assert.deepEqual(
      r.targets
        .filter((t) => t.unit !== undefined && t.target.value !== '10.63')
        .map((t) => [t.indicator.name, t.target.year, t.target.value]),
      [
        ['园区实现工业总产值', 2016, '75'],
        ['税金', 2016, '3.5'],
      ],
    );
  });
});

describe('extractCandidates: a round count in a dated goal (issue 17, ninth pass)', () => {
  const none: CatalogueInput = { indicators: [], orgUnits: [], groups: [] };
  it('proposes 落位百个亿元以上重点项目 as 100 projects by the horizon', () => {
    const r = extractCandidates(
      '到“十四五”末,示范高新区综合实力显著提升,落位百个亿元以上重点项目,累计新引进各类人才2万人以上。',
      { catalogue: none },
    );
    assert.deepEqual(
      r.targets.map((t) => [t.target.year, t.target.value, t.unit]),
      [
        [2025, '100', '个'],
        [2025, '2', '万人'],
      ],
    );
  });
});
