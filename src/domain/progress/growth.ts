import { Decimal } from 'decimal.js';

/** Compound annual growth rate from a to b over `years` years, as a fraction (0.05 = 5 %). Null when undefined. */
export function cagr(from: Decimal.Value, to: Decimal.Value, years: number): number | null {
  const a = new Decimal(from);
  const b = new Decimal(to);
  if (years <= 0 || a.lte(0) || b.lt(0)) return null;
  return b.div(a).pow(new Decimal(1).div(years)).minus(1).toNumber();
}

/** The growth per year needed from the current value to reach the target value by the target year. */
export function requiredAnnualGrowth(current: Decimal.Value, target: Decimal.Value, years: number): number | null {
  return cagr(current, target, years);
}
