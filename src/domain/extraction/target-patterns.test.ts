import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findTargetsInSentence, listItems, type RawTarget } from './target-patterns.ts';

const brief = (t: RawTarget) =>
  `${t.indicatorPhrases[0]}|${t.comparator}|${t.value ?? t.rate ?? `${t.min}-${t.max}`}|${t.year ?? ''}`;
const find = (s: string) => findTargetsInSentence(s).map(brief);

describe('findTargetsInSentence', () => {
  it('reads 达到 figures clause by clause', () => {
    assert.deepEqual(find('主要经济指标实现大幅增长:进出口额达到2675.78亿元,吸收外资达到13.7亿美元。'), [
      '进出口额|at_least|2675.78|',
      '吸收外资|at_least|13.7|',
    ]);
  });
  it('reads a baseline in the sentence and lets a growth clause share the indicator', () => {
    const [level, growth] = findTargetsInSentence(
      '到2025年,进出口贸易总额由2021年的77.33亿元人民币提高至超110亿元人民币,年均增长10%以上。',
    );
    assert.equal(brief(level!), '进出口贸易总额|at_least|110|2025');
    assert.deepEqual(level!.baseline && [level!.baseline.year, level!.baseline.value], [2021, '77.33']);
    assert.equal(brief(growth!), '进出口贸易总额|annual_growth|10|2025');
    assert.ok(growth!.inherited);
  });
  it('reads comparators: 控制在, 左右, 累计降低, 翻一番, ranges, ranks and shares', () => {
    assert.deepEqual(find('森林覆盖率控制在65%以内,城镇化率达到65%左右,单位GDP能耗累计降低13.5%。'), [
      '森林覆盖率|at_most|65|',
      '城镇化率|exactly|65|',
      '单位GDP能耗|cumulative_change|-13.5|',
    ]);
    assert.deepEqual(find('力争3年实现工业投资翻一番。'), ['工业投资|cumulative_change|100|']);
    assert.equal(findTargetsInSentence('力争3年实现工业投资翻一番。')[0]!.yearsFromBase, 3);
    assert.deepEqual(find('力争引入1—2家跨境电子商务龙头企业。'), ['跨境电子商务龙头企业|range|1-2|']);
    assert.deepEqual(find('2023年,位列全国前100位。'), ['排名|at_most|100|2023']);
    assert.deepEqual(find('集聚全省50%的人口和68%的地区生产总值'), [
      '人口占全省比重|share|50|',
      '地区生产总值占全省比重|share|68|',
    ]);
  });
  it('pairs 分别 lists and splits indicators that share a figure', () => {
    assert.deepEqual(find('到2025年,工业增加值、高新技术产业增加值年均增速分别高于12%、18%。'), [
      '工业增加值|annual_growth|12|2025',
      '高新技术产业增加值|annual_growth|18|2025',
    ]);
    assert.deepEqual(find('规上工业企业数量、上市企业数量实现翻番。'), [
      '规上工业企业数量|cumulative_change|100|',
      '上市企业数量|cumulative_change|100|',
    ]);
  });
  it('counts units above a threshold and things named after a count', () => {
    assert.deepEqual(find('培育打造营业收入超5000亿元开发区2家、超2000亿元5家。'), [
      '培育打造营业收入超5000亿元开发区|at_least|2|',
      '培育打造营业收入超2000亿元开发区|at_least|5|',
    ]);
    assert.deepEqual(find('到2025年,建成一批“智能工厂”,20个以上数字化转型开发区。'), ['数字化转型开发区|at_least|20|2025']);
  });
  it('reads 千亿级 and 全部建成 as figures', () => {
    assert.deepEqual(find('把新材料产业打造成为千亿级新兴支柱产业。'), ['新材料产业|at_least|1000|']);
    assert.equal(find('将沿边行政村(社区)全部建成现代化边境小康村。')[0], '现代化边境小康村建成率|share|100|');
  });
  it('reads 五千亿级 as 5000 亿元 and a count of listed items (A、B等3个万亿级产业集群) as that count', () => {
    assert.deepEqual(find('把电子信息产业打造成为五千亿级产业。'), ['电子信息产业|at_least|5000|']);
    assert.deepEqual(find('到2035年,锻造纺织、化工、建材等3个万亿级产业集群和装备、电子、食品等3个五千亿级产业集群。'), [
      '万亿级产业集群|exactly|3|2035',
      '五千亿级产业集群|exactly|3|2035',
    ]);
  });
  it('marks figures of the past and leaves plain descriptions alone', () => {
    const [t] = findTargetsInSentence('截至2020年,自贸试验区新增市场主体突破6万户。');
    assert.equal(t!.pastYear, 2020);
    assert.deepEqual(find('全国排名上升5位以上。'), []);
    assert.deepEqual(find('引进一批世界500强企业。'), []);
  });
});

