import { countWarnings, type WarningCounts } from '../warnings/warning-tally.ts';
import { targetRow, type JudgedTargetBase, type TargetRowHead, type TargetRowTrend, type WarningLevel } from './home-target.ts';

/**
 * The leader's home (issue 19): one screen answering "where are we" over every plan in the reader's
 * scope. Classes and warning counts are the ones the monitoring overview prints for each plan
 * (countWarnings over the same judged targets), so the home and the panel cannot disagree.
 */

export const HOME_CLASSES = ['achieved_early', 'ahead', 'on_track', 'behind', 'insufficient_data'] as const;
export type HomeClass = (typeof HOME_CLASSES)[number];

/** What the summary reads of one judged target (a subset of the progress API's target). */
export interface HomeTarget extends JudgedTargetBase {
  target: { rate: string | null };
  judgement: {
    class: HomeClass;
    progressShare: number | null;
    achievementRatio: number | null;
    timeElapsedShare: number;
    explanation: { zh: string };
  };
  freshness: { lastUpdated: string | null; stale: boolean };
}

export interface JudgedPlan {
  plan: { id: string; title: string };
  at: string;
  targets: readonly HomeTarget[];
}

export interface Laggard extends TargetRowHead, TargetRowTrend {
  /** One sentence in Chinese: who, and the progress judgement's own sentence. */
  sentence: string;
}

export interface PlanLine {
  plan: { id: string; title: string };
  at: string;
  total: number;
  byClass: Record<HomeClass, number>;
  warnings: WarningCounts;
  stale: number;
}

export interface LeaderSummary {
  plans: PlanLine[];
  totals: { total: number; byClass: Record<HomeClass, number>; warnings: WarningCounts };
  laggards: Laggard[];
  freshness: { total: number; stale: number; lastUpdated: string | null };
}

const LEVEL_RANK: Record<WarningLevel, number> = { red: 0, yellow: 1, green: 2 };

/** How far behind the clock a target is: elapsed time minus progress made (larger = worse). */
function shortfall(t: HomeTarget): number {
  const made = t.judgement.progressShare ?? t.judgement.achievementRatio;
  return made === null ? 0 : t.judgement.timeElapsedShare - made;
}

/**
 * A target lags when it is judged 滞后 or carries a red or yellow warning on a figure. Targets without
 * a figure (数据不足) are a freshness question, counted in the freshness panel, not laggards: otherwise
 * the "worst" list fills with missing reports and hides the targets that are really behind.
 */
export function isLaggard(t: HomeTarget): boolean {
  if (t.judgement.class === 'insufficient_data') return false;
  return t.judgement.class === 'behind' || t.warning.level !== 'green';
}

/**
 * The worst `n` laggards over all plans: 滞后 before other classes (a target already met whose report
 * is late is warned, but it is not behind), then red before yellow before none, then the largest
 * shortfall against the clock, then plan and key (stable).
 */
export function worstLaggards(plans: readonly JudgedPlan[], n = 5): Laggard[] {
  const all = plans.flatMap((p) => p.targets.filter(isLaggard).map((t) => ({ p, t })));
  all.sort(
    (a, b) =>
      Number(b.t.judgement.class === 'behind') - Number(a.t.judgement.class === 'behind') ||
      LEVEL_RANK[a.t.warning.level] - LEVEL_RANK[b.t.warning.level] ||
      shortfall(b.t) - shortfall(a.t) ||
      a.p.plan.id.localeCompare(b.p.plan.id) ||
      a.t.key.localeCompare(b.t.key),
  );
  return all.slice(0, n).map(({ p, t }) => ({ ...targetRow(p, t), sentence: laggardSentence(t) }));
}

/** 「红河州：2024年营业收入…，判定滞后。」 — the judgement's sentence, prefixed by who answers for it. */
export function laggardSentence(t: Pick<HomeTarget, 'subject' | 'judgement'>): string {
  const s = t.judgement.explanation.zh.trim();
  return s.startsWith(t.subject.name) ? s : `${t.subject.name}：${s}`;
}

/** Targets counted by class (every class present, zero where none). */
export function classCounts(targets: readonly { judgement: { class: HomeClass } }[]): Record<HomeClass, number> {
  const out = noClasses();
  for (const t of targets) out[t.judgement.class]++;
  return out;
}

const noClasses = (): Record<HomeClass, number> => ({
  achieved_early: 0,
  ahead: 0,
  on_track: 0,
  behind: 0,
  insufficient_data: 0,
});

/** Per plan and in total: classes, warnings (the one tally), stale figures, the worst laggards. */
export function summarizeLeaderHome(plans: readonly JudgedPlan[], n = 5): LeaderSummary {
  const lines: PlanLine[] = plans.map((p) => {
    const byClass = noClasses();
    for (const t of p.targets) byClass[t.judgement.class]++;
    return {
      plan: p.plan,
      at: p.at,
      total: p.targets.length,
      byClass,
      warnings: countWarnings(p.targets),
      stale: p.targets.filter((t) => t.freshness.stale).length,
    };
  });
  const byClass = noClasses();
  for (const l of lines) for (const c of HOME_CLASSES) byClass[c] += l.byClass[c];
  const all = plans.flatMap((p) => p.targets);
  let lastUpdated: string | null = null;
  for (const t of all)
    if (t.freshness.lastUpdated && (!lastUpdated || t.freshness.lastUpdated > lastUpdated)) lastUpdated = t.freshness.lastUpdated;
  return {
    plans: lines,
    totals: { total: all.length, byClass, warnings: countWarnings(all) },
    laggards: worstLaggards(plans, n),
    freshness: { total: all.length, stale: lines.reduce((s, l) => s + l.stale, 0), lastUpdated },
  };
}

/**
 * The period a plan is judged at on the home: the latest year or quarter of the plan period that is
 * over by `today` (ISO date), as the monitoring overview opens (web/src/monitor/periods.ts), else the
 * plan's first year.
 */
export function homeAsOf(periodStart: number, periodEnd: number, today: string): string {
  const lastDay = (year: number, quarter: number) =>
    `${year}-${String(quarter * 3).padStart(2, '0')}-${quarter === 1 || quarter === 4 ? '31' : '30'}`;
  for (let y = periodEnd; y >= periodStart; y--) {
    if (lastDay(y, 4) < today) return String(y);
    for (let q = 4; q >= 1; q--) if (lastDay(y, q) < today) return `${y}Q${q}`;
  }
  return String(periodStart);
}
