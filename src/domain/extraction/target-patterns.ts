import type { Comparator } from '../model/target.schema.ts';
import { specialForms } from './special-target-forms.ts';
import {
  ANNUAL_CUE,
  AT_LEAST_CUE,
  AT_MOST_CUE,
  CUMULATIVE_UP_CUE,
  DECLINE_CUE,
  INDICATOR_HEAD,
  LEADING_VERB,
  PLAIN_GROWTH_CUE,
  PP_UP_CUE,
  RANK_CHANGE_CUE,
  RANK_CUE,
  RANK_REACH_CUE,
  SET_TO_CUE,
  SHARE_OF_CUE,
  SOFT_AT_LEAST,
  YOY_CUE,
  ZONE_START_VERB,
  isCount,
  stripOpeners,
  unique,
  yearFor,
} from './target-cues.ts';
import { findValueExpressions, findYears, type ValueExpression, type YearMention } from './value-expressions.ts';

/**
 * Finds quantitative targets in one sentence by explainable rules. The result says which words
 * name the indicator (several readings, most specific first, for the catalogue to choose from),
 * which figure and comparator the plan states, and where; scope, year context and catalogue
 * matching are done by the caller.
 *
 * Comparators (docs/plan-definition-format.md): 达到/超过/不低于/突破/新增… → at_least;
 * 控制在/不高于/以内/降至… → at_most; …左右 → exactly; 年均增长/年均增速/同比增长 → annual_growth;
 * 累计降低/下降 x% → cumulative_change (negative); 翻一番/翻番 → cumulative_change 100;
 * 占…x% / 比重 / 集聚全省x%的… / 全部建成 / 全覆盖 → share; a–b → range; 位列前N → at_most (rank).
 */
export interface RawTarget {
  /** Readings of the indicator, most specific first (A占B比重, A, …). */
  indicatorPhrases: string[];
  /** Where the indicator words are, relative to the sentence. */
  indicatorFrom: number;
  indicatorTo: number;
  comparator: Comparator;
  value?: string;
  min?: string;
  max?: string;
  rate?: string;
  unit?: string;
  valueFrom: number;
  valueTo: number;
  /** Explicit target year in the sentence (到2025年), or a number of years from the base year (3年内). */
  year?: number;
  yearsFromBase?: number;
  baseline?: { year: number; value: string; unit?: string; from: number; to: number };
  /** A year before the figure that marks it as a past figure (2020年, 截至2020年). */
  pastYear?: number;
  /** Clause-start position: where scope mentions for this target may be looked for. */
  subjectFrom: number;
  evidence: string[];
  /** The indicator words were copied from an earlier clause (…,年均增长10%以上). */
  inherited: boolean;
  /** One of several indicators listed with 、 that share the figure: the readings of the whole list, for the caller to fall back on. */
  listedFrom?: string[];
}

export function findTargetsInSentence(sentence: string): RawTarget[] {
  const years = findYears(sentence);
  const out: RawTarget[] = [];
  let lastIndicator: { phrases: string[]; from: number; to: number } | null = null;
  for (const [cs, ce] of clauseRanges(sentence)) {
    const clause = sentence.slice(cs, ce);
    const found = findInClause(clause, cs, sentence, years, lastIndicator);
    for (const t of found) {
      out.push(t);
      if (!t.inherited && t.indicatorPhrases.length > 0)
        lastIndicator = { phrases: t.indicatorPhrases, from: t.indicatorFrom, to: t.indicatorTo };
    }
  }
  return out;
}

/** Marks the year's task a report of progress names (完成年任务X的Y%): a goal among its results (figure-judgement.ts). */
export const YEAR_TASK_EVIDENCE = 'the year’s task (完成年任务X的Y%)';

