import type { HomeClass } from './leader-summary.ts';
import { lowerIsBetter, sparkline, trendOf, type Trend, type YearValue } from './trend.ts';

/** Shapes the homes' summaries share (issue 19): what they read of a judged target, and the head of each row they give. */

export type WarningLevel = 'red' | 'yellow' | 'green';

/** What every home summary reads of one judged target (a subset of the progress API's target). */
export interface JudgedTargetBase {
  key: string;
  indicator: { code: string; name: string; unit: string };
  subject: { kind: 'org_unit' | 'group'; code: string; name: string };
  comparator: string;
  warning: { level: WarningLevel };
  /** The judged yearly series (whole years only). */
  yearly: readonly YearValue[];
}

/** The head of a home row about one target of one plan: which target, its class and warning. */
export interface TargetRowHead {
  plan: { id: string; title: string };
  at: string;
  key: string;
  indicator: JudgedTargetBase['indicator'];
  subject: JudgedTargetBase['subject'];
  class: HomeClass;
  level: WarningLevel;
}

/** The trend arrow and sparkline a home row ends with. */
export interface TargetRowTrend {
  trend: Trend | null;
  spark: { year: number; value: number }[];
}

/** The head and trend of a home row about target `t` of plan `p`. */
export function targetRow(
  p: { plan: { id: string; title: string }; at: string },
  t: JudgedTargetBase & { judgement: { class: HomeClass }; target: { rate: string | null } },
): TargetRowHead & TargetRowTrend {
  return {
    plan: p.plan,
    at: p.at,
    key: t.key,
    indicator: t.indicator,
    subject: t.subject,
    class: t.judgement.class,
    level: t.warning.level,
    trend: trendOf(t.yearly, lowerIsBetter(t.comparator, t.target.rate)),
    spark: sparkline(t.yearly),
  };
}
