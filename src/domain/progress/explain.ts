import { CLASS_LABELS, type ProgressClass } from './types.ts';

export interface ExplainInput {
  dataYear: number;
  targetYear: number;
  name: { zh: string; en: string };
  unit: { zh: string; en: string };
  current: string;
  met: boolean | null;
  completionRatio: number | null;
  timeShare: number;
  requiredAnnualGrowth: number | null;
  observedAnnualGrowth: number | null;
  growthSinceYear: number | null;
  cls: ProgressClass;
  /** When later than dataYear, the sentence says that year's value is not yet available. */
  asOfYear?: number;
  /** 规划未给出基期值，基期取自…年审核数据: the baseline is an approved figure, not the plan's (baseline-source.ts). */
  baselineNote?: { zh: string; en: string } | null;
  /** 缺基期值（…年…）: said when no baseline leaves the progress share unmeasured. */
  missingBaseline?: { zh: string; en: string } | null;
}

export function formatNumber(value: string | number): string {
  const n = Number(value);
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** 0.419 → "41.9%", 0.6 → "60%". */
export function formatPercent(ratio: number): string {
  const v = Math.round(ratio * 1000) / 10;
  return `${Number.isInteger(v) ? v.toFixed(0) : v.toFixed(1)}%`;
}

/** One sentence in Chinese and in English, built only from the computed numbers. */
export function explain(i: ExplainInput): { zh: string; en: string } {
  const zh: string[] = [`${i.dataYear}年${i.name.zh}${formatNumber(i.current)}${i.unit.zh}`];
  const en: string[] = [`${i.name.en} was ${formatNumber(i.current)}${i.unit.en ? ' ' + i.unit.en : ''} in ${i.dataYear}`];
  if (i.met) {
    zh.push(`已达到${i.targetYear}年目标`);
    en.push(`meeting the ${i.targetYear} target`);
  } else if (i.completionRatio !== null) {
    zh.push(`完成${i.targetYear}年目标的${formatPercent(i.completionRatio)}`);
    en.push(`${formatPercent(i.completionRatio)} of the ${i.targetYear} target`);
  }
  zh.push(`时序进度${formatPercent(i.timeShare)}`);
  en.push(`with ${formatPercent(i.timeShare)} of the plan period elapsed`);
  if (!i.met && i.requiredAnnualGrowth !== null) {
    const g = i.requiredAnnualGrowth;
    zh.push(`需年均${g < 0 ? '下降' : '增长'}${formatPercent(Math.abs(g))}`);
    en.push(`it needs ${formatPercent(Math.abs(g))} a year ${g < 0 ? 'decrease' : 'growth'}`);
  }
  if (i.observedAnnualGrowth !== null && i.growthSinceYear !== null) {
    const g = i.observedAnnualGrowth;
    zh.push(`${i.growthSinceYear}年以来年均${g < 0 ? '下降' : '增长'}${formatPercent(Math.abs(g))}`);
    en.push(`against ${formatPercent(Math.abs(g))} a year ${g < 0 ? 'decrease' : 'growth'} since ${i.growthSinceYear}`);
  }
  if (i.asOfYear !== undefined && i.asOfYear > i.dataYear) {
    zh.push(`${i.asOfYear}年数据暂缺`);
    en.push(`no value yet for ${i.asOfYear}`);
  }
  if (i.baselineNote) {
    zh.push(i.baselineNote.zh);
    en.push(i.baselineNote.en);
  }
  if (i.missingBaseline) {
    zh.push(`${i.missingBaseline.zh}，无法计算进度`);
    en.push(`${i.missingBaseline.en}, so progress cannot be measured`);
  }
  const label = CLASS_LABELS[i.cls];
  zh.push(`判定${label.zh}`);
  return { zh: zh.join('，') + '。', en: `${en.join(', ')}: ${label.en}.` };
}