/** Clauses split at , ; : (and a headline's 丨) outside brackets and quotes. */
export function clauseRanges(s: string): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if ('(“《「【'.includes(ch)) depth++;
    else if (')”》」】'.includes(ch)) depth = Math.max(0, depth - 1);
    // 丨 separates a news headline's parts (四川省政府工作报告丨2024年…预期增长6%左右).
    // 1,200万人: a thousands separator is part of its figure.
    else if (ch === ',' && /\d/.test(s[i - 1] ?? '') && /^\d{3}(?!\d)/.test(s.slice(i + 1))) continue;
    else if (depth === 0 && /[,;:。!?丨|]/.test(ch)) {
      if (i > from) out.push([from, i]);
      from = i + 1;
    }
  }
  if (from < s.length) out.push([from, s.length]);
  return out;
}

function findInClause(
  clause: string,
  offset: number,
  sentence: string,
  years: YearMention[],
  inheritedIndicator: { phrases: string[]; from: number; to: number } | null,
): RawTarget[] {
  const out: RawTarget[] = [];
  const ves = findValueExpressions(clause);
  let zoneStart = 0;
  let sharedNoun: string | null = null;

  for (let k = 0; k < ves.length; k++) {
    const ve = ves[k]!;
    if (ve.from < zoneStart) continue;
    const after = clause.slice(ve.to);
    const zone = clause.slice(zoneStart, ve.from);
    const evidence: string[] = [];
    const previous = out[out.length - 1];

    // Baseline "由2021年的77.33亿元…提高至超110亿元": the first figure is the base of the next one.
    const baseYear = years.find((y) => y.base && y.from >= offset + zoneStart && y.to <= offset + ve.from + 1);
    const next = ves[k + 1];
    const move = /^(?:人民币)?(?<verb>提高|增加|增长|提升|下降|降低|减少|缩小|扩大|上升)?(?:到|至|为)/.exec(after);
    // The goal a move (提高到/下降至…) reaches: the next figure, its indicator read from `start`.
    const reached = (start: number) =>
      buildTarget(
        clause,
        offset,
        zoneStart,
        next!,
        years,
        inheritedIndicator,
        sentence,
        evidence,
        start,
        /下降|降低|减少|缩小/.test(move!.groups!.verb ?? '') ? 'at_most' : 'at_least',
      );
    if (baseYear && next && move) {
      const t = reached(ve.from);
      if (t) {
        // 从2015年的3.2下降到2020年的2.92: the second figure has its own year.
        const own = years.find((y) => y.from >= offset + ve.to && y.to <= offset + next.from);
        if (own) {
          delete t.pastYear;
          t.year = own.year;
        }
        t.baseline = { year: baseYear.year, value: ve.value, unit: ve.unit, from: ve.from + offset, to: ve.to + offset };
        t.evidence.push('baseline: 由…年的…提高至');
        out.push(t);
      }
      zoneStart = next.to;
      k++;
      continue;
    }

    // 规上工业总产值从100亿元提高到200亿元 (no base year): the quantity starts from the first figure; the second is the goal.
    const fromAt = /从[^,;。从\d]{0,6}$/.exec(clause.slice(zoneStart, ve.from));
    if (!baseYear && fromAt && next && move && next.from === ve.to + move[0].length) {
      const t = reached(zoneStart + fromAt.index);
      if (t) {
        t.evidence.push('从…提高到: the figure reached');
        out.push(t);
      }
      zoneStart = next.to;
      k++;
      continue;
    }

    // Threshold inside a noun: 营业收入超5000亿元开发区2家, …、超2000亿元5家 — the count is the figure; also
    // written with 的 and a cue (主营业务收入超300亿元的产业集群达15个以上).
    const between = next ? THRESHOLD_NOUN.exec(clause.slice(ve.to, next.from)) : null;
    const nounBetween = between?.[1] ?? '';
    if (next && between && isCount(next.unit) && !isCount(ve.unit) && (nounBetween.length > 0 || sharedNoun !== null)) {
      const noun: string = nounBetween.length > 0 ? nounBetween : (sharedNoun ?? '');
      sharedNoun = noun;
      const head = stripOpeners(clause.slice(zoneStart, ve.from).replace(/^、/, ''));
      const basePhrase = head.length > 0 ? head : (previous?.indicatorPhrases[0]?.split(/超|达/)[0] ?? '');
      out.push({
        indicatorPhrases: [`${basePhrase}${clause.slice(ve.from, ve.to)}${noun}`],
        indicatorFrom: offset + zoneStart,
        indicatorTo: offset + next.from,
        comparator: next.max ? 'range' : 'at_least',
        ...(next.max ? { min: next.value, max: next.max } : { value: next.value }),
        unit: next.unit,
        valueFrom: offset + next.from,
        valueTo: offset + next.to,
        ...yearFor(years, offset + next.from, sentence),
        subjectFrom: offset,
        evidence: ['count of units above a threshold (…超N亿元开发区M家)'],
        inherited: false,
      });
      zoneStart = next.to;
      k++;
      continue;
    }

    // 完成年任务75亿元的23.7%: a report of progress names the year's task — the goal of the quantity of the clause
    // before (实现工业总产值17.78亿元,…); the share done (23.7%) is a result.
    if (/(?:完成|占)(?:全年|年度?)(?:任务|目标|计划)$/.test(zone) && inheritedIndicator && ve.unit && !/%/.test(ve.unit)) {
      out.push({
        indicatorPhrases: inheritedIndicator.phrases,
        indicatorFrom: inheritedIndicator.from,
        indicatorTo: inheritedIndicator.to,
        comparator: 'exactly',
        value: ve.value,
        unit: ve.unit,
        valueFrom: offset + ve.from,
        valueTo: offset + ve.to,
        ...yearFor(years, offset + ve.from, sentence),
        subjectFrom: offset,
        evidence: [YEAR_TASK_EVIDENCE],
        inherited: true,
      });
      const done = ves[k + 1];
      zoneStart = done && /^的$/.test(clause.slice(ve.to, done.from)) ? done.to : ve.to;
      if (zoneStart !== ve.to) k++;
      continue;
    }
    // A figure inside a noun (投资额超10亿元的重大产业项目, 在5000万元及以上的大型企业) qualifies it.
    if (/^的/.test(after) && !/%$/.test(ve.unit ?? '') && !/占|集聚|比重/.test(zone)) {
      zoneStart = ve.to;
      continue;
    }

    // A list of figures: 分别高于12%、18% / 600万元/年、400万元/年 — same cue and indicator as the previous one.
    const tail = trailingNoun(clause, ve.to);
    if (previous && /^[、和及]$/.test(zone) && tail && isCount(ve.unit) && isCount(previous.unit)) {
      // 新增1家国家级高新区、1家国家级经开区: each figure counts the noun after it.
      out.push({
        ...previous,
        indicatorPhrases: [tail.noun],
        indicatorFrom: offset + tail.from,
        indicatorTo: offset + tail.to,
        value: undefined,
        min: undefined,
        max: undefined,
        ...figureFields(previous.comparator, ve, false),
        unit: ve.unit,
        valueFrom: offset + ve.from,
        valueTo: offset + ve.to,
        baseline: undefined,
        evidence: [...previous.evidence, 'listed count: same cue as the previous one'],
      });
      zoneStart = tail.to;
      continue;
    }
    // 新认定国家专精特新“小巨人”4家、省级10家: an item naming only its level counts the previous item's thing at that level.
    const level = /^[、和及](国家级|省级|市级|县级|区级)$/.exec(zone)?.[1];
    if (previous && level && isCount(ve.unit) && ve.unit === previous.unit) {
      out.push({
        ...previous,
        indicatorPhrases: previous.indicatorPhrases.map((p) => (LEVEL.test(p) ? p.replace(LEVEL, level) : `${level}${p}`)),
        value: undefined,
        min: undefined,
        max: undefined,
        ...figureFields(previous.comparator, ve, false),
        valueFrom: offset + ve.from,
        valueTo: offset + ve.to,
        baseline: undefined,
        evidence: [...previous.evidence, 'listed level: same cue and thing as the previous one'],
      });
      zoneStart = ve.to;
      continue;
    }
    if (previous && /^[、和及]$/.test(zone) && tail && /^的/.test(after) && previous.comparator === 'share') {
      // 集聚全省20%的人口、40%的地区生产总值: each share names its own noun.
      const whole = /占(.*)比重$/.exec(previous.indicatorPhrases[0] ?? '')?.[1] ?? '';
      out.push({
        ...previous,
        indicatorPhrases: [`${tail.noun}占${whole}比重`, tail.noun],
        indicatorFrom: offset + tail.from,
        indicatorTo: offset + tail.to,
        value: ve.value,
        unit: ve.unit,
        valueFrom: offset + ve.from,
        valueTo: offset + ve.to,
        baseline: undefined,
        evidence: [...previous.evidence, 'listed share: same cue as the previous one'],
      });
      zoneStart = tail.to;
      continue;
    }
    if (previous && /^[、和及]$/.test(zone) && !(tail && isCount(ve.unit))) {
      out.push({
        ...previous,
        value: undefined,
        min: undefined,
        max: undefined,
        rate: undefined,
        ...figureFields(previous.comparator, ve, previous.rate?.startsWith('-') ?? false),
        unit: ve.unit ?? previous.unit,
        valueFrom: offset + ve.from,
        valueTo: offset + ve.to,
        baseline: undefined,
        evidence: [...previous.evidence, 'listed figure: same cue as the previous one'],
      });
      zoneStart = ve.to;
      continue;
    }

    const t = buildTarget(clause, offset, zoneStart, ve, years, inheritedIndicator, sentence, evidence, ve.from);
    if (t) {
      out.push(t);
      // The noun after a share or a count (50%的人口, 20个以上数字化转型开发区) belongs to this figure.
      zoneStart = tail && (isCount(ve.unit) || ve.unit === '%') && t.indicatorFrom >= offset + ve.to ? tail.to : ve.to;
    } else zoneStart = ve.to;
  }

  out.push(...specialForms(clause, offset, sentence, years, ves));
  return distribute(out, clause);
}

