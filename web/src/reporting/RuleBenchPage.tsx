import { useId, useState, type FormEvent } from 'react';
import { formulaInWords } from '../../../src/domain/formula/formula-in-words.ts';
import { api, hasErrorCode } from '../api/client.ts';
import type { ReportForm, Rule, RuleTestResult } from '../api/reportingTypes.ts';
import { useAsync } from '../api/useAsync.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { canDefinePlans } from '../auth/permissions.ts';
import { OrgUnitOptions } from '../components/CandidateEditors.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { PeriodSelect } from './PeriodSelect.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { isDecimal, normaliseDecimal } from './decimalText.ts';
import { closedPeriods, todayIso } from './periods.ts';
import { href } from '../router.ts';
import { RuleEditorPanel } from './RuleEditorPanel.tsx';
import { RuleTestValues } from './RuleTestValues.tsx';

/** The rule language's own words (functions, value, and/or/not), read in Chinese on the zh page. */
const RULE_WORDS = [
  'value',
  'abs',
  'change',
  'yoy',
  'previous',
  'last_year',
  'outlier',
  'magnitude_jump',
  'cumulative_non_decreasing',
  'not',
  'and',
  'or',
] as const;

/** Names an indicator of the form (or a word of the rule language) in the page's language; undefined if unknown. */
type NameOf = (code: string) => string | undefined;

function useRuleNames(form: ReportForm): NameOf {
  const { t, lang } = useI18n();
  return (code) => {
    const item = form.items.find((i) => i.indicator === code);
    if (item) return lang === 'zh' ? item.name : (item.nameEn ?? item.name);
    if (lang === 'zh' && (RULE_WORDS as readonly string[]).includes(code))
      return t(`reporting.rules.word.${code}` as 'reporting.rules.word.value');
    return undefined;
  };
}

