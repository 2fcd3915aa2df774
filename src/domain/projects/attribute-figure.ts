import { Decimal } from 'decimal.js';
import { weakestOrigin, type CollapsedFigure, type Origin, type PeriodFigure } from '../progress/aggregate.ts';
import { parsePeriod, periodBounds, type Period } from '../period/period.ts';

/** A zone's transfer delta of one indicator for one month, in the indicator's unit. */
export interface MonthDelta {
  month: string;
  value: string;
  origin: Origin;
}

/**
 * A unit's figure for a year or quarter with its transfer deltas added (跨区域流转, see
 * transfer-attribution.ts). The deltas added are those of the months the figure covers:
 * - from the start of the year when the figure is year-to-date (any year figure; a quarter taken
 *   from a 累计 series), else from the start of the quarter;
 * - up to the end of the figure's last period, so a zone that has reported up to June gets the
 *   deltas up to June (deltas of months it has not reported yet would not match its figure).
 * `own` is the unit's figure (own or rolled up from its children). Without one, a positive sum of
 * deltas forms the figure alone, marked partial: the origin zone is owed its share of what the
 * project reported even in a period it reported nothing for. A negative sum without a figure gives
 * nothing: a destination that reported nothing for the period has nothing to give up, and a
 * negative 固定资产投资 would be nonsense (the roll-up above it lacks its figures anyway).
 * Only for flows (additive indicators); the caller checks that.
 */
export function attributeFigure(
  own: CollapsedFigure | null,
  deltas: readonly MonthDelta[],
  target: Period,
  points: readonly PeriodFigure[],
): CollapsedFigure | null {
  if (deltas.length === 0) return own;
  const bounds = periodBounds(target);
  let fromMonth = bounds.start.slice(0, 7);
  let toMonth = bounds.end.slice(0, 7);
  if (own) {
    const last = parsePeriod(own.lastPeriod);
    if (last) toMonth = periodBounds(last).end.slice(0, 7);
    const ytd = target.kind === 'year' || points.some((p) => p.period === own.lastPeriod && p.cumulative);
    if (ytd) fromMonth = `${target.year}-01`;
  }
  const used = deltas.filter((d) => d.month >= fromMonth && d.month <= toMonth);
  if (used.length === 0) return own;
  const sum = used.reduce((s, d) => s.plus(d.value), new Decimal(0));
  const origin = weakestOrigin([...(own ? [own.origin] : []), ...used.map((d) => d.origin)])!;
  if (!own && sum.isNegative()) return null;
  if (!own)
    return {
      value: sum.toString(),
      origin,
      partial: true,
      lastPeriod: used
        .map((d) => d.month)
        .sort()
        .at(-1)!,
    };
  return { ...own, value: new Decimal(own.value).plus(sum).toString(), origin };
}
