import { useMemo } from 'react';
import { EChart } from '../monitor/EChart.tsx';
import type { ChartOption } from '../monitor/echarts.ts';

/**
 * A scorecard's sparkline: a bare line of the last years' figures. Loaded lazily (it pulls in ECharts)
 * so the home's first load stays within the bundle budget.
 */
export default function Sparkline({
  points,
  label,
  colour,
}: {
  points: { year: number; value: number }[];
  label: string;
  colour: string;
}) {
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 2, right: 2, top: 4, bottom: 4 },
      tooltip: { show: false },
      xAxis: { type: 'category', show: false, data: points.map((p) => String(p.year)) },
      yAxis: { type: 'value', show: false, scale: true },
      series: [
        {
          type: 'line',
          data: points.map((p) => p.value),
          symbol: 'none',
          lineStyle: { width: 1.5, color: colour },
          areaStyle: { color: colour, opacity: 0.08 },
        },
      ],
    }),
    [points, colour],
  );
  return <EChart option={option} height={36} label={label} testId="sparkline" />;
}