/** A rule's expression as the zh page reads it: names for codes, ≤ ≥ for <= >=; English keeps the expression. */
function ruleInWords(expression: string, nameOf: NameOf, lang: string): string {
  if (lang !== 'zh') return expression;
  return formulaInWords(expression.replace(/'/g, ''), nameOf).replace(/<=/g, '≤').replace(/>=/g, '≥');
}

const rulesJson = (rules: readonly Rule[]) => JSON.stringify(rules, null, 2);

/** The edited rules, or the reason they cannot be read. */
function parseRules(text: string): { rules: Rule[] } | { error: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return { error: 'not-array' };
    return { rules: value as Rule[] };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** Issues of a 422 INVALID_RULES: { issues: [{ path, message }] }. */
function RuleIssues({ error }: { error: unknown }) {
  if (!hasErrorCode(error, 'INVALID_RULES')) return null;
  const issues = ((error.details ?? {}) as { issues?: { path: string; message: string }[] }).issues ?? [];
  return (
    <ul className="invalid-details" data-testid="rule-issues">
      {issues.map((i, n) => (
        <li key={n}>
          <code>{i.path}</code> {i.message}
        </li>
      ))}
    </ul>
  );
}

function RuleList({ rules, nameOf }: { rules: readonly Rule[]; nameOf: NameOf }) {
  const { t, lang } = useI18n();
  return (
    <DataTable
      className="data-table rule-table"
      testId="rule-list"
      columns={[
        lang === 'en' && 'reporting.rules.id',
        'reporting.rules.severity',
        'reporting.rules.expression',
        'reporting.rules.appliesTo',
        'reporting.rules.message',
      ]}
    >
      {rules.map((r, i) => (
        <tr key={`${r.id}-${i}`} data-testid="rule-row" data-rule={r.id}>
          {lang === 'en' && (
            <td>
              <code>{r.id}</code>
            </td>
          )}
          <td>
            <span className={`badge badge-sev sev-${r.severity}`}>{t(`reporting.finding.${r.severity}`)}</span>
          </td>
          <td>
            <code className="formula" title={lang === 'zh' ? r.expression : undefined}>
              {ruleInWords(r.expression, nameOf, lang)}
            </code>
          </td>
          <td className="small">{r.appliesTo?.map((c) => nameOf(c) ?? c).join(t('common.listSeparator')) ?? t('common.dash')}</td>
          <td>{r.message ? (lang === 'zh' ? r.message.zh : r.message.en) : ''}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function TestResults({ result, nameOf }: { result: RuleTestResult; nameOf: NameOf }) {
  const { t, lang, count } = useI18n();
  return (
    <div className="rule-results" data-testid="rule-results">
      {result.findings.length === 0 ? (
        <p className="status status-ok" data-testid="rule-no-findings">
          {t('reporting.rules.noFindings')}
        </p>
      ) : (
        <ul className="finding-list">
          {result.findings.map((f, i) => (
            <li
              key={i}
              className={`finding finding-${f.severity}`}
              data-testid="rule-finding"
              data-rule={f.ruleId}
              data-severity={f.severity}
            >
              <span className="finding-kind">{t(`reporting.finding.${f.severity}`)}</span>
              {lang === 'en' && <code>{f.ruleId}</code>} {lang === 'zh' ? f.message.zh : f.message.en}
            </li>
          ))}
        </ul>
      )}
      {result.skipped.length > 0 && (
        <details className="rule-skipped">
          <summary>{t('reporting.rules.skipped', { n: count(result.skipped.length) })}</summary>
          <ul>
            {result.skipped.map((s, i) => (
              <li key={i} className="small">
                {lang === 'en' && <code>{s.ruleId}</code>}{' '}
                {s.indicators.map((c) => nameOf(c) ?? c).join(t('common.listSeparator'))}
                {s.facts.length > 0 && (
                  <span className="muted"> — {s.facts.map((f) => (lang === 'zh' ? f.zh : f.en)).join('；')}</span>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function Bench({ initial }: { initial: ReportForm }) {
  const me = useMe();
  const { t, lang } = useI18n();
  const id = useId();
  const [form, setForm] = useState(initial);
  const nameOf = useRuleNames(form);
  const units = useAsync(() => api.orgUnits(), []);
  const [text, setText] = useState(() => rulesJson(initial.rules));
  const periods = closedPeriods(form.frequency, form.firstPeriod, todayIso(), 24);
  const [period, setPeriod] = useState(periods[0] ?? form.firstPeriod);
  const [orgUnit, setOrgUnit] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [result, setResult] = useState<RuleTestResult | null>(null);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const mayEdit = canDefinePlans(me);
  const parsed = parseRules(text);
  const edited = text !== rulesJson(form.rules);
  const badValues = Object.entries(values).filter(([, v]) => v.trim() !== '' && !isDecimal(v));

  const runTest = async (e: FormEvent) => {
    e.preventDefault();
    if ('error' in parsed || badValues.length) return;
    setBusy('test');
    setError(null);
    setSaved(false);
    try {
      const figures: Record<string, string> = {};
      for (const [k, v] of Object.entries(values)) if (v.trim() !== '') figures[k] = normaliseDecimal(v);
      setResult(
        await api.testRules(form.code, {
          ...(edited ? { rules: parsed.rules } : {}),
          ...(orgUnit.trim() ? { orgUnit: orgUnit.trim() } : {}),
          period,
          values: figures,
        }),
      );
    } catch (err) {
      setError(err);
      setResult(null);
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    if ('error' in parsed) return;
    setBusy('save');
    setError(null);
    setSaved(false);
    try {
      const next = await api.saveRules(form.code, form.version, parsed.rules);
      setForm(next);
      setText(rulesJson(next.rules));
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <section className="list-section" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`} className="section-title">
          {t('reporting.rules.current', { version: form.version })}
        </h2>
        <RuleList rules={'rules' in parsed ? parsed.rules : form.rules} nameOf={nameOf} />
      </section>

      <div className="bench-grid">
        <RuleEditorPanel
          id={id}
          form={form}
          text={text}
          edited={edited}
          parseError={'error' in parsed ? parsed.error : null}
          mayEdit={mayEdit}
          busy={busy}
          saved={saved}
          inWords={(expression) => ruleInWords(expression, nameOf, lang)}
          onChange={(next) => {
            setText(next);
            setSaved(false);
          }}
          onSave={() => void save()}
          onRevert={() => setText(rulesJson(form.rules))}
        />

        <form className="panel" onSubmit={(e) => void runTest(e)} aria-labelledby={`${id}-test`} data-testid="rule-test-form">
          <h2 id={`${id}-test`} className="panel-title">
            {t('reporting.rules.test')}
          </h2>
          <div className="form-grid">
            <div className="form-field">
              <label htmlFor={`${id}-period`}>{t('reporting.col.period')}</label>
              <PeriodSelect
                id={`${id}-period`}
                value={period}
                periods={periods}
                onChange={(period) => setPeriod(period)}
                testId="test-period"
              />
            </div>
            <div className="form-field">
              <label htmlFor={`${id}-unit`}>{t('reporting.rules.orgUnit')}</label>
              <select
                id={`${id}-unit`}
                className="input"
                value={orgUnit}
                onChange={(e) => setOrgUnit(e.target.value)}
                data-testid="test-org-unit"
              >
                <option value="">{t('reporting.rules.noUnit')}</option>
                {units.status === 'ok' && <OrgUnitOptions units={units.data} />}
              </select>
            </div>
          </div>
          <p className="muted small">{t('reporting.rules.orgUnitNote')}</p>
          <RuleTestValues id={id} form={form} values={values} setValues={setValues} />
          <div className="form-actions">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={busy !== null || 'error' in parsed || badValues.length > 0}
              data-testid="rules-run"
            >
              {busy === 'test' ? t('reporting.rules.running') : t('reporting.rules.run')}
            </button>
          </div>
          {result && <TestResults result={result} nameOf={nameOf} />}
        </form>
      </div>
      {error !== null && (
        <div>
          <ErrorMessage error={error} title={t('reporting.rules.failed')} testId="rules-error" />
          <RuleIssues error={error} />
        </div>
      )}
    </>
  );
}

/** 规则试算 (#/reporting/forms/<form>/rules): the form's rules, a draft editor and a test bench. */
export function RuleBenchPage({ formCode }: { formCode: string }) {
  const { t, lang } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const state = useAsync((signal) => api.form(formCode, signal), [formCode, attempt]);
  return (
    <section className="page rule-bench-page" aria-labelledby="bench-heading">
      <nav className="breadcrumb">
        <a href={href('reporting')}>{t('reporting.heading')}</a>
      </nav>
      <header className="page-head">
        <h1 id="bench-heading">
          {t('reporting.rules.heading')}
          {state.status === 'ok' && <span className="muted"> · {lang === 'zh' ? state.data.name : state.data.nameEn}</span>}
        </h1>
        <p className="page-intro">{t('reporting.rules.intro')}</p>
      </header>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} onRetry={() => setAttempt((a) => a + 1)} />}
      {state.status === 'ok' && <Bench key={`${state.data.code}/${state.data.version}`} initial={state.data} />}
    </section>
  );
}
