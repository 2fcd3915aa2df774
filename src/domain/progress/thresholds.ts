/** Configurable thresholds of the progress engine; every default is documented in docs/progress.md. */
export interface ProgressThresholds {
  /** progress share ÷ time share at or above which a target is 快于预期 (ahead). */
  aheadRatio: number;
  /** progress share ÷ time share at or above which an expected (预期性) target is 基本符合预期. */
  onTrackRatio: number;
  /** The same for binding (约束性) targets, judged strictly. */
  onTrackRatioBinding: number;
  /** UNSD Progress Chart: ratio of projected to required progress. */
  unsdOnTrack: number;
  unsdAcceleration: number;
  /** Open SDG / Statistics Canada CAGR ratio R. */
  opensdgSubstantial: number;
  opensdgModerate: number;
  /** z-value of the projection's uncertainty range (1.645 ≈ 90 %). */
  projectionZ: number;
  /**
   * 与…基本同步: the largest gap, in percentage points of average yearly growth, still read as "in step". No plan
   * or method document found defines it; set by the PlanTrack team (2026-12-06): one percentage point,
   * the smallest step in which these plans state growth targets; overridable like every threshold here.
   */
  inStepTolerance: number;
}

export const DEFAULT_THRESHOLDS: Readonly<ProgressThresholds> = Object.freeze({
  aheadRatio: 1.1,
  onTrackRatio: 0.9,
  onTrackRatioBinding: 1.0,
  unsdOnTrack: 0.95,
  unsdAcceleration: 0.1,
  opensdgSubstantial: 0.95,
  opensdgModerate: 0.6,
  projectionZ: 1.645,
  inStepTolerance: 1,
});

export function withDefaults(partial?: Partial<ProgressThresholds>): ProgressThresholds {
  return { ...DEFAULT_THRESHOLDS, ...partial };
}
