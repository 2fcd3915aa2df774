import { formatPeriod, parsePeriod, type Period } from '../../period/period.ts';
import { normaliseText } from '../../text/normalise.ts';

const CN_QUARTER: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * The period a title, sheet name or heading states inside other words: "2024年1-6月开发区主要经济指标"
 * → 2024-06, "2024年第二季度片区报表" → 2024Q2, "2024年6月" → 2024-06. A year alone ("2024年营业收入")
 * counts only when `yearAlone` is set: in a heading it more often names a comparison column than the
 * period of the figures, while in a title it is the period of a yearly form.
 */
export function findPeriodInText(text: string, opts: { yearAlone: boolean }): Period | null {
  const s = normaliseText(text).replace(/\s+/g, '');
  let m = /(\d{4})年(?:1[-—–~～至到])?(\d{1,2})月/.exec(s) ?? /(?<!\d)(\d{4})[-/.](\d{1,2})(?!\d)/.exec(s);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { kind: 'month', year: Number(m[1]), month } : null;
  }
  m = /(\d{4})年?第?([1-4一二三四])季度?/.exec(s) ?? /(\d{4})年?[Qq]([1-4])/.exec(s);
  if (m) return { kind: 'quarter', year: Number(m[1]), quarter: CN_QUARTER[m[2]!] as 1 | 2 | 3 | 4 };
  if (!opts.yearAlone) return null;
  m = /(?<!\d)((?:19|20)\d{2})年(?:度)?(?![上下前后]半年)/.exec(s);
  return m ? { kind: 'year', year: Number(m[1]) } : null;
}

/**
 * The form-frequency period a stated period means: "1-6月" on a quarterly form is Q2 and "1-12月"
 * on a yearly form is the year (both are cumulative to that month-end); null when it cannot be.
 */
export function periodForFrequency(p: Period, frequency: 'month' | 'quarter' | 'year'): string | null {
  if (p.kind === frequency) return formatPeriod(p);
  if (p.kind === 'month' && frequency === 'quarter' && p.month % 3 === 0)
    return formatPeriod({ kind: 'quarter', year: p.year, quarter: (p.month / 3) as 1 | 2 | 3 | 4 });
  if (p.kind === 'month' && frequency === 'year' && p.month === 12) return String(p.year);
  if (p.kind === 'quarter' && frequency === 'year' && p.quarter === 4) return String(p.year);
  return null;
}

/** findPeriodInText then periodForFrequency; a canonical period text or null. */
export function statedPeriodFor(text: string, frequency: 'month' | 'quarter' | 'year'): string | null {
  const p = findPeriodInText(text, { yearAlone: frequency === 'year' });
  const out = p ? periodForFrequency(p, frequency) : null;
  return out && parsePeriod(out) ? out : null;
}
