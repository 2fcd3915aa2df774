import type { OrgMention, OrgUnitMatcher } from './org-unit-matcher.ts';

export interface PlanContext {
  title?: string;
  periodStart?: number;
  periodEnd?: number;
  /** The short name the text gives itself (以下简称《行动计划》). */
  alias?: string;
  /** explicit: 规划期为…/(2023-2025); five-year: only a 十四五 the text names; horizon: the one 到20xx年 it names. */
  periodFrom?: 'explicit' | 'five-year' | 'horizon';
  /** An annual document (年度计划, 政府工作报告): its period is the one year of its 预期目标. */
  annual?: boolean;
  /** A news report (记者…, …讯, 获悉): it reports a plan's goals rather than assigning work. */
  newsReport?: boolean;
  /** The plan's own subject: the unit the plan is about, used when a sentence names none. */
  subject?: OrgMention;
  /**
   * The first year the document can still set goals for, from the date it opens with (温州网 2020-12-24,
   * 2025年1月3日,…会议召开): a figure for an earlier year reports the past. A date in November or December
   * puts that year under review as well.
   */
  goalsFrom?: number;
  /**
   * The end of the plan period a report of results reviews (全面展示…“十四五”期间…成就 → 2025): its
   * figures are results, unless the sentence dates them after that period (力争到2030年…翻番).
   */
  reviewUntil?: number;
}

/** A full date among the first lines: 2025年1月3日, 2020-12-24, 2021/05/19. */
const OPENING_DATE = /((?:19|20)\d\d)(?:年(\d{1,2})月\d{1,2}日|[-/](\d{1,2})[-/]\d{1,2}(?!\d))/;

/** The date a document opens with (日期:2024-04-17, 2025年1月3日), among its first lines. */
export function openingDate(text: string): { year: number; month: number } | undefined {
  const m = OPENING_DATE.exec(text.slice(0, 300));
  return m ? { year: Number(m[1]), month: Number(m[2] ?? m[3]) } : undefined;
}

/** The year from which the document can set goals, from the date it opens with (see PlanContext.goalsFrom). */
export function goalsFromDate(text: string): number | undefined {
  const d = openingDate(text);
  return d ? d.year + (d.month >= 11 ? 1 : 0) : undefined;
}

/**
 * A report of a period's results (宝鸡…发布会,全面展示陇县“十四五”期间经济社会发展成就; 高质量完成“十四五”规划
 * 系列新闻发布会): what its lead says it shows. The end year of that period, or undefined.
 */
const REVIEW_LEAD =
  /(?:展示|总结|回顾|盘点|晒出)[^。\n]{0,16}?“?(十[一二三四五]五)”?[^。\n]{0,16}?(?:成就|成效|成绩|成果)|完成“?(十[一二三四五]五)”?规划/;
function reviewedPeriodEnd(head: string): number | undefined {
  const m = REVIEW_LEAD.exec(head);
  return m ? FIVE_YEAR[(m[1] ?? m[2])!]?.[1] : undefined;
}

/**
 * A news report or 解读 is about the plan it reports: 南京出台《数字经济发展三年行动计划(2020-2022年)》,
 * 会议发布了《“数字福州”建设三年行动计划(2018—2020年)》. That plan's title (and the period in it) is the
 * document's own, so its goals are not another document's.
 */
const NEWS_OF_PLAN =
  /(?:出台|印发|发布|出炉|推出|审议通过|正式实施)了?《([^《》]{4,60}(?:规划|方案|意见|计划|纲要)(?:\((?:19|20)\d\d\s*[-—–]\s*(?:19|20)\d\d年?\))?)》/;

/**
 * A reporter's byline or a news agency's opening (示范日报讯 (记者…), 记者27日从…获悉, 新华社…日电), or a news
 * photo's caption or credit (▲资料图,图/新京报网; 图/视觉中国): a page of news, not a plan or a notice.
 */
const NEWS_BYLINE = /记者|通讯员|[报网]讯|日电|获悉|新华社|资料图|图\s*[/／]\s*[\u4e00-\u9fa5]/;

