import type { Dispatch, SetStateAction } from 'react';
import type { ReportForm } from '../api/reportingTypes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { isDecimal } from './decimalText.ts';

/** The rule bench's figures to test with: one input per item of the form, flagged when it is not a number. */
export function RuleTestValues({
  id,
  form,
  values,
  setValues,
}: {
  id: string;
  form: ReportForm;
  values: Record<string, string>;
  setValues: Dispatch<SetStateAction<Record<string, string>>>;
}) {
  const { t, lang } = useI18n();
  return (
    <table className="data-table bench-values">
      <tbody>
        {form.items.map((item) => {
          const v = values[item.indicator] ?? '';
          const bad = v.trim() !== '' && !isDecimal(v);
          return (
            <tr key={item.indicator}>
              <th scope="row">
                <label htmlFor={`${id}-v-${item.indicator}`}>{lang === 'zh' ? item.name : item.nameEn}</label>
                {lang === 'en' && <code className="code-tag">{item.indicator}</code>}
              </th>
              <td className="cell-value">
                <span className="cell-box">
                  <input
                    id={`${id}-v-${item.indicator}`}
                    className="input cell-input"
                    inputMode="decimal"
                    value={v}
                    aria-invalid={bad || undefined}
                    onChange={(e) => setValues((x) => ({ ...x, [item.indicator]: e.target.value }))}
                    data-testid="test-value"
                    data-indicator={item.indicator}
                  />
                  <span className="cell-unit">{item.unit}</span>
                </span>
                {bad && <span className="field-error">{t('reporting.grid.notANumber')}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
