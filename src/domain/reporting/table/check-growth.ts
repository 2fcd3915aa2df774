import { Decimal } from 'decimal.js';

export type GrowthCheck =
  | { kind: 'agrees'; computed: string }
  | { kind: 'differs'; computed: string }
  | { kind: 'unchecked'; reason: 'no_figure' | 'no_last_year' | 'zero_last_year' };

/**
 * Checks a stated 同比 (growth on the same period last year, in %) against the figure and last
 * year's figure, exactly in decimals: computed = (figure / lastYear − 1) × 100, rounded to the
 * stated number of decimals. They agree when they differ by no more than half a unit of the stated
 * last decimal plus 0.05 percentage points (last year's figure is itself rounded).
 */
export function checkGrowth(stated: string, figure: string | null, lastYear: string | null): GrowthCheck {
  if (figure === null) return { kind: 'unchecked', reason: 'no_figure' };
  if (lastYear === null) return { kind: 'unchecked', reason: 'no_last_year' };
  const base = new Decimal(lastYear);
  if (base.isZero()) return { kind: 'unchecked', reason: 'zero_last_year' };
  const decimals = stated.includes('.') ? stated.split('.')[1]!.length : 0;
  const exact = new Decimal(figure).div(base).minus(1).times(100);
  const computed = exact.toDecimalPlaces(Math.max(decimals, 1), Decimal.ROUND_HALF_UP).toFixed(Math.max(decimals, 1));
  const tolerance = new Decimal(10).pow(-decimals).times(0.5).plus(0.05);
  return exact.minus(stated).abs().lte(tolerance) ? { kind: 'agrees', computed } : { kind: 'differs', computed };
}
