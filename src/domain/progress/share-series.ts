import { Decimal } from 'decimal.js';
import { weakestOrigin, type Origin } from './aggregate.ts';

export interface OriginYearValue {
  year: number;
  /** Decimal string. */
  value: string;
  origin: Origin;
  partial: boolean;
}

/**
 * A share target (占比 x %) judged from its numerator and denominator: for each year with both, 100 × n ÷ d
 * (decimal.js, 6 decimals kept), resting on the weaker origin of the two and partial when either is. A year
 * whose denominator is zero or missing has no share. The raw numerator is never compared with a percentage.
 */
export function shareSeries(numerator: readonly OriginYearValue[], denominator: readonly OriginYearValue[]): OriginYearValue[] {
  const den = new Map(denominator.map((d) => [d.year, d]));
  const out: OriginYearValue[] = [];
  for (const n of numerator) {
    const d = den.get(n.year);
    if (!d || new Decimal(d.value).isZero()) continue;
    out.push({
      year: n.year,
      value: new Decimal(n.value).times(100).div(d.value).toDecimalPlaces(6).toString(),
      origin: weakestOrigin([n.origin, d.origin])!,
      partial: n.partial || d.partial,
    });
  }
  return out;
}

/** Whether an indicator's unit already is a percentage, so a share target can be judged on its own figures. */
export const isPercentUnit = (unit: string): boolean => /^(%|％|百分比)$/.test(unit.trim());
