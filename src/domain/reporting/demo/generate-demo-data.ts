import type { Decimal } from 'decimal.js';
import { formatPeriod, parsePeriod, periodBounds, type Period } from '../../period/period.ts';
import { nextPeriod } from '../forms/form-periods.ts';
import type { DemoForm, DemoFormItem, DemoInput, DemoRow, DemoUnit } from './demo-input.ts';
import { decimalsFor, roundFigure } from './round-figure.ts';
import { createStreams } from './random-streams.ts';
import { monthlyShares, periodShares } from './seasonality.ts';
import { createYearlyModel } from './yearly-model.ts';

/** Share of units that fill in an optional item (实际利用外资, 研发经费 …) the plans give no figure for. */
const OPTIONAL_FILL_RATE = 0.75;
/** Month-to-month wobble of the seasonal pattern. */
const SEASON_WOBBLE = 0.12;

/**
 * Synthetic figures for every reporting unit of every form, from `from` to `to` at each form's own
 * frequency. Pure and deterministic: the same input and seed give the same rows, byte for byte.
 *
 * Each unit and indicator first gets a yearly path (yearly-model.ts): sized from a seeded draw,
 * growing with a unit-specific drift, and passing through the figures the plans state (anchors).
 * The year is then spread over the form's periods: flows by a seasonal pattern (a cumulative item
 * is the running sum from January, so it never falls within a year), stocks by steps from last
 * year's end. Parts follow their total's months, so 规上工业增加值 ≤ 工业总产值 holds every month.
 */
