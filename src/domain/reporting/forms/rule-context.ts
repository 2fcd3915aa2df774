import { formatPeriod, parsePeriod } from '../../period/period.ts';
import type { RuleContext } from '../rules/evaluate-expression.ts';
import { previousPeriod, samePeriodLastYear } from './form-periods.ts';
import type { ReportForm } from './form.schema.ts';

/** Earlier figures of one unit: indicator code → period → value (decimal string). */
export type UnitSeries = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** Periods of history the outlier and magnitude rules look at (two years of months). */
export const HISTORY_PERIODS = 24;

/**
 * Everything the form's rules read for one submission: this period's figures, the previous
 * period, the same period last year and the unit's own history, all from earlier figures.
 */
export function buildRuleContext(
  form: Pick<ReportForm, 'items'>,
  period: string,
  current: Readonly<Record<string, string>>,
  earlier: UnitSeries,
  names: Readonly<Record<string, { name: string; nameEn?: string; unit?: string }>>,
): RuleContext {
  const p = parsePeriod(period);
  if (!p) throw new RangeError(`invalid period ${period}`);
  const valuesAt = (at: string) => {
    const out: Record<string, string> = {};
    for (const item of form.items) {
      const v = earlier.get(item.indicator)?.get(at);
      if (v !== undefined) out[item.indicator] = v;
    }
    return out;
  };
  const prev = formatPeriod(previousPeriod(p));
  const lastYear = formatPeriod(samePeriodLastYear(p));
  const historyPeriods = contextPeriods(period);
  const history: Record<string, string[]> = {};
  for (const item of form.items) {
    const series = earlier.get(item.indicator);
    history[item.indicator] = series ? historyPeriods.flatMap((h) => series.get(h) ?? []) : [];
  }
  return {
    period,
    current,
    previous: { period: prev, values: valuesAt(prev) },
    lastYear: { period: lastYear, values: valuesAt(lastYear) },
    history,
    indicators: names,
  };
}

/** Periods whose figures buildRuleContext may read, oldest first (they include last year's). */
export function contextPeriods(period: string): string[] {
  const p = parsePeriod(period);
  if (!p) throw new RangeError(`invalid period ${period}`);
  const out: string[] = [];
  for (let q = previousPeriod(p), i = 0; i < HISTORY_PERIODS; q = previousPeriod(q), i++) out.unshift(formatPeriod(q));
  return out;
}
