import { useId, useState, type FormEvent } from 'react';
import type { AcceptPublishedInput } from '../../../src/presenters/published-intake.presenter.ts';
import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import { OrgUnitOptions } from '../components/CandidateEditors.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ProposalTable, type Row } from './PublishedProposals.tsx';

/**
 * 公开数据录入 (issue 15 item 3): paste a 统计公报, 政府工作报告 or official news item, review the figures it
 * states for the plan's indicators, and store those accepted as published figures with their source.
 */
export function PublishedIntakePage() {
  const { t, num } = useI18n();
  const id = useId();
  const catalogues = useAsync(() => Promise.all([api.plans(), api.orgUnits()]), []);
  const [plan, setPlan] = useState('');
  const [orgUnit, setOrgUnit] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [text, setText] = useState('');
  const [source, setSource] = useState({ title: '', publisher: '', publishedOn: '', url: '' });
  const [rows, setRows] = useState<Row[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [stored, setStored] = useState<number | null>(null);

  if (catalogues.status === 'loading') return <Loading />;
  if (catalogues.status === 'error') return <ErrorMessage error={catalogues.error} />;
  const [plans, units] = catalogues.data;

  const propose = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setStored(null);
    try {
      const r = await api.proposePublishedFigures({ plan, orgUnit, year: Number(year), text });
      setRows(r.proposals.map((p) => ({ ...p, keep: true })));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!rows) return;
    setBusy(true);
    setError(null);
    try {
      const figures: AcceptPublishedInput['figures'] = rows
        .filter((r) => r.keep)
        .map((r) => ({
          indicator: r.indicator,
          year: r.year,
          value: r.value,
          statedValue: r.statedValue,
          statedUnit: r.statedUnit,
          quote: r.quote,
        }));
      const r = await api.acceptPublishedFigures({ plan, orgUnit, source, figures });
      setStored(r.stored);
      setRows(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const setRow = (i: number, patch: Partial<Row>) => setRows((rs) => rs && rs.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const kept = rows?.filter((r) => r.keep).length ?? 0;

  return (
    <section className="page published-intake" data-testid="published-intake">
      <h1>{t('published.title')}</h1>
      <p className="muted">{t('published.intro')}</p>
      <form className="form-grid" onSubmit={(e) => void propose(e)}>
        <label htmlFor={`${id}-plan`}>{t('published.plan')}</label>
        <select
          id={`${id}-plan`}
          className="input"
          value={plan}
          onChange={(e) => setPlan(e.target.value)}
          required
          data-testid="published-plan"
        >
          <option value="">{t('published.choosePlan')}</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-unit`}>{t('published.orgUnit')}</label>
        <select
          id={`${id}-unit`}
          className="input"
          value={orgUnit}
          onChange={(e) => setOrgUnit(e.target.value)}
          required
          data-testid="published-unit"
        >
          <option value="">{t('published.chooseUnit')}</option>
          <OrgUnitOptions units={units} />
        </select>
        <label htmlFor={`${id}-year`}>{t('published.year')}</label>
        <input
          id={`${id}-year`}
          className="input"
          inputMode="numeric"
          value={year}
          onChange={(e) => setYear(e.target.value)}
          required
        />
        <label htmlFor={`${id}-text`}>{t('published.text')}</label>
        <textarea
          id={`${id}-text`}
          className="input"
          rows={10}
          value={text}
          onChange={(e) => setText(e.target.value)}
          required
          data-testid="published-text"
        />
        <button
          type="submit"
          className="btn btn-primary"
          disabled={busy || !plan || !orgUnit || !text.trim()}
          data-testid="published-propose"
        >
          {t('published.propose')}
        </button>
      </form>
      {error !== null && <ErrorMessage error={error} title={t('published.failed')} />}
      {stored !== null && (
        <p className="status status-ok" role="status" data-testid="published-stored">
          {t('published.stored', { n: num(stored) })}
        </p>
      )}
      {rows && rows.length === 0 && <p className="muted">{t('published.none')}</p>}
      {rows && rows.length > 0 && (
        <>
          <ProposalTable rows={rows} setRow={setRow} />
          <fieldset className="form-grid">
            <legend>{t('published.source')}</legend>
            {(['title', 'publisher', 'publishedOn', 'url'] as const).map((k) => (
              <SourceField key={k} field={k} value={source[k]} onChange={(v) => setSource((s) => ({ ...s, [k]: v }))} />
            ))}
          </fieldset>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || kept === 0}
            onClick={() => void save()}
            data-testid="published-save"
          >
            {t('published.save', { n: num(kept) })}
          </button>
        </>
      )}
    </section>
  );
}

function SourceField({
  field,
  value,
  onChange,
}: {
  field: 'title' | 'publisher' | 'publishedOn' | 'url';
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{t(`published.source.${field}`)}</label>
      <input
        id={id}
        className="input"
        value={value}
        placeholder={field === 'publishedOn' ? t('published.source.datePlaceholder') : undefined}
        onChange={(e) => onChange(e.target.value)}
        required
        data-testid={`published-source-${field}`}
      />
    </>
  );
}
