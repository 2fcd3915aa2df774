import type { DemoUnit } from './demo-input.ts';
import { DEFAULT_SCALE, KIND_SCALES, type IndicatorProfile } from './indicator-profiles.ts';
import { power } from './random-streams.ts';
import { perf, type YearlyModelBase } from './yearly-model-base.ts';

/**
 * A child's weight among its siblings by year: its drawn size (on the kind's curve, else its area
 * with a draw), tilted per indicator, drifting by its own growth (a group's growth target) against
 * the profile's. Each child's weights are drawn once and remembered.
 */
export function createChildWeights(
  m: YearlyModelBase,
  rankScale: (u: string) => number,
): (c: DemoUnit, i: string, p: IndicatorProfile) => number[] {
  const { streams } = m;
  const weights = new Map<string, number[]>();
  return (c, i, p) => {
    const key = `${c.code}|${i}`;
    const known = weights.get(key);
    if (known) return known;
    const curve = (KIND_SCALES[c.kind] ?? DEFAULT_SCALE).curve;
    const size = curve
      ? rankScale(c.code)
      : (c.areaKm2 ? Math.sqrt(Number(c.areaKm2)) : 1) * streams.logBetween(`weight|${c.code}`, 0.7, 1.4);
    const tilt = streams.logBetween(`tilt|${c.code}|${i}`, 0.7, 1.4);
    const own = m.growth.get(key);
    const d =
      (own === undefined ? 0 : own - p.growth) + perf(m, c.code) * p.spread + streams.between(`share-drift|${key}`, -0.02, 0.02);
    const out = m.years.map((_, k) => size * tilt * power(Math.max(0.5, 1 + d), k));
    weights.set(key, out);
    return out;
  };
}
