import { useI18n } from '../i18n/I18nProvider.tsx';
import { periodLabel } from './periods.ts';

/** A reporting-period picker, labelled in the current language (2026年10月 / Oct 2026). */
export function PeriodSelect(props: {
  id: string;
  value: string;
  periods: readonly string[];
  onChange: (period: string) => void;
  testId: string;
}) {
  const { lang } = useI18n();
  return (
    <select
      id={props.id}
      className="input"
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      data-testid={props.testId}
    >
      {props.periods.map((p) => (
        <option key={p} value={p}>
          {periodLabel(p, lang)}
        </option>
      ))}
    </select>
  );
}
