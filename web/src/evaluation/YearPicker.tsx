import { useI18n } from '../i18n/I18nProvider.tsx';
import { OptionPicker } from '../monitor/Pickers.tsx';

/** The first year offered: the plans of this platform start their periods in 2021 (baseline 2020). */
const FIRST_YEAR = 2020;

/** The latest complete statistical year: last year. */
export const defaultYear = (): number => new Date().getFullYear() - 1;

export function YearPicker({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const { t } = useI18n();
  const last = Math.max(new Date().getFullYear(), value);
  const years = Array.from({ length: last - FIRST_YEAR + 1 }, (_, k) => String(last - k));
  return (
    <OptionPicker
      label={t('eval.home.year')}
      value={String(value)}
      options={years.map((y) => ({ value: y, text: t('eval.run.year', { year: y }) }))}
      onChange={(y) => onChange(Number(y))}
      testId="year-picker"
    />
  );
}
