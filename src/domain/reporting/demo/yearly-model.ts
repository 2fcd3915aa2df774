import { anchoredPath } from './anchor-path.ts';
import { DEFAULT_SCALE, KIND_SCALES, profileFor, type IndicatorProfile } from './indicator-profiles.ts';
import { landSeries } from './land-series.ts';
import { power } from './random-streams.ts';
import { createRankScale } from './rank-scale.ts';
import { createChildWeights } from './child-weights.ts';
import {
  boundSeries,
  drift as driftOf,
  shapeOf as shapeOfBase,
  yearlyModelBase,
  type YearlyModelArgs,
} from './yearly-model-base.ts';

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
export function createYearlyModel(args: YearlyModelArgs): YearlyModel {
  const m = yearlyModelBase(args);
  const { wanted, years, streams, unitByCode, points } = m;
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

  const shapeOf = (u: string, i: string, p: IndicatorProfile, start: number) => shapeOfBase(m, u, i, p, start);
  const drift = (u: string, i: string, p: IndicatorProfile) => driftOf(m, u, i, p);

  const scaleIndicatorOf = (u: string) => (KIND_SCALES[unitByCode.get(u)?.kind ?? ''] ?? DEFAULT_SCALE).indicator;
  /** Whether the plans give figures for this unit's indicator (its own, or its non-reporting parent's). */
  const anchored = (u: string, i: string) => points.has(`${u}|${i}`) || parentWithPoints(u, i) !== undefined;
  const rankScale = createRankScale(m, reports);
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
  const weightOf = createChildWeights(m, rankScale);
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
    else if (p.intensity && reports(u, p.intensity.numerator)) out = landSeries(m, u, p, seriesOf(u, p.intensity.numerator));
    else out = ownSeries(u, i, p);
    out = boundSeries(out, p, [...(points.get(key) ?? []), ...(points.get(`${unitByCode.get(u)?.parent}|${i}`) ?? [])]);
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
