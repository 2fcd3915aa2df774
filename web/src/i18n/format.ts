import { formatToPrecision } from '../../../src/domain/format/indicator-precision.ts';
import type { Lang } from './messages.ts';

export function localeOf(lang: Lang): 'zh-CN' | 'en' {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/** Replaces {name} placeholders. Unknown placeholders are left as written. */
export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, fractionDigits: number): Intl.NumberFormat {
  const key = `${lang}:${fractionDigits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(lang), {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
      // Group thousands only from five digits on: 2675.78 stays as written in plans, 120000 → 120,000.
      useGrouping: 'min2',
    });
    numberFormats.set(key, f);
  }
  return f;
}

/** Longer fractions than this were computed (亩均 = a quotient), not written by anyone. */
const WRITTEN_DIGITS = 6;

/**
 * Formats a decimal string for display, keeping the precision it was written with
 * ("2675.78" → 2675.78, "13.50" → 13.50). A computed quotient ("617.123635440671") is shown to two
 * decimals, or to four significant digits below 1. Text that is not a number is returned unchanged.
 */
export function formatDecimal(value: string | number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '';
  const text = String(value).trim();
  const n = Number(text);
  if (!Number.isFinite(n)) return text;
  const dot = text.indexOf('.');
  const written = dot >= 0 && !/e/i.test(text) ? text.length - dot - 1 : 0;
  const computed = Math.abs(n) >= 1 || n === 0 ? 2 : Math.min(20, 3 - Math.floor(Math.log10(Math.abs(n))));
  return numberFormat(lang, written > WRITTEN_DIGITS ? computed : written).format(n);
}

/**
 * Formats a decimal string to a fixed number of decimals (the indicator's precision), in the
 * language's number format: ("2675.784321", 2) → 2675.78; text that is not a number is returned unchanged.
 */
export function formatFixed(value: string | number | null | undefined, decimals: number, lang: Lang): string {
  return formatToPrecision(value, decimals, localeOf(lang));
}

/** Absolute value of a decimal string, for rates whose sign is put into words (累计降低 13.5%). */
export function absDecimal(value: string): string {
  return value.trim().replace(/^[-+]/, '');
}

export function isNegative(value: string): boolean {
  return value.trim().startsWith('-') && Number(value) !== 0;
}

export function formatCount(n: number, lang: Lang): string {
  return numberFormat(lang, 0).format(n);
}

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

/** Formats an ISO date (2022-07-04) as 2022年7月4日 / July 4, 2022; other text is returned unchanged. */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(localeOf(lang), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    dateFormats.set(lang, f);
  }
  return f.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>();

/** Formats an ISO instant in local time: 2025/07/04 09:05:12 (zh-CN) / 07/04/2025, 09:05:12 (en). */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  let f = dateTimeFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(localeOf(lang), {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(lang, f);
  }
  return f.format(d);
}
