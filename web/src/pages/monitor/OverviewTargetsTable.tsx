import { useId, useMemo, useState, useEffect } from 'react';
import { PROGRESS_CLASSES, type PlanProgress, type TargetProgress } from '../../api/progressTypes.ts';
import { Empty } from '../../components/Status.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ClassBadge, SyntheticTag, usePercent, WarningBadge } from '../../monitor/MonitorBits.tsx';
import { Select } from '../../monitor/Pickers.tsx';
import { targetText } from '../../monitor/targetText.ts';
import { periodLabel } from '../../reporting/periods.ts';
import { href, navigate } from '../../router.ts';
import {
  FILTER_WARNINGS,
  filterTargets,
  pageOf,
  parseTargetFilter,
  targetFilterParams,
  type SortKey,
  type TargetFilter,
} from '../../../../src/domain/progress/target-filter.ts';

const PAGE_SIZE = 20;
/** Hash-query keys the table owns (the filter's and the page). */
const TABLE_KEYS = ['class', 'warning', 'q', 'subject', 'sort', 'page'] as const;

function Freshness({ x }: { x: TargetProgress }) {
  const { t, date, lang } = useI18n();
  const f = x.freshness;
  return (
    <div className="freshness small" data-testid="freshness" data-stale={f.stale}>
      {f.lastUpdated ? t('monitor.fresh.updated', { date: date(f.lastUpdated.slice(0, 10)) }) : t('monitor.fresh.never')}
      {f.lastPeriod && <div className="muted">{t('monitor.fresh.period', { period: periodLabel(f.lastPeriod, lang) })}</div>}
      {f.stale && <span className="badge badge-stale">{t('monitor.fresh.stale')}</span>}
      {f.owes && (
        <div className="muted">
          {t('monitor.fresh.owes', {
            unit: f.owes.orgUnitName,
            period: periodLabel(f.owes.period, lang),
            date: date(f.owes.dueDate),
          })}
        </div>
      )}
    </div>
  );
}

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
  const i18n = useI18n();
  const { t, lang, num, label, count } = i18n;
  const pct = usePercent();
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
              {shown.rows.map((x) => {
                const j = x.judgement;
                return (
                  <tr
                    key={x.key}
                    data-testid="progress-row"
                    data-target={x.key}
                    data-class={j.class}
                    data-warning={x.warning.level}
                    data-ratio={j.achievementRatio ?? ''}
                  >
                    <td>
                      <a href={href('monitor', planId, 'targets', x.key, { at: data.at })} data-testid="target-link">
                        {lang === 'zh' ? x.indicator.name : x.indicator.nameEn}
                      </a>
                      <div className="muted small">{targetText(x, i18n)}</div>
                    </td>
                    <td>{x.subject.name}</td>
                    <td>
                      <ClassBadge cls={j.class} />
                    </td>
                    <td className="nowrap">
                      {j.current === null ? t('common.dash') : `${num(j.current)}${x.indicator.unit}`}
                      {j.dataYear !== null && <div className="muted small">{j.dataYear}</div>}
                      {j.currentOrigin === 'synthetic' && <SyntheticTag />}
                    </td>
                    <td className="nowrap num">{pct(j.achievementRatio)}</td>
                    <td className="nowrap num">
                      {pct(j.requiredAnnualGrowth)} / {pct(j.observedAnnualGrowth)}
                    </td>
                    <td>
                      <Freshness x={x} />
                    </td>
                    <td>
                      <WarningBadge level={x.warning.level} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {shown.pages > 1 && (
        <nav
          className="pager"
          aria-label={t('monitor.table.pager')}
          data-testid="targets-pager"
          data-page={shown.page}
          data-pages={shown.pages}
        >
          <button
            type="button"
            className="btn"
            disabled={shown.page <= 1}
            onClick={() => update(filter, shown.page - 1)}
            data-testid="page-prev"
          >
            {t('monitor.table.prev')}
          </button>
          <span data-testid="page-label">{t('monitor.table.page', { page: count(shown.page), pages: count(shown.pages) })}</span>
          <button
            type="button"
            className="btn"
            disabled={shown.page >= shown.pages}
            onClick={() => update(filter, shown.page + 1)}
            data-testid="page-next"
          >
            {t('monitor.table.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
