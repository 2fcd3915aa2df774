import { useEffect, useRef } from 'react';
import { animationsEnabled, echarts, type ChartOption } from './echarts.ts';

type Chart = ReturnType<typeof echarts.init>;

/**
 * One ECharts instance in a div. The div carries data-chart-state: "rendering" after each new option,
 * "finished" once ECharts reports the 'finished' event (the browser test waits for it, never sleeps).
 * `onFinished` may read the rendered chart (e.g. count the map regions drawn).
 */
export function EChart({
  option,
  height,
  label,
  testId,
  onFinished,
}: {
  option: ChartOption;
  height: number;
  /** Accessible name of the picture; the data is also in a table on each page. */
  label: string;
  testId: string;
  onFinished?: (chart: Chart, element: HTMLDivElement) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<Chart | null>(null);
  const finishedRef = useRef(onFinished);
  finishedRef.current = onFinished;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chartRef.current = chart;
    chart.on('finished', () => {
      finishedRef.current?.(chart, el);
      el.dataset.chartState = 'finished';
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    const el = ref.current;
    if (!chart || !el) return;
    el.dataset.chartState = 'rendering';
    chart.setOption({ animation: animationsEnabled(), ...option }, { notMerge: true });
  }, [option]);

  return <div ref={ref} className="chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
