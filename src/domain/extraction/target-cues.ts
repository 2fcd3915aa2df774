import type { RawTarget } from './target-patterns.ts';
import { findYears, type YearMention } from './value-expressions.ts';

/** The words that mark figures as goals, and the words around indicator names; shared by the target rules. */

/** 年均增长8%, 年均增速分别达到…; 研发经费投入的年均增长将超过7% (将/要/力争 before the verb). */
export const ANNUAL_CUE =
  /(?:年均|年平均|每年平均)(?:增长|增速|提高|递增|增幅)?率?(?:将|要|力争)?(?:分别)?(?:达到|保持在|保持|高于|超过|不低于|为|在|达)?$/;
export const YOY_CUE = /同比(?:增长|提高|增速)?(?:分别)?(?:达到|保持在|高于|超过|为|达)?$/;
/** 下降/降低 x%, and the bare 降 after a base (单位GDP能耗较2020年降16%). */
export const DECLINE_CUE = /(?:累计)?(?:下降|降低|减少|压减)(?:了)?$|(?:较|比)(?:19|20)\d\d年(?:底|末)?降$/;
export const CUMULATIVE_UP_CUE = /累计(?:增长|提高|提升|增加)$/;
export const PLAIN_GROWTH_CUE = /(?:预期)?(?:增长|提高|提升|增加)(?:了)?$/;
export const AT_MOST_CUE =
  /(?:控制在|控制|不高于|不超过|(?<!不)低于|(?<!不)少于|小于|压缩(?:到|至)|降(?:低)?(?:到|至)|下降(?:到|至)|缩小(?:到|至)|缩短(?:到|至)|减少(?:到|至)|降为)$/;
export const AT_LEAST_CUE =
  /(?:达到|达|超过|超|突破|不低于|不少于|高于|大于|提高(?:到|至)|提升(?:到|至)|增加(?:到|至)|增长(?:到|至)|扩大(?:到|至)|提高至超|提升至|至少|保持在|稳定在|实现|新增|新建|建成|建设|培育|打造|引进|引入|创建|争创|形成|完成|落地|认定|推动|安排|投入|统筹整合|整合|筹措|设立|引导|冲刺)$/;
/** 将今年经济增长目标设为4.5%至5%, 城镇调查失业率设为5.5%左右: the figure set for the year, as stated. */
export const SET_TO_CUE = /(?:预期目标|目标)?(?:设定为|设为|定为|确定为)$/;
/** Words that end the name of an indicator; a proposed new indicator must end with one. */
export const INDICATOR_HEAD =
  /(?:额|值|量|率|数|比重|比例|占比|收入|产值|规模|面积|人口|企业|项目|园区|开发区|中心|基地|人才|平台|产业|集群|指数|排名|位次|投资|增加值|税收|利润|资金|时间|时长|里程|能耗|水耗|排放|家数|个数|户数|人数|单量|机场|学校|医院|床位|景区|品牌|标准|专利|成果|模式|制度|主体|外资|出口|进口|GDP|总量|工厂|试点|园|村|站|线|线路|航线|港|口岸|仓|示范区|试验区|合作区|保税区|新区|集聚区|功能区|先行区|基金|上市|强度|内资|厂房|写字楼|用地|减负|投入|销售|空间|就业|寿命|年限|周期|税金|涨幅|经济增长|(?<=“[^“”]{1,8})”|(?<![年力程速幅])度)$/;
/** Cues that make a figure a goal by themselves; the others (形成, 建设, 推动…) need a dated or goal context. */
export const STRONG_CUE =
  /达到|达|超过|超|突破|不低于|不少于|不高于|不超过|控制在|以上|以内|以下|左右|年均|同比|累计|翻|力争|确保|争取|至少|前\d|新增|提高到|提高至|提升到|提升至|增加到|降到|降至|下降|降低|千亿级|百亿级|万亿级|安排|投入|统筹整合|冲刺|争创|(?:上升|跃升|前进)(?:到|至)|设为|定为|(?:全年|年度?)任务|新(?:认定|开工|竣工|签约|培育|引进|招引|投产|落地|创建|入库)/;
