import type { ReportForm, Rule } from '../api/reportingTypes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/**
 * The rule bench's draft as a form (issue 19, "Chinese throughout"): each rule's level, condition
 * (with the condition read out in words), the indicators it applies to by name, and its messages,
 * under Chinese labels; no JSON or code on the zh page. The draft stays the rules' JSON text the bench
 * tests and saves (`text`); the text itself can still be edited under 高级.
 */
export function RuleDraftForm({
  id,
  text,
  form,
  inWords,
  onChange,
}: {
  id: string;
  text: string;
  form: ReportForm;
  /** A condition as the page reads it (names for codes). */
  inWords: (expression: string) => string;
  onChange: (text: string) => void;
}) {
  const { t } = useI18n();
  let rules: Rule[] | null = null;
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value)) rules = value as Rule[];
  } catch {
    rules = null;
  }
  const write = (next: Rule[]) => onChange(JSON.stringify(next, null, 2));
  const update = (i: number, patch: Partial<Rule>) => {
    if (!rules) return;
    write(rules.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  };
  const add = () => {
    const used = new Set((rules ?? []).map((r) => r.id));
    let n = (rules?.length ?? 0) + 1;
    while (used.has(`rule_${n}`)) n++;
    write([
      ...(rules ?? []),
      { id: `rule_${n}`, severity: 'warning', expression: '', message: { zh: '', en: '' }, needsComment: true },
    ]);
  };
  return (
    <div className="rule-draft" data-testid="rule-draft">
      {rules?.map((r, i) => (
        <RuleFields
          key={i}
          id={`${id}-${i}`}
          n={i + 1}
          rule={r}
          form={form}
          inWords={inWords}
          onChange={(patch) => update(i, patch)}
          onRemove={() => write(rules.filter((_, k) => k !== i))}
        />
      ))}
      {rules && (
        <button type="button" className="btn" onClick={add} data-testid="rule-add">
          {t('reporting.rules.form.add')}
        </button>
      )}
      <details className="rule-draft-text" open={rules === null}>
        <summary>{t('reporting.rules.form.text')}</summary>
        <label htmlFor={`${id}-json`} className="visually-hidden">
          {t('reporting.rules.json')}
        </label>
        <textarea
          id={`${id}-json`}
          className="input rules-json"
          rows={16}
          spellCheck={false}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={rules === null || undefined}
          data-testid="rules-json"
        />
      </details>
    </div>
  );
}

/** One rule's fields: level, condition (and how it reads), indicators by name, messages in both languages. */
function RuleFields({
  id,
  n,
  rule,
  form,
  inWords,
  onChange,
  onRemove,
}: {
  id: string;
  n: number;
  rule: Rule;
  form: ReportForm;
  inWords: (expression: string) => string;
  onChange: (patch: Partial<Rule>) => void;
  onRemove: () => void;
}) {
  const { t, lang } = useI18n();
  const applies = new Set(rule.appliesTo ?? []);
  const toggle = (code: string, on: boolean) => {
    const next = form.items.map((i) => i.indicator).filter((c) => (c === code ? on : applies.has(c)));
    onChange({ appliesTo: next.length > 0 ? next : undefined });
  };
  let words = '';
  try {
    words = rule.expression.trim() ? inWords(rule.expression) : '';
  } catch {
    words = '';
  }
  return (
    <fieldset className="rule-fields" data-testid="rule-fields" data-rule={rule.id}>
      <legend>{t('reporting.rules.form.rule', { n })}</legend>
      {lang === 'en' && (
        <div className="field">
          <label htmlFor={`${id}-id`}>{t('reporting.rules.id')}</label>
          <input id={`${id}-id`} className="input" value={rule.id} onChange={(e) => onChange({ id: e.target.value })} />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-sev`}>{t('reporting.rules.severity')}</label>
        <select
          id={`${id}-sev`}
          className="input"
          value={rule.severity}
          onChange={(e) => onChange({ severity: e.target.value as Rule['severity'] })}
          data-testid="rule-severity"
        >
          <option value="error">{t('reporting.finding.error')}</option>
          <option value="warning">{t('reporting.finding.warning')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-expr`}>{t('reporting.rules.form.condition')}</label>
        <input
          id={`${id}-expr`}
          className="input"
          spellCheck={false}
          value={rule.expression}
          onChange={(e) => onChange({ expression: e.target.value })}
          data-testid="rule-expression"
        />
        {words && (
          <p className="muted small" data-testid="rule-expression-words">
            {t('reporting.rules.form.reads', { words })}
          </p>
        )}
      </div>
      <fieldset className="field rule-applies">
        <legend>{t('reporting.rules.appliesTo')}</legend>
        {form.items.map((item) => (
          <label key={item.indicator} className="check">
            <input
              type="checkbox"
              checked={applies.has(item.indicator)}
              onChange={(e) => toggle(item.indicator, e.target.checked)}
            />{' '}
            {lang === 'zh' ? item.name : (item.nameEn ?? item.name)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-zh`}>{t('reporting.rules.form.messageZh')}</label>
        <input
          id={`${id}-zh`}
          className="input"
          value={rule.message.zh}
          onChange={(e) => onChange({ message: { ...rule.message, zh: e.target.value } })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-en`}>{t('reporting.rules.form.messageEn')}</label>
        <input
          id={`${id}-en`}
          className="input"
          value={rule.message.en}
          onChange={(e) => onChange({ message: { ...rule.message, en: e.target.value } })}
        />
      </div>
      <button type="button" className="btn btn-link" onClick={onRemove} data-testid="rule-remove">
        {t('reporting.rules.form.remove')}
      </button>
    </fieldset>
  );
}
