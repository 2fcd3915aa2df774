import { DataTable } from '../components/DataTable.tsx';
import type { ImportResult } from '../api/reportingTypes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { MapChoice, type MappingChoices, type MappingKind } from './NameMappings.tsx';
import { periodLabel } from './periods.ts';

const MAPPABLE: Record<string, MappingKind> = { unknown_org_unit: 'org_unit', unknown_indicator: 'indicator' };

/**
 * What an import read (or would read): sheets, counts, the changes before → after and every problem.
 * With `choices`, a unit name or heading not recognised can be mapped once for the form (issue 18).
 */
export function ImportPreview({ result, choices }: { result: ImportResult; choices?: MappingChoices }) {
  const { t, lang, count } = useI18n();
  const c = result.counts;
  const tiles: [keyof ImportResult['counts'], number][] = [
    ['values', c.values],
    ['created', c.created],
    ['changed', c.changed],
    ['unchanged', c.unchanged],
    ['notApplicable', c.notApplicable],
    ['skippedRows', c.skippedRows],
    ['submissions', c.submissions],
  ];
  const dash = <span className="muted">{t('common.dash')}</span>;
  return (
    <div className="import-preview" data-testid="import-preview" data-committed={String(result.committed)}>
      <p className="muted small">
        {t('reporting.import.fileFacts', {
          file: result.fileName,
          format: result.format.toUpperCase(),
          sha: result.sha256.slice(0, 12),
        })}
      </p>
      {result.duplicateOf !== null && (
        <p className="status status-warning" data-testid="import-duplicate">
          {t('reporting.import.duplicate', { id: result.duplicateOf })}
        </p>
      )}

      <ul className="summary-tiles" data-testid="import-counts">
        {tiles.map(([key, n]) => (
          <li key={key} className="summary-tile" data-testid={`count-${key}`}>
            <span className="tile-value">{count(n)}</span>
            <span className="tile-label">{t(`reporting.import.count.${key}`)}</span>
          </li>
        ))}
      </ul>

      <h3>{t('reporting.import.sheets')}</h3>
      <DataTable
        testId="import-sheets"
        columns={[
          'reporting.import.sheet',
          'reporting.import.sheetStatus',
          'reporting.import.layout',
          'reporting.import.rows',
          'reporting.import.records',
          'reporting.import.reason',
        ]}
      >
        {result.sheets.map((s) => (
          <tr key={s.name} data-testid="import-sheet" data-status={s.status}>
            <td>{s.name}</td>
            <td>
              <span className={`badge ${s.status === 'read' ? 'badge-active' : 'badge-revoked'}`}>
                {t(s.status === 'read' ? 'reporting.import.read' : 'reporting.import.ignored')}
              </span>
            </td>
            <td>{s.layout ? t(`reporting.import.layout.${s.layout}`) : dash}</td>
            <td className="col-num">{count(s.rows)}</td>
            <td className="col-num">{count(s.records)}</td>
            <td>{s.reason ? (lang === 'zh' ? s.reason.zh : s.reason.en) : dash}</td>
          </tr>
        ))}
      </DataTable>

      <ImportProblems result={result} choices={choices} />

      <ImportChanges result={result} />

      {result.warnings.length > 0 && (
        <>
          <h3>{t('reporting.import.warnings')}</h3>
          <p className="muted small">{t('reporting.import.warningsHint')}</p>
          <ul className="import-warnings" data-testid="import-warnings">
            {result.warnings.map((w, i) => (
              <li key={i}>
                <span className="muted small">
                  {w.orgUnitName} {periodLabel(w.period, lang)} ·{' '}
                  {t('reporting.import.cell', { sheet: w.sheet, row: w.row, column: w.column })}
                </span>{' '}
                {lang === 'zh' ? w.message.zh : w.message.en}
                {w.needsComment ? ` ${t('reporting.import.needsComment')}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}

      {result.notes.length > 0 && (
        <>
          <h3>{t('reporting.import.notes')}</h3>
          <ul className="import-notes" data-testid="import-notes">
            {result.notes.map((n, i) => (
              <li key={i}>
                <span className="muted small">
                  {n.sheet}
                  {n.row !== null ? ` · ${t('reporting.import.rowN', { n: n.row })}` : ''}
                </span>{' '}
                {lang === 'zh' ? n.messageZh : n.message}
                {choices && n.mapText ? (
                  <>
                    {' '}
                    <MapChoice kind="indicator" text={n.mapText} choices={choices} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Every problem the import found, each mappable name with its choice when `choices` is given. */
function ImportProblems({ result, choices }: { result: ImportResult; choices?: MappingChoices }) {
  const { t, lang, count } = useI18n();
  const dash = <span className="muted">{t('common.dash')}</span>;
  return (
    <>
      {result.problems.length > 0 && (
        <>
          <h3 className="problems-title">
            {t('reporting.import.problems', { n: count(result.problemsTotal ?? result.problems.length) })}
          </h3>
          <DataTable
            className="data-table problems-table"
            testId="import-problems"
            columns={[
              'reporting.import.sheet',
              'reporting.import.row',
              'reporting.import.column',
              'reporting.import.value',
              'reporting.import.reason',
              !!choices && 'reporting.map.target',
            ]}
          >
            {result.problems.map((p, i) => (
              <tr key={i} data-testid="import-problem" data-code={p.code}>
                <td>{p.sheet}</td>
                <td className="col-num">{p.row ?? dash}</td>
                <td>{p.column ?? dash}</td>
                <td>{p.value === null ? dash : <code>{p.value}</code>}</td>
                <td>{lang === 'zh' ? p.reasonZh : p.reason}</td>
                {choices && (
                  <td>
                    {p.mapText && MAPPABLE[p.code] ? (
                      <MapChoice kind={MAPPABLE[p.code]!} text={p.mapText} suggestions={p.suggestions} choices={choices} />
                    ) : null}
                  </td>
                )}
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </>
  );
}

/** The figures the import changes (or would change), before → after, with the cell each came from. */
function ImportChanges({ result }: { result: ImportResult }) {
  const { t, lang, num, count } = useI18n();
  const dash = <span className="muted">{t('common.dash')}</span>;
  return (
    <>
      <h3>{t('reporting.import.changes', { n: count(result.changes.length) })}</h3>
      {result.changes.length === 0 ? (
        <p className="muted">{t('reporting.import.noChanges')}</p>
      ) : (
        <div className="table-wrap">
          <DataTable
            testId="import-changes"
            scroll={false}
            columns={[
              'reporting.col.unit',
              'reporting.grid.indicator',
              'reporting.col.period',
              { label: t('reporting.import.before'), className: 'col-num' },
              { label: t('reporting.import.after'), className: 'col-num' },
              'reporting.import.where',
            ]}
          >
            {result.changes.map((ch, i) => (
              <tr key={i} data-testid="import-change">
                <td>{ch.orgUnitName}</td>
                <td>
                  {ch.indicatorName} <span className="muted small">{ch.unit}</span>
                </td>
                <td className="nowrap">{periodLabel(ch.period, lang)}</td>
                <td className="col-num">{ch.before === null ? dash : num(ch.before)}</td>
                <td className="col-num change-after">{num(ch.after)}</td>
                <td className="muted small nowrap">
                  {t('reporting.import.cell', { sheet: ch.sheet, row: ch.row, column: ch.column })}
                </td>
              </tr>
            ))}
          </DataTable>
          {result.changesTruncated && <p className="muted small">{t('reporting.import.truncated')}</p>}
        </div>
      )}
    </>
  );
}
