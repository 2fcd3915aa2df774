import { findFractions } from './fractions.ts';
import { NUMBER_SOURCE, UNIT_RE, chineseNumeral, decimalText } from './quantities.ts';

/** A figure in a sentence: 超110亿元, 10%以上, 1—2家, 2.7左右. Offsets are relative to the scanned text. */
export interface ValueExpression {
  from: number;
  to: number;
  /** Decimal text; for ranges the lower bound. */
  value: string;
  max?: string;
  unit?: string;
  /** 以上 / 以下 / 以内 / 左右 after the unit. */
  suffix?: string;
  /** 超 / 约 / 近 written right before the number. */
  prefix?: string;
  /** Written as a fraction (三分之一, 1/3, 过半); value is the percentage. */
  fraction?: boolean;
}

// 4.5%—5%: a range may repeat its % after the lower bound; only when the upper bound has it too (5%到2025年 is none).
const VALUE_RE = new RegExp(
  `(?<prefix>超过|超|约|近|逾)?(?<num>${NUMBER_SOURCE})(?:\\s*(?:%(?=\\s*(?:[-—–~]|至|到)\\s*${NUMBER_SOURCE}\\s*%))?\\s*(?:[-—–~]|至|到)\\s*(?<num2>${NUMBER_SOURCE}))?`,
  'g',
);
const MULTIPLIER_RE = /^(?:万亿|千亿|亿|万|千)(?![元美人户吨千平标单亩斤])/;
/** A quantity counted in years (受教育年限, 平均生存周期) reaching a figure: N年 there is the figure, not a duration. */
const YEARS_QUANTITY =
  /(?:年限|周期|寿命|年数)[^,;。]{0,6}?(?:达到|达|提高到|提高至|提升到|提升至|延长到|延长至|增加到|超过|为)$/;
const SUFFIX_RE = /^(?:及以上|以上|以下|以内|左右|多)/;

/**
 * All figures of a text except dates (2025年, 2016年12月31日, 2023-2025), durations (3年) and
 * ordinals (第3批); the unit, when one follows, is one of the known units or measure words.
 */
export function findValueExpressions(text: string): ValueExpression[] {
  const fractions = findFractions(text);
  const out: ValueExpression[] = fractions.map((f) => ({
    from: f.from,
    to: f.to,
    value: f.percent,
    unit: '%',
    fraction: true,
    ...(f.suffix ? { suffix: f.suffix } : {}),
  }));
  for (const m of text.matchAll(VALUE_RE)) {
    const g = m.groups!;
    const start = m.index!;
    if (fractions.some((f) => start < f.to && f.from < start + m[0].length)) continue;
    const numStart = start + (g.prefix?.length ?? 0);
    let end = start + m[0].length;
    const before = text.slice(Math.max(0, numStart - 1), numStart);
    // Part of a longer token: a code (9610), a version, a letter-number mix (RCEP, 5G) or an ordinal.
    if (/[A-Za-z.第]/.test(before)) continue;
    let rest = text.slice(end);
    // 进入长三角县域前20强: the first N places, a rank (名) — unlike 世界500强, a name.
    const topN = text[numStart - 1] === '前' && rest.startsWith('强') && !g.num2;
    if (topN) {
      out.push({ from: start, to: end + 1, value: decimalText(g.num!), unit: '名' });
      continue;
    }
    if (
      rest.startsWith('年') &&
      !/^[12]\d{3}$/.test(g.num!) &&
      !/^年(?:[底末初中度内后前间]|以来|以前|以后|以内)/.test(rest) &&
      YEARS_QUANTITY.test(text.slice(Math.max(0, start - 30), start))
    ) {
      const suffix = SUFFIX_RE.exec(rest.slice(1));
      out.push({
        from: start,
        to: end + 1 + (suffix?.[0].length ?? 0),
        value: decimalText(g.num!),
        unit: '年',
        ...(suffix ? { suffix: suffix[0] } : {}),
      });
      continue;
    }
    if (/^(?:[A-Za-z]|年|月|日|号|周年|季度|强|\.\d|:)/.test(rest)) {
      // 2025年 and 3年 are years or durations; 5G, 2+1+N and 世界500强 are names.
      continue;
    }
    const value = decimalText(g.num!);
    const max = g.num2 ? decimalText(g.num2) : undefined;
    let unit = '';
    const mult = MULTIPLIER_RE.exec(rest);
    if (mult) {
      unit = mult[0];
      rest = rest.slice(mult[0].length);
      end += mult[0].length;
    }
    const u = UNIT_RE.exec(rest);
    if (u) {
      unit += u[0];
      rest = rest.slice(u[0].length);
      end += u[0].length;
    }
    // The range may repeat the unit: 3%-7%.
    const suffix = SUFFIX_RE.exec(rest);
    if (suffix) end += suffix[0].length;
    out.push({
      from: start,
      to: end,
      value,
      ...(max !== undefined ? { max } : {}),
      ...(unit ? { unit } : {}),
      ...(suffix ? { suffix: suffix[0] } : {}),
      ...(g.prefix ? { prefix: g.prefix } : {}),
    });
  }
  // 挺进全省高新区前十五: a rank written in Chinese numerals after a verb of reaching it (世界五百强 stays a name).
  for (const m of text.matchAll(CN_TOP_N)) {
    const n = chineseNumeral(m[1]!);
    if (n !== null && !out.some((v) => v.from < m.index + m[0].length && m.index < v.to))
      out.push({ from: m.index, to: m.index + m[0].length, value: String(n), unit: '名' });
  }
  // 落位百个亿元以上重点项目: a round count written 百个/千个 (上百个, 数百个 are no figures).
  for (const m of text.matchAll(CN_ROUND_COUNT))
    if (!out.some((v) => v.from < m.index + m[0].length && m.index < v.to))
      out.push({ from: m.index, to: m.index + m[0].length, value: m[1] === '百' ? '100' : '1000', unit: '个' });
  return out.sort((a, b) => a.from - b.from);
}
const CN_ROUND_COUNT = /(?<![\d零〇一二两三四五六七八九十百千几数上近逾超余成])([百千])个(?=[\u4e00-\u9fa5])/g;
const CN_TOP_N =
  /(?<=(?:进入|跻身|挺进|迈入|位列|位居)[^,;。、]{0,12}?前)([一二三四五六七八九十]{1,3})(?:强|名|位)?(?![\u4e00-\u9fa5]{0,1}[亿万千百强])/g;

