import type { Plan } from '../api/types.ts';
import type { TargetProgress } from '../api/progressTypes.ts';

/**
 * The plan a monitoring page opens on when none is asked for: the first one listed that has targets
 * (a plan of tasks only, such as the 泛珠 opinions, has nothing to monitor), else the first.
 */
export function defaultMonitorPlan(plans: readonly Pick<Plan, 'id' | 'counts'>[]): string | null {
  return (plans.find((p) => p.counts.targets > 0) ?? plans[0])?.id ?? null;
}

/**
 * The indicators of a plan's targets in plan order, each once, those with a judged figure first, so
 * the comparison and the map open on an indicator with data.
 */
export function indicatorChoices(targets: readonly Pick<TargetProgress, 'indicator' | 'judgement'>[]) {
  const seen = new Map<string, { indicator: TargetProgress['indicator']; hasData: boolean }>();
  for (const x of targets) {
    const s = seen.get(x.indicator.code) ?? { indicator: x.indicator, hasData: false };
    s.hasData ||= x.judgement.current !== null;
    seen.set(x.indicator.code, s);
  }
  const all = [...seen.values()];
  return [...all.filter((s) => s.hasData), ...all.filter((s) => !s.hasData)].map((s) => s.indicator);
}
