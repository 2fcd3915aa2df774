import { useMemo } from 'react';
import { api } from '../api/client.ts';
import { COMPARISON_GROUPINGS, type Comparison, type ComparisonGrouping } from '../api/progressTypes.ts';
import { useAsync } from '../api/useAsync.ts';
import { DataTable } from '../components/DataTable.tsx';
import { Empty, ErrorMessage, Loading } from '../components/Status.tsx';
import { useIndicatorI18n } from './indicatorDecimals.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { CLASS_COLOURS, NO_CLASS_COLOUR } from './classes.ts';
import { EChart } from './EChart.tsx';
import type { ChartOption } from './echarts.ts';
import { ClassBadge, SyntheticTag } from './MonitorBits.tsx';
import { IndicatorPageFrame, useIndicatorPage } from './IndicatorPage.tsx';

/** Rows with a figure, largest first; rows without one keep their order at the end. */
export function sortedRows(rows: Comparison['rows']): Comparison['rows'] {
  const withValue = rows.filter((r) => r.value !== null).sort((a, b) => Number(b.value) - Number(a.value));
  return [...withValue, ...rows.filter((r) => r.value === null)];
}

function ComparisonChart({ data }: { data: Comparison }) {
  const { t } = useI18n();
  const { num } = useIndicatorI18n(data.indicator.code);
  const rows = useMemo(() => sortedRows(data.rows), [data]);
  const option = useMemo<ChartOption>(() => {
    // Horizontal bars, the largest on top: ECharts draws the first category at the bottom.
    const shown = [...rows].reverse();
    return {
      grid: { left: 8, right: 56, top: 8, bottom: 24, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value: number }) => `${p.name}: ${num(p.value)}${data.indicator.unit}`,
      },
      xAxis: { type: 'value', name: data.indicator.unit },
      yAxis: { type: 'category', data: shown.map((r) => r.name), axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          label: { show: true, position: 'right', formatter: (p: { value: number }) => num(p.value) },
          data: shown.map((r) => ({
            value: r.value === null ? null : Number(r.value),
            itemStyle: {
              color: r.class ? CLASS_COLOURS[r.class] : NO_CLASS_COLOUR,
              decal:
                r.origin === 'synthetic' ? { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -0.8 } : undefined,
            },
          })),
        },
      ],
    };
  }, [rows, data, num]);
  return (
    <EChart
      option={option}
      height={Math.max(240, rows.length * 26 + 48)}
      label={t('monitor.compare.chart')}
      testId="compare-chart"
    />
  );
}

/** 单位对比 (#/monitor/compare?plan=&indicator=&at=&by=). */
export function ComparisonPage({ query }: { query: URLSearchParams }) {
  const { t, label } = useI18n();
  const page = useIndicatorPage<ComparisonGrouping>(query, 'compare', { key: 'by', values: COMPARISON_GROUPINGS });
  const by = page.choice;
  const { planId, at, indicator } = page;
  const state = useAsync(
    (signal) => (planId && at && indicator ? api.progressComparison(planId, indicator, at, by, signal) : Promise.resolve(null)),
    [planId, at, indicator, by],
  );
  const data = state.status === 'ok' ? state.data : null;
  const { num } = useIndicatorI18n(data?.indicator.code);

  return (
    <IndicatorPageFrame page={page} indicatorName={data?.indicator ?? null}>
      {state.status === 'loading' && indicator && <Loading />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {data &&
        (data.rows.length === 0 ? (
          <Empty>{t('monitor.compare.none')}</Empty>
        ) : (
          <div data-testid="compare-data" data-by={data.by}>
            <section className="card monitor-card">
              <ComparisonChart data={data} />
            </section>
            <DataTable
              testId="compare-table"
              columns={['monitor.col.name', 'monitor.col.kind', 'monitor.col.value', 'monitor.col.class']}
            >
              {sortedRows(data.rows).map((r) => (
                <tr key={r.code} data-testid="compare-row" data-code={r.code}>
                  <td>{r.name}</td>
                  <td>{label('orgKind', r.kind)}</td>
                  <td className="num nowrap">
                    {r.value === null ? t('common.dash') : `${num(r.value)}${data.indicator.unit}`}
                    {r.origin === 'synthetic' && <SyntheticTag />}
                  </td>
                  <td>
                    <ClassBadge cls={r.class} />
                  </td>
                </tr>
              ))}
            </DataTable>
          </div>
        ))}
    </IndicatorPageFrame>
  );
}
