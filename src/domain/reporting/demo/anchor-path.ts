import { power } from './random-streams.ts';

export interface PathPoint {
  year: number;
  value: number;
  stated: boolean;
}

/**
 * Yearly levels through anchor points.
 *
 * - Points of one year merge: a stated figure wins; several targets give the largest (plans that
 *   contradict each other, e.g. 超110 and 160亿元 for 2025, are read at their most ambitious).
 * - Between points the path is geometric (linear when additive); before the first and after the
 *   last point it keeps the shape of `shape` (the unit's unanchored path).
 * - Off the stated figures the unit drifts: level × (1 + dev × w(y)) × (1 + noise(y) × w(y)), where
 *   w is 0 up to the last stated year and rises linearly to 1 at the last target year. So stated
 *   figures are met exactly and the last target is missed or beaten by about `dev`.
 *
 * years are consecutive; shape, noise and the result are indexed like years.
 */
export function anchoredPath(
  years: readonly number[],
  shape: readonly number[],
  points: readonly PathPoint[],
  drift: { dev: number; noise: readonly number[]; additive: boolean },
): number[] {
  const first = years[0]!;
  const last = years[years.length - 1]!;
  const byYear = new Map<number, PathPoint>();
  for (const p of points) {
    if (p.year < first || p.year > last) continue;
    const had = byYear.get(p.year);
    if (!had || (p.stated && !had.stated) || (p.stated === had.stated && p.value > had.value)) byYear.set(p.year, p);
  }
  const anchors = [...byYear.values()].sort((a, b) => a.year - b.year);
  if (anchors.length === 0) return [...shape];
  const at = (y: number) => y - first;
  const { additive } = drift;
  const base = years.map((y) => {
    const before = [...anchors].reverse().find((a) => a.year <= y);
    const after = anchors.find((a) => a.year >= y);
    if (before && after) {
      if (before.year === after.year) return before.value;
      const t = (y - before.year) / (after.year - before.year);
      if (additive) return before.value + (after.value - before.value) * t;
      return before.value > 0 && after.value > 0 ? before.value * power(after.value / before.value, t) : before.value;
    }
    const edge = (before ?? after)!;
    const s = shape[at(edge.year)]!;
    if (additive) return edge.value + (shape[at(y)]! - s);
    return s > 0 ? (edge.value * shape[at(y)]!) / s : edge.value;
  });
  const stated = anchors.filter((a) => a.stated).map((a) => a.year);
  const lastStated = stated.length ? Math.max(...stated) : first;
  const targets = anchors.filter((a) => !a.stated && a.year > lastStated).map((a) => a.year);
  const horizon = targets.length ? Math.max(...targets) : last;
  return years.map((y, i) => {
    const w = y <= lastStated || horizon === lastStated ? 0 : (y - lastStated) / (horizon - lastStated);
    const noise = drift.noise[i]! * Math.min(w, 1);
    if (additive) return base[i]! + drift.dev * w + noise;
    return base[i]! * (1 + drift.dev * w) * (1 + noise);
  });
}
