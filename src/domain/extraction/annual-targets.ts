import { FIVE_YEAR, openingDate } from './plan-context.ts';
import type { TargetCandidate } from './candidate.schema.ts';

/**
 * Annual plans (年度计划, 计划执行情况报告, 政府工作报告 and the news that quotes them) state their
 * targets as a list after 主要预期目标: "地区生产总值增长5.5%左右;城镇调查失业率5.5%左右;居民消费价格
 * 涨幅3%左右;粮食产量稳定在…万吨以上". The list is read clause by clause here, apart from the
 * five-year-plan rules, because the same words mean other things there: 增长x% is one year's growth
 * (not growth over the period), 涨幅x%左右 of consumer prices is the one-year rise of the price level
 * (annual_growth, as the gold guide annotates it; the ceiling is the indicator's lower-better direction), and the year is the report's year, never a five-year period the text happens to name.
 */

export interface AnnualZone {
  from: number;
  to: number;
  /** The year the zone's goals are for (2024年…主要预期目标, 今年(2024年)); undefined when the text never says. */
  year?: number;
}

export interface AnnualClause {
  /** The quantity's name as written (居民消费价格涨幅, 城镇新增就业). */
  indicator: string;
  comparator: TargetCandidate['target']['comparator'];
  value?: string;
  rate?: string;
  min?: string;
  max?: string;
  unit: string;
  /** Offsets in the text: the clause, and the figure with its 以上/左右. */
  from: number;
  to: number;
  valueFrom: number;
  valueTo: number;
  evidence: string[];
}

/** 主要预期目标, and the 2024年目标任务 / 2024年主要目标 heading of a zone's or a district's year. */
const GOALS = /(?:主要)?预期目标|(?<=(?:19|20)\d\d年度?(?:主要|工作|发展)?)目标(?:任务)?/g;
/** Goals of a multi-year period (“十四五”时期主要预期目标, 到2025年) are not an annual list. */
const MULTI_YEAR = /十[一二三四五六]五|时期|期间|规划|到20\d\d年|20\d\d\s*[-—–至]\s*20\d\d/;
/** Lines that continue a list: bullets, numbered items, and the 牵头/责任 lines of a 分工方案. */
const LIST_LINE = /^\s*(?:[●◆◇■□▪•·\-—*]|\d{1,3}\s*[.、]|[((]\d{1,3}[))]|(?:牵头|责任|协同|配合|参与)[^:]{0,6}:)/;
const SECTION_BREAK = /^\s*(?:[■□]|[一二三四五六七八九十]+、)/;
/** A report looks back before it looks ahead: 过去一年…增长5.8% is last year's result. */
export const LOOKING_BACK = /过去(?:的)?(?:一|五)年|回顾|(?<!比)去年|(?<!比)上年/;
/** Budget measures are not plan indicators (赤字率拟按3%安排, 拟发行…债券). */
const FISCAL = /赤字|拟按|拟安排|拟发行|专项债|国债|支出规模/;

/** The year an annual document is about, from its own words, when it says so. */
export function annualYear(text: string): number | undefined {
  const head = text.slice(0, 3000);
  const m =
    /今年[((](20\d\d)年?[))]/.exec(head) ??
    // The year nearest the name: 回顾了2024年工作,并就2025年重点工作… is about 2025.
    /(20\d\d)年(?:(?!(?:19|20)\d\d年)[^。]){0,16}(?:政府工作报告|国民经济和社会发展计划|计划草案|年度计划|重点工作)/.exec(head) ??
    /(20\d\d)年[^\n。;]{0,20}预期目标/.exec(head) ??
    /(20\d\d)\s*年(?:工作|经济社会发展)?总体要求/.exec(head) ??
    // A one-year work plan named by its year (《2020年河南省推进产业集聚区高质量发展工作方案》, 2024年工作要点):
    // not the end of a range (2021—2025年) or a horizon (到2025年).
    /(?<![到至\d—–~-])(20\d\d)年(?![\d—–~-])[^。\n《》]{0,20}?(?:工作方案|工作要点)/.exec(head) ??
    // A report of progress naming the year's plan (2016年计划投资10.63亿元): that year is the one it reports on.
    /(?<![到至\d—–~-])(20\d\d)年度?计划(?!执行|草案|总投资)/.exec(head) ??
    // A report of a year's work (2025年,该区将紧扣…目标): the year it names with 将 is the one it plans,
    // unless it names another year that way too.
    oneYearAhead(head);
  return m ? Number(m[1]) : periodYearOfThisYear(head);
}

