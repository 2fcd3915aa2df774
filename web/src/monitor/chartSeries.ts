/**
 * Pure helpers that turn a target's reported series into chart points (web/src/monitor/detailChart.ts).
 *
 * The x axis counts years: a period sits at the end of the span it covers, in years, so 2011 sits at
 * 2011 (not at 2011-12-31, which a time axis draws on the "2012" tick), 2011Q2 at 2010.5 and
 * 2011-07 at 2010 + 7/12. The ticks are whole years only, one label each.
 */
const PERIOD_RE = /^(\d{4})(?:Q([1-4])|-(0[1-9]|1[0-2]))?$/;
export type PeriodKind = 'year' | 'quarter' | 'month';

export interface SeriesPoint {
  period: string;
  value: string;
  origin: string;
  cumulative: boolean;
}

export interface ChartPoint {
  x: number;
  y: number;
  period: string;
}

export interface ChartLine {
  kind: PeriodKind;
  origin: string;
  /** True when cumulative figures (1–n月累计) were turned into the figure of each period alone. */
  perPeriod: boolean;
  points: ChartPoint[];
}

interface Placed {
  kind: PeriodKind;
  year: number;
  /** 1-based quarter or month within the year; 1 for a year. */
  index: number;
  x: number;
}

/** Where a period sits on the year axis, or null for a period the chart cannot place. */
export function periodPosition(period: string): Placed | null {
  const m = PERIOD_RE.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return { kind: 'quarter', year, index: Number(m[2]), x: year - 1 + Number(m[2]) / 4 };
  if (m[3]) return { kind: 'month', year, index: Number(m[3]), x: year - 1 + Number(m[3]) / 12 };
  return { kind: 'year', year, index: 1, x: year };
}

/** The x of a plan year (target year, trajectory, projection): the year's own tick. */
export const yearX = (year: number) => year;

/**
 * One line per period kind and origin, points in time order. A cumulative sub-annual series (the
 * running total since January, which falls back each January) would draw a sawtooth; it is drawn as
 * the figure of each period alone — the running total less the previous period's of the same year.
 * A period whose previous one of that year is missing cannot be split and is left out.
 */
export function observedLines(series: readonly SeriesPoint[]): ChartLine[] {
  const groups = new Map<string, { kind: PeriodKind; origin: string; cumulative: boolean; items: [Placed, SeriesPoint][] }>();
  for (const p of series) {
    const at = periodPosition(p.period);
    if (!at) continue;
    const cumulative = p.cumulative && at.kind !== 'year';
    const key = `${at.kind}/${p.origin}/${cumulative}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { kind: at.kind, origin: p.origin, cumulative, items: [] }));
    g.items.push([at, p]);
  }
  const order: Record<PeriodKind, number> = { year: 0, quarter: 1, month: 2 };
  return [...groups.values()]
    .sort(
      (a, b) => order[a.kind] - order[b.kind] || a.origin.localeCompare(b.origin) || Number(a.cumulative) - Number(b.cumulative),
    )
    .map((g) => {
      g.items.sort((a, b) => a[0].x - b[0].x);
      const byPeriod = new Map(g.items.map(([at, p]) => [`${at.year}/${at.index}`, Number(p.value)]));
      const points: ChartPoint[] = [];
      for (const [at, p] of g.items) {
        let y = Number(p.value);
        if (g.cumulative && at.index > 1) {
          const before = byPeriod.get(`${at.year}/${at.index - 1}`);
          if (before === undefined) continue;
          y -= before;
        }
        points.push({ x: at.x, y, period: p.period });
      }
      return { kind: g.kind, origin: g.origin, perPeriod: g.cumulative, points };
    });
}

/** The x axis: whole years from the first to the last point, one tick and one label per year. */
export function yearAxis(xs: readonly number[]): { min: number; max: number; interval: number } {
  const finite = xs.filter((x) => Number.isFinite(x));
  if (finite.length === 0) return { min: 0, max: 1, interval: 1 };
  const min = Math.floor(Math.min(...finite) - 1e-9);
  const max = Math.ceil(Math.max(...finite) - 1e-9);
  return { min: min === max ? min - 1 : min, max, interval: 1 };
}

/** Tick labels: a whole year shows as the year, anything else (never a tick) as nothing. */
export function yearTickLabel(x: number): string {
  return Math.abs(x - Math.round(x)) < 1e-9 ? String(Math.round(x)) : '';
}
