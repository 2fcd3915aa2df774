import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { CHART_FONT } from './chart-option.ts';

export const CHART_SIZE = { width: 720, height: 400 } as const;

/**
 * An ECharts option drawn on the server: SVG from ECharts' SSR renderer, rasterised to PNG by
 * resvg with the system's CJK fonts (Word and LibreOffice both show PNG; SVG in .docx is not
 * portable). Rendered at twice the size so the image stays sharp when printed.
 */
export function renderChartPng(option: Record<string, unknown>): Buffer {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE });
  try {
    chart.setOption(option);
    const svg = chart.renderToSVGString();
    const fallback = CHART_FONT.split(',')[0]!.trim().replace(/'/g, '');
    return new Resvg(svg, {
      font: { loadSystemFonts: true, defaultFontFamily: fallback },
      fitTo: { mode: 'zoom', value: 2 },
      background: '#ffffff',
    })
      .render()
      .asPng();
  } finally {
    chart.dispose();
  }
}
