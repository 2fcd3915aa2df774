import type { DemoUnit } from './demo-input.ts';
import { DEFAULT_SCALE, KIND_SCALES } from './indicator-profiles.ts';
import { power } from './random-streams.ts';
import type { YearlyModelBase } from './yearly-model-base.ts';

/**
 * Base-year value of the kind's scale indicator for a unit the plans say nothing about: units are
 * ranked by a seeded draw (national zones and larger areas lean to the top) below the anchored
 * ones, and valued on the kind's curve. Ranks are drawn once per kind and remembered.
 */
export function createRankScale(m: YearlyModelBase, reports: (u: string, i: string) => boolean): (u: string) => number {
  const { streams } = m;
  const ranks = new Map<string, number>();
  return (u) => {
    const known = ranks.get(u);
    if (known !== undefined) return known;
    const kind = m.unitByCode.get(u)?.kind ?? '';
    const spec = KIND_SCALES[kind] ?? DEFAULT_SCALE;
    const all = m.units.filter((c) => c.kind === kind);
    const peers = all.filter((c) => !(reports(c.code, spec.indicator) && m.points.has(`${c.code}|${spec.indicator}`)));
    const key = (c: DemoUnit) =>
      streams.uniform(`size|${c.code}`) - (c.zoneLevel === 'national' ? 0.6 : 0) - (c.areaKm2 ? Number(c.areaKm2) / 200 : 0);
    const ranked = [...peers].sort((a, b) => key(a) - key(b) || (a.code < b.code ? -1 : 1));
    const taken = all.length - peers.length;
    ranked.forEach((c, idx) => {
      const jitter = streams.logBetween(`jitter|${c.code}`, 0.92, 1.08);
      const v = spec.curve
        ? curveAt(spec.curve, ((taken + idx + 1) * spec.curve.of) / Math.max(1, all.length))
        : streams.logBetween(`scale|${c.code}`, spec.range[0], spec.range[1]);
      ranks.set(c.code, v * jitter);
    });
    return ranks.get(u) ?? streams.logBetween(`scale|${u}`, spec.range[0], spec.range[1]);
  };
}

/** Value at a (fractional) rank on a curve of points, log-linear between them. */
function curveAt(curve: { points: readonly (readonly [number, number])[] }, rank: number): number {
  const pts = curve.points;
  if (rank <= pts[0]![0]) return pts[0]![1];
  for (let k = 1; k < pts.length; k++) {
    const [r1, v1] = pts[k]!;
    const [r0, v0] = pts[k - 1]!;
    if (rank <= r1) return v0 * power(v1 / v0, (rank - r0) / (r1 - r0));
  }
  return pts[pts.length - 1]![1];
}
