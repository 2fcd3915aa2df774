import { useId, useMemo, useState, useEffect } from 'react';
import { PROGRESS_CLASSES, type PlanProgress } from '../api/progressTypes.ts';
import { Empty } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Select } from './Pickers.tsx';
import { href, navigate } from '../router.ts';
import { OverviewTargetRow } from './OverviewTargetRow.tsx';
import { TargetsPager } from './TargetsPager.tsx';
import {
  FILTER_WARNINGS,
  filterTargets,
  pageOf,
  parseTargetFilter,
  targetFilterParams,
  type SortKey,
  type TargetFilter,
} from '../../../src/domain/progress/target-filter.ts';

const PAGE_SIZE = 20;
/** Hash-query keys the table owns (the filter's and the page). */
const TABLE_KEYS = ['class', 'warning', 'q', 'subject', 'sort', 'page'] as const;

/** A column header that sorts: first click ascending, the next descending, the next back to plan order. */
function SortHeader({
  col,
  label,
  filter,
  onSort,
}: {
  col: SortKey;
  label: string;
  filter: TargetFilter;
  onSort: (s: TargetFilter['sort']) => void;
}) {
  const { t } = useI18n();
  const state = filter.sort === col ? 'ascending' : filter.sort === `-${col}` ? 'descending' : 'none';
  const next = state === 'none' ? col : state === 'ascending' ? (`-${col}` as const) : undefined;
  return (
    <th scope="col" aria-sort={state}>
      <button
        type="button"
        className="sort-button"
        onClick={() => onSort(next)}
        title={t('monitor.table.sortBy', { col: label })}
        data-testid={`sort-${col}`}
      >
        {label}
        <span aria-hidden="true">{state === 'ascending' ? ' ▲' : state === 'descending' ? ' ▼' : ' ↕'}</span>
      </button>
    </th>
  );
}

/**
 * 全部目标 of the overview (issue 19): filters, sorting by column, paging and an Excel export of
 * exactly the filtered rows. The filter lives in the hash query so a filtered view can be shared,
 * and is applied by the same pure function (src/domain/progress/target-filter.ts) as the export.
 */
