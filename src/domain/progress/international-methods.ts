import type { ProgressThresholds } from './thresholds.ts';

export type UnsdCategory = 'on_track' | 'acceleration_needed' | 'stagnation_or_regression';
export type OpenSdgCategory = 'achieved' | 'substantial_progress' | 'moderate_progress' | 'limited_progress' | 'deterioration';

/**
 * UNSD SDG Progress Chart: ratio of projected progress (projected value at the target year − baseline) to required
 * progress (target − baseline). ≥ 0.95 on track, 0.10–0.95 acceleration needed, < 0.10 stagnation or regression.
 */
export function unsdProgressChart(
  baseline: number,
  target: number,
  projected: number,
  t: ProgressThresholds,
): { ratio: number; category: UnsdCategory } | null {
  const required = target - baseline;
  if (required === 0) return null;
  const ratio = (projected - baseline) / required;
  const category: UnsdCategory =
    ratio >= t.unsdOnTrack ? 'on_track' : ratio >= t.unsdAcceleration ? 'acceleration_needed' : 'stagnation_or_regression';
  return { ratio, category };
}

/**
 * Open SDG / Statistics Canada: R = direction × observed CAGR ÷ |required CAGR| with direction +1 when higher is
 * better and −1 when lower is better. ≥ 0.95 substantial, 0.6–0.95 moderate, 0–0.6 limited, < 0 deterioration.
 * `met` short-circuits to 'achieved'.
 */
export function openSdgCagrRatio(
  observedCagr: number | null,
  requiredCagr: number | null,
  direction: 1 | -1,
  met: boolean,
  t: ProgressThresholds,
): { ratio: number | null; category: OpenSdgCategory } | null {
  if (met) return { ratio: null, category: 'achieved' };
  if (observedCagr === null || requiredCagr === null || requiredCagr === 0) return null;
  const ratio = (direction * observedCagr) / Math.abs(requiredCagr);
  const category: OpenSdgCategory =
    ratio >= t.opensdgSubstantial
      ? 'substantial_progress'
      : ratio >= t.opensdgModerate
        ? 'moderate_progress'
        : ratio >= 0
          ? 'limited_progress'
          : 'deterioration';
  return { ratio, category };
}

/**
 * ESCAP current-status index (simplified to one indicator): the share of the baseline→target distance covered,
 * clipped to [0, 1], shown as 0–5 stars (⌊5 × index⌋, 5 when met). Negative progress is reported as 0 and flagged.
 */
export function escapCurrentStatus(progressShare: number | null): { index: number; stars: number; regressed: boolean } | null {
  if (progressShare === null) return null;
  const index = Math.min(Math.max(progressShare, 0), 1);
  return { index, stars: Math.floor(index * 5 + 1e-9), regressed: progressShare < 0 };
}
