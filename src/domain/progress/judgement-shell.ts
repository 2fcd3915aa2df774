import type { ProgressJudgement } from './judge-progress.ts';
import type { ProgressClass } from './types.ts';

/**
 * A judgement that carries a class and a sentence but none of the distance measures (completion ratio,
 * progress share, projection, international methods): what the rules that are not a way from a baseline to a
 * level produce — data missing or stale, a floor that must hold every year, growth relative to another series.
 */
export function plainJudgement(j: {
  dataYear: number | null;
  current: string | null;
  met: boolean | null;
  timeElapsedShare: number;
  class: ProgressClass;
  explanation: { zh: string; en: string };
  observedAnnualGrowth?: number | null;
}): ProgressJudgement {
  return {
    dataYear: j.dataYear,
    current: j.current,
    met: j.met,
    achievementRatio: null,
    progressShare: null,
    timeElapsedShare: j.timeElapsedShare,
    halfTimeHalfTask: 'na',
    requiredAnnualGrowth: null,
    observedAnnualGrowth: j.observedAnnualGrowth ?? null,
    onTrajectory: null,
    expectedShare: null,
    projection: null,
    class: j.class,
    methods: { unsd: null, opensdg: null, escap: null },
    explanation: j.explanation,
  };
}
