import { parsePeriod } from './period.ts';

/**
 * A reporting period as people read it: 2025年6月 / Jun 2025, 2025年第2季度 / 2025 Q2, 2025年 / 2025;
 * anything else unchanged. The web app and the server's notices say it the same way.
 */
export function periodLabel(text: string, lang: 'zh' | 'en'): string {
  const p = parsePeriod(text);
  if (!p) return text;
  if (p.kind === 'month') {
    if (lang === 'zh') return `${p.year}年${p.month}月`;
    return new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(p.year, p.month - 1, 1)),
    );
  }
  if (p.kind === 'quarter') return lang === 'zh' ? `${p.year}年第${p.quarter}季度` : `${p.year} Q${p.quarter}`;
  return lang === 'zh' ? `${p.year}年` : String(p.year);
}
