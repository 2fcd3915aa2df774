import { runKindText } from '../../../src/domain/evaluation/cycle.ts';
import { useMemo, useState } from 'react';
import { api } from '../api/client.ts';
import type { RunView, UnitResultView } from '../api/evaluationTypes.ts';
import { useAction } from '../api/useAction.ts';
import { useAsync } from '../api/useAsync.ts';
import { useMe } from '../auth/AuthProvider.tsx';
import { canManageScheme } from '../auth/permissions.ts';
import { DownloadLink } from '../components/DownloadLink.tsx';
import { Empty, ErrorMessage, Loading } from '../components/Status.tsx';
import { TitledSection } from '../components/TitledSection.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { EChart } from '../monitor/EChart.tsx';
import { OptionPicker } from '../monitor/Pickers.tsx';
import { href } from '../router.ts';
import { EvalCrumbs, formatScore, GradeBadge, RankChange, rankChange, UnitFlags, useChartText, useRunNames } from './bits.tsx';
import { rankChangeOption, rankIntervalOption } from './charts.ts';

type SortKey = 'rank' | 'name' | 'score' | 'change' | 'group';
const ALL = '*';
const NO_GROUP = '-';

/** A filter of the unit table: ALL (every unit) first, then the given choices. */
function UnitFilter<T extends string>(props: {
  label: string;
  value: T | typeof ALL;
  options: { value: T; text: string }[];
  onChange: (value: T | typeof ALL) => void;
  testId: string;
}) {
  const { t } = useI18n();
  return <OptionPicker<T | typeof ALL> {...props} options={[{ value: ALL, text: t('eval.filter.all') }, ...props.options]} />;
}

/** Group order of the run (ungrouped first), then rank, incomplete units last. */
export function byGroupThenRank(run: RunView) {
  const order = new Map<string | null, number>([[null, -1], ...run.groups.map((g, k) => [g.code, k] as const)]);
  return (a: UnitResultView, b: UnitResultView) =>
    (order.get(a.group) ?? 1e9) - (order.get(b.group) ?? 1e9) || (a.rank ?? Infinity) - (b.rank ?? Infinity);
}

/** Header, status and the run's actions: downloads and, for plan managers, publishing. */
function RunHead({ run, onPublished }: { run: RunView; onPublished: (r: RunView) => void }) {
  const { t, dateTime, lang } = useI18n();
  const me = useMe();
  const names = useRunNames(run);
  const { busy, error, run: start } = useAction();
  const base = `/api/v1/evaluation/runs/${run.id}`;
  const publish = async () => {
    if (!window.confirm(t('eval.run.publishConfirm'))) return;
    await start(async () => onPublished(await api.publishEvaluationRun(run.id!)));
  };
  return (
    <header className="page-head reporting-head">
      <div>
        <EvalCrumbs />
        <h1 id="eval-run-heading">
          {names.scheme()} · {t('eval.run.year', { year: run.year })}
        </h1>
        <p className="page-intro" data-testid="run-meta" data-status={run.status}>
          {t('eval.run.meta', { code: run.scheme.code, version: run.scheme.version })}{' '}
          <span className={`badge eval-status-${run.status}`} data-testid="run-status">
            {t(`eval.status.${run.status}`)}
          </span>{' '}
          {run.scheme.defaultWeights && <span className="badge eval-default-weights">{t('eval.defaultWeights')}</span>}{' '}
          {run.simulated && (
            <span className="badge eval-flag-incomplete" data-testid="run-simulated" title={t('eval.run.simulatedNote')}>
              {t('eval.run.simulated')}
            </span>
          )}{' '}
          {run.cycle && (
            <span className="badge" data-testid="run-kind" data-kind={run.cycle.kind} title={t('eval.run.cycleNote')}>
              {runKindText(run.cycle)[lang]}
            </span>
          )}{' '}
          {run.cycle?.fullRunId != null && (
            <a href={href('evaluation', 'runs', String(run.cycle.fullRunId))} data-testid="run-full-link">
              {t('eval.run.fullRun', { year: run.cycle.fullYear })}
            </a>
          )}{' '}
          <span className="badge" data-testid="run-publishes" data-level={run.scheme.publishes}>
            {t('eval.run.publishes', { level: t(`eval.publishes.${run.scheme.publishes}`) })}
          </span>{' '}
          <span className="muted">
            {run.publishedAt
              ? t('eval.run.publishedAt', { at: dateTime(run.publishedAt) })
              : run.createdAt && t('eval.run.createdAt', { at: dateTime(run.createdAt) })}
          </span>
        </p>
        {run.simulated && (
          <p className="hint-box" role="note">
            {t('eval.run.simulatedNote')}
          </p>
        )}
      </div>
      <nav className="reporting-links" aria-label={t('eval.run.actions')}>
        <DownloadLink
          className="btn btn-primary"
          href={`${base}/report.docx?lang=${lang}`}
          fallbackName={`${String(run.id)}.docx`}
          testId="eval-docx"
        >
          {t('eval.run.docx')}
        </DownloadLink>
        <DownloadLink
          className="btn"
          href={`${base}/results.xlsx?lang=${lang}`}
          fallbackName={`${String(run.id)}.xlsx`}
          testId="eval-xlsx"
        >
          {t('eval.run.xlsx')}
        </DownloadLink>
        {/* The run view carries the scheme's cited passages, whose plans are the scheme's. */}
        {canManageScheme(me, { sources: run.sources }) && run.status === 'draft' && (
          <button type="button" className="btn" disabled={busy} onClick={() => void publish()} data-testid="eval-publish">
            {t('eval.run.publish')}
          </button>
        )}
      </nav>
      {error !== null && <ErrorMessage error={error} title={t('eval.run.publishFailed')} />}
    </header>
  );
}

