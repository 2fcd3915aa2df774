import { api } from '../api/client.ts';
import { useAsync } from '../api/useAsync.ts';
import type { PlanProgress } from '../api/progressTypes.ts';
import type { WarningEpisode } from '../api/warningTypes.ts';
import { countWarnings, warningsByUnit } from '../../../src/domain/warnings/warning-tally.ts';
import { DataTable } from '../components/DataTable.tsx';
import { Empty, ErrorMessage, Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { WarningBadge } from './MonitorBits.tsx';
import { periodLabel } from '../reporting/periods.ts';
import { href } from '../router.ts';

type Warned = PlanProgress['targets'][number];

function WarnedTarget({
  x,
  episode,
  planId,
  at,
}: {
  x: Warned;
  episode: WarningEpisode | undefined;
  planId: string;
  at: string;
}) {
  const { t, lang, date } = useI18n();
  const level = x.warning.level;
  return (
    <li className="warning-episode" data-testid="warning-episode" data-target={x.key} data-level={level}>
      <div className="warning-episode-head">
        <WarningBadge level={level} />
        <a href={href('monitor', planId, 'targets', x.key, { at })}>{lang === 'zh' ? x.indicator.name : x.indicator.nameEn}</a>
        {episode && (
          <span className="muted small">
            {t('monitor.warnings.since', {
              period: periodLabel(episode.startedPeriod, lang),
              date: date(episode.startedAt.slice(0, 10)),
            })}
          </span>
        )}
        {episode?.peakLevel === 'red' && level !== 'red' && <span className="muted small">{t('monitor.warnings.peak')}</span>}
      </div>
      {x.warning.reasons.length > 0 && (
        <ul className="warning-reasons">
          {x.warning.reasons.map((r, i) => (
            <li key={i}>{lang === 'zh' ? r.zh : r.en}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * 预警: the red and yellow targets of the very PlanProgress the panel counts (same plan, period and
 * method), grouped by responsible unit with the shared tally, so the list and the panel give one
 * number. Stored warning episodes (GET /warnings) only add since when a warning has been open.
 */
export function WarningsSection({ data, planId }: { data: PlanProgress; planId: string }) {
  const { t, count } = useI18n();
  const counts = countWarnings(data.targets);
  const units = warningsByUnit(data.targets);
  const open = counts.red + counts.yellow;
  const episodes = useAsync((signal) => api.warnings({ plan: planId, open: true }, signal), [planId]);
  const since = new Map(
    episodes.status === 'ok' ? episodes.data.units.flatMap((u) => u.episodes).map((e) => [e.target, e] as const) : [],
  );
  return (
    <section
      className="list-section"
      aria-labelledby="warnings-heading"
      data-testid="warnings-section"
      data-open={open}
      data-red={counts.red}
      data-yellow={counts.yellow}
    >
      <h2 id="warnings-heading" className="section-title">
        {t('monitor.warnings.heading')}
        <span className="count-pill">{open}</span>
      </h2>
      <p className="muted small">{t('monitor.warnings.intro')}</p>
      {open === 0 ? (
        <Empty>{t('monitor.warnings.none')}</Empty>
      ) : (
        <>
          <p data-testid="warnings-summary">
            {t('monitor.warnings.summary', { red: count(counts.red), yellow: count(counts.yellow), units: count(units.length) })}
          </p>
          <div className="warning-units">
            {units.map((u) => (
              <section
                key={u.orgUnit?.code ?? '-'}
                className="card warning-unit"
                data-testid="warning-unit"
                data-unit={u.orgUnit?.code ?? ''}
              >
                <h3 className="subsection-title">
                  {u.orgUnit?.name ?? t('monitor.warnings.noUnit')}{' '}
                  {u.red > 0 && <span className="badge badge-warning warning-red">{u.red}</span>}{' '}
                  {u.yellow > 0 && <span className="badge badge-warning warning-yellow">{u.yellow}</span>}
                </h3>
                <ul className="warning-episodes">
                  {u.targets.map((x) => (
                    <WarnedTarget key={x.key} x={x} episode={since.get(x.key)} planId={planId} at={data.at} />
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

/** 数据更新: targets whose data is stale and who owes the next figure (GET /progress/stale). */
export function StaleSection({ planId, at }: { planId: string; at: string }) {
  const { t, lang, date, count } = useI18n();
  const state = useAsync((signal) => api.staleTargets(planId, at, signal), [planId, at]);
  const data = state.status === 'ok' ? state.data : null;
  return (
    <section className="list-section" aria-labelledby="stale-heading" data-testid="stale-section" data-stale={data?.stale}>
      <h2 id="stale-heading" className="section-title">
        {t('monitor.stale.heading')}
        {data && <span className="count-pill">{data.stale}</span>}
      </h2>
      <p className="muted small">{t('monitor.stale.intro')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {data &&
        (data.targets.length === 0 ? (
          <Empty>{t('monitor.stale.none')}</Empty>
        ) : (
          <>
            <p>{t('monitor.stale.summary', { total: count(data.total), stale: count(data.stale) })}</p>
            <DataTable
              className="data-table monitor-table"
              testId="stale-targets"
              columns={['monitor.col.target', 'monitor.col.subject', 'monitor.stale.last', 'monitor.stale.owes']}
            >
              {data.targets.map((x) => {
                const f = x.freshness;
                return (
                  <tr key={x.key} data-testid="stale-row" data-target={x.key}>
                    <td>
                      <a href={href('monitor', planId, 'targets', x.key, { at })}>
                        {lang === 'zh' ? x.indicator.name : x.indicator.nameEn}
                      </a>
                    </td>
                    <td>{x.subject.name}</td>
                    <td className="nowrap">
                      {f.lastUpdated ? date(f.lastUpdated.slice(0, 10)) : t('monitor.fresh.never')}
                      {f.lastPeriod && (
                        <div className="muted small">
                          {t('monitor.fresh.period', { period: periodLabel(f.lastPeriod, lang) })}
                        </div>
                      )}
                    </td>
                    <td data-testid="stale-owes">
                      {f.owes
                        ? t('monitor.stale.owesValue', {
                            unit: f.owes.orgUnitName,
                            form: lang === 'zh' ? f.owes.formName : f.owes.formNameEn,
                            period: periodLabel(f.owes.period, lang),
                            date: date(f.owes.dueDate),
                          })
                        : t('monitor.stale.nobody')}
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          </>
        ))}
    </section>
  );
}
