/**
 * An indicator's precision and figures shown to it (issue 19, "decimals follow the indicator's
 * precision"): one helper for the homes, the monitoring pages, evaluation results and the exports.
 */

/** Figures are never shown with more decimals than this, whatever a plan wrote. */
export const MAX_DECIMALS = 4;

/** Decimals a figure was written with: "2675.78" → 2, "13.5" → 1, "120" → 0. */
export function writtenDecimals(value: string | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const m = /^[-+]?\d*\.(\d+)$/.exec(value.trim());
  return m ? Math.min(MAX_DECIMALS, m[1]!.length) : 0;
}

/** What the precision is read from: a target's indicator and the figures its plan wrote. */
export interface WrittenTarget {
  indicator: { code: string };
  baseline: { value: string } | null;
  target: { value: string | null; min: string | null; max: string | null };
}

/**
 * Each indicator's precision: the most decimals any plan writes its baseline or target with (a plan
 * states 地区生产总值 as 2675.78 亿元, 增速 as 7.5 %). Judged figures, often sums or quotients with
 * many decimals, are shown to that precision. An indicator no target writes a figure of (none, or
 * rates only) has no entry: its figures keep the precision they have.
 */
export function indicatorPrecision(targets: readonly WrittenTarget[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of targets) {
    // A target stating only a rate (年均增长7%) says nothing about how the indicator's figures are written.
    const figures = [t.baseline?.value, t.target.value, t.target.min, t.target.max].filter((v) => v !== null && v !== undefined);
    if (figures.length === 0) continue;
    out.set(t.indicator.code, Math.max(out.get(t.indicator.code) ?? 0, ...figures.map(writtenDecimals)));
  }
  return out;
}

const formats = new Map<string, Intl.NumberFormat>();

/**
 * A figure to a given number of decimals in the locale's number format, thousands grouped only from
 * five digits on as the statistics print them ("2675.784", 2, zh-CN → 2675.78; 120000 → 120,000).
 * Text that is not a number is returned unchanged; null and '' give ''.
 */
export function formatToPrecision(value: string | number | null | undefined, decimals: number, locale: 'zh-CN' | 'en'): string {
  if (value === null || value === undefined || value === '') return '';
  const n = Number(String(value).trim());
  if (!Number.isFinite(n)) return String(value);
  const digits = Math.max(0, Math.min(20, Math.trunc(decimals)));
  const key = `${locale}:${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: 'min2' });
    formats.set(key, f);
  }
  return f.format(n);
}