/** The plan's short name as the subject of what it says (《纲要》明确, 根据《规划》): a report about it. */
const REPORTED_PLAN =
  /《(?:纲要|规划|方案|计划|意见|行动计划|实施方案)》(?:明确|提出|指出|强调|要求|还|从)|根据《[^《》]{1,12}》/;

/**
 * A report of a plan without a byline (泉州市政府正式发布…《…纲要》… 《纲要》明确,到2035年…): it names the
 * plan as issued and then says what the plan says. A notice issuing the plan itself (关于印发…的通知, 现将…印发) is not one.
 */
const PLAN_ISSUED = /(?:出台|印发|发布|出炉|推出|审议通过|正式实施)[^《》。,]{0,12}《[^《》]{4,80}(?:规划|方案|意见|计划|纲要)》/;
function reportsAPlan(head: string): boolean {
  return PLAN_ISSUED.test(head) && REPORTED_PLAN.test(head) && !/的通知|现将|印发给你们/.test(head);
}

export const FIVE_YEAR: Readonly<Record<string, [number, number]>> = {
  十一五: [2006, 2010],
  十二五: [2011, 2015],
  十三五: [2016, 2020],
  十四五: [2021, 2025],
  十五五: [2026, 2030],
};

/**
 * What a plan says about itself: its title (the 《…》 it calls 《规划》 or the title of the
 * issuing notice), its period (规划期为2021—2025年, (2023-2025), or the 十四五 it names most)
 * and its subject (the most specific unit in its title; otherwise the unit it names most).
 * The period comes from an explicit 规划期, else the five-year period in the title, else the latest one named.
 */
export function inferPlanContext(text: string, orgs: OrgUnitMatcher): PlanContext {
  const ctx: PlanContext = {};
  const head = text.slice(0, 4000);
  const self =
    /《([^《》]{4,60})》\s*(?:\((?:以下)?简称《[^《》]{0,8}?(?:规划|方案|意见|计划|纲要)》\)|针对|是|规划期|期为)/.exec(head) ??
    /(?:关于印发|编制)《?([^《》,。]{4,60}?(?:规划|方案|意见|计划|纲要)(?:\(\d{4}-\d{4}\))?)》?/.exec(head) ??
    /^([^\n]{4,60}(?:规划|方案|意见|计划|纲要)(?:\(\d{4}[-—–]\d{4}\))?)(?:\([上中下一二三四]\))?$/m.exec(head) ??
    NEWS_OF_PLAN.exec(head);
  if (self) ctx.title = self[1]!;
  if (NEWS_BYLINE.test(text.slice(0, 600)) || reportsAPlan(head)) ctx.newsReport = true;
  const goalsFrom = goalsFromDate(text);
  if (goalsFrom !== undefined) ctx.goalsFrom = goalsFrom;
  // (以下简称《行动计划》), (简称《行动计划》): the text then cites itself by this name.
  const alias = /\((?:以下)?简称《([^《》]{2,12})》\)/.exec(head);
  if (alias) ctx.alias = alias[1]!;

  const explicit =
    /规划(?:期|期限)?(?:为|是)?\s*((?:19|20)\d\d)\s*(?:年)?\s*(?:[-—–~至到])\s*((?:19|20)\d\d)\s*年/.exec(text) ??
    /\(((?:19|20)\d\d)\s*(?:年)?\s*[-—–]\s*((?:19|20)\d\d)(?:年)?\)/.exec(ctx.title ?? '') ??
    /期为\s*((?:19|20)\d\d)年?\s*(?:[-—–~至到])\s*((?:19|20)\d\d)年/.exec(text);
  if (explicit) {
    ctx.periodStart = Number(explicit[1]);
    ctx.periodEnd = Number(explicit[2]);
    ctx.periodFrom = 'explicit';
  } else {
    // The five-year plan period the title names, else the latest the text names (a 十四五 plan looks back on 十三五).
    // A title writes it formally (国民经济和社会发展第十四个五年规划): that is 十四五 as well.
    const formal = (k: string) => `第${k.slice(0, -1)}个五年`;
    const named = Object.keys(FIVE_YEAR).filter((k) => namesAsOwnPeriod(text, k) || text.includes(formal(k)));
    const titleLine = ctx.title ?? head.split('\n')[0] ?? '';
    // The first one the title line names (a review of 十三五 may have been run into it).
    const at = (k: string) => Math.min(...[k, formal(k)].map((n) => titleLine.indexOf(n)).filter((i) => i >= 0));
    const inTitle = Object.keys(FIVE_YEAR)
      .filter((k) => Number.isFinite(at(k)))
      .sort((a, b) => at(a) - at(b))[0];
    const best = inTitle ?? named[named.length - 1];
    if (best) {
      [ctx.periodStart, ctx.periodEnd] = FIVE_YEAR[best]!;
      ctx.periodFrom = 'five-year';
    } else {
      // A report naming one horizon and no period (到2012年,…; 力争建成20个…): its goals are for that year.
      const horizons = new Set([...text.matchAll(/(?:到|至)((?:19|20)\d\d)年/g)].map((m) => Number(m[1])));
      if (horizons.size === 1) {
        ctx.periodEnd = [...horizons][0]!;
        ctx.periodFrom = 'horizon';
      }
    }
  }

  // A report of its own period's results (the period it reviews is not before the one it is in), not of a plan issued.
  const reviewed = PLAN_ISSUED.test(head) ? undefined : reviewedPeriodEnd(text.slice(0, 400));
  if (reviewed !== undefined && (ctx.periodEnd === undefined || reviewed >= ctx.periodEnd)) ctx.reviewUntil = reviewed;

  const named = (s: string) => orgs.find(s).filter((m) => m.orgKind !== 'department');
  const inTitle = ctx.title ? named(ctx.title) : [];
  if (inTitle.length > 0) {
    // The most specific: the last unit named that is not the province when another unit is named.
    const specific = inTitle.filter((m) => m.orgKind !== 'province');
    ctx.subject = specific[specific.length - 1] ?? inTitle[inTitle.length - 1];
  } else {
    const counts = new Map<string, { m: OrgMention; n: number }>();
    for (const m of named(text)) {
      const c = counts.get(m.code!) ?? { m, n: 0 };
      c.n++;
      counts.set(m.code!, c);
    }
    const ranked = [...counts.values()].sort((a, b) => b.n - a.n);
    if (ranked[0]) ctx.subject = ranked[0].m;
  }
  return ctx;
}