function figureFields(comparator: Comparator, ve: ValueExpression, negative: boolean): Partial<RawTarget> {
  if (comparator === 'annual_growth') return { rate: ve.value };
  if (comparator === 'cumulative_change') return { rate: negative ? `-${ve.value}` : ve.value };
  if (comparator === 'range' || ve.max !== undefined) return { comparator: 'range', min: ve.value, max: ve.max };
  return { value: ve.value };
}

const LEVEL = /国家级|国家|省级|市级|县级|区级/;
const LISTED_COUNT_EVIDENCE = 'cue: 打造…等N个 (a count of the items listed)';
const LISTED_COUNT = /(?:打造|锻造|培育|建设|建成|形成|发展|壮大)[^,;。]{2,40}、[^,;。]{1,20}等$/;

/**
 * The comparator a clause's cue gives its figure (达到 a floor, 控制在 a ceiling, 年均增长 a rate…),
 * refined by the figure's suffix and the share cues; null when the figure is no target (a change of
 * rank, a bare figure with no unit). Pushes why onto evidence.
 */
function chooseComparator(
  clause: string,
  zone: string,
  zoneEnd: number,
  ve: ValueExpression,
  evidence: string[],
  forced: Comparator | undefined,
): { comparator: Comparator; final: Comparator; cueLength: number; percent: boolean } | null {
  let comparator: Comparator | null = null;
  let cueLength = 0;
  const take = (re: RegExp, c: Comparator, why: string) => {
    if (comparator) return;
    const m = re.exec(zone);
    if (m) {
      comparator = c;
      cueLength = m[0].length;
      evidence.push(why);
    }
  };
  const percent = ve.unit === '%';
  if (forced) {
    comparator = forced;
    evidence.push('cue: 由…提高至/下降到');
  }
  // 全国排名上升5位: a change of rank, which no comparator expresses.
  if (/^[位名]/.test(ve.unit ?? '') && RANK_CHANGE_CUE.test(zone)) return null;
  take(RANK_CUE, 'at_most', 'rank: 前N');
  take(RANK_REACH_CUE, 'at_most', 'rank: 排名上升至N名');
  // 工业增加值力争达到全省开发区工业增加值的70%: a share of the whole named before 的.
  if (percent) take(SHARE_OF_CUE, 'share', 'share: 达到…的x%');
  // 比2020年提高3个百分点: a change of the share from a stated base year; 提高10个百分点以上 stays a floor.
  if (ve.unit === '个百分点' && !ve.suffix && PP_FROM_BASE.test(zone))
    take(PP_UP_CUE, 'cumulative_change', 'cue: 比…年提高N个百分点');
  if (ve.unit === '个百分点') take(PP_UP_CUE, 'at_least', 'cue: 提高N个百分点');
  if (percent) {
    take(ANNUAL_CUE, 'annual_growth', 'cue: 年均增长');
    take(YOY_CUE, 'annual_growth', 'cue: 同比增长');
    take(CUMULATIVE_UP_CUE, 'cumulative_change', 'cue: 累计增长');
    take(DECLINE_CUE, 'cumulative_change', 'cue: 下降/降低');
  }
  take(SET_TO_CUE, 'exactly', 'cue: 设为/定为');
  take(AT_MOST_CUE, 'at_most', 'cue: 控制在/不高于');
  if (percent) take(PLAIN_GROWTH_CUE, 'cumulative_change', 'cue: 增长');
  take(AT_LEAST_CUE, 'at_least', 'cue: 达到/超过');
  if (!comparator && ve.prefix && /超/.test(ve.prefix)) {
    comparator = 'at_least';
    evidence.push('prefix: 超');
  }
  // 三分之一, 1/3, 过半: a share however it is cued (达到三分之一以上).
  const cued = comparator as Comparator | null;
  if (ve.fraction && (cued === null || cued === 'at_least' || cued === 'exactly')) {
    comparator = 'share';
    evidence.push('share written as a fraction');
  }
  const shareCue = percent && /占|比重|占比|比例|集聚|份额/.test(zone);
  if (!comparator && ve.suffix) {
    comparator = /以上/.test(ve.suffix) ? 'at_least' : /左右|多/.test(ve.suffix) ? 'exactly' : 'at_most';
    evidence.push(`suffix: ${ve.suffix}`);
  }
  if (!comparator && shareCue) {
    comparator = 'share';
    evidence.push('share: 占/集聚…x%');
  }
  if (!comparator && SOFT_AT_LEAST.test(zone)) {
    comparator = 'at_least';
    evidence.push('cue: 力争/至少');
  }
  if (!comparator && ZONE_START_VERB.test(stripOpeners(zone))) {
    comparator = 'at_least';
    evidence.push('cue: 新增/建成… N');
  }
  // 锻造纺织鞋服、石油化工、建材家居等3个万亿级产业集群: a count of the items a verb lists before 等.
  if (!comparator && isCount(ve.unit) && LISTED_COUNT.test(clause.slice(0, zoneEnd))) {
    comparator = 'exactly';
    evidence.push(LISTED_COUNT_EVIDENCE);
  }
  if (!comparator) {
    // A plain figure (工业总产值314.9亿元): not a target, but a fact the plan states, kept for baselines.
    if (!ve.unit || stripOpeners(zone).length < 2) return null;
    comparator = 'exactly';
    evidence.push('stated figure (no cue)');
  }
  const c = comparator as Comparator;

  // Suffixes refine the comparator: …左右 is about a figure, …以上 a floor, …以内 a ceiling.
  let final: Comparator = c;
  if (c === 'at_least' || c === 'at_most' || c === 'share') {
    if (ve.suffix === '左右' && c !== 'share') final = 'exactly';
    else if (ve.suffix && /以下|以内/.test(ve.suffix)) final = 'at_most';
  }
  if (shareCue && (final === 'at_least' || final === 'exactly') && !/率$/.test(zone.slice(0, zone.length - cueLength)))
    final = 'share';
  if (ve.max !== undefined && final !== 'annual_growth' && final !== 'cumulative_change') final = 'range';
  return { comparator: c, final, cueLength, percent };
}

