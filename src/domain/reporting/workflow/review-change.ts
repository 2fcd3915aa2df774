import { Decimal } from 'decimal.js';

/** A figure against an earlier one: the difference and the change in %, exact in decimals. */
export interface Change {
  /** figure − earlier, as a decimal string. */
  delta: string;
  /** (figure / earlier − 1) × 100 to one decimal (half up); null when the earlier figure is 0. */
  percent: string | null;
}

/**
 * 较上期 / 同比 on the review view (issue 18): the figure under review against the previous period's
 * or the same period last year's. Null when either figure is missing: nothing is guessed.
 */
export function changeOn(figure: string | null, earlier: string | null): Change | null {
  if (figure === null || earlier === null) return null;
  const now = new Decimal(figure);
  const base = new Decimal(earlier);
  const delta = now.minus(base).toFixed();
  if (base.isZero()) return { delta, percent: null };
  const percent = now.div(base).minus(1).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
  return { delta, percent: percent === '-0.0' ? '0.0' : percent };
}
