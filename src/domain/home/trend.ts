/**
 * A scorecard's trend arrow and sparkline (issue 19): the target's yearly series compared with the
 * previous period, read the way the target reads — for 控制在 / 累计降低 targets a fall is the good news.
 */

export type TrendDirection = 'up' | 'down' | 'flat';

export interface Trend {
  direction: TrendDirection;
  /** Whether the move is towards the target; null when flat. */
  improving: boolean | null;
  year: number;
  previousYear: number;
  /** Relative change on the previous period (0.05 = +5 %); null when the previous value is 0. */
  change: number | null;
}

export interface YearValue {
  year: number;
  value: string;
}

/** Changes smaller than this share of the previous value count as flat (rounding noise of reported figures). */
const FLAT = 0.001;

/** True when the target asks for a value to stay low or to fall (控制在…以下, 累计降低…). */
export function lowerIsBetter(comparator: string, rate: string | null): boolean {
  if (comparator === 'at_most') return true;
  if (comparator === 'cumulative_change' || comparator === 'annual_growth') return rate !== null && Number(rate) < 0;
  return false;
}

/** The last two years of the series (in year order, gaps allowed) compared; null with fewer than two. */
export function trendOf(series: readonly YearValue[], lowerBetter: boolean): Trend | null {
  const sorted = [...series].sort((a, b) => a.year - b.year);
  const last = sorted.at(-1);
  const prev = sorted.at(-2);
  if (!last || !prev) return null;
  const a = Number(prev.value);
  const b = Number(last.value);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
  const change = a === 0 ? null : (b - a) / Math.abs(a);
  const flat = change === null ? a === b : Math.abs(change) < FLAT;
  const direction: TrendDirection = flat ? 'flat' : b > a ? 'up' : 'down';
  return {
    direction,
    improving: direction === 'flat' ? null : (direction === 'down') === lowerBetter,
    year: last.year,
    previousYear: prev.year,
    change,
  };
}

/** The points of a sparkline: the last `n` years of the series, oldest first, as numbers. */
export function sparkline(series: readonly YearValue[], n = 8): { year: number; value: number }[] {
  return [...series]
    .sort((a, b) => a.year - b.year)
    .slice(-n)
    .map((p) => ({ year: p.year, value: Number(p.value) }))
    .filter((p) => Number.isFinite(p.value));
}