/** 今年是“十五五”开局之年 / 今年是“十四五”规划收官之年: 今年 is the first or the last year of that period. */
const THIS_YEAR_OF_PERIOD = /今年是[^。\n]{0,12}?[“「"]?(十[一二三四五]五)[”」"]?(?:规划)?[^。\n,]{0,12}?(开局|收官)之年/;
function periodYearOfThisYear(head: string): number | undefined {
  const m = THIS_YEAR_OF_PERIOD.exec(head);
  const period = m ? FIVE_YEAR[m[1]!] : undefined;
  return period ? period[m![2] === '开局' ? 0 : 1] : undefined;
}

/** Goals set for the whole year (全年全口径工业开票销售突破600亿元, 今年力争…), not results so far (今年以来). */
const YEAR_GOALS = /(?:全年|今年)(?!以来)[^。;\n]{0,40}?(?:突破|达到|力争|确保|以上|增长|新增|新签约)/;

/**
 * A report dated by the line it opens with (日期:2024-04-17) that sets goals for 全年/今年 and names no year
 * of its own: the date's year is the one it plans. A date in November or December may review that year instead.
 */
export function datedYearOfWork(text: string): number | undefined {
  const d = openingDate(text);
  if (!d || d.month >= 11 || !YEAR_GOALS.test(text.slice(0, 3000))) return undefined;
  return d.year;
}

const YEAR_AHEAD = /(?<![到至\d])(20\d\d)年[,,](?:[^。,,;;\n]{0,14}?)将(?!近)/g;
function oneYearAhead(head: string): RegExpExecArray | null {
  const found = [...head.matchAll(YEAR_AHEAD)];
  return found.length > 0 && found.every((m) => m[1] === found[0]![1]) ? found[0]! : null;
}

/**
 * The stretches of text that list annual goals: the rest of the paragraph after 预期目标, and the
 * list lines (bullets, numbered items, 牵头单位 lines) or short lines that follow it.
 */
export function findAnnualZones(text: string): AnnualZone[] {
  const zones: AnnualZone[] = [];
  const docYear = annualYear(text);
  for (const m of text.matchAll(GOALS)) {
    // The sentence that opens the list (2024年经济社会发展主要预期目标是) says whose goals they are.
    const before = text.slice(Math.max(0, m.index - 80), m.index);
    const opening = before.slice(Math.max(...['\n', '。', ';', '!', '?'].map((c) => before.lastIndexOf(c))) + 1);
    if (MULTI_YEAR.test(opening)) continue;
    if (zones.some((z) => m.index >= z.from && m.index < z.to)) continue;
    let to = text.indexOf('\n', m.index);
    if (to < 0) to = text.length;
    // A heading line (2024年目标任务) opens the paragraph under it.
    if (to < text.length && /^[::\s]*$/.test(text.slice(m.index + m[0].length, to))) {
      const next = text.indexOf('\n', to + 1);
      to = next < 0 ? text.length : next;
    }
    // Following lines that continue the list; a heading or a paragraph of prose ends it.
    while (to < text.length) {
      const next = text.indexOf('\n', to + 1);
      const end = next < 0 ? text.length : next;
      const line = text.slice(to + 1, end);
      if (line.trim() === '') {
        to = end;
        continue;
      }
      const shortItem = line.trim().length <= 40 && !/[。!?]./.test(line.trim());
      if (SECTION_BREAK.test(line) || !(LIST_LINE.test(line) || shortItem)) break;
      to = end;
    }
    const own = /(20\d\d)年/.exec(opening);
    zones.push({
      from: m.index + m[0].length,
      to,
      year: own ? Number(own[1]) : (docYear ?? precedingYear(text, m.index - opening.length)),
    });
  }
  return zones;
}