export const SHARE_OF_CUE = /(?:达到|达|占|为|相当于)[^,;、]{2,24}?的$/;
export const PP_UP_CUE = /(?:提高|提升|增加|上升|扩大)$/;
export const RANK_CHANGE_CUE = /(?:上升|提升|前进|提高|下降)$/;
/**
 * A place a rank is to reach (综合排名力争上升至25名左右, 位次提升至第10位): a ceiling on the rank, a lower
 * number being better; 上升5位 without 至 is a change of rank (RANK_CHANGE_CUE), which no comparator expresses.
 */
export const RANK_REACH_CUE = /(?<=(?:排名|位次|名次)[^,;。]{0,8}?)(?:力争)?(?:上升|提升|提高|前进|跃升|升)(?:到|至)第?$/;
/** Verbs that open a count of new things (新增…10家, 新认定…4家, 新竣工…项目12个, 累计新增“个转企”2万户). */
export const ZONE_START_VERB =
  /^(?:累计)?(?:新增|新建|建成|培育|打造|引进|引入|创建|争创|认定|新设|设立|组建|落位|新(?:认定|开工|竣工|签约|培育|引进|招引|投产|落地|创建|入库))/;
export const RANK_CUE =
  /(?:位列|位居|进入|跻身|挺进|迈入|排名|排在|保持)(?:全国|全省|西部|中西部|全球|世界|[\u4e00-\u9fa5]{1,6}(?:县域|城市|地区|省份|园区|开发区|高新区))?(?:综合保税区|同类)?前$/;
export const LEADING_VERB =
  /^(?:力争|确保|努力|争取|推动|促进|实现|培育打造|培育|打造|新增|新建|建成|建设|创建|争创|引进|引入|形成|完成|累计|共)+/;
export const SOFT_AT_LEAST = /至少|不少于|力争|确保|争取/;
export const PAST_CUE = /截至|截止|已经|已|完成了|实现了|达到了|提前实现|同比|比上年|上年|去年|以来/;
export const FUTURE_CUE = /到20\d\d|至20\d\d|力争|争取|确保|预计|将/;

/** Words that open a clause but are not part of the indicator (目标 before a date: 目标到2030年产值突破500亿元). */
export const OPENER_RE =
  /^(?:目标(?=到|至|(?:19|20)\d\d年)|(?:报告|会议)还(?=将|提出)|今年|全年|并且|并|且|同时|其中|另外|此外|以及|和|与|及|使|让|把|将|推动|促进|力争|确保|保障|努力|争取|加快|积极|大力|着力|全面|进一步|到|至|在“十[三四五]五”(?:期间|末)?|“十[三四五]五”(?:期间|末)?|期间|主要经济指标|主要指标|实现|基本|初步|每年|年均)+/;

export function stripOpeners(s: string): string {
  let out = s.replace(/^[、,]/, '');
  for (let i = 0; i < 4; i++) {
    const next = out.replace(OPENER_RE, '').replace(/^(?:到|至)?(?:19|20)\d\d年(?:底|末)?(?:前)?/, '');
    if (next === out) break;
    out = next;
  }
  return out.replace(/^[,、]/, '');
}

export function isCount(unit: string | undefined): boolean {
  return unit !== undefined && /^(?:家|个|项|所|座|名|位|条|套|台|批|种|户|人|次|件|处|架|栋|幢)(?:以上)?$/.test(unit);
}

export function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/** The target year of a figure: the nearest year before it in the sentence that is not a base; a year of the past when past cues say so. */
export function yearFor(years: YearMention[], at: number, sentence: string): Pick<RawTarget, 'year' | 'pastYear'> {
  // The nearest year before the figure, within the same sentence, that is not a base year.
  const before = years.filter((y) => y.to <= at && !y.base);
  const y = before[before.length - 1];
  if (!y) return {};
  const between = sentence.slice(y.from, at);
  if (y.asOf || (PAST_CUE.test(between) && !FUTURE_CUE.test(between) && !y.horizon)) return { pastYear: y.year };
  return { year: y.year };
}

