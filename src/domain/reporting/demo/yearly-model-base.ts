import type { PathPoint } from './anchor-path.ts';
import type { DemoAnchor, DemoFormItem, DemoUnit } from './demo-input.ts';
import type { IndicatorProfile } from './indicator-profiles.ts';
import type { Streams } from './random-streams.ts';

/** Common shocks to yearly growth of flows (2022 weaker, as the economy was); other years 0. */
const YEAR_SHOCK: Readonly<Record<number, number>> = { 2021: 0.03, 2022: -0.04, 2023: 0.01, 2024: -0.01 };

export interface YearlyModelArgs {
  units: readonly DemoUnit[];
  /** unit code → indicator → the form item (unit of measure, aggregation). */
  wanted: ReadonlyMap<string, ReadonlyMap<string, DemoFormItem>>;
  anchors: readonly DemoAnchor[];
  years: readonly number[];
  streams: Streams;
}

/** What the yearly model reads: its arguments, units by code, and the plans' figures and growth rates by `unit|indicator`. */
export interface YearlyModelBase extends YearlyModelArgs {
  unitByCode: ReadonlyMap<string, DemoUnit>;
  points: ReadonlyMap<string, PathPoint[]>;
  growth: ReadonlyMap<string, number>;
}

export function yearlyModelBase(args: YearlyModelArgs): YearlyModelBase {
  const points = new Map<string, PathPoint[]>();
  const growth = new Map<string, number>();
  for (const a of args.anchors) {
    const key = `${a.orgUnit}|${a.indicator}`;
    if (a.kind === 'growth') growth.set(key, Number(a.value) / 100);
    else {
      if (!points.has(key)) points.set(key, []);
      points.get(key)!.push({ year: a.year, value: Number(a.value), stated: a.firmness === 'stated' });
    }
  }
  return { ...args, unitByCode: new Map(args.units.map((u) => [u.code, u])), points, growth };
}

/** A unit's standing: −1 (lags everywhere) … +1 (leads), a little more often behind than ahead. */
export const perf = (m: YearlyModelBase, u: string): number =>
  Math.max(-1, Math.min(1, 2 * m.streams.uniform(`perf|${u}`) - 1.15));

const devOf = (m: YearlyModelBase, u: string, i: string, p: IndicatorProfile): number =>
  p.dev * (0.55 * perf(m, u) + 0.45 * (2 * m.streams.uniform(`dev|${u}|${i}`) - 1));

function noiseOf(m: YearlyModelBase, u: string, i: string, p: IndicatorProfile): number[] {
  const s = m.streams.stream(`noise|${u}|${i}`);
  const size = p.noise ?? (p.additive ? 0.15 : p.nature === 'flow' ? 0.025 : 0.008);
  return m.years.map(() => size * (s.next() + s.next() + s.next() - 1.5) * 2);
}

/** The unit's own path without anchors, from a base-year level. */
export function shapeOf(m: YearlyModelBase, u: string, i: string, p: IndicatorProfile, start: number): number[] {
  const { years } = m;
  const g =
    (m.growth.get(`${u}|${i}`) ?? m.growth.get(`${m.unitByCode.get(u)?.parent}|${i}`) ?? p.growth) + perf(m, u) * p.spread;
  const noise = noiseOf(m, u, `${i}|shape`, p);
  const out = [start];
  for (let k = 1; k < years.length; k++) {
    const shock = p.nature === 'flow' ? (YEAR_SHOCK[years[k]!] ?? 0) : 0;
    out.push(p.additive ? out[k - 1]! + g + noise[k]! : out[k - 1]! * (1 + g + shock + noise[k]!));
  }
  return out;
}

/** How a unit's path strays from its anchors (anchoredPath's drift). */
export const drift = (m: YearlyModelBase, u: string, i: string, p: IndicatorProfile) => ({
  dev: devOf(m, u, i, p),
  noise: noiseOf(m, u, i, p),
  additive: p.additive ?? false,
});

/** A series kept within the profile's bounds (never negative, at most its max or its largest anchor; monotone when asked). */
export function boundSeries(xs: number[], p: IndicatorProfile, anchors: readonly PathPoint[]): number[] {
  const ceiling = p.ceilingFromAnchors && anchors.length ? Math.max(...anchors.map((a) => a.value)) : Infinity;
  const top = Math.min(p.max ?? Infinity, ceiling);
  let floor = 0;
  return xs.map((x) => {
    let v = Math.min(top, Math.max(0, x));
    if (p.monotone) v = Math.max(v, floor);
    floor = v;
    return v;
  });
}
