import type { Lang } from '../i18n/messages.ts';
import { periodLabel as domainPeriodLabel } from '../../../src/domain/period/period-label.ts';
import { closedPeriods as formClosedPeriods } from '../../../src/domain/reporting/forms/form-periods.ts';
import type { Frequency } from '../../../src/domain/reporting/forms/form.schema.ts';

/*
 * Reporting periods as the API writes them: 2025 (year), 2025Q2 (quarter), 2025-06 (month).
 * Parsing and the open periods of a form are the domain's (src/domain/period, form-periods.ts), the
 * same code the server decides with; this file only adds how the browser shows them.
 */

/** 2025年6月 / Jun 2025, 2025年第2季度 / 2025 Q2, 2025年 / 2025 (the domain's wording, as the server's notices use). */
export function periodLabel(text: string, lang: Lang): string {
  return domainPeriodLabel(text, lang);
}

/**
 * Periods of a form that are over on `today` (ISO), newest first, at most `limit`: the choices of a
 * period picker. A form being edited (the rule bench) can hold a first period that does not match its
 * frequency yet; the domain refuses that, and a picker then offers nothing instead of failing the page.
 */
export function closedPeriods(kind: Frequency, firstPeriod: string, today: string, limit: number): string[] {
  try {
    return formClosedPeriods(kind, firstPeriod, today, limit);
  } catch (e) {
    if (e instanceof RangeError) return [];
    throw e;
  }
}

/** Today as an ISO date in the browser's time zone. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