function buildTarget(
  clause: string,
  offset: number,
  zoneStart: number,
  ve: ValueExpression,
  years: YearMention[],
  inheritedIndicator: { phrases: string[]; from: number; to: number } | null,
  sentence: string,
  evidence: string[],
  zoneEnd: number,
  forced?: Comparator,
): RawTarget | null {
  const zoneRaw = clause.slice(zoneStart, zoneEnd);
  const zone = zoneRaw.replace(/^[、和及与]/, '');
  const zoneOffset = zoneStart + (zoneRaw.length - zone.length);
  const chosen = chooseComparator(clause, zone, zoneEnd, ve, evidence, forced);
  if (!chosen) return null;
  const { comparator: c, final, cueLength, percent } = chosen;

  // The indicator: the words of the zone before the cue, or after a count (20个以上数字化转型开发区).
  let indicatorText = zone
    .slice(0, zone.length - cueLength)
    .replace(/(?:由|从)(?:19|20)\d\d年(?:底|末)?的?$/, '')
    // …企业在2022年的基础上分别超过90家: the base the figure is reached from is not part of the name.
    .replace(
      /(?:分别|均|都|各|同比|累计|年均|力争|确保|争取|努力|要|将|预计|稳步|持续|逐步|不断|基本|进一步|在(?:19|20)\d\d年(?:底|末)?的?基础上|在此基础上|在全[国省市区县州][\u4e00-\u9fa5]{0,4}?率先|率先)+$/,
      '',
    );
  let indicatorFrom = zoneOffset;
  const verb = LEADING_VERB.exec(indicatorText);
  const phrases: string[] = [];
  const tail = trailingNoun(clause, ve.to);
  const percentShareOf = tail && percent && /集聚|占/.test(zone);
  if (percentShareOf) {
    // 集聚全省50%的人口 → 人口占全省比重 (the whole may be named earlier in the sentence).
    const wholes = sentence.slice(0, offset + ve.from).match(/全省|全国|全市|全州/g);
    const whole = /全省|全国|全市|全州/.exec(zone)?.[0] ?? wholes?.[wholes.length - 1] ?? '';
    phrases.push(`${tail.noun}占${whole}比重`, tail.noun);
    indicatorText = tail.noun;
    indicatorFrom = tail.from;
  } else if (tail && isCount(ve.unit)) {
    const before = stripOpeners(indicatorText).replace(
      /(?:至少|引进|落地|引入|有|建成|新增|培育|打造|达到|实现|形成|创建)+$/,
      '',
    );
    // 纺织鞋服、石油化工等3个万亿级产业集群 counts 万亿级产业集群, not the items named before it.
    if (evidence.includes(LISTED_COUNT_EVIDENCE)) phrases.push(tail.noun, `${before}${tail.noun}`);
    else phrases.push(`${before}${tail.noun}`, tail.noun, before);
    indicatorText = tail.noun;
    indicatorFrom = tail.from;
    evidence.push('count of the noun after the figure');
  } else if (tail && !INDICATOR_HEAD.test(stripOpeners(indicatorText)) && INDICATOR_HEAD.test(tail.noun)) {
    // 省政府每年统筹整合100亿元专项资金: the noun after the figure names what it measures.
    const before = stripOpeners(indicatorText);
    // 纺织鞋服、石油化工等3个万亿级产业集群 counts 万亿级产业集群, not the items named before it.
    if (evidence.includes(LISTED_COUNT_EVIDENCE)) phrases.push(tail.noun, `${before}${tail.noun}`);
    else phrases.push(`${before}${tail.noun}`, tail.noun, before);
    indicatorText = tail.noun;
    indicatorFrom = tail.from;
    evidence.push('the noun after the figure');
  } else {
    const cleaned = stripOpeners(indicatorText);
    indicatorFrom += indicatorText.length - cleaned.length;
    // …比重比2020年提高3个百分点: the base year is not part of the name.
    indicatorText = cleaned.replace(/(?:比|较)(?:19|20)\d\d年(?:底|末)?$/, '');
    // 非化石能源占比 is the name itself, not 非化石能源 占 比.
    const share = /^(.+?)占(?!比$)(.+?)(?:的)?(?:比重|比例|份额)?$/.exec(indicatorText);
    const whole =
      final === 'share' && evidence.includes('share: 达到…的x%')
        ? /^(?:达到|达|占|为|相当于)(.+)的$/.exec(zone.slice(zone.length - cueLength))
        : null;
    if (share) phrases.push(`${share[1]}占${share[2]}比重`, indicatorText, share[1]!);
    else if (whole) phrases.push(indicatorText, `${indicatorText}占${whole[1]}比重`);
    else if (verb && cleaned !== indicatorText) phrases.push(indicatorText);
    else phrases.push(indicatorText);
    if (verb) phrases.push(`${verb[0]}${indicatorText}`);
    if (c === 'at_most' && /前$/.test(zone)) phrases.push(`${indicatorText}排名`, '全国排名');
  }
  let inherited = false;
  let phraseList = unique(phrases.map((p) => p.replace(/^[的、]+|[的、]+$/g, '')).filter((p) => p.length >= 2));
  if (phraseList.length === 0 && inheritedIndicator) {
    phraseList = inheritedIndicator.phrases;
    indicatorFrom = inheritedIndicator.from - offset;
    indicatorText = sentence.slice(inheritedIndicator.from, inheritedIndicator.to);
    inherited = true;
    evidence.push('indicator from the previous clause');
  }
  if (phraseList.length === 0) return null;

  const target: RawTarget = {
    indicatorPhrases: phraseList,
    indicatorFrom: offset + indicatorFrom,
    indicatorTo: offset + indicatorFrom + indicatorText.length,
    comparator: final,
    unit: ve.unit,
    valueFrom: offset + ve.from,
    valueTo: offset + ve.to,
    ...yearFor(years, offset + ve.from, sentence),
    subjectFrom: offset,
    evidence,
    inherited,
  };
  if (final === 'annual_growth') target.rate = ve.value;
  else if (final === 'cumulative_change')
    if (ve.unit === '个百分点') target.value = ve.value;
    else target.rate = c === 'cumulative_change' && DECLINE_CUE.test(zone) ? `-${ve.value}` : ve.value;
  else if (final === 'range') {
    target.min = ve.value;
    target.max = ve.max;
  } else target.value = ve.value;
  return target;
}