describe('listItems', () => {
  it('completes a short item from the last one', () => {
    assert.deepEqual(listItems('国家级、省级开发区亩均产出'), ['国家级开发区亩均产出', '省级开发区亩均产出']);
    assert.deepEqual(listItems('进出口总额'), []);
  });
});

describe('shares written as fractions and changes of shares (issue 17)', () => {
  it('reads 三分之一, 1/3 and 过半 as shares, without a spurious figure from the denominator', () => {
    assert.deepEqual(find('到2025年,开发区工业增加值占全市比重达到三分之一以上。'), [
      '开发区工业增加值占全市比重|share|33.33|2025',
    ]);
    assert.deepEqual(find('到2025年,园区营业收入占全市比重达到1/3。'), ['园区营业收入占全市比重|share|33.33|2025']);
    assert.deepEqual(find('到2025年,规模以上工业企业过半实现数字化改造。'), ['规模以上工业企业|share|50|2025']);
  });
  it('names 占比 as written, not as 占 比', () => {
    assert.deepEqual(find('非化石能源占比达25%。'), ['非化石能源占比|share|25|']);
  });
  it('reads 比2020年提高3个百分点 as a change of the share from its base, 提高10个百分点以上 as a floor', () => {
    assert.deepEqual(find('数字经济核心产业增加值占GDP的比重比2020年提高3个百分点。'), [
      '数字经济核心产业增加值占GDP比重|cumulative_change|3|',
    ]);
    assert.deepEqual(find('开发区工业总产值占全省工业总产值比重提高10个百分点以上。'), [
      '开发区工业总产值占全省工业总产值比重|at_least|10|',
    ]);
  });
  it('reads N条…线路 as a count of lines', () => {
    assert.deepEqual(find('到2025年,争取启动建设1-2条地铁线路。'), ['启动地铁线路|range|1-2|2025']);
  });
  it('reads the bare 降 after a base year as a decline', () => {
    assert.deepEqual(find('全市单位GDP能耗较2020年降16%。'), ['全市单位GDP能耗|cumulative_change|-16|']);
  });
});

describe('round magnitudes and indicator names of plans outside Yunnan (issue 17)', () => {
  it('reads 突破万亿元 / 迈上千亿元 as a floor of that magnitude, and not 千亿级', () => {
    assert.deepEqual(find('对外开放新前沿基本形成,进出口总额突破万亿元。'), ['进出口总额|at_least|1|']);
    assert.equal(findTargetsInSentence('进出口总额突破万亿元。')[0]?.unit, '万亿元');
    assert.deepEqual(find('规上工业营业收入迈上千亿元。'), ['规上工业营业收入|at_least|1000|']);
  });
});

describe('figures listed with 、, each with its own noun (issue 17, Nanjing dev document)', () => {
  it('gives each listed figure its own indicator and figure: A100家以上、B100家以上', () => {
    const s = '培育数字产业领军企业100家以上、专精特新企业100家以上。';
    const found = findTargetsInSentence(s);
    assert.deepEqual(found.map(brief), ['培育数字产业领军企业|at_least|100|', '专精特新企业|at_least|100|']);
    // Each target points at its own figure, not both at the first.
    assert.deepEqual(
      found.map((t) => t.valueFrom),
      [s.indexOf('100'), s.lastIndexOf('100')],
    );
  });
  it('still reads the counted noun after a figure that the next list item follows', () => {
    assert.deepEqual(find('新增1家国家级高新区、1家国家级经开区。'), ['国家级高新区|at_least|1|', '国家级经开区|at_least|1|']);
  });
});

