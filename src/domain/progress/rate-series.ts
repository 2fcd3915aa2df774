import { Decimal } from 'decimal.js';
import type { YearValue } from './types.ts';

/**
 * Statistics publish many indicators as a change on the year before (地区生产总值增长8.1%, 单位GDP能耗下降3.2%)
 * rather than as a level. Chained from a starting level, consecutive yearly rates give the levels a target is
 * judged on: level(y) = level(y − 1) × (1 + rate(y)/100). Rates are signed (下降3.2% → "-3.2"). The chain
 * stops at the first missing year: a gap cannot be bridged without inventing a rate.
 */
export function chainRates(start: YearValue, rates: readonly YearValue[]): YearValue[] {
  const byYear = new Map(rates.map((r) => [r.year, r.value]));
  const out: YearValue[] = [start];
  let level = new Decimal(start.value);
  for (let year = start.year + 1; byYear.has(year); year++) {
    level = level.times(new Decimal(byYear.get(year)!).div(100).plus(1));
    out.push({ year, value: level.toSignificantDigits(15).toString() });
  }
  return out;
}

/** Year-on-year change rates (percent, signed) of consecutive levels: the inverse of chainRates. */
export function yearOnYearRates(levels: readonly YearValue[]): YearValue[] {
  const byYear = new Map(levels.map((l) => [l.year, new Decimal(l.value)]));
  const out: YearValue[] = [];
  for (const [year, value] of [...byYear].sort((a, b) => a[0] - b[0])) {
    const before = byYear.get(year - 1);
    if (before === undefined || before.isZero()) continue;
    out.push({ year, value: value.div(before).minus(1).times(100).toSignificantDigits(15).toString() });
  }
  return out;
}

/**
 * The average yearly change (percent) over the years from `from` to `to` of a series given as levels or as
 * yearly rates; null when a year is missing. For rates it is the geometric mean of (1 + rate).
 */
export function averageChange(
  series: readonly YearValue[],
  measure: 'level' | 'annual_change',
  from: number,
  to: number,
): Decimal | null {
  if (to <= from) return null;
  const byYear = new Map(series.map((s) => [s.year, new Decimal(s.value)]));
  if (measure === 'level') {
    const a = byYear.get(from);
    const b = byYear.get(to);
    if (a === undefined || b === undefined || a.lte(0) || b.lt(0)) return null;
    return b
      .div(a)
      .pow(new Decimal(1).div(to - from))
      .minus(1)
      .times(100);
  }
  let index = new Decimal(1);
  for (let year = from + 1; year <= to; year++) {
    const r = byYear.get(year);
    if (r === undefined) return null;
    index = index.times(r.div(100).plus(1));
  }
  return index
    .pow(new Decimal(1).div(to - from))
    .minus(1)
    .times(100);
}