/** The noun between a threshold and its count: 开发区 (…超5000亿元开发区2家), 的产业集群达 (…超300亿元的产业集群达15个). */
const THRESHOLD_NOUN = /^的?([\u4e00-\u9fa5]{0,6}?)(?:达到|达|超过|突破)?$/;

/** 比2020年提高 / 较2020年提升: the base year right before the verb. */
const PP_FROM_BASE = /(?:比|较)(?:19|20)\d\d年(?:底|末)?(?:提高|提升|增加|上升|扩大)$/;

/**
 * 分别 and lists: 工业增加值、高新技术产业增加值年均增速分别高于12%、18% gives two targets, each
 * with its own indicator; 规上工业企业数量、上市企业数量实现翻番 gives one target per listed indicator.
 */
function distribute(targets: RawTarget[], clause: string): RawTarget[] {
  const out: RawTarget[] = [];
  const key = (t: RawTarget) => `${t.indicatorFrom}:${t.indicatorTo}:${t.indicatorPhrases[0] ?? ''}`;
  const groups = new Map<string, RawTarget[]>();
  for (const t of targets) groups.set(key(t), [...(groups.get(key(t)) ?? []), t]);
  for (const t of targets) {
    if (t.indicatorPhrases.length === 0) continue;
    const group = groups.get(key(t))!;
    const listed = listItems(t.indicatorPhrases[0]!);
    // 高新技术企业和科技型企业…分别超过90家和870家: two names joined by 和 pair with two figures too.
    const joined = t.indicatorPhrases[0]!.split(/和|与|及/).filter((p) => p.length >= 2);
    const items = group.length >= 2 && listed.length !== group.length && joined.length === group.length ? joined : listed;
    if (group.length >= 2) {
      if (items.length === group.length) {
        t.indicatorPhrases = [items[group.indexOf(t)]!];
        t.evidence.push('分别: paired with the listed indicator in the same position');
      }
      out.push(t);
    } else if (
      items.length >= 2 &&
      // 分别 pairs figures with names; before one 翻番 it doubles each name (A、B分别较2020年翻番).
      (!/分别/.test(clause) || t.evidence.some((e) => /^cue: (?:翻|倍增)/.test(e))) &&
      !t.evidence.includes(LISTED_COUNT_EVIDENCE) &&
      // 争创智能车间、5G工厂、标杆工厂10家: a count after listed kinds is their total, unless 均/各 give each its own.
      !(isCount(t.unit) && !/[均各]/.test(clause))
    ) {
      const whole = t.indicatorPhrases[0]!;
      for (const item of items) {
        const variants = t.indicatorPhrases.filter((p) => p.startsWith(whole)).map((p) => `${item}${p.slice(whole.length)}`);
        out.push({
          ...t,
          indicatorPhrases: unique(variants),
          listedFrom: t.indicatorPhrases,
          evidence: [...t.evidence, 'one target per listed indicator'],
        });
      }
    } else out.push(t);
  }
  return out;
}