describe('千亿级 after a count (issue 17, Nanjing dev document)', () => {
  it('reads 打造4个千亿级特色数字产业集聚区 as a count of 4, not as a floor of 1000 亿元', () => {
    assert.deepEqual(find('打造4个千亿级特色数字产业集聚区。'), ['千亿级特色数字产业集聚区|at_least|4|']);
  });
});

describe('fixed political phrases of plan openings (issue 17 item 1)', () => {
  it('reads no target in 全面建成小康社会 or 全面建成社会主义现代化强国', () => {
    assert.deepEqual(
      find('“十四五”时期(2021—2025年)是我市在全面建成小康社会基础上开启全面建设社会主义现代化新征程的第一个五年。'),
      [],
    );
    assert.deepEqual(find('到本世纪中叶全面建成社会主义现代化强国。'), []);
    assert.deepEqual(find('到2025年,50个美丽乡村全部建成。'), ['美丽乡村建成数|exactly|50|2025']);
  });
});

describe('findTargetsInSentence: the sixth development pass (issue 17)', () => {
  it('counts the units above a threshold written with 的 and a cue (…超300亿元的产业集群达15个以上)', () => {
    assert.deepEqual(find('主营业务收入超300亿元的产业集群达15个以上。'), ['主营业务收入超300亿元产业集群|at_least|15|']);
  });
  it('proposes no 千亿级 target for a kind qualified with 的 (重点培育的千亿级产业集群): it names no industry', () => {
    assert.deepEqual(find('明确重点培育的千亿级产业集群和产业链。'), []);
  });
  it('leaves the base (在2022年的基础上) out of the name and pairs 分别 figures with names joined by 和', () => {
    assert.deepEqual(find('到2027年,示范区高新技术企业和科技型企业在2022年的基础上分别超过90家和870家。'), [
      '示范区高新技术企业|at_least|90|2027',
      '科技型企业|at_least|870|2027',
    ]);
  });
  it('reads a count of new things opened by 累计新增 as 新增 (累计新增“个转企”2万户)', () => {
    assert.deepEqual(find('累计新增“个转企”2万户。'), ['累计新增“个转企”|at_least|2|']);
  });
  it('reads “双倍增” as a doubling of each of the two things named before it', () => {
    assert.deepEqual(find('到2027年,示范区高新技术企业和科技型企业实现“双倍增”。'), [
      '示范区高新技术企业|cumulative_change|100|2027',
      '科技型企业|cumulative_change|100|2027',
    ]);
  });
});

describe('listItems: a 、 list whose last item is joined by 和', () => {
  it('gives each name, and lends nothing to a short item that already names a quantity', () => {
    assert.deepEqual(listItems('亩均税收、人均税收和亩均技工贸总收入'), ['亩均税收', '人均税收', '亩均技工贸总收入']);
  });
});

describe('ranks reached and doubling against a base year (issue 17, seventh pass)', () => {
  it('reads 排名上升至N名 as a ceiling on the rank (左右 makes it about N), and 上升5位 as no target', () => {
    assert.deepEqual(find('到2030年,示范区综合排名力争上升至30名左右。'), ['示范区综合排名|exactly|30|2030']);
    assert.deepEqual(find('到2030年,示范区综合排名提高至30名。'), ['示范区综合排名|at_most|30|2030']);
    assert.deepEqual(find('到2030年,示范区全国排名上升5位。'), []);
  });
  it('doubles each name of a 、 list before 分别较…年翻番, without the base year in the names', () => {
    assert.deepEqual(find('2030年规上工业产值、税收收入分别较2025年翻番。'), [
      '规上工业产值|cumulative_change|100|2030',
      '税收收入|cumulative_change|100|2030',
    ]);
    assert.deepEqual(find('到2030年,外贸进出口额比2025年翻番。'), ['外贸进出口额|cumulative_change|100|2030']);
  });
});

