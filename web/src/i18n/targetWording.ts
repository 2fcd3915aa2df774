import type { TargetValue } from '../api/types.ts';
import type { I18n } from './I18nProvider.tsx';
import { absDecimal, isNegative } from './format.ts';

/** "2675.78 亿元", "60%", "15 万元/亩". */
export function withUnit(value: string, unit: string): string {
  if (!unit) return value;
  return /^[%‰]/.test(unit) ? `${value}${unit}` : `${value} ${unit}`;
}

/**
 * The target value in words: "≥ 2675.78 亿元", "年均增长 7%", "累计降低 13.5%", "占比 60%", "10–12 亿元",
 * or the plan's wording for qualitative targets.
 */
export function describeTargetValue(
  target: TargetValue,
  unit: string,
  i18n: Pick<I18n, 't' | 'num'>,
  indicatorName: (code: string) => string | undefined = () => undefined,
): string {
  const { t, num } = i18n;
  const amount = (v: string | null) => (v === null ? '?' : withUnit(num(v), unit));
  const reaching = target.value !== null ? t('cmp.reaching', { value: amount(target.value) }) : '';
  const wording = describeRule(target, unit, i18n, indicatorName, amount, reaching);
  return target.everyYear ? wording + t('cmp.everyYear') : wording;
}

function describeRule(
  target: TargetValue,
  unit: string,
  { t, num }: Pick<I18n, 't' | 'num'>,
  indicatorName: (code: string) => string | undefined,
  amount: (v: string | null) => string,
  reaching: string,
): string {
  switch (target.comparator) {
    case 'at_least':
      return t('cmp.at_least', { value: amount(target.value) });
    case 'at_most':
      return t('cmp.at_most', { value: amount(target.value) });
    case 'exactly':
      return t('cmp.exactly', { value: amount(target.value) });
    case 'range':
      return unit
        ? withUnit(t('cmp.range', { min: num(target.min ?? '?'), max: num(target.max ?? '?') }), unit)
        : t('cmp.range', { min: num(target.min ?? '?'), max: num(target.max ?? '?') });
    case 'annual_growth': {
      const rate = target.rate ?? '0';
      const key = isNegative(rate) ? 'cmp.annualGrowthDown' : 'cmp.annualGrowthUp';
      return t(key, { rate: num(absDecimal(rate)) }) + reaching;
    }
    case 'cumulative_change': {
      const rate = target.rate ?? '0';
      const key = isNegative(rate) ? 'cmp.cumulativeDown' : 'cmp.cumulativeUp';
      return t(key, { rate: num(absDecimal(rate)) }) + reaching;
    }
    case 'share': {
      const value = num(target.value ?? '?');
      const ref = target.reference ? (indicatorName(target.reference) ?? target.reference) : null;
      return ref ? t('cmp.shareOf', { value, ref }) : t('cmp.share', { value });
    }
    case 'exceeds_growth_of': {
      const ref = target.reference ? (indicatorName(target.reference) ?? target.reference) : null;
      return ref ? t('cmp.exceedsGrowthOf', { ref }) : t('cmp.exceedsGrowth');
    }
    case 'growth_in_step_with': {
      const ref = target.reference ? (indicatorName(target.reference) ?? target.reference) : null;
      return ref ? t('cmp.inStepWith', { ref }) : t('cmp.inStep');
    }
    case 'increase_by':
      return t('cmp.increaseBy', { value: amount(target.value) });
    case 'qualitative':
      return target.text ?? t('cmp.qualitative');
    default:
      return target.text ?? String(target.comparator);
  }
}