export function OverviewTargetsTable({
  data,
  planId,
  query,
  method,
}: {
  data: PlanProgress;
  planId: string;
  query: URLSearchParams;
  method: string | null;
}) {
  const { t, label, count } = useI18n();
  const searchId = useId();
  // The query string as the memo key: a new URLSearchParams object comes with every hash change.
  const qs = query.toString();
  const filter = useMemo(() => parseTargetFilter((k) => new URLSearchParams(qs).get(k)), [qs]);
  const kept = useMemo(() => filterTargets(data.targets, filter), [data.targets, filter]);
  const shown = pageOf(kept, Number(query.get('page') ?? 1), PAGE_SIZE);
  const subjects = useMemo(() => {
    const seen = new Map<string, string>();
    for (const x of data.targets) seen.set(x.subject.code, x.subject.name);
    return [...seen].map(([value, text]) => ({ value, text }));
  }, [data.targets]);

  /** Rewrites the table's keys of the hash query; a new filter goes back to page 1. */
  const update = (next: TargetFilter, page = 1) => {
    const params: Record<string, string> = {};
    query.forEach((v, k) => {
      if (!(TABLE_KEYS as readonly string[]).includes(k)) params[k] = v;
    });
    Object.assign(params, targetFilterParams(next), page > 1 ? { page: String(page) } : {});
    navigate(href('monitor', planId, params), { replace: true });
  };
  // The search box types freely; the URL follows once typing pauses.
  const [text, setText] = useState(filter.q ?? '');
  useEffect(() => setText(filter.q ?? ''), [filter.q]);
  useEffect(() => {
    if (text.trim() === (filter.q ?? '')) return;
    const timer = setTimeout(() => update({ ...filter, q: text.trim() || undefined }), 300);
    return () => clearTimeout(timer);
  });
  const exportUrl = `/api/v1/reports/monitoring?${new URLSearchParams({
    plan: planId,
    at: data.at,
    format: 'xlsx',
    table: 'targets',
    ...(method ? { method } : {}),
    ...targetFilterParams(filter),
  })}`;
  const filtered = Object.keys(targetFilterParams(filter)).some((k) => k !== 'sort');

  return (
    <section className="list-section" aria-labelledby="targets-heading">
      <h2 id="targets-heading" className="section-title">
        {t('monitor.overview.targets')}
      </h2>
      <div className="toolbar targets-toolbar" role="search" aria-label={t('monitor.table.filters')}>
        <Select
          label={t('monitor.col.class')}
          value={filter.class ?? ''}
          options={[
            { value: '', text: t('monitor.table.allClasses') },
            ...PROGRESS_CLASSES.map((c) => ({ value: c, text: label('monitor.class', c) })),
          ]}
          onChange={(v) => update({ ...filter, class: (v || undefined) as TargetFilter['class'] })}
          testId="filter-class"
        />
        <Select
          label={t('monitor.col.warning')}
          value={filter.warning ?? ''}
          options={[
            { value: '', text: t('monitor.table.allWarnings') },
            ...FILTER_WARNINGS.map((w) => ({ value: w, text: label('monitor.warning', w) })),
          ]}
          onChange={(v) => update({ ...filter, warning: (v || undefined) as TargetFilter['warning'] })}
          testId="filter-warning"
        />
        {subjects.length > 1 && (
          <Select
            label={t('monitor.col.subject')}
            value={filter.subject ?? ''}
            options={[{ value: '', text: t('monitor.table.allSubjects') }, ...subjects]}
            onChange={(v) => update({ ...filter, subject: v || undefined })}
            testId="filter-subject"
          />
        )}
        <span className="toolbar-field">
          <label htmlFor={searchId}>{t('monitor.table.search')}</label>
          <input
            id={searchId}
            type="search"
            className="input toolbar-input"
            value={text}
            maxLength={100}
            onChange={(e) => setText(e.target.value)}
            data-testid="filter-text"
          />
        </span>
        {filtered && (
          <button type="button" className="btn" onClick={() => update({ sort: filter.sort })} data-testid="filter-clear">
            {t('monitor.table.clear')}
          </button>
        )}
        <a className="btn" href={exportUrl} download data-testid="targets-export">
          {t('monitor.table.export')}
        </a>
      </div>
      <p className="muted small" data-testid="targets-shown" data-count={kept.length} data-total={data.targets.length}>
        {t('monitor.table.shown', { n: count(kept.length), total: count(data.targets.length) })}
      </p>
      {kept.length === 0 ? (
        <Empty>{t('monitor.table.none')}</Empty>
      ) : (
        <div className="table-wrap">
          <table className="data-table monitor-table" data-testid="progress-targets">
            <thead>
              <tr>
                <th scope="col">{t('monitor.col.target')}</th>
                <th scope="col">{t('monitor.col.subject')}</th>
                <SortHeader
                  col="class"
                  label={t('monitor.col.class')}
                  filter={filter}
                  onSort={(sort) => update({ ...filter, sort })}
                />
                <th scope="col">{t('monitor.col.current')}</th>
                <SortHeader
                  col="completion"
                  label={t('monitor.col.achievement')}
                  filter={filter}
                  onSort={(sort) => update({ ...filter, sort })}
                />
                <th scope="col">
                  {t('monitor.col.required')} / {t('monitor.col.observed')}
                </th>
                <th scope="col">{t('monitor.col.freshness')}</th>
                <SortHeader
                  col="warning"
                  label={t('monitor.col.warning')}
                  filter={filter}
                  onSort={(sort) => update({ ...filter, sort })}
                />
              </tr>
            </thead>
            <tbody>
              {shown.rows.map((x) => (
                <OverviewTargetRow key={x.key} x={x} planId={planId} at={data.at} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <TargetsPager page={shown.page} pages={shown.pages} onPage={(page) => update(filter, page)} />
    </section>
  );
}
