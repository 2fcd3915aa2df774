import type { ProgressThresholds } from './thresholds.ts';
import type { Nature, ProgressClass } from './types.ts';

export interface ClassifyInput {
  /** Null when the target cannot be measured (no value, qualitative, no baseline for growth targets). */
  met: boolean | null;
  progressShare: number | null;
  timeShare: number;
  asOfYear: number;
  targetYear: number;
  nature: Nature;
  /** False when the plan's yearly path for the as-of year was missed; binding targets then cannot be on track. */
  onTrajectory: boolean | null;
  /** Share the plan's yearly path expects by now; replaces the time share when given. */
  expectedShare?: number | null;
}

/**
 * 提前实现 when met before the target year; at/after the target year met = 基本符合预期, missed = 滞后.
 * Otherwise k = progress share ÷ expected share (the plan's yearly path where given, else the time share): k ≥ aheadRatio 快于预期, k ≥ onTrackRatio (binding: onTrackRatioBinding)
 * 基本符合预期, else 滞后. Without a baseline (no progress share) an unmet target is 数据不足.
 */
export function classify(i: ClassifyInput, t: ProgressThresholds): ProgressClass {
  if (i.met === null) return 'insufficient_data';
  if (i.met) return i.asOfYear < i.targetYear ? 'achieved_early' : 'on_track';
  if (i.asOfYear >= i.targetYear) return 'behind';
  if (i.progressShare === null) return 'insufficient_data';
  const expected = i.expectedShare ?? i.timeShare;
  if (expected <= 0) return i.progressShare > 0 ? 'ahead' : 'on_track';
  const k = i.progressShare / expected;
  const onTrack = i.nature === 'binding' ? t.onTrackRatioBinding : t.onTrackRatio;
  let c: ProgressClass = k >= t.aheadRatio ? 'ahead' : k >= onTrack ? 'on_track' : 'behind';
  if (i.nature === 'binding' && i.onTrajectory === false) c = 'behind';
  return c;
}
