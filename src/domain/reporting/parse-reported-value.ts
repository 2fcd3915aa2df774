import { Decimal } from 'decimal.js';
import { normaliseText } from '../text/normalise.ts';

/**
 * What one cell of a reported statistical table says. Blank, zero and "not applicable" are distinct
 * outcomes: a blank cell is never read as 0.
 */
export type ReportedValue =
  | { kind: 'number'; value: string; unit: string | null }
  | { kind: 'zero'; value: '0'; unit: string | null }
  | { kind: 'blank' }
  | { kind: 'not_applicable'; marker: string }
  | { kind: 'error'; code: ReportedValueErrorCode; reason: string; reasonZh: string };

export type ReportedValueErrorCode = 'scientific_notation' | 'bad_thousands_separator' | 'not_a_number';

/** Units a cell may carry after its number, longest first so that 万元 wins over 元. */
export const CELL_UNITS = [
  '万美元',
  '亿美元',
  '万元',
  '亿元',
  '千元',
  '美元',
  '公顷',
  '万人',
  '元',
  '亩',
  '人',
  '%',
  '‰',
] as const;

/** Markers statistical files use for "not applicable / not reported" (after NFKC). */
const NOT_APPLICABLE = new Set(['—', '——', '-', '--', '–', '/', '无', '不适用', 'N/A', 'n/a', '…', '...', '×']);

const NUMBER_RE = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;

function fail(code: ReportedValueErrorCode, reason: string, reasonZh: string): ReportedValue {
  return { kind: 'error', code, reason, reasonZh };
}

function stripUnit(s: string): string | null {
  return CELL_UNITS.find((u) => s.endsWith(u) && s.length > u.length) ?? null;
}

export function parseReportedValue(cell: string | null | undefined): ReportedValue {
  if (cell === null || cell === undefined) return { kind: 'blank' };
  // NFKC folds full-width digits, 1，234 → 1,234, （ ）→ ( ), ideographic and no-break spaces → space.
  let s = normaliseText(cell)
    .replace(/[\u2212\uFE63]/g, '-')
    .replace(/\s+/g, '');
  if (s === '') return { kind: 'blank' };
  if (NOT_APPLICABLE.has(s)) return { kind: 'not_applicable', marker: s };
  let unit = stripUnit(s);
  s = s.slice(0, s.length - (unit?.length ?? 0));
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
    // "(5.2%)": the unit may sit inside the accounting parentheses.
    if (!unit) {
      unit = stripUnit(s);
      s = s.slice(0, s.length - (unit?.length ?? 0));
    }
  } else if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  if (/^\d+(?:\.\d+)?e[+-]?\d+$/i.test(s)) {
    return fail(
      'scientific_notation',
      `"${cell.trim()}" is in scientific notation; enter the full number`,
      `“${cell.trim()}”为科学计数法，请填写完整数字`,
    );
  }
  const m = NUMBER_RE.exec(s);
  if (!m) {
    if (/^[\d,]+(\.\d+)?$/.test(s)) {
      return fail(
        'bad_thousands_separator',
        `"${cell.trim()}" has misplaced thousands separators`,
        `“${cell.trim()}”的千分位分隔符位置不正确`,
      );
    }
    return fail('not_a_number', `"${cell.trim()}" is not a number`, `“${cell.trim()}”不是有效数字`);
  }
  const d = new Decimal((m[1] ?? '').replace(/,/g, '') + (m[2] ?? ''));
  if (d.isZero()) return { kind: 'zero', value: '0', unit };
  return { kind: 'number', value: (negative ? d.neg() : d).toFixed(), unit };
}