/**
 * Items of a 、 list of indicators: 工业增加值、高新技术产业增加值 → both; 国家级、省级开发区亩均产出 →
 * 国家级开发区亩均产出, 省级开发区亩均产出 (a short item borrows the rest of the last one after
 * the character they share: 级).
 */
/** Head nouns a list of activities shares (…开工、…竣工贡献度): measures of each activity. */
const SHARED_HEAD = /(?:贡献度|贡献率|覆盖率|完成率|达标率|满意度|增速|增幅|占比|比重)$/;

export function listItems(phrase: string): string[] {
  const parts = phrase.split('、').filter((p) => p.length > 0);
  // 与新规则、新制度相衔接的创新制度: the list qualifies one noun, it does not list indicators.
  if (parts.length < 2 || /的|与|相/.test(phrase)) return [];
  // 亩均税收、人均税收和亩均技工贸总收入: 和 (or 及) joins the last item of a 、 list.
  const tail = /^(.{2,}?)(?:和|及)(.{2,})$/.exec(parts[parts.length - 1]!);
  if (tail) parts.splice(parts.length - 1, 1, tail[1]!, tail[2]!);
  const last = parts[parts.length - 1]!;
  const head = SHARED_HEAD.exec(last)?.[0];
  return parts.map((p, i) => {
    if (i === parts.length - 1) return p;
    // 项目招引、重大项目开工、重大项目竣工贡献度: names that name no quantity share the last one's head noun.
    if (head && !INDICATOR_HEAD.test(p)) return `${p}${head}`;
    // A short item that already names a quantity (亩均税收、…亩均技工贸总收入) borrows nothing from the last.
    if (p.length > 4 || p.length >= last.length || INDICATOR_HEAD.test(p)) return p;
    const shared = last.indexOf(p[p.length - 1]!);
    return shared >= 0 ? `${p}${last.slice(shared + 1)}` : p;
  });
}

