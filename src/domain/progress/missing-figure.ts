/**
 * What a target judged 数据不足 still lacks, and who owes it (issue 15): the sentence the coverage
 * list shows beside every target that is not judged on a usable figure.
 *
 * - No figure, or the latest is older than the freshness rule allows (docs/progress.md, rule 0: the
 *   year before the as-of year or later), or only the plan's baseline: the subject's figure of the
 *   year before the as-of year (or of the as-of year) is missing.
 * - A usable figure but no baseline (rule 4): neither the plan nor an approved figure gives the value of the
 *   baseline year (the target's stated one, else the year before the plan period), which the progress share is
 *   measured from: 缺基期值（2020年昆明市地区生产总值）.
 * The owers are the target's responsible units and the forms or sheet that collect the figure.
 */

import { baselineYearOf, missingBaselineText } from './baseline-source.ts';

export interface MissingFigureInput {
  class: string;
  dataYear: number | null;
  baselineYear: number | null;
  /** The baseline year the target states without a value (else the year before the plan starts is needed). */
  statedBaselineYear?: number | null;
  /** The as-of year. */
  atYear: number;
  periodStart: number;
  indicator: string;
  subject: string;
  responsible: readonly string[];
  /** Forms (or the plan-office sheet) that collect the figure; empty for a derived path. */
  forms: readonly string[];
  /** Inputs of a derived path (indicator codes). */
  inputs: readonly string[];
}

export function missingFigure(m: MissingFigureInput): { zh: string; en: string } | null {
  if (m.class !== 'insufficient_data') return null;
  const fresh = m.dataYear !== null && m.dataYear >= m.atYear - 1 && (m.baselineYear === null || m.dataYear > m.baselineYear);
  const who = m.responsible.length ? m.responsible.join('、') : '（未指定责任单位）';
  const whoEn = m.responsible.length ? m.responsible.join(', ') : '(no responsible unit)';
  const via = m.forms.length ? `，报表：${m.forms.join('；')}` : m.inputs.length ? `，由${m.inputs.join('、')}计算` : '';
  const viaEn = m.forms.length
    ? ` (form: ${m.forms.join('; ')})`
    : m.inputs.length
      ? ` (computed from ${m.inputs.join(', ')})`
      : '';
  if (fresh && m.baselineYear === null) {
    const y = baselineYearOf(m.statedBaselineYear, m.periodStart);
    const named = missingBaselineText(y, { zh: m.indicator, en: m.indicator }, m.subject);
    return {
      zh: `${named.zh}：规划未给出基期值，也没有${y}年审核数据可作基期；应由${who}提供${via}`,
      en: `${named.en.replace(/^b/, 'B')}: the plan gives none and no approved ${y} figure exists to serve as the baseline; owed by ${whoEn}${viaEn}`,
    };
  }
  if (fresh) return null;
  const y = m.atYear - 1;
  return {
    zh: `缺${m.subject}${y}年（或${m.atYear}年）${m.indicator}；应由${who}报送${via}`,
    en: `Missing: ${m.subject}'s ${m.indicator} for ${y} (or ${m.atYear}), owed by ${whoEn}${viaEn}`,
  };
}