/**
 * The year the text is speaking of just before a list that names none (2023年,是…开局之年。…今年发展的
 * 主要预期目标是; 2024年,XX新城将…。主要预期目标是:): the single year of one of the two sentences before,
 * when that sentence does not look back (过去一年, 已, 完成了…).
 */
export function precedingYear(text: string, at: number): number | undefined {
  const before = text.slice(Math.max(0, at - 400), at);
  const sentences = before.split(/[。!?\n]/).filter((x) => x.trim() !== '');
  for (const sentence of sentences.slice(-2).reverse()) {
    const years = [...new Set([...sentence.matchAll(/(20\d\d)年/g)].map((y) => y[1]!))];
    if (years.length !== 1) continue;
    if (LOOKING_BACK.test(sentence) || /截至|已经|已|完成了|实现了|以来|同比/.test(sentence)) return undefined;
    return Number(years[0]);
  }
  return undefined;
}

const FIGURE =
  /(\d+(?:\.\d+)?)\s*(?:%\s*)?(?:[-—–~至到]\s*(\d+(?:\.\d+)?))?\s*(%|个百分点|百分点|万亿斤|亿斤|万斤|万亿吨|亿吨|万吨|万人|万亿元|亿元|万元|亿美元|万美元|万千瓦|万辆|万套|万(?![\u4e00-\u9fa5])|家|个|项|件)\s*(左右|以上|以内|以下)?/g;
const LEAD_WORDS =
  /^(?:\d{1,3}\s*[.、]\s*|[●◆◇■□▪•·\-—*]\s*|预期|预计|今年|全年|全省|全市|全区|全国|力争|确保|努力|实现|保持|继续)+/;
const TRAIL_WORDS =
  /(?:目标|预期|力争|继续|全年|努力|实现|保持在|保持|稳定在|稳定|控制在|达到|达|为|超过|突破|增长|增速|上涨|下降|降低|提高|较20\d\d年|比上年|比20\d\d年)+$/;
const CPI = /居民消费价格|消费价格指数|CPI|物价/;