function Tiles({ run }: { run: RunView }) {
  const { t, count } = useI18n();
  const complete = run.units.filter((u) => u.status === 'complete').length;
  // Every unit missing a figure counts, scored on the rest (partial, unranked) or not scored at all.
  const missing = run.units.filter((u) => u.missing.length > 0).length;
  const shaky = run.units.filter((u) => u.sensitivity && !u.sensitivity.robust).length;
  const tiles = [
    ['units', run.units.length, t('eval.tile.units')],
    ['complete', complete, t('eval.tile.complete')],
    ['incomplete', missing, t('eval.tile.incomplete')],
    ['not-robust', shaky, t('eval.tile.notRobust')],
  ] as const;
  return (
    <ul className="summary-tiles">
      {tiles.map(([key, n, label]) => (
        <li key={key} className="summary-tile" data-testid={`tile-${key}`} data-count={n}>
          <span className="tile-value">{count(n)}</span>
          <span className="tile-label">{label}</span>
        </li>
      ))}
    </ul>
  );
}

function SortHeader({
  label,
  k,
  sort,
  onSort,
}: {
  label: string;
  k: SortKey;
  sort: { key: SortKey; desc: boolean };
  onSort: (k: SortKey) => void;
}) {
  const active = sort.key === k;
  return (
    <th scope="col" aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : undefined}>
      <button type="button" className="eval-sort" onClick={() => onSort(k)} data-testid={`sort-${k}`}>
        {label}
        <span aria-hidden="true">{active ? (sort.desc ? ' ▼' : ' ▲') : ' ↕'}</span>
      </button>
    </th>
  );
}