/**
 * A paragraph that only reports the past: every year it names (bases such as 比2020年, 从2015年的
 * aside) is before the plan's period and nothing looks ahead (到2025年, 力争, 将). “十三五”期间…年均
 * 递增7.4%…全市固定资产投资年均增速11% in a 十四五 plan reviews 2016–2020.
 */
export function reportsThePast(paragraph: string, periodStart: number | undefined, goalsFrom?: number): boolean {
  // A document dated 2025年1月3日 sets no goal for 2024: its paragraphs about 2024 report results.
  const from = Math.max(periodStart ?? 0, goalsFrom ?? 0);
  if (from === 0 || LOOKS_AHEAD.test(paragraph)) return false;
  periodStart = from;
  // 从2015年末的300亿元跃升至2020年的469.5亿元: the year a change reached (…至2020年的) dates the paragraph, though read as a base.
  const years = findYears(paragraph)
    .filter((y) => !y.base || REACHED_IN.test(paragraph.slice(y.from, y.to + 1)))
    .map((y) => y.year);
  // “十三五”期间 / 过去五年 / 五年来 date a review as well as 2020年 does.
  for (const m of paragraph.matchAll(FIVE_YEAR_NAME)) years.push(FIVE_YEAR_END[m[0]]!);
  if (LOOKING_BACK.test(paragraph)) years.push(periodStart - 1);
  return years.length > 0 && years.every((y) => y < periodStart);
}

/**
 * A paragraph that carries a review on (经济实力显著增强。地区生产总值突破500亿元…): it names no year
 * and no period and does not look ahead, so it is read as the review before it is.
 */
export function carriesThePast(paragraph: string): boolean {
  return (
    !LOOKS_AHEAD.test(paragraph) &&
    !/到|至/.test(paragraph.replace(/达到|提高到|提高至|提升到|提升至|增加到|增长到|下降到|降至|降到|扩大到|以至/g, '')) &&
    findYears(paragraph).length === 0 &&
    !/十[一二三四五]五/.test(paragraph)
  );
}

/**
 * A paragraph that opens by joining the one before (同时,长春市消费加速回暖…; 此外,…) and names no year or
 * period of its own continues that paragraph's review, even with a forecast in it (新雪季接待游客将突破5000万人次):
 * only a goal word (力争, 目标, 到20xx年) makes it look ahead.
 */
export function continuesThePast(paragraph: string): boolean {
  return (
    /^(?:同时|与此同时|此外|另外)[,,]/.test(paragraph.trim()) &&
    !/力争|争取|确保|预期目标|目标|展望|今后|未来|明年/.test(paragraph) &&
    findYears(paragraph).length === 0 &&
    !/十[一二三四五]五/.test(paragraph)
  );
}

// 目标体系 (a system of goals) and a 目标 met (…目标基本实现) do not look ahead.
const LOOKS_AHEAD = /力争|争取|确保|将|预期目标|目标(?!体系|[^,。;]{0,2}(?:基本|全面|圆满)?(?:实现|完成))|展望|今后|未来/;
/** 至2020年的, 到2020年的: the year a change reached, not a base it started from. */
const REACHED_IN = /^[至到](?:19|20)\d\d年(?:底|末)?的/;
const FIVE_YEAR_NAME = /十[一二三四五]五/g;
const FIVE_YEAR_END: Readonly<Record<string, number>> = {
  十一五: 2010,
  十二五: 2015,
  十三五: 2020,
  十四五: 2025,
  十五五: 2030,
};
/** 过去五年, 五年来, 近五年: the years just before the document. */
const LOOKING_BACK = /过去(?:的)?[一二三四五两]年|(?<![未后])[二三四五两]年来|近[三四五]年(?:来)?/;