describe('findTargetsInSentence: the eighth pass (issue 17)', () => {
  it('reads 跃上千亿元新台阶 as a floor, and gives each listed magnitude its own item', () => {
    assert.deepEqual(find('地区生产总值在全省县域率先跃上千亿元新台阶、财政收入在全省县域率先突破百亿元大关'), [
      '地区生产总值|at_least|1000|',
      '财政收入|at_least|100|',
    ]);
  });
  it('reads 进入…县域前20强 as a ceiling on the rank', () => {
    assert.deepEqual(find('综合实力力争进入长三角县域前20强。'), ['综合实力|at_most|20|']);
  });
  it('reads 年均增长将超过7% as a yearly growth rate', () => {
    assert.deepEqual(find('全社会研发经费投入的年均增长将超过7%。'), ['全社会研发经费投入|annual_growth|7|']);
  });
  it('keeps 目标 before a date out of the indicator name', () => {
    assert.deepEqual(find('目标到2030年产值突破500亿元。'), ['产值|at_least|500|2030']);
  });
});

describe('clauses of the ninth pass (issue 17)', () => {
  it('keeps a thousands separator inside its figure (城镇新增就业1,200万人以上)', () => {
    const [t] = findTargetsInSentence('城镇调查失业率5.5%左右,城镇新增就业1,200万人以上').filter((x) => x.unit === '万人');
    assert.equal(t?.value, '1200');
    assert.equal(t?.comparator, 'at_least');
  });
});

describe('set figures of the ninth pass (issue 17)', () => {
  it('reads 目标设为/设为 as the figure set (将今年经济增长目标设为4.5%至5%), the name without 今年 or the verb', () => {
    const [headline] = findTargetsInSentence('将今年经济增长目标设为4.5%至5%');
    assert.deepEqual([headline?.comparator, headline?.min, headline?.max], ['range', '4.5', '5']);
    assert.deepEqual(headline?.indicatorPhrases.slice(0, 1), ['经济增长']);
    const [jobless] = findTargetsInSentence('报告还将今年城镇调查失业率设为5.5%左右');
    assert.deepEqual([jobless?.comparator, jobless?.value], ['exactly', '5.5']);
    assert.deepEqual(jobless?.indicatorPhrases.slice(0, 1), ['城镇调查失业率']);
  });
});

describe('the year’s task in a report of progress (issue 17, ninth pass)', () => {
  it('reads 完成年任务75亿元的23.7% as the year’s goal of the clause before, not the share done', () => {
    const found = findTargetsInSentence(
      '园区实现工业总产值17.78亿元,完成年任务75亿元的23.7%;实现税金6925万元,完成年任务3.5亿元的19.8%',
    );
    const tasks = found.filter((t) => t.evidence.some((e) => e.includes('年任务')));
    assert.deepEqual(
      tasks.map((t) => [t.indicatorPhrases[0], t.comparator, t.value, t.unit]),
      [
        ['园区实现工业总产值', 'exactly', '75', '亿元'],
        ['税金', 'exactly', '3.5', '亿元'],
      ],
    );
    assert.equal(
      found.some((t) => t.value === '23.7'),
      false,
    );
  });
});

describe('listed names sharing a head (issue 17, ninth pass)', () => {
  it('gives a listed name that names no quantity the last name’s head (…开工、…竣工贡献度分别达…)', () => {
    assert.deepEqual(listItems('对全市项目招引、重大项目开工、重大项目竣工贡献度'), [
      '对全市项目招引贡献度',
      '重大项目开工贡献度',
      '重大项目竣工贡献度',
    ]);
    // Names that already name a quantity keep their own words.
    assert.deepEqual(listItems('工业增加值、高新技术产业增加值'), ['工业增加值', '高新技术产业增加值']);
  });
});

describe('从…提高到 without a base year (issue 17, ninth pass)', () => {
  it('reads the figure after 从X提高到/上升到 as the goal, the first as no target', () => {
    const [t, ...rest] = findTargetsInSentence('规上工业总产值从100亿元提高到200亿元');
    assert.deepEqual([t?.indicatorPhrases[0], t?.comparator, t?.value, rest.length], ['规上工业总产值', 'at_least', '200', 0]);
    const [u] = findTargetsInSentence('每万人口高价值发明专利拥有量从每万人6.3件上升到12件');
    assert.deepEqual([u?.comparator, u?.value, u?.unit], ['at_least', '12', '件']);
  });
});