export function generateDemoData(input: DemoInput): DemoRow[] {
  const streams = createStreams(input.seed);
  const from = monthOf(input.from);
  const to = monthOf(input.to);
  const years: number[] = [];
  for (let y = from.year - 1; y <= to.year; y++) years.push(y);
  const units = [...input.units].sort((a, b) => (a.code < b.code ? -1 : 1));
  const forms = [...input.forms].sort((a, b) => (a.code < b.code ? -1 : 1));
  const reportersOf = (f: DemoForm) =>
    units.filter((u) => f.reporters.kinds.includes(u.kind) || f.reporters.units.includes(u.code));

  const wanted = new Map<string, Map<string, DemoFormItem>>();
  for (const f of forms)
    for (const u of reportersOf(f)) {
      if (!wanted.has(u.code)) wanted.set(u.code, new Map());
      for (const item of f.items) if (!wanted.get(u.code)!.has(item.indicator)) wanted.get(u.code)!.set(item.indicator, item);
    }
  const stated = new Set(input.anchors.map((a) => `${a.orgUnit}|${a.indicator}`));
  const model = createYearlyModel({ units, wanted, anchors: input.anchors, years, streams });

  /** Monthly shares of a unit's flow in a year; a part uses its total's so the two move together. */
  const sharesCache = new Map<string, number[]>();
  const sharesOf = (u: string, i: string, year: number): number[] => {
    const key = `${u}|${i}|${year}`;
    const known = sharesCache.get(key);
    if (known) return known;
    const p = model.profile(u, i);
    const shares =
      p.partOf && wanted.get(u)?.has(p.partOf.total) && p.partOf.total !== i
        ? sharesOf(u, p.partOf.total, year)
        : monthlyShares(p.season ?? 'output', streams.stream(`season|${key}`), SEASON_WOBBLE);
    sharesCache.set(key, shares);
    return shares;
  };

  const rows: DemoRow[] = [];
  const seen = new Set<string>();
  for (const form of forms) {
    const first = parsePeriod(form.firstPeriod);
    const periods = periodsIn(form.frequency, from, to).filter(
      (p) => !first || periodBounds(p).start >= periodBounds(first).start,
    );
    for (const unit of reportersOf(form)) {
      const items = form.items.filter(
        (item) =>
          item.required ||
          stated.has(`${unit.code}|${item.indicator}`) ||
          stated.has(`${unit.parent}|${item.indicator}`) ||
          streams.uniform(`optional|${unit.code}|${item.indicator}`) < OPTIONAL_FILL_RATE,
      );
      const figures = new Map<string, Map<string, Decimal>>();
      for (const item of items) {
        const values = periodValues(unit, item, periods, form.frequency);
        periods.forEach((p, k) => {
          const key = formatPeriod(p);
          if (!figures.has(key)) figures.set(key, new Map());
          figures.get(key)!.set(item.indicator, roundFigure(values[k]!, item.unit));
        });
      }
      for (const byIndicator of figures.values()) keepPartsWithinTotals(unit, items, byIndicator);
      for (const item of items)
        for (const p of periods) {
          const period = formatPeriod(p);
          const rowKey = `${unit.code}|${item.indicator}|${period}|${item.cumulative}`;
          if (seen.has(rowKey)) continue;
          seen.add(rowKey);
          const value = figures.get(period)!.get(item.indicator)!;
          rows.push({
            form: form.code,
            orgUnit: unit.code,
            indicator: item.indicator,
            period,
            cumulative: item.cumulative,
            value: value.toFixed(decimalsFor(item.unit)),
          });
        }
    }
  }
  return rows;

  /** Unrounded figures of one item for the given periods of a form. */
  function periodValues(unit: DemoUnit, item: DemoFormItem, periods: readonly Period[], frequency: DemoForm['frequency']) {
    const levels = model.levels(unit.code, item.indicator);
    const p = model.profile(unit.code, item.indicator);
    return periods.map((period) => {
      const k = period.year - years[0]!;
      if (period.kind === 'year') return levels[k]!;
      const index = period.kind === 'month' ? period.month - 1 : period.quarter - 1;
      if (p.nature === 'flow') {
        const shares = periodShares(sharesOf(unit.code, item.indicator, period.year), frequency);
        const upTo = item.cumulative ? shares.slice(0, index + 1).reduce((s, w) => s + w, 0) : shares[index]!;
        return levels[k]! * upTo;
      }
      // Stocks and levels move from last year's end to this year's over the year.
      const before = levels[k - 1] ?? levels[k]!;
      const n = frequency === 'month' ? 12 : 4;
      return (
        before + (levels[k]! - before) * stockProgress(unit.code, item.indicator, period.year, n, p.stepwise ?? false)[index]!
      );
    });
  }

  /** How far a stock has moved towards its year-end value after each period (ends at 1). */
  function stockProgress(u: string, i: string, year: number, n: number, stepwise: boolean): number[] {
    const rng = streams.stream(`stock|${u}|${i}|${year}|${n}`);
    if (stepwise) {
      const step = Math.floor(rng.next() * n);
      return Array.from({ length: n }, (_, j) => (j >= step ? 1 : 0));
    }
    const steps = Array.from({ length: n }, () => 0.5 + rng.next());
    const total = steps.reduce((s, w) => s + w, 0);
    let run = 0;
    return steps.map((w, j) => (j === n - 1 ? 1 : (run += w / total)));
  }

  /** After rounding: a part never above its total, and parts of a group together within it. */
  function keepPartsWithinTotals(unit: DemoUnit, items: readonly DemoFormItem[], figures: Map<string, Decimal>) {
    const groups = new Map<string, string[]>();
    for (const item of items) {
      const part = model.profile(unit.code, item.indicator).partOf;
      const total = part && figures.get(part.total);
      const value = figures.get(item.indicator);
      if (!part || !total || !value) continue;
      if (value.greaterThan(total)) figures.set(item.indicator, total);
      if (part.group)
        groups.set(`${part.total}|${part.group}`, [...(groups.get(`${part.total}|${part.group}`) ?? []), item.indicator]);
    }
    for (const [key, members] of groups) {
      const total = figures.get(key.split('|')[0]!)!;
      let excess = members.reduce((s, m) => s.plus(figures.get(m)!), total.minus(total)).minus(total);
      for (const m of [...members].sort((a, b) => figures.get(b)!.comparedTo(figures.get(a)!))) {
        if (!excess.greaterThan(0)) break;
        const cut = excess.greaterThan(figures.get(m)!) ? figures.get(m)! : excess;
        figures.set(m, figures.get(m)!.minus(cut));
        excess = excess.minus(cut);
      }
    }
  }
}

function monthOf(text: string): { year: number; month: number } {
  const p = parsePeriod(text);
  if (!p || p.kind !== 'month') throw new RangeError(`${text} is not a month (YYYY-MM)`);
  return { year: p.year, month: p.month };
}

/** The periods of a frequency that lie wholly inside [from, to] (months). */
function periodsIn(frequency: DemoForm['frequency'], from: { year: number; month: number }, to: { year: number; month: number }) {
  const start = periodBounds({ kind: 'month', ...from }).start;
  const end = periodBounds({ kind: 'month', ...to }).end;
  const first: Period =
    frequency === 'year'
      ? { kind: 'year', year: from.year }
      : frequency === 'quarter'
        ? { kind: 'quarter', year: from.year, quarter: 1 }
        : { kind: 'month', ...from };
  const out: Period[] = [];
  for (let p = first; periodBounds(p).start <= end; p = nextPeriod(p)) {
    const b = periodBounds(p);
    if (b.start >= start && b.end <= end) out.push(p);
  }
  return out;
}
