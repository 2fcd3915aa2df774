import { useId } from 'react';
import type { Plan } from '../api/types.ts';
import { PROGRESS_METHODS, type ProgressMethod } from '../api/progressTypes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { periodLabel } from '../reporting/periods.ts';

/** A labelled select of the monitoring toolbars. */
export function Select<T extends string>(props: {
  label: string;
  value: T;
  options: readonly { value: T; text: string }[];
  onChange: (value: T) => void;
  testId: string;
}) {
  const id = useId();
  return (
    <span className="toolbar-field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        className="input toolbar-input"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as T)}
        data-testid={props.testId}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </span>
  );
}

export function PlanPicker({
  plans,
  value,
  onChange,
}: {
  plans: readonly Plan[];
  value: string;
  onChange: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  const options = plans.map((p) => ({ value: p.id, text: lang === 'zh' ? p.title : (p.titleEn ?? p.title) }));
  if (!plans.some((p) => p.id === value)) options.unshift({ value, text: value });
  return <Select label={t('monitor.plan')} value={value} options={options} onChange={onChange} testId="plan-picker" />;
}

export function AtPicker({
  choices,
  value,
  onChange,
}: {
  choices: readonly string[];
  value: string;
  onChange: (at: string) => void;
}) {
  const { t, lang } = useI18n();
  const all = choices.includes(value) ? choices : [value, ...choices];
  return (
    <Select
      label={t('monitor.at')}
      value={value}
      options={all.map((p) => ({ value: p, text: periodLabel(p, lang) }))}
      onChange={onChange}
      testId="at-picker"
    />
  );
}

export function MethodPicker({ value, onChange }: { value: ProgressMethod; onChange: (m: ProgressMethod) => void }) {
  const { t, label } = useI18n();
  return (
    <Select
      label={t('monitor.method')}
      value={value}
      options={PROGRESS_METHODS.map((m) => ({ value: m, text: label('monitor.method', m) }))}
      onChange={onChange}
      testId="method-picker"
    />
  );
}

export function OptionPicker<T extends string>(props: {
  label: string;
  value: T;
  options: readonly { value: T; text: string }[];
  onChange: (value: T) => void;
  testId: string;
}) {
  return <Select {...props} />;
}