/**
 * Whether the text names a five-year period as one it is in, not only as the next one it prepares
 * (谋篇“十五五”, 谋划“十五五”, 为“十五五”良好开局奠定基础): a 2025 work report is not a 十五五 plan.
 */
function namesAsOwnPeriod(text: string, period: string): boolean {
  for (let at = text.indexOf(period); at >= 0; at = text.indexOf(period, at + 1)) {
    const before = text.slice(Math.max(0, at - 4), at);
    const after = text.slice(at + period.length, at + period.length + 6);
    if (!/(?:谋篇|谋划|编制|研究|启动)“?$/.test(before) && !/^”?(?:时期)?(?:良好)?开局|^”?规划编制/.test(after)) return true;
  }
  return false;
}

/** A paragraph quoting another document's goals: 《云南省…规划》提出, 到2025年… */
const CITATION_RE = /《([^《》]{4,60})》(?:中)?(?:提出|明确|指出|要求|规定)/g;

/**
 * Whether a paragraph quotes another document; the plan citing itself (《规划》, 以下简称《行动计划》)
 * does not, nor a 分工方案 citing the report it divides (《2023年市〈政府工作报告〉…分解方案》 citing
 * 《政府工作报告》中提出的各项工作任务).
 */
export function citesOtherDocument(paragraph: string, ctx: PlanContext): boolean {
  if ((ctx.title && paragraph.includes(ctx.title)) || (ctx.alias && paragraph.includes(`《${ctx.alias}》`))) return false;
  const title = (ctx.title ?? '').replace(/[〈〉<>]/g, '');
  return [...paragraph.matchAll(CITATION_RE)].some((m) => {
    const name = m[1]!.replace(/[〈〉<>]/g, '');
    // An annual document carries out its year's 政府工作报告; quoting it is not quoting another plan.
    if (ctx.annual && /^(?:(?:19|20)\d\d年)?[省市区县]?政府工作报告$/.test(name)) return false;
    return !(title && title.includes(name));
  });
}