/** A noun right after a figure: 的人口 / 数字化转型开发区 (up to the clause end or the next figure). */
function trailingNoun(clause: string, at: number): { noun: string; from: number; to: number } | null {
  const rest = clause.slice(at);
  // 领军企业100家以上、专精特新企业100家以上: what follows 、 is the next item of the list, with its own figure.
  if (/^[、和及与]/.test(rest)) return null;
  const lead = /^的/.exec(rest)?.[0].length ?? 0;
  // …等3个万亿级产业集群和机械装备、电子信息等3个五千亿级产业集群: 和 starts the next counted item.
  let end = rest.search(/[,;:。]|(?:和|、|及)(?:超|约|近)?\d|(?:和|及|与)(?=[^,;:。]{0,30}等\d)/);
  if (end < 0) end = rest.length;
  // 100个以上项目纳入国家用地保障范围: the counted noun ends where what happens to it begins.
  const verbAt = rest.slice(lead, end).search(/(?<=[\u4e00-\u9fa5]{2})(?:纳入|列入|进入)/);
  if (verbAt > 0) end = lead + verbAt;
  const noun = rest.slice(lead, end);
  if (noun.length < 2 || noun.length > 40 || /^(?:以上|以下|左右|以内)/.test(noun)) return null;
  if (!/^[\u4e00-\u9fa5“”()A-Za-z\d、]+$/.test(noun)) return null;
  return { noun, from: at + lead, to: at + end };
}
