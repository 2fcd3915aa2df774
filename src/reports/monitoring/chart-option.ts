import type { ReportTargetDetail } from './report-input.ts';

/** Fonts the chart asks for, first found wins (resvg on the server has Noto CJK; Windows has YaHei). */
export const CHART_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";

/**
 * The ECharts option of one behind target's chart: the yearly figures the engine judged, the
 * plan's path if it has one, the target as a line and the projection band from the last data
 * year to the target year. Numbers are for drawing only; the brief's tables print the decimals.
 */
export function behindChartOption(d: ReportTargetDetail): Record<string, unknown> {
  const first = Math.min(
    ...[d.baseline?.year, ...d.yearly.map((y) => y.year), ...d.trajectory.map((y) => y.year)].filter(
      (y): y is number => y !== undefined,
    ),
    d.target.year,
  );
  const last = Math.max(d.target.year, ...d.band.map((b) => b.year), ...d.yearly.map((y) => y.year));
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const at = <R extends { year: number }>(rows: readonly R[]) => new Map(rows.map((r) => [r.year, r]));
  const observed = at(d.yearly);
  const path = at(d.trajectory);
  const band = at(d.band);
  const synthetic = d.yearly.some((y) => y.origin === 'synthetic');
  const actualName = synthetic ? '实际值（含模拟）' : '实际值';
  const actual = years.map((y) => {
    const v = observed.get(y)?.value ?? (y === d.baseline?.year ? d.baseline.value : undefined);
    return v === undefined ? null : Number(v);
  });
  // The target as a flat line across the chart (a series, not a markLine, so the axis reaches it).
  const targetLines = (
    [
      ['目标值', d.target.value],
      ['目标下限', d.target.min],
      ['目标上限', d.target.max],
    ] as const
  ).flatMap(([name, value]) => (value === null ? [] : [[name, value] as const]));
  const series: Record<string, unknown>[] = [
    {
      name: '预测区间下限',
      type: 'line',
      stack: 'band',
      symbol: 'none',
      lineStyle: { opacity: 0 },
      data: years.map((y) => band.get(y)?.low ?? null),
      tooltip: { show: false },
    },
    {
      name: '预测区间',
      type: 'line',
      stack: 'band',
      symbol: 'none',
      lineStyle: { opacity: 0 },
      areaStyle: { color: 'rgba(220, 80, 60, 0.18)' },
      itemStyle: { color: 'rgba(220, 80, 60, 0.4)' },
      data: years.map((y) => {
        const b = band.get(y);
        return b ? b.high - b.low : null;
      }),
    },
    {
      name: '预测值',
      type: 'line',
      symbol: 'none',
      lineStyle: { type: 'dashed', color: '#d9534f' },
      itemStyle: { color: '#d9534f' },
      data: years.map((y) => band.get(y)?.value ?? null),
    },
    {
      name: actualName,
      type: 'line',
      connectNulls: true,
      itemStyle: { color: '#1f5fa8' },
      lineStyle: { width: 3 },
      data: actual,
    },
  ];
  for (const [name, value] of targetLines)
    series.push({
      name,
      type: 'line',
      symbol: 'none',
      lineStyle: { color: '#c00000', width: 2 },
      itemStyle: { color: '#c00000' },
      endLabel: { show: true, formatter: `${name} ${value}`, color: '#c00000' },
      data: years.map(() => Number(value)),
    });
  if (d.trajectory.length)
    series.push({
      name: '规划路径',
      type: 'line',
      connectNulls: true,
      symbol: 'none',
      lineStyle: { type: 'dotted', color: '#6a6a6a' },
      itemStyle: { color: '#6a6a6a' },
      data: years.map((y) => (path.has(y) ? Number(path.get(y)!.value) : null)),
    });
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_FONT },
    title: {
      text: `${d.indicator.name}（${d.indicator.unit}）`,
      subtext: `${d.subject.name}，目标年份${d.target.year}年`,
      left: 'center',
      textStyle: { fontSize: 18, fontFamily: CHART_FONT },
    },
    legend: {
      bottom: 4,
      data: [
        actualName,
        ...targetLines.map(([name]) => name),
        '预测值',
        '预测区间',
        ...(d.trajectory.length ? ['规划路径'] : []),
      ],
    },
    grid: { left: 70, right: 110, top: 70, bottom: 60 },
    xAxis: { type: 'category', boundaryGap: false, data: years.map(String) },
    yAxis: { type: 'value', scale: true, name: d.indicator.unit },
    series,
  };
}
