import type { TargetCandidate } from './candidate.schema.ts';
import type { PlanContext } from './plan-context.ts';
import type { SentenceView } from './sentence-view.ts';
import { PAST_CUE, STRONG_CUE } from './target-cues.ts';
import { YEAR_TASK_EVIDENCE, type RawTarget } from './target-patterns.ts';

export type TargetYear = { year: number; from: TargetCandidate['target']['yearFrom'] };

export interface FigureJudgement {
  /** The year the figure is for (null: none can be told). */
  year: TargetYear | null;
  /** The past year it reports, when it reports one. */
  pastYear: number | undefined;
  /** It states what is or was (a baseline, a fact), not a goal. */
  past: boolean;
}

/**
 * Whether a figure of a sentence is a goal or a statement, and of which year: its own year, the
 * section's or the last sentences' horizon, else the plan's end; cues, the section and the
 * paragraph say whether it looks ahead.
 */
export function judgeFigure(
  t: RawTarget,
  s: SentenceView,
  clauseStart: number,
  ctx: PlanContext,
  contextYear: number | undefined,
  facts: ReadonlySet<string>,
): FigureJudgement {
  const year = targetYear(t, ctx.periodStart, contextYear, ctx.periodEnd);
  // 2021年,…达62.66亿元 in a plan for 2021–2025 reports the first year; 到2021年 would be a goal.
  const explicitNotHorizon = year?.from === 'sentence' && !s.years.some((y) => y.year === year.year && y.horizon);
  const pastYear =
    t.pastYear ??
    (year &&
    (year.year < (ctx.periodStart ?? 0) ||
      (explicitNotHorizon && year.year === ctx.periodStart && !ctx.annual) ||
      // 据报告,2024年…增长7% in a report dated 2025年1月3日: before the document was written.
      (explicitNotHorizon && year.year < (ctx.goalsFrom ?? 0)))
      ? year.year
      : undefined);
  // A figure with a weak cue (形成3个…, 建设…) is a goal only in a dated or goal context;
  // a count the plan repeats (3个片区) is a fact.
  const strong =
    STRONG_CUE.test(s.sentence.slice(clauseStart, t.valueTo)) ||
    // A one-year document's plain growth rate (全年引进内资增长10%) is that year's goal.
    (ctx.annual === true && t.unit === '%' && t.evidence.includes('cue: 增长')) ||
    (t.evidence.some((e) => /= 100%/.test(e)) && /将|力争|确保|要/.test(s.sentence));
  // A news report of a plan relays the plan's goals: its period dates them as a 到20xx年 would.
  const dated = year !== null && (year.from !== 'plan' || (ctx.newsReport === true && ctx.periodFrom === 'explicit'));
  const isStated =
    t.evidence.includes('stated figure (no cue)') ||
    (!strong && !dated && !s.goal) ||
    facts.has(countKey(s.sentence, t)) ||
    nationalContext(t, s, ctx);
  // A report of a period's results (ctx.reviewUntil): only a figure its sentence dates after that period is a goal.
  const reviewed = ctx.reviewUntil !== undefined && !(year !== null && year.from === 'sentence' && year.year > ctx.reviewUntil);
  // 增量预计超过35万亿元, 今年预计可以达到140万亿元左右: an estimate of what will be, not a goal set.
  const estimate = /预计/.test(s.sentence.slice(clauseStart, t.valueFrom));
  // 增长5.5%、居全省第1位: a growth already ranked among others' is a result (力争…居全省第1位 is s.future).
  const ranked = !s.future && RANKED_RESULT.test(s.sentence);
  const past =
    reviewed ||
    estimate ||
    ranked ||
    pastYear !== undefined ||
    (!s.future && PAST_CUE.test(s.sentence)) ||
    (s.background && !s.future && s.horizon.length === 0) ||
    // The year's task a report of progress names (完成年任务75亿元的…) is a goal among its results.
    (s.pastParagraph && s.horizon.length === 0 && !t.evidence.includes(YEAR_TASK_EVIDENCE)) ||
    isStated;
  return { year, pastYear, past };
}

/** 居全省第1位: a place among others already taken; 位列全国前100位 is a rank a plan aims at (a goal). */
const RANKED_RESULT = /(?:居|位居|位列|排名)(?:全国|全省|全市|全区|全州)第[\d一二三四五六七八九十]/;

function targetYear(
  t: RawTarget,
  periodStart: number | undefined,
  contextYear: number | undefined,
  periodEnd: number | undefined,
): TargetYear | null {
  if (t.year !== undefined) return { year: t.year, from: 'sentence' };
  if (t.yearsFromBase !== undefined && periodStart !== undefined)
    return { year: periodStart - 1 + t.yearsFromBase, from: 'sentence' };
  if (contextYear !== undefined) return { year: contextYear, from: 'context' };
  if (periodEnd !== undefined) return { year: periodEnd, from: 'plan' };
  return null;
}

/** "N个X" counts the document repeats three times or more (3个片区): facts, not goals. */
export function recurringCounts(text: string): Set<string> {
  const seen = new Map<string, number>();
  for (const m of text.matchAll(/(\d+)(个|家|项|所|条)([\u4e00-\u9fa5]{2})/g)) {
    const k = `${m[1]}${m[2]}${m[3]}`;
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, n]) => n >= 3).map(([k]) => k));
}

function countKey(sentence: string, t: RawTarget): string {
  return sentence.slice(t.valueFrom, t.valueTo).replace(/以上|左右/, '') + sentence.slice(t.valueTo, t.valueTo + 2);
}

/**
 * 我国经济总量突破100万亿元 in a city's or a province's plan: the national (or world) situation the
 * plan starts from, not its goal — a clause up to the figure opens with 我国/全国/全球/世界, the
 * sentence does not look ahead and no goal heading is above it. A national document is left alone.
 */
function nationalContext(t: RawTarget, s: SentenceView, ctx: PlanContext): boolean {
  const title = ctx.title ?? '';
  if (!/[省市县区州盟旗]/.test(title) || /全国|国家|中华人民共和国|中国/.test(title)) return false;
  if (s.future || s.goal || s.horizon.length > 0) return false;
  const upTo = s.sentence.slice(0, t.valueFrom);
  return /(?:^|[,;:])(?:当前|目前|当今)?,?(?:我国|全国|全球|世界)/.test(upTo);
}
