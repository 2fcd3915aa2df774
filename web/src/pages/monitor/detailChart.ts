import type { Origin, TargetDetail } from '../../api/progressTypes.ts';
import type { I18n } from '../../i18n/I18nProvider.tsx';
import type { ChartOption } from '../../monitor/echarts.ts';
import { periodLabel } from '../../reporting/periods.ts';

const PERIOD_RE = /^(\d{4})(?:Q([1-4])|-(0[1-9]|1[0-2]))?$/;
type Kind = 'year' | 'quarter' | 'month';

/** A period placed at its last day on the time axis (2024 → 2024-12-31, 2024Q2 → 2024-06-30). */
function periodEnd(period: string): { kind: Kind; time: number } | null {
  const m = PERIOD_RE.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  const kind: Kind = m[2] ? 'quarter' : m[3] ? 'month' : 'year';
  const lastMonth = m[2] ? Number(m[2]) * 3 : m[3] ? Number(m[3]) : 12;
  return { kind, time: Date.UTC(year, lastMonth, 0) };
}

const yearEnd = (year: number) => Date.UTC(year, 12, 0);

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
  const groups = new Map<string, { kind: Kind; origin: Origin; points: [number, number, string][] }>();
  for (const p of d.series) {
    const at = periodEnd(p.period);
    if (!at) continue;
    const key = `${at.kind}/${p.origin}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { kind: at.kind, origin: p.origin, points: [] }));
    g.points.push([at.time, Number(p.value), p.period]);
  }
  const kindLabel: Record<Kind, string> =
    lang === 'zh' ? { year: '年度', quarter: '季度', month: '月度' } : { year: 'yearly', quarter: 'quarterly', month: 'monthly' };
  const series: Record<string, unknown>[] = [];
  for (const g of [...groups.values()].sort((a, b) => a.kind.localeCompare(b.kind))) {
    const synthetic = g.origin === 'synthetic';
    g.points.sort((a, b) => a[0] - b[0]);
    series.push({
      name: `${t('monitor.detail.observed')}（${kindLabel[g.kind]}）${synthetic ? ` · ${t('monitor.detail.syntheticSeries')}` : ''}`,
      type: 'line',
      data: g.points.map(([x, y, period]) => ({ value: [x, y], period })),
      symbol: synthetic ? 'emptyCircle' : 'circle',
      symbolSize: g.kind === 'year' ? 8 : 4,
      lineStyle: {
        width: g.kind === 'year' ? 2.5 : 1,
        type: synthetic ? 'dashed' : 'solid',
        color: synthetic ? SYNTHETIC_COLOUR : LINE_COLOUR,
      },
      itemStyle: { color: synthetic ? SYNTHETIC_COLOUR : LINE_COLOUR },
      z: g.kind === 'year' ? 4 : 3,
    });
  }

  const targetLines: Record<string, unknown>[] = [];
  const g = d.target;
  for (const v of [g.value, g.min, g.max])
    if (v !== null) targetLines.push({ yAxis: Number(v), name: t('monitor.detail.target') });
  targetLines.push({ xAxis: yearEnd(g.year), name: String(g.year), lineStyle: { type: 'dotted', color: '#888' } });
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
        const when = point.period ? periodLabel(point.period, lang) : String(new Date(x).getUTCFullYear());
        return `${p.seriesName}<br/>${when}: ${i18n.num(Number(y.toFixed(4)))}${d.indicator.unit}`;
      },
    },
    xAxis: { type: 'time', minInterval: 3600 * 24 * 1000 * 28 },
    yAxis: { type: 'value', name: d.indicator.unit, scale: true },
    series,
  };
}
