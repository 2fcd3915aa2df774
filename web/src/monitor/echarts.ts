/*
 * ECharts, built from echarts/core with only the charts and components the monitoring pages use, so
 * the bundle stays small. SVG renderer: crisp text at any zoom and identical output for screenshots.
 */
import { BarChart, EffectScatterChart, LineChart, MapChart, PieChart, RadarChart, ScatterChart } from 'echarts/charts';
import {
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  PieChart,
  LineChart,
  MapChart,
  ScatterChart,
  EffectScatterChart,
  // The evaluation pages' radar of one unit's normalised scores.
  RadarChart,
  RadarComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export { echarts };
export type ChartOption = echarts.EChartsCoreOption;

/**
 * Animations are off under automation (navigator.webdriver) or with ?noanim=1 (in the page address or
 * the hash), so screenshots show the final picture and the 'finished' event comes at once.
 */
export function animationsEnabled(): boolean {
  if (typeof navigator !== 'undefined' && navigator.webdriver) return false;
  const hashQuery = window.location.hash.split('?')[1] ?? '';
  const noanim = new URLSearchParams(window.location.search).get('noanim') ?? new URLSearchParams(hashQuery).get('noanim');
  return noanim !== '1';
}
