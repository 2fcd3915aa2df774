import { Decimal } from 'decimal.js';
import { cagr } from './growth.ts';
import type { YearValue } from './types.ts';

export interface Projection {
  value: number;
  low: number;
  high: number;
  method: 'cagr' | 'trend';
  /** Linear-trend projection at the target year. */
  trend: number;
  /** CAGR projection at the target year, and the CAGR g it uses. */
  cagrValue: number | null;
  cagr: number | null;
}

/**
 * Projects the series to `year`: by CAGR (first → last point) and by a least-squares linear trend.
 * value = the CAGR projection when defined, else the trend. The range spans both projections, widened by the
 * trend's prediction interval (z × s × √(1 + 1/n + (x₀ − x̄)²/Sxx)) when there are at least three points.
 */
export function project(series: readonly YearValue[], year: number, z: number): Projection | null {
  const pts = [...series].sort((a, b) => a.year - b.year);
  if (pts.length < 2) return null;
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  if (last.year === first.year) return null;
  const g = cagr(first.value, last.value, last.year - first.year);
  const byCagr = g === null ? null : new Decimal(last.value).times(Math.pow(1 + g, year - last.year)).toNumber();

  const xs = pts.map((p) => p.year);
  const ys = pts.map((p) => Number(p.value));
  const n = xs.length;
  const xbar = xs.reduce((s, x) => s + x, 0) / n;
  const ybar = ys.reduce((s, y) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i]! - xbar) ** 2;
    sxy += (xs[i]! - xbar) * (ys[i]! - ybar);
  }
  const slope = sxy / sxx;
  const trend = ybar + slope * (year - xbar);
  let half = 0;
  if (n >= 3) {
    let sse = 0;
    for (let i = 0; i < n; i++) sse += (ys[i]! - (ybar + slope * (xs[i]! - xbar))) ** 2;
    const s = Math.sqrt(sse / (n - 2));
    half = z * s * Math.sqrt(1 + 1 / n + (year - xbar) ** 2 / sxx);
  }
  const value = byCagr ?? trend;
  const candidates = byCagr === null ? [trend] : [trend, byCagr];
  return {
    value,
    low: Math.min(...candidates) - half,
    high: Math.max(...candidates) + half,
    method: byCagr === null ? 'trend' : 'cagr',
    trend,
    cagrValue: byCagr,
    cagr: g,
  };
}
