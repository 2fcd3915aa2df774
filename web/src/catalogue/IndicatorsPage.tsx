import { useMemo, useState } from 'react';
import { formulaInWords } from '../../../src/domain/formula/formula-in-words.ts';
import { api } from '../api/client.ts';
import type { Indicator } from '../api/types.ts';
import { useAsync } from '../api/useAsync.ts';
import { DataTable } from '../components/DataTable.tsx';
import { PageHead } from '../components/PageHead.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

function haystack(i: Indicator): string {
  return [i.code, i.name, i.nameEn, i.unit, i.formula ?? '', ...i.synonyms].join('\n').toLowerCase();
}

export function IndicatorsPage() {
  const { t, label, count, lang } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const [filter, setFilter] = useState('');
  const state = useAsync(() => api.indicators(), [attempt]);

  const needle = filter.trim().toLowerCase();
  // Codes are the API's and the formulas' identifiers: shown in English; the Chinese page names the
  // indicator instead (issue 19, "Chinese throughout") and keeps the code in the name's tooltip.
  const showCodes = lang === 'en';
  const nameOf = useMemo(() => {
    const names = new Map(state.status === 'ok' ? state.data.map((i) => [i.code, lang === 'en' ? i.nameEn : i.name]) : []);
    return (code: string) => names.get(code);
  }, [state, lang]);
  const rows = useMemo(() => {
    if (state.status !== 'ok') return [];
    return needle ? state.data.filter((i) => haystack(i).includes(needle)) : state.data;
  }, [state, needle]);

  return (
    <section className="page" aria-labelledby="ind-heading">
      <PageHead id="ind-heading" title={t('ind.heading')} intro={t('ind.intro')} />
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} onRetry={() => setAttempt((a) => a + 1)} />}
      {state.status === 'ok' && (
        <>
          <div className="toolbar">
            <SearchBox
              label={t('ind.filter')}
              placeholder={t('ind.filterPlaceholder')}
              value={filter}
              onChange={setFilter}
              testId="indicator-filter"
              className="input toolbar-input"
            />
            <span className="result-count" aria-live="polite">
              {needle
                ? t('ind.countFiltered', { shown: count(rows.length), total: count(state.data.length) })
                : t('ind.count', { n: count(state.data.length) })}
            </span>
          </div>
          <div className="table-wrap">
            <DataTable
              scroll={false}
              columns={[
                showCodes && 'ind.code',
                'ind.name',
                'ind.unit',
                'ind.direction',
                'ind.nature',
                'ind.aggregation',
                'ind.formula',
                'ind.synonyms',
              ]}
            >
              {rows.map((i) => (
                <tr key={i.code} data-testid="indicator-row" data-code={i.code}>
                  {showCodes && (
                    <td>
                      <code>{i.code}</code>
                    </td>
                  )}
                  <td title={showCodes ? undefined : i.code}>
                    {showCodes ? (
                      <>
                        <div className="name-zh" lang="en">
                          {i.nameEn}
                        </div>
                        <div className="name-en" lang="zh-CN">
                          {i.name}
                        </div>
                      </>
                    ) : (
                      <div className="name-zh">{i.name}</div>
                    )}
                  </td>
                  <td className="nowrap">{i.unit}</td>
                  <td className="nowrap">{label('direction', i.direction)}</td>
                  <td className="nowrap">
                    <span className={`badge badge-${i.nature}`}>{label('target.nature', i.nature)}</span>
                  </td>
                  <td className="nowrap">{label('aggregation', i.aggregation)}</td>
                  <td>
                    {i.formula ? (
                      <span className="formula" title={i.formula} data-testid="indicator-formula">
                        {formulaInWords(i.formula, nameOf)}
                      </span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>
                    {i.synonyms.length > 0 ? (
                      <ul className="chip-list">
                        {i.synonyms.map((s) => (
                          <li key={s} className="chip">
                            {s}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
            {rows.length === 0 && <p className="status status-empty">{t('ind.noMatch')}</p>}
          </div>
        </>
      )}
    </section>
  );
}