export function ResultsTable({
  run,
  units,
  sort,
  onSort,
  unitHref,
  testId = 'eval-results',
  compact = false,
}: {
  run: RunView;
  units: UnitResultView[];
  sort?: { key: SortKey; desc: boolean };
  onSort?: (k: SortKey) => void;
  unitHref?: (u: UnitResultView) => string;
  testId?: string;
  /** The editor's narrow preview: rank, unit (with its marks), score and grade only. */
  compact?: boolean;
}) {
  const { t, num } = useI18n();
  const names = useRunNames(run);
  const head = (label: string, k: SortKey) =>
    sort && onSort ? <SortHeader label={label} k={k} sort={sort} onSort={onSort} /> : <th scope="col">{label}</th>;
  return (
    <div className="table-wrap">
      <table className="data-table eval-table" data-testid={testId}>
        <thead>
          <tr>
            {head(t('eval.col.rank'), 'rank')}
            {head(t('eval.col.unit'), 'name')}
            {run.groups.length > 0 && !compact && head(t('eval.col.group'), 'group')}
            {head(t('eval.col.score'), 'score')}
            <th scope="col">{t('eval.col.grade')}</th>
            {!compact && (
              <>
                {head(t('eval.col.change'), 'change')}
                <th scope="col">{t('eval.col.interval')}</th>
                <th scope="col" title={t('eval.col.topsisTitle')}>
                  {t('eval.col.topsis')}
                </th>
                <th scope="col">{t('eval.col.flags')}</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr
              key={u.code}
              data-testid="eval-row"
              data-unit={u.code}
              data-rank={u.rank ?? ''}
              data-grade={u.grade ?? ''}
              data-status={u.status}
              data-robust={u.sensitivity ? String(u.sensitivity.robust) : ''}
            >
              <td className="num">{u.rank ?? t('common.dash')}</td>
              <td>
                {unitHref ? <a href={unitHref(u)}>{names.unit(u)}</a> : names.unit(u)}
                {compact && (
                  <div className="small">
                    {run.groups.length > 0 && <span className="muted">{names.group(u.group)} </span>}
                    <UnitFlags run={run} unit={u} />
                  </div>
                )}
              </td>
              {run.groups.length > 0 && !compact && <td>{names.group(u.group)}</td>}
              <td className="num nowrap">{formatScore(u.score, num)}</td>
              <td>
                <GradeBadge run={run} label={u.grade} />
              </td>
              {!compact && (
                <>
                  <td className="num">
                    <RankChange unit={u} />
                  </td>
                  <td className="num nowrap">
                    {u.sensitivity ? `${u.sensitivity.rankLow}–${u.sensitivity.rankHigh}` : t('common.dash')}
                  </td>
                  <td
                    className="num nowrap"
                    data-testid="topsis-rank"
                    title={u.topsis ? `C = ${num(u.topsis.closeness.toFixed(4))}` : undefined}
                  >
                    {u.topsis?.rank ?? t('common.dash')}
                  </td>
                  <td>
                    <UnitFlags run={run} unit={u} />
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Charts({ run, units }: { run: RunView; units: UnitResultView[] }) {
  const { t } = useI18n();
  const names = useRunNames(run);
  const text = useChartText();
  const rankChangeChart = useMemo(() => rankChangeOption(units, names.unit, text), [units, names, text]);
  const intervalChart = useMemo(() => rankIntervalOption(units, names.unit, text), [units, names, text]);
  const ranked = units.filter((u) => u.rank !== null).length;
  const height = Math.max(240, ranked * 26 + 72);
  return (
    <div className="monitor-grid">
      <TitledSection className="card monitor-card" id="rank-change-heading" title={t('eval.chart.rankChange')}>
        {units.some((u) => rankChange(u) !== null) ? (
          <EChart option={rankChangeChart} height={height} label={t('eval.chart.rankChange')} testId="rank-change-chart" />
        ) : (
          <Empty>{t('eval.chart.noPrevious', { year: run.year - 1 })}</Empty>
        )}
      </TitledSection>
      <TitledSection className="card monitor-card" id="rank-interval-heading" title={t('eval.chart.rankInterval')}>
        <p className="muted small">{t('eval.chart.rankIntervalNote', { samples: run.samples })}</p>
        <EChart option={intervalChart} height={height} label={t('eval.chart.rankInterval')} testId="rank-interval-chart" />
      </TitledSection>
    </div>
  );
}

/** 评价结果 (#/evaluation/runs/<id>): tiles, filters, sortable table with marks, charts, downloads, publish. */
export function RunPage({ id }: { id: number }) {
  const { t } = useI18n();
  const state = useAsync((signal) => api.evaluationRun(id, signal), [id]);
  const [published, setPublished] = useState<RunView | null>(null);
  const run = published ?? (state.status === 'ok' ? state.data : null);
  return (
    <section className="page eval-page" aria-labelledby="eval-run-heading" data-testid="eval-run" data-run={id}>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {run && (
        <>
          <RunHead run={run} onPublished={setPublished} />
          <RunBody run={run} />
        </>
      )}
      {run === null && state.status === 'ok' && <p>{t('common.empty')}</p>}
    </section>
  );
}

function RunBody({ run }: { run: RunView }) {
  const { t } = useI18n();
  const names = useRunNames(run);
  const [group, setGroup] = useState<string>(ALL);
  const [grade, setGrade] = useState<string>(ALL);
  const [robust, setRobust] = useState<'*' | 'robust' | 'not'>(ALL);
  const [completeness, setCompleteness] = useState<'*' | 'complete' | 'incomplete'>(ALL);
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'rank', desc: false });
  const onSort = (key: SortKey) => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key === 'score' || key === 'change' }));

  const units = useMemo(() => {
    const groupKey = (u: UnitResultView) => u.group ?? NO_GROUP;
    const list = run.units.filter(
      (u) =>
        (group === ALL || groupKey(u) === group) &&
        (grade === ALL || u.grade === grade) &&
        (robust === ALL || (u.sensitivity !== null && u.sensitivity.robust === (robust === 'robust'))) &&
        (completeness === ALL || u.status === completeness),
    );
    const base = byGroupThenRank(run);
    // Missing values sort last whichever way the column is sorted.
    const nullsLast = (a: number | null, b: number | null, desc: boolean) =>
      a === null ? (b === null ? 0 : 1) : b === null ? -1 : desc ? b - a : a - b;
    const cmp: Record<SortKey, (a: UnitResultView, b: UnitResultView) => number> = {
      rank: (a, b) => (sort.desc ? -base(a, b) : base(a, b)),
      group: (a, b) => (sort.desc ? -base(a, b) : base(a, b)),
      name: (a, b) => (sort.desc ? -1 : 1) * names.unit(a).localeCompare(names.unit(b), 'zh-CN'),
      score: (a, b) => nullsLast(a.score, b.score, sort.desc) || base(a, b),
      change: (a, b) => nullsLast(rankChange(a), rankChange(b), sort.desc) || base(a, b),
    };
    return [...list].sort(cmp[sort.key]);
  }, [run, group, grade, robust, completeness, sort, names]);

  // Ranks compare within a comparison group: the charts show one group (the chosen one, else the first).
  const chartGroup =
    group !== ALL ? group : run.units.some((u) => u.group === null) ? NO_GROUP : (run.groups[0]?.code ?? NO_GROUP);
  const chartUnits = useMemo(() => units.filter((u) => (u.group ?? NO_GROUP) === chartGroup), [units, chartGroup]);
  const groupOptions = [
    ...(run.units.some((u) => u.group === null) && run.groups.length > 0 ? [{ value: NO_GROUP, text: names.group(null) }] : []),
    ...run.groups.map((g) => ({ value: g.code, text: g.name })),
  ];

  return (
    <div data-testid="eval-run-data" data-units={run.units.length}>
      <Tiles run={run} />
      <div className="toolbar eval-toolbar" role="group" aria-label={t('eval.filter.label')}>
        {run.groups.length > 0 && (
          <UnitFilter
            label={t('eval.col.group')}
            value={group}
            options={groupOptions}
            onChange={setGroup}
            testId="filter-group"
          />
        )}
        <UnitFilter
          label={t('eval.col.grade')}
          value={grade}
          options={run.grades.map((g) => ({ value: g.label, text: names.grade(g.label) }))}
          onChange={setGrade}
          testId="filter-grade"
        />
        <UnitFilter
          label={t('eval.filter.robust')}
          value={robust}
          options={[
            { value: 'robust', text: t('eval.filter.robustOnly') },
            { value: 'not', text: t('eval.filter.notRobustOnly') },
          ]}
          onChange={setRobust}
          testId="filter-robust"
        />
        <UnitFilter
          label={t('eval.filter.completeness')}
          value={completeness}
          options={[
            { value: 'complete', text: t('eval.filter.completeOnly') },
            { value: 'incomplete', text: t('eval.filter.incompleteOnly') },
          ]}
          onChange={setCompleteness}
          testId="filter-completeness"
        />
        <span className="result-count" data-testid="eval-count">
          {t('eval.filter.count', { n: units.length, total: run.units.length })}
        </span>
      </div>
      <ResultsTable
        run={run}
        units={units}
        sort={sort}
        onSort={onSort}
        unitHref={(u) => href('evaluation', 'runs', String(run.id), 'units', u.code)}
      />
      {run.groups.length > 0 && (
        <p className="muted small" data-testid="chart-group">
          {t('eval.chart.groupShown', { group: chartGroup === NO_GROUP ? names.group(null) : names.group(chartGroup) })}
        </p>
      )}
      <Charts run={run} units={chartUnits} />
    </div>
  );
}
