import { anchoredPath, type PathPoint } from './anchor-path.ts';
import type { DemoAnchor, DemoFormItem, DemoUnit } from './demo-input.ts';
import { DEFAULT_SCALE, KIND_SCALES, profileFor, type IndicatorProfile } from './indicator-profiles.ts';
import { power, type Streams } from './random-streams.ts';

/** Common shocks to yearly growth of flows (2022 weaker, as the economy was); other years 0. */
const YEAR_SHOCK: Readonly<Record<number, number>> = { 2021: 0.03, 2022: -0.04, 2023: 0.01, 2024: -0.01 };

/** Largest share the parts of one group may take of their total (加工贸易 + 保税物流 ≤ 95% of 进出口). */
const GROUP_CAP = 0.95;
const PART_CAP = 0.98;

export interface YearlyModel {
  years: readonly number[];
  /** Yearly levels (annual total, year-end stock or level) of an indicator a unit reports. */
  levels(unit: string, indicator: string): number[];
  profile(unit: string, indicator: string): IndicatorProfile;
}

/**
 * Yearly figures of every unit and indicator the forms ask for, from the base year (the year
 * before the range, so that the first year has a "previous year") to the last year.
 */
export function createYearlyModel(args: {
  units: readonly DemoUnit[];
  /** unit code → indicator → the form item (unit of measure, aggregation). */
  wanted: ReadonlyMap<string, ReadonlyMap<string, DemoFormItem>>;
  anchors: readonly DemoAnchor[];
  years: readonly number[];
  streams: Streams;
}): YearlyModel {
  const { wanted, years, streams } = args;
  const y0 = years[0]!;
  const unitByCode = new Map(args.units.map((u) => [u.code, u]));
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
  const item = (u: string, i: string) => wanted.get(u)?.get(i);
  const reports = (u: string, i: string) => item(u, i) !== undefined;
  const profileOf = (u: string, i: string) => profileFor(i, unitByCode.get(u)?.kind ?? '', item(u, i)?.unit ?? '');
  const isSum = (u: string, i: string) => (item(u, i)?.aggregation ?? 'sum') === 'sum';
  /** A parent that states figures of its own but does not report them, for a unit the plans give no figure of its own. */
  const parentWithPoints = (u: string, i: string) => {
    const parent = unitByCode.get(u)?.parent;
    if (!parent || points.has(`${u}|${i}`) || reports(parent, i) || !points.has(`${parent}|${i}`)) return undefined;
    return parent;
  };
  const children = (parent: string, i: string) => args.units.filter((c) => c.parent === parent && reports(c.code, i));

  /** A unit's standing: −1 (lags everywhere) … +1 (leads), a little more often behind than ahead. */
  const perf = (u: string) => Math.max(-1, Math.min(1, 2 * streams.uniform(`perf|${u}`) - 1.15));
  const devOf = (u: string, i: string, p: IndicatorProfile) =>
    p.dev * (0.55 * perf(u) + 0.45 * (2 * streams.uniform(`dev|${u}|${i}`) - 1));
  const noiseOf = (u: string, i: string, p: IndicatorProfile) => {
    const s = streams.stream(`noise|${u}|${i}`);
    const size = p.noise ?? (p.additive ? 0.15 : p.nature === 'flow' ? 0.025 : 0.008);
    return years.map(() => size * (s.next() + s.next() + s.next() - 1.5) * 2);
  };
  /** The unit's own path without anchors, from a base-year level. */
  const shapeOf = (u: string, i: string, p: IndicatorProfile, start: number) => {
    const g = (growth.get(`${u}|${i}`) ?? growth.get(`${unitByCode.get(u)?.parent}|${i}`) ?? p.growth) + perf(u) * p.spread;
    const noise = noiseOf(u, `${i}|shape`, p);
    const out = [start];
    for (let k = 1; k < years.length; k++) {
      const shock = p.nature === 'flow' ? (YEAR_SHOCK[years[k]!] ?? 0) : 0;
      out.push(p.additive ? out[k - 1]! + g + noise[k]! : out[k - 1]! * (1 + g + shock + noise[k]!));
    }
    return out;
  };
  const drift = (u: string, i: string, p: IndicatorProfile) => ({
    dev: devOf(u, i, p),
    noise: noiseOf(u, i, p),
    additive: p.additive ?? false,
  });

  const scaleIndicatorOf = (u: string) => (KIND_SCALES[unitByCode.get(u)?.kind ?? ''] ?? DEFAULT_SCALE).indicator;
  /** Whether the plans give figures for this unit's indicator (its own, or its non-reporting parent's). */
  const anchored = (u: string, i: string) => points.has(`${u}|${i}`) || parentWithPoints(u, i) !== undefined;
  const ranks = new Map<string, number>();
  /**
   * Base-year value of the kind's scale indicator for a unit the plans say nothing about: units are
   * ranked by a seeded draw (national zones and larger areas lean to the top) below the anchored
   * ones, and valued on the kind's curve.
   */
  const rankScale = (u: string): number => {
    const known = ranks.get(u);
    if (known !== undefined) return known;
    const kind = unitByCode.get(u)?.kind ?? '';
    const spec = KIND_SCALES[kind] ?? DEFAULT_SCALE;
    const all = args.units.filter((c) => c.kind === kind);
    const peers = all.filter((c) => !(reports(c.code, spec.indicator) && points.has(`${c.code}|${spec.indicator}`)));
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
  /** Base-year value of the kind's scale indicator: from the plans' figures where there are some. */
  const scaleOf = (u: string): number => {
    const s = scaleIndicatorOf(u);
    return reports(u, s) && anchored(u, s) ? Math.max(seriesOf(u, s)[0]!, 1e-6) : rankScale(u);
  };
  const typicalScale = (kind: string) => {
    const spec = KIND_SCALES[kind] ?? DEFAULT_SCALE;
    return Math.sqrt(spec.range[0] * spec.range[1]);
  };

  const parentPaths = new Map<string, number[]>();
  /** A non-reporting parent's own path through its stated figures and targets (the FTZ as a whole). */
  const parentPath = (parent: string, i: string, like: string): number[] => {
    const key = `${parent}|${i}`;
    const known = parentPaths.get(key);
    if (known) return known;
    const p = profileOf(like, i);
    const path = anchoredPath(years, shapeOf(parent, i, p, 1), points.get(key) ?? [], drift(parent, i, p));
    parentPaths.set(key, path);
    return path;
  };
  const weights = new Map<string, number[]>();
  /**
   * A child's weight among its siblings by year: its drawn size (on the kind's curve, else its area
   * with a draw), tilted per indicator, drifting by its own growth (a group's growth target) against
   * the profile's.
   */
  const weightOf = (c: DemoUnit, i: string, p: IndicatorProfile): number[] => {
    const key = `${c.code}|${i}`;
    const known = weights.get(key);
    if (known) return known;
    const curve = (KIND_SCALES[c.kind] ?? DEFAULT_SCALE).curve;
    const size = curve
      ? rankScale(c.code)
      : (c.areaKm2 ? Math.sqrt(Number(c.areaKm2)) : 1) * streams.logBetween(`weight|${c.code}`, 0.7, 1.4);
    const tilt = streams.logBetween(`tilt|${c.code}|${i}`, 0.7, 1.4);
    const own = growth.get(key);
    const d =
      (own === undefined ? 0 : own - p.growth) + perf(c.code) * p.spread + streams.between(`share-drift|${key}`, -0.02, 0.02);
    const out = years.map((_, k) => size * tilt * power(Math.max(0.5, 1 + d), k));
    weights.set(key, out);
    return out;
  };
  /**
   * A child's part of its parent's figure by year: what the children with figures of their own leave
   * (at least a tenth), shared by weight among the others. So the FTZ areas add up to the FTZ, and the
   * prefectures to the province.
   */
  const childPart = (u: string, parent: string, i: string, p: IndicatorProfile): number[] => {
    const sibs = children(parent, i);
    const fixed = sibs.filter((c) => points.has(`${c.code}|${i}`));
    const free = sibs.filter((c) => !points.has(`${c.code}|${i}`));
    const total = parentPath(parent, i, u);
    const mine = weightOf(unitByCode.get(u)!, i, p);
    return years.map((_, k) => {
      const left = total[k]! - fixed.reduce((s, c) => s + seriesOf(c.code, i)[k]!, 0);
      const sum = free.reduce((s, c) => s + weightOf(c, i, p)[k]!, 0);
      return (Math.max(left, total[k]! * 0.1) * mine[k]!) / sum;
    });
  };

  const cache = new Map<string, number[]>();
  const seriesOf = (u: string, i: string): number[] => {
    const key = `${u}|${i}`;
    const known = cache.get(key);
    if (known) return known;
    cache.set(
      key,
      years.map(() => 0),
    ); // guards against a cycle in part-of relations
    const p = profileOf(u, i);
    let out: number[];
    if (p.partOf && reports(u, p.partOf.total) && p.partOf.total !== i) out = partSeries(u, i, p);
    else if (p.intensity && reports(u, p.intensity.numerator)) out = landSeries(u, i, p);
    else out = ownSeries(u, i, p);
    out = bound(out, p, [...(points.get(key) ?? []), ...(points.get(`${unitByCode.get(u)?.parent}|${i}`) ?? [])]);
    cache.set(key, out);
    return out;
  };

  const ownSeries = (u: string, i: string, p: IndicatorProfile): number[] => {
    const kind = unitByCode.get(u)?.kind ?? '';
    const parent = parentWithPoints(u, i);
    if (parent && isSum(u, i)) return childPart(u, parent, i, p);
    let start: number;
    if (p.nature === 'level') {
      const rel = scaleOf(u) / typicalScale(kind);
      start = streams.between(`level|${u}|${i}`, p.ratio[0], p.ratio[1]) * power(Math.max(rel, 1e-6), p.elasticity ?? 0);
    } else if (i === scaleIndicatorOf(u)) start = anchored(u, i) ? 1 : rankScale(u);
    else start = scaleOf(u) * streams.logBetween(`ratio|${u}|${i}`, p.ratio[0], p.ratio[1]);
    const shape = shapeOf(u, i, p, start);
    let own = points.get(`${u}|${i}`) ?? [];
    if (own.length === 0 && parent) {
      // A parent's figure that does not add up (an income, a rate, tasks done) applies to each child, spread a little.
      const z = streams.normal(`child|${u}|${i}`) * (p.childSpread ?? 0.1);
      own = points.get(`${parent}|${i}`)!.map((pt) => ({
        year: pt.year,
        value: p.additive ? pt.value + z * 10 : pt.value * (1 + z),
        stated: false,
      }));
    }
    return own.length ? anchoredPath(years, shape, own, drift(u, i, p)) : shape;
  };

  const partSeries = (u: string, i: string, p: IndicatorProfile): number[] => {
    const { total: totalCode, drift: shareDrift } = p.partOf!;
    const total = seriesOf(u, totalCode);
    const s0 = streams.logBetween(`ratio|${u}|${i}`, p.ratio[0], p.ratio[1]);
    const d = streams.between(`part-drift|${u}|${i}`, -shareDrift, shareDrift);
    const shape = total.map((t, k) => t * Math.min(PART_CAP, Math.max(0.0005, s0 + d * k)));
    const parent = parentWithPoints(u, i);
    let path: number[];
    if (points.has(`${u}|${i}`)) path = anchoredPath(years, shape, points.get(`${u}|${i}`)!, drift(u, i, p));
    else if (parent && reports(u, totalCode)) {
      // The parent's part over the parent's total gives the share; the child applies it to its own total.
      const pTotal = parentWithPoints(u, totalCode) ? parentPath(parent, totalCode, u) : undefined;
      const base = pTotal ?? total;
      const pPart = anchoredPath(
        years,
        base.map((t, k) => t * Math.max(0.0005, s0 + d * k)),
        points.get(`${parent}|${i}`)!,
        drift(parent, i, p),
      );
      path = total.map((t, k) => (base[k]! > 0 ? (t * pPart[k]!) / base[k]! : 0));
    } else path = shape;
    return path.map((v, k) => Math.min(v, total[k]! * PART_CAP));
  };

  const landSeries = (u: string, i: string, p: IndicatorProfile): number[] => {
    const spec = p.intensity!;
    const numerator = seriesOf(u, spec.numerator);
    const parent = unitByCode.get(u)?.parent;
    const targets =
      points.get(`${u}|${spec.anchorIndicator}`) ?? (parent ? points.get(`${parent}|${spec.anchorIndicator}`) : undefined);
    const target = targets
      ?.filter((t) => t.year >= years[0]! && t.year <= years[years.length - 1]!)
      .sort((a, b) => b.year - a.year)[0];
    const level = unitByCode.get(u)?.zoneLevel === 'national' ? 1.3 : 1;
    const intensity = target
      ? target.value * (1 + p.dev * (0.7 * perf(u) + 0.3 * (2 * streams.uniform(`intensity|${u}`) - 1)))
      : streams.logBetween(`intensity|${u}`, spec.fallback[0], spec.fallback[1]) * level;
    const at = target ? target.year - y0 : years.length - 1;
    const land = years.map(() => 0);
    land[at] = (numerator[at]! * spec.factor) / intensity;
    const step = (k: number) =>
      streams.uniform(`land-step|${u}|${k}`) < 0.5 ? 0 : streams.between(`land-size|${u}|${k}`, 0.01, 0.05);
    for (let k = at - 1; k >= 0; k--) land[k] = land[k + 1]! / (1 + step(k + 1));
    for (let k = at + 1; k < years.length; k++) land[k] = land[k - 1]! * (1 + step(k));
    return land;
  };

  const bound = (xs: number[], p: IndicatorProfile, anchors: readonly PathPoint[]): number[] => {
    const ceiling = p.ceilingFromAnchors && anchors.length ? Math.max(...anchors.map((a) => a.value)) : Infinity;
    const top = Math.min(p.max ?? Infinity, ceiling);
    let floor = 0;
    return xs.map((x) => {
      let v = Math.min(top, Math.max(0, x));
      if (p.monotone) v = Math.max(v, floor);
      floor = v;
      return v;
    });
  };

  /** Parts of one group (加工贸易, 保税物流) together stay within their total. */
  const capGroups = (u: string) => {
    const groups = new Map<string, string[]>();
    for (const i of wanted.get(u)?.keys() ?? []) {
      const part = profileOf(u, i).partOf;
      if (part?.group && reports(u, part.total))
        groups.set(`${part.total}|${part.group}`, [...(groups.get(`${part.total}|${part.group}`) ?? []), i]);
    }
    for (const [key, members] of groups) {
      const total = seriesOf(u, key.split('|')[0]!);
      const series = members.map((m) => seriesOf(u, m));
      years.forEach((_, k) => {
        const sum = series.reduce((s, xs) => s + xs[k]!, 0);
        const cap = total[k]! * GROUP_CAP;
        if (sum > cap) for (const xs of series) xs[k] = (xs[k]! * cap) / sum;
      });
    }
  };
  const capped = new Set<string>();

  return {
    years,
    profile: profileOf,
    levels(u, i) {
      if (!capped.has(u)) {
        capped.add(u);
        for (const ind of wanted.get(u)?.keys() ?? []) seriesOf(u, ind);
        capGroups(u);
      }
      return seriesOf(u, i);
    },
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
