import { addMonths, addMonthsToDate } from './months.ts';
import { nextStage, STAGE_LABELS, type Stage } from './stages.ts';

/**
 * Stalled projects (停滞项目), two documented rules (docs/projects.md):
 * 1. late stage: the next stage's planned date is `graceMonths` or more months behind today and the
 *    project has still not reached it (no stage change that far past the planned date);
 * 2. idle construction: a project 开工 for at least `idleMonths` whole months has reported no positive
 *    completed investment in any of the last `idleMonths` complete months before today.
 * A project in production (投产) is never stalled.
 */
export interface StallRule {
  graceMonths: number;
  idleMonths: number;
}

export const DEFAULT_STALL_RULE: StallRule = { graceMonths: 3, idleMonths: 3 };

export interface StallFacts {
  stage: Stage;
  /** Planned date (ISO) per stage, where the project has one. */
  planned: Partial<Record<Stage, string | null>>;
  /** When the project entered its current stage (its actual date), ISO; null if unknown. */
  stageSince: string | null;
  /** Months ('2024-06') with completed investment > 0. */
  investmentMonths: readonly string[];
}

export interface StallReason {
  code: 'STAGE_OVERDUE' | 'NO_INVESTMENT';
  zh: string;
  en: string;
}

export function stallReasons(facts: StallFacts, today: string, rule: StallRule = DEFAULT_STALL_RULE): StallReason[] {
  const out: StallReason[] = [];
  const next = nextStage(facts.stage);
  if (next === null) return out;
  const due = facts.planned[next];
  if (due && today >= addMonthsToDate(due, rule.graceMonths)) {
    const l = STAGE_LABELS[next];
    out.push({
      code: 'STAGE_OVERDUE',
      zh: `计划于${due}进入“${l.zh}”，已超期${rule.graceMonths}个月以上未推进`,
      en: `planned to reach ${l.en} on ${due}; still not there ${rule.graceMonths} or more months later`,
    });
  }
  if (facts.stage === 'construction') {
    const thisMonth = today.slice(0, 7);
    const window = Array.from({ length: rule.idleMonths }, (_, i) => addMonths(thisMonth, -rule.idleMonths + i));
    // Only once the whole window lies after the start of construction (a new site has its first months).
    const longEnough = facts.stageSince !== null && facts.stageSince.slice(0, 7) < window[0]!;
    const reported = new Set(facts.investmentMonths);
    if (longEnough && window.every((m) => !reported.has(m)))
      out.push({
        code: 'NO_INVESTMENT',
        zh: `开工后连续${rule.idleMonths}个月（${window[0]}至${window.at(-1)}）未报完成投资`,
        en: `under construction with no completed investment reported for ${rule.idleMonths} months (${window[0]} to ${window.at(-1)})`,
      });
  }
  return out;
}
