import { z } from 'zod';
import { boundedMemo } from '../memo/bounded-memo.ts';

/** A reporting period: a year (2024), a quarter (2024Q2) or a month (2024-06). */
export type Period =
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'month'; year: number; month: number };

// Years 1000–9999: a year 0000 has no date in PostgreSQL (or the proleptic calendar), and the
// year before year 1 neither; both once reached a query as a 500.
const PERIOD_RE = /^([1-9]\d{3})(?:Q([1-4])|-(0[1-9]|1[0-2]))?$/;

export function parsePeriod(text: string): Period | null {
  const m = PERIOD_RE.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return { kind: 'quarter', year, quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
  if (m[3]) return { kind: 'month', year, month: Number(m[3]) };
  return { kind: 'year', year };
}

export function formatPeriod(p: Period): string {
  if (p.kind === 'year') return String(p.year);
  if (p.kind === 'quarter') return `${p.year}Q${p.quarter}`;
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}

/** First and last day (ISO dates) covered by a period. */
export function periodBounds(p: Period): { start: string; end: string } {
  const firstMonth = p.kind === 'year' ? 1 : p.kind === 'quarter' ? (p.quarter - 1) * 3 + 1 : p.month;
  const lastMonth = p.kind === 'year' ? 12 : p.kind === 'quarter' ? p.quarter * 3 : p.month;
  const lastDay = new Date(Date.UTC(p.year, lastMonth, 0)).getUTCDate();
  const mm = (n: number) => String(n).padStart(2, '0');
  return { start: `${p.year}-${mm(firstMonth)}-01`, end: `${p.year}-${mm(lastMonth)}-${mm(lastDay)}` };
}

/**
 * A period label's period and bounds, parsed once (null when it is not a period): the yearly figures
 * of a large tree collapse the same sixty month labels hundreds of thousands of times. Frozen, shared.
 */
export const labelledPeriod = boundedMemo(4096, (label: string) => {
  const period = parsePeriod(label);
  return period ? Object.freeze({ period: Object.freeze(period), bounds: Object.freeze(periodBounds(period)) }) : null;
});

export const periodTextSchema = z
  .string()
  .refine((s) => parsePeriod(s) !== null, { message: 'period must look like 2024, 2024Q2 or 2024-06' });