/** Years written in a text with what precedes them: 到2025年, 2023年, 由2021年的. */
export interface YearMention {
  from: number;
  to: number;
  year: number;
  /** 到/至/力争 before it: a horizon. */
  horizon: boolean;
  /** 由2021年的 / 从2015年的 / 比2020年: a base. */
  base: boolean;
  /** 截至2020年 / 截止2020年底: a figure as of that date. */
  asOf: boolean;
  /** Followed by a month and day or 底/前 (2016年12月31日前): a deadline-like date. */
  date?: string;
}

const YEAR_RE =
  /(?<pre>截至|截止到|截止|到|至|力争|争取|在|于|由|从|比|较)?(?<year>(?:19|20)\d\d)年(?:(?<month>\d{1,2})月(?:(?<day>\d{1,2})日)?)?(?<post>底前|年底前|底|末|前|以前|之前|的)?/g;

export function findYears(text: string): YearMention[] {
  const out: YearMention[] = [];
  for (const m of text.matchAll(YEAR_RE)) {
    const g = m.groups!;
    // 2021—2025年 / 2021年至2025年: a period, whose end is the horizon.
    const year = Number(g.year);
    const base = g.pre === '由' || g.pre === '从' || g.pre === '比' || g.pre === '较' || g.post === '的';
    const asOf = g.pre !== undefined && g.pre.startsWith('截');
    const horizon = !base && (g.pre === '到' || g.pre === '至' || g.pre === '力争' || g.pre === '争取');
    let date: string | undefined;
    if (g.month) {
      const mm = g.month.padStart(2, '0');
      date = g.day ? `${year}-${mm}-${g.day.padStart(2, '0')}` : `${year}-${mm}`;
    } else if (g.post && /底|末/.test(g.post)) date = `${year}-12-31`;
    out.push({ from: m.index!, to: m.index! + m[0].length, year, horizon, base, asOf, ...(date ? { date } : {}) });
  }
  return [...out, ...periodMilestones(text)].sort((a, b) => a.from - b.from);
}

const PERIOD_MILESTONE_RE =
  /(?<pre>到|至|在|比|较|由|从)?“?(?<period>十[一二三四五]五)”?(?:时期)?(?<when>中期|末期|期末|末)(?<post>的)?/g;
const FIVE_YEAR_PERIOD_END: Readonly<Record<string, number>> = {
  十一五: 2010,
  十二五: 2015,
  十三五: 2020,
  十四五: 2025,
  十五五: 2030,
};

/**
 * “十四五”末 and “十四五”中期 name a year as 到2025年 does: the period's end, or its middle (2023); a goal after
 * them is for that year (…“十四五”中期,地区生产总值…跃上千亿元新台阶), not for a 2035 named earlier; 在“十三五”末的
 * 基础上 names a base.
 */
function periodMilestones(text: string): YearMention[] {
  const out: YearMention[] = [];
  for (const m of text.matchAll(PERIOD_MILESTONE_RE)) {
    const end = FIVE_YEAR_PERIOD_END[m.groups!.period!]!;
    const year = m.groups!.when === '中期' ? end - 2 : end;
    // 在“十三五”末的基础上, 比“十三五”末: a base, as 比2020年 is.
    const base = /在|比|较|由|从/.test(m.groups!.pre ?? '') || m.groups!.post === '的';
    out.push({ from: m.index!, to: m.index! + m[0].length, year, horizon: !base, base, asOf: false });
  }
  return out;
}
