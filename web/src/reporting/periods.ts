import type { Lang } from '../i18n/messages.ts';
import type { Frequency } from '../api/reportingTypes.ts';

/*
 * Reporting periods as the API writes them: 2025 (year), 2025Q2 (quarter), 2025-06 (month).
 * Mirrors src/domain/period/period.ts and closedPeriods() of the server, for pickers only: the
 * server decides which periods are open.
 */

const PERIOD_RE = /^(\d{4})(?:Q([1-4])|-(0[1-9]|1[0-2]))?$/;

type Period = { year: number; quarter?: number; month?: number };

function parse(text: string): Period | null {
  const m = PERIOD_RE.exec(text.trim());
  if (!m) return null;
  return { year: Number(m[1]), quarter: m[2] ? Number(m[2]) : undefined, month: m[3] ? Number(m[3]) : undefined };
}

/** 2025年6月 / Jun 2025, 2025年第2季度 / 2025 Q2, 2025年 / 2025; anything else unchanged. */
export function periodLabel(text: string, lang: Lang): string {
  const p = parse(text);
  if (!p) return text;
  if (p.month !== undefined) {
    if (lang === 'zh') return `${p.year}年${p.month}月`;
    return new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(p.year, p.month - 1, 1)),
    );
  }
  if (p.quarter !== undefined) return lang === 'zh' ? `${p.year}年第${p.quarter}季度` : `${p.year} Q${p.quarter}`;
  return lang === 'zh' ? `${p.year}年` : String(p.year);
}

function format(kind: Frequency, year: number, index: number): string {
  if (kind === 'year') return String(year);
  if (kind === 'quarter') return `${year}Q${index}`;
  return `${year}-${String(index).padStart(2, '0')}`;
}

/** Last day (ISO) of a period. */
function periodEnd(kind: Frequency, year: number, index: number): string {
  const lastMonth = kind === 'year' ? 12 : kind === 'quarter' ? index * 3 : index;
  const day = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return `${year}-${String(lastMonth).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Periods of a form that are over on `today` (ISO), newest first, at most `limit`, none before
 * `firstPeriod`: the choices of a period picker.
 */
export function closedPeriods(kind: Frequency, firstPeriod: string, today: string, limit: number): string[] {
  const first = parse(firstPeriod);
  const perYear = kind === 'year' ? 1 : kind === 'quarter' ? 4 : 12;
  let year = Number(today.slice(0, 4));
  let index = kind === 'year' ? 1 : kind === 'quarter' ? Math.ceil(Number(today.slice(5, 7)) / 3) : Number(today.slice(5, 7));
  const firstYear = first?.year ?? 0;
  const firstIndex = first?.month ?? first?.quarter ?? 1;
  const out: string[] = [];
  while (out.length < limit && (year > firstYear || (year === firstYear && index >= firstIndex))) {
    if (periodEnd(kind, year, index) < today) out.push(format(kind, year, index));
    index -= 1;
    if (index < 1) {
      year -= 1;
      index = perYear;
    }
  }
  return out;
}

/** Today as an ISO date in the browser's time zone. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
