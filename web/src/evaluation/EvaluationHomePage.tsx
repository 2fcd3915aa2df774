import { api } from '../api/client.ts';
import type { RunSummary, SchemeSummary } from '../api/evaluationTypes.ts';
import { useAction } from '../api/useAction.ts';
import { useAsync } from '../api/useAsync.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { canDefinePlans } from '../auth/permissions.ts';
import { AsyncView } from '../components/AsyncView.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { Empty, ErrorMessage } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { href, navigate } from '../router.ts';
import { YearPicker, defaultYear } from './YearPicker.tsx';

/** Runs an evaluation of a scheme's latest version for a year, then opens its results. */
function RunButton({ scheme, year }: { scheme: SchemeSummary; year: number }) {
  const { t } = useI18n();
  const { busy, error, run: start } = useAction();
  const run = () =>
    start(async () => {
      const result = await api.runEvaluation({ scheme: scheme.code, year });
      navigate(href('evaluation', 'runs', String(result.id)));
    });
  return (
    <>
      <button
        type="button"
        className="btn btn-small btn-primary"
        disabled={busy}
        onClick={() => void run()}
        data-testid="run-evaluation"
        data-scheme={scheme.code}
      >
        {busy ? t('eval.home.running') : t('eval.home.run', { year })}
      </button>
      {error !== null && <ErrorMessage error={error} title={t('eval.home.runFailed')} />}
    </>
  );
}

function SchemeTable({ schemes, year, canRun }: { schemes: SchemeSummary[]; year: number; canRun: boolean }) {
  const { t, lang } = useI18n();
  return (
    <DataTable
      testId="eval-schemes"
      columns={['eval.scheme.name', 'eval.scheme.version', 'eval.scheme.status', 'eval.scheme.actions']}
    >
      {schemes.map((s) => (
        <tr key={s.code} data-testid="scheme-row" data-scheme={s.code}>
          <td>
            <a href={href('evaluation', 'schemes', s.code)} data-testid="scheme-link">
              {lang === 'en' ? (s.nameEn ?? s.name) : s.name}
            </a>
            <div className="muted small">
              {/* The scheme's code is an identifier for the API, not a name: English pages only. */}
              {lang === 'en' && s.code}
              {s.builtin && <span className="badge eval-builtin">{t('eval.scheme.builtin')}</span>}
              {s.defaultWeights && <span className="badge eval-default-weights">{t('eval.defaultWeights')}</span>}
            </div>
          </td>
          <td className="num">{t('eval.scheme.versionN', { n: s.latestVersion })}</td>
          <td>
            <span className={`badge eval-scheme-${s.status}`}>{t(`eval.schemeStatus.${s.status}`)}</span>
          </td>
          <td className="nowrap">
            <a className="btn btn-small" href={href('evaluation', 'schemes', s.code)}>
              {canRun ? t('eval.scheme.edit') : t('eval.scheme.view')}
            </a>{' '}
            {canRun && <RunButton scheme={s} year={year} />}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function RunList({ runs, schemes }: { runs: RunSummary[]; schemes: SchemeSummary[] }) {
  const { t, lang, dateTime } = useI18n();
  const name = (code: string) => {
    const s = schemes.find((x) => x.code === code);
    return s ? (lang === 'en' ? (s.nameEn ?? s.name) : s.name) : code;
  };
  if (runs.length === 0) return <Empty>{t('eval.home.noRuns')}</Empty>;
  return (
    <DataTable
      testId="eval-runs"
      columns={['eval.scheme.name', 'eval.home.year', 'eval.scheme.version', 'eval.scheme.status', 'eval.home.createdAt']}
    >
      {[...runs]
        .sort((a, b) => b.id - a.id)
        .map((r) => (
          <tr key={r.id} data-testid="run-row" data-run={r.id}>
            <td>
              <a href={href('evaluation', 'runs', String(r.id))}>{name(r.scheme)}</a>
            </td>
            <td className="num">{r.year}</td>
            <td className="num">{t('eval.scheme.versionN', { n: r.version })}</td>
            <td>
              <span className={`badge eval-status-${r.status}`}>{t(`eval.status.${r.status}`)}</span>
            </td>
            <td className="nowrap">{dateTime(r.publishedAt ?? r.createdAt)}</td>
          </tr>
        ))}
    </DataTable>
  );
}

/** 考核评价 (#/evaluation): the schemes (edit, run for a year) and the runs so far. */
export function EvaluationHomePage({ year: askedYear }: { year: string | null }) {
  const { t } = useI18n();
  const me = useMe();
  const year = Number(askedYear) || defaultYear();
  const schemes = useAsync((signal) => api.evaluationSchemes(signal), []);
  const runs = useAsync((signal) => api.evaluationRuns({}, signal), []);
  return (
    <section className="page eval-page" aria-labelledby="eval-heading" data-testid="eval-home">
      <PageHead id="eval-heading" title={t('eval.heading')} intro={t('eval.intro')} />
      <div className="toolbar">
        <YearPicker value={year} onChange={(y) => navigate(href('evaluation', { year: String(y) }), { replace: true })} />
      </div>
      <h2 className="section-title eval-block-title">{t('eval.home.schemes')}</h2>
      <AsyncView state={schemes}>
        {(data) =>
          data.length === 0 ? (
            <Empty>{t('eval.home.noSchemes')}</Empty>
          ) : (
            <SchemeTable schemes={data} year={year} canRun={canDefinePlans(me)} />
          )
        }
      </AsyncView>
      <h2 className="section-title eval-block-title">{t('eval.home.runs')}</h2>
      <AsyncView state={runs}>
        {(data) => <RunList runs={data} schemes={schemes.status === 'ok' ? schemes.data : []} />}
      </AsyncView>
    </section>
  );
}
