import type { IndicatorProfile } from './indicator-profiles.ts';
import { perf, type YearlyModelBase } from './yearly-model-base.ts';

/**
 * Land used (an intensity profile): the numerator's figure over an intensity that meets the plans'
 * target (亩均税收) give or take the unit's standing, at the target's year; stepping a little by year
 * before and after it.
 */
export function landSeries(m: YearlyModelBase, u: string, p: IndicatorProfile, numerator: readonly number[]): number[] {
  const { years, streams } = m;
  const spec = p.intensity!;
  const parent = m.unitByCode.get(u)?.parent;
  const targets =
    m.points.get(`${u}|${spec.anchorIndicator}`) ?? (parent ? m.points.get(`${parent}|${spec.anchorIndicator}`) : undefined);
  const target = targets
    ?.filter((t) => t.year >= years[0]! && t.year <= years[years.length - 1]!)
    .sort((a, b) => b.year - a.year)[0];
  const level = m.unitByCode.get(u)?.zoneLevel === 'national' ? 1.3 : 1;
  const intensity = target
    ? target.value * (1 + p.dev * (0.7 * perf(m, u) + 0.3 * (2 * streams.uniform(`intensity|${u}`) - 1)))
    : streams.logBetween(`intensity|${u}`, spec.fallback[0], spec.fallback[1]) * level;
  const at = target ? target.year - years[0]! : years.length - 1;
  const land = years.map(() => 0);
  land[at] = (numerator[at]! * spec.factor) / intensity;
  const step = (k: number) =>
    streams.uniform(`land-step|${u}|${k}`) < 0.5 ? 0 : streams.between(`land-size|${u}|${k}`, 0.01, 0.05);
  for (let k = at - 1; k >= 0; k--) land[k] = land[k + 1]! / (1 + step(k + 1));
  for (let k = at + 1; k < years.length; k++) land[k] = land[k - 1]! * (1 + step(k));
  return land;
}