/** Reads one clause of an annual list (城镇调查失业率全年控制在5.5%以内) into a target, if it states one. */
export function parseAnnualClause(clause: string, offset = 0): AnnualClause | null {
  // …分别达25%、40%、20%: the sentence rules pair the names with the figures.
  if (FISCAL.test(clause) || /分别/.test(clause)) return null;
  for (const f of clause.matchAll(FIGURE)) {
    const at = f.index;
    // A year (2030年前) or a date is not a figure.
    if (/^\d{4}$/.test(f[1]!) && /^年/.test(clause.slice(at + f[1]!.length))) continue;
    const before = clause.slice(0, at);
    const verb = /(增长|增速|上涨|涨幅|下降|降低|减少|提高|控制在|不超过|不高于)[^\d]{0,4}$/.exec(before)?.[1];
    const indicator = before.replace(LEAD_WORDS, '').replace(TRAIL_WORDS, '').trim();
    if (indicator.length < 2 || /\d/.test(indicator)) return null;
    // A figure before a noun qualifies it (新增20亿元企业, 146项工作任务): no goal of the list. A count must end its
    // clause (申报认定国家高新技术企业6家) and count no tasks of the document.
    if (f[3] !== '%' && /^[\u4e00-\u9fa5]/.test(clause.slice(at + f[0].length))) continue;
    if (/^[家个项件]$/.test(f[3]!) && /工作|任务|措施|指标|事项/.test(indicator)) continue;
    const [, num, max, unit, qualifier] = f as unknown as [string, string, string | undefined, string, string | undefined];
    const evidence = [`annual list: ${verb ?? ''}${qualifier ? `…${qualifier}` : ''}`];
    const base = {
      indicator,
      unit: unit === '百分点' ? '个百分点' : unit,
      from: offset,
      to: offset + clause.length,
      valueFrom: offset + at,
      valueTo: offset + at + f[0].trimEnd().length,
    };
    const ceiling = qualifier === '以内' || qualifier === '以下' || /控制在|不超过|不高于/.test(before);
    if (max !== undefined) return { ...base, comparator: 'range', min: num, max, evidence };
    if (CPI.test(indicator))
      // Consumer prices (docs/extraction-gold-guide.md §2): the figure is the year's rise of the price level,
      // annual_growth whatever its 左右/控制在…以内; that the rise is a ceiling is the indicator's direction
      // (居民消费价格 is lower-better), which the reviewer sets.
      return {
        ...base,
        indicator: indicator.replace(/(?:涨幅|上涨|增幅)$/, ''),
        comparator: 'annual_growth',
        rate: num,
        evidence: [...evidence, ceiling ? 'consumer prices: the year’s rise, a ceiling' : 'consumer prices: the year’s rise'],
      };
    if (verb === '下降' || verb === '降低' || verb === '减少')
      return { ...base, comparator: 'cumulative_change', rate: `-${num}`, evidence };
    if (unit === '个百分点' || unit === '百分点') return { ...base, comparator: 'cumulative_change', value: num, evidence };
    if (verb && /增长|增速|上涨|涨幅|提高/.test(verb) && unit === '%')
      return { ...base, comparator: 'annual_growth', rate: num, evidence: [...evidence, 'one year’s growth'] };
    if (ceiling) return { ...base, comparator: 'at_most', value: num, evidence };
    if (qualifier === '以上') return { ...base, comparator: 'at_least', value: num, evidence };
    return { ...base, comparator: 'exactly', value: num, evidence };
  }
  return null;
}

/** Every target of the annual lists of a text, clause by clause (split at ;,、。 and line breaks). */
export function annualClauses(text: string, zones: readonly AnnualZone[]): (AnnualClause & { year?: number })[] {
  const out: (AnnualClause & { year?: number })[] = [];
  for (const z of zones) {
    const body = text.slice(z.from, z.to);
    let start = 0;
    // 固定资产投资、工业投资、服务业投资均增长12%左右: names listed with 、 before one figure with 均 share it.
    let listed: { name: string; from: number }[] = [];
    for (const m of [...body.matchAll(/[;;,,、。\n●◆◇■□▪•]/g), { index: body.length }]) {
      const clause = body.slice(start, m.index);
      // What precedes the list in the clause (…提出,今年发展主要预期目标是:) is not the indicator.
      const skip = /^\s*(?:.*预期目标)?(?:是|为)?[::]?\s*/.exec(clause)![0].length;
      const c = parseAnnualClause(clause.slice(skip).trimEnd(), z.from + start + skip);
      if (c && !LOOKING_BACK.test(sentenceAround(text, c.from))) {
        const shared = /均$/.test(c.indicator) ? listed : [];
        const own = c.indicator.replace(/均$/, '');
        for (const l of shared)
          out.push({
            ...c,
            indicator: l.name,
            from: l.from,
            evidence: [...c.evidence, 'listed before a shared figure (…、…均)'],
            year: z.year,
          });
        out.push({ ...c, indicator: own, year: z.year });
      }
      const name = clause.slice(skip).trim();
      listed =
        !c && body[m.index] === '、' && /^[\u4e00-\u9fa5A-Za-z&]{2,16}$/.test(name)
          ? [...listed, { name, from: z.from + start + skip }]
          : [];
      start = m.index + 1;
    }
  }
  return out;
}

function sentenceAround(text: string, at: number): string {
  const from = Math.max(...['\n', '。', '!', '?'].map((c) => text.lastIndexOf(c, at - 1))) + 1;
  const ends = ['\n', '。', '!', '?'].map((c) => text.indexOf(c, at)).filter((i) => i >= 0);
  return text.slice(from, ends.length > 0 ? Math.min(...ends) : text.length);
}
