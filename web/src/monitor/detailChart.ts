import type { TargetDetail } from '../api/progressTypes.ts';
import type { I18n } from '../i18n/I18nProvider.tsx';
import type { ChartOption } from './echarts.ts';
import { observedLines, yearAxis, yearTickLabel, yearX as yearEnd, type PeriodKind as Kind } from './chartSeries.ts';
import { periodLabel } from '../reporting/periods.ts';

const LINE_COLOUR = '#1a2b4c';
const SYNTHETIC_COLOUR = '#b8860b';
const TARGET_COLOUR = '#b71c1c';
const BAND_COLOUR = 'rgba(30, 111, 184, 0.18)';

/**
 * The indicator-detail chart: one line per period kind and origin (synthetic figures dashed, hollow and
 * amber, so demo data never looks like real statistics), the target as a horizontal line with the
 * target year marked, the planned trajectory, and the projection with its low–high band.
 * Figures are decimal strings; they become numbers only here, for drawing.
 */
export function detailChartOption(d: TargetDetail, i18n: Pick<I18n, 't' | 'label' | 'lang' | 'num'>): ChartOption {
  const { t, lang } = i18n;
  const lines = observedLines(d.series);
  const kindLabel: Record<Kind, string> =
    lang === 'zh' ? { year: '年度', quarter: '季度', month: '月度' } : { year: 'yearly', quarter: 'quarterly', month: 'monthly' };
  const perPeriod = lang === 'zh' ? '当期' : 'per period';
  const series: Record<string, unknown>[] = [];
  for (const g of lines) {
    const synthetic = g.origin === 'synthetic';
    const kind = g.perPeriod ? `${kindLabel[g.kind]}${lang === 'zh' ? '' : ', '}${perPeriod}` : kindLabel[g.kind];
    series.push({
      name: `${t('monitor.detail.observed')}（${kind}）${synthetic ? ` · ${t('monitor.detail.syntheticSeries')}` : ''}`,
      type: g.perPeriod ? 'bar' : 'line',
      data: g.points.map((p) => ({ value: [p.x, p.y], period: p.period })),
      symbol: synthetic ? 'emptyCircle' : 'circle',
      symbolSize: g.kind === 'year' ? 8 : 4,
      ...(g.perPeriod ? { barMaxWidth: 6, itemStyle: { color: synthetic ? SYNTHETIC_COLOUR : '#8da0c4', opacity: 0.7 } } : {}),
      lineStyle: {
        width: g.kind === 'year' ? 2.5 : 1,
        type: synthetic ? 'dashed' : 'solid',
        color: synthetic ? SYNTHETIC_COLOUR : LINE_COLOUR,
      },
      ...(g.perPeriod ? {} : { itemStyle: { color: synthetic ? SYNTHETIC_COLOUR : LINE_COLOUR } }),
      z: g.kind === 'year' ? 4 : 3,
    });
  }

  const targetLines: Record<string, unknown>[] = [];
  const g = d.target;
  for (const v of [g.value, g.min, g.max])
    if (v !== null) targetLines.push({ yAxis: Number(v), name: t('monitor.detail.target') });
  // The target year's own tick names it; a second "2025" beside the line read as another year.
  targetLines.push({ xAxis: yearEnd(g.year), label: { show: false }, lineStyle: { type: 'dotted', color: '#888' } });
  series.push({
    name: t('monitor.detail.target'),
    type: 'line',
    data: g.value !== null ? [[yearEnd(g.year), Number(g.value)]] : [],
    symbol: 'diamond',
    symbolSize: 12,
    itemStyle: { color: TARGET_COLOUR },
    markLine: {
      symbol: 'none',
      silent: true,
      label: { formatter: '{b}' },
      lineStyle: { color: TARGET_COLOUR, type: 'solid', width: 1.5 },
      data: targetLines,
    },
  });

  if (d.trajectory.length > 0)
    series.push({
      name: t('monitor.detail.trajectory'),
      type: 'line',
      data: d.trajectory.map((p) => [yearEnd(p.year), Number(p.value)]),
      symbol: 'rect',
      symbolSize: 5,
      lineStyle: { type: 'dashed', color: '#7b5ea7' },
      itemStyle: { color: '#7b5ea7' },
    });

  if (d.band.length > 0) {
    const band = [...d.band].sort((a, b) => a.year - b.year);
    // The band is drawn as a stack: an invisible line at the low edge, then the width up to the high edge.
    series.push({
      name: t('monitor.detail.band'),
      type: 'line',
      stack: 'band',
      data: band.map((b) => [yearEnd(b.year), b.low]),
      symbol: 'none',
      lineStyle: { opacity: 0 },
      silent: true,
      tooltip: { show: false },
    });
    series.push({
      name: t('monitor.detail.band'),
      type: 'line',
      stack: 'band',
      data: band.map((b) => [yearEnd(b.year), b.high - b.low]),
      symbol: 'none',
      lineStyle: { opacity: 0 },
      areaStyle: { color: BAND_COLOUR },
      itemStyle: { color: BAND_COLOUR },
      silent: true,
      tooltip: { show: false },
    });
    series.push({
      name: t('monitor.detail.projection'),
      type: 'line',
      data: band.map((b) => [yearEnd(b.year), b.value]),
      symbol: 'circle',
      symbolSize: 4,
      lineStyle: { type: 'dashed', color: '#1e6fb8' },
      itemStyle: { color: '#1e6fb8' },
    });
  }

  return {
    grid: { left: 64, right: 48, top: 48, bottom: 40 },
    legend: { top: 0, type: 'scroll' },
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; data: { period?: string; value?: [number, number] } | [number, number] }) => {
        const point = Array.isArray(p.data) ? { value: p.data } : p.data;
        const [x, y] = point.value ?? [0, 0];
        const when = point.period ? periodLabel(point.period, lang) : String(Math.round(x));
        return `${p.seriesName}<br/>${when}: ${i18n.num(Number(y.toFixed(4)))}${d.indicator.unit}`;
      },
    },
    xAxis: {
      type: 'value',
      ...yearAxis([
        ...lines.flatMap((l) => l.points.map((p) => p.x)),
        yearEnd(g.year),
        ...d.trajectory.map((p) => yearEnd(p.year)),
        ...d.band.map((b) => yearEnd(b.year)),
      ]),
      minInterval: 1,
      axisLabel: { formatter: yearTickLabel },
      splitLine: { show: false },
    },
    yAxis: { type: 'value', name: d.indicator.unit, scale: true },
    series,
  };
}
