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

/**
 * The as-of period to move to when the page was opened without one and the default (the plan's last
 * period that is over) has no figures of its own year: a past plan opens at the latest year any of
 * its targets has a figure for, not at its end year. Null to stay (figures of that year exist, or
 * none at all, or that year is not a choice).
 */
export function atWithData(
  choices: readonly string[],
  at: string,
  targets: readonly Pick<TargetProgress, 'judgement' | 'freshness'>[],
): string | null {
  // A figure can be reported for a year the engine cannot judge on yet (no baseline): it still counts.
  const years = targets
    .flatMap((x) => [x.judgement.dataYear, x.freshness.lastPeriod ? Number(x.freshness.lastPeriod.slice(0, 4)) : null])
    .filter((y): y is number => typeof y === 'number' && Number.isFinite(y));
  if (years.length === 0) return null;
  const latest = Math.max(...years);
  if (latest >= Number(at.slice(0, 4))) return null;
  return choices.includes(String(latest)) ? String(latest) : null;
}
