import { formatToPrecision, indicatorPrecision } from '../../domain/format/indicator-precision.ts';
import { formatPercent } from '../../domain/progress/explain.ts';
import type { Origin, ReportProgress, ReportTarget } from './report-input.ts';

/** Shown where a figure is missing, in tables and sentences alike. */
export const NONE = '—';

/** A ratio as the API's explanations print it (0.419 → "41.9%"), or — when absent. */
export function percentText(ratio: number | null): string {
  return ratio === null || !Number.isFinite(ratio) ? NONE : formatPercent(ratio);
}

/**
 * A reported figure as the API returns it, shown to the indicator's precision when given (the
 * stored value stays exact in the .xlsx; issue 19), with
 * synthetic demo figures marked 模拟 so a reader never takes them for real statistics.
 */
export function figureText(value: string | null, origin: Origin | null, decimals?: number): string {
  if (value === null) return NONE;
  const shown = decimals === undefined ? value : formatToPrecision(value, decimals, 'zh-CN');
  return origin === 'synthetic' ? `${shown}（模拟）` : shown;
}

/** The plan's target in words; values carry the indicator's unit, rates and shares are percentages. */
function statedTarget(comparator: string, t: ReportTarget['target'], unit: string): string | null {
  switch (comparator) {
    case 'at_least':
      return t.value && `不低于${t.value}${unit}`;
    case 'at_most':
      return t.value && `不高于${t.value}${unit}`;
    case 'exactly':
      return t.value && `${t.value}${unit}`;
    case 'share':
      return t.value && `占比${t.value}%`;
    case 'range':
      return t.min && t.max && `${t.min}～${t.max}${unit}`;
    case 'annual_growth':
      return t.rate && `年均增长${t.rate}%`;
    case 'cumulative_change':
      return t.rate && (t.rate.startsWith('-') ? `累计降低${t.rate.slice(1)}%` : `累计增长${t.rate}%`);
    case 'increase_by':
      return t.value && `比基期提高${t.value}${unit}`;
    default:
      return null;
  }
}

/** The target as the plan states it, e.g. "2025年不低于1500亿元". */
export function targetText(t: ReportTarget): string {
  return `${t.target.year}年${statedTarget(t.comparator, t.target, t.indicator.unit) ?? t.target.text ?? t.target.value ?? NONE}`;
}

/** "2024Q2" → "2024年第二季度", "2024-06" → "2024年6月", "2024" → "2024年". */
export function periodZh(period: string): string {
  const q = /^(\d{4})Q([1-4])$/.exec(period);
  if (q) return `${q[1]}年第${'一二三四'[Number(q[2]) - 1]}季度`;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `${m[1]}年${Number(m[2])}月`;
  const h = /^(\d{4})H([12])$/.exec(period);
  if (h) return `${h[1]}年${h[2] === '1' ? '上' : '下'}半年`;
  return /^\d{4}$/.test(period) ? `${period}年` : period;
}

/** "2026-11-23" → "2026年11月23日". */
export function dateZh(iso: string): string {
  const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return d ? `${d[1]}年${Number(d[2])}月${Number(d[3])}日` : iso;
}

/** Chinese section numerals for 一、二、 and （一）（二）. */
export function chineseNumeral(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n]!;
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
}

/** Each indicator's decimals for the report: the precision given with the progress, else this plan's own. */
export function reportPrecision(p: ReportProgress): ReadonlyMap<string, number> {
  return p.precision ?? indicatorPrecision(p.targets);
}
