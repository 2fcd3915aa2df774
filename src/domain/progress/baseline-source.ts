import type { Origin } from './aggregate.ts';
import type { YearValue } from './types.ts';

/**
 * Where a target's baseline (基期值) comes from (issue 17 item 5). The plan's own figure wins. A plan that
 * gives none leaves the progress share unmeasurable (classify.ts rule 4); then an approved figure — reported
 * through a form and approved, or published by a statistics office — of the baseline year (the target's stated
 * baseline year, else the year before the plan starts) for the target's own subject serves as the baseline,
 * marked as such. Synthetic demo figures, the plan's other stated figures and part-year figures never serve.
 */
export type BaselineOrigin = 'plan' | 'reported' | 'published';

export interface BaselineSource {
  year: number;
  value: string;
  origin: BaselineOrigin;
}

export interface SeriesFigure extends YearValue {
  origin: Origin;
  partial?: boolean;
}

/** The year a baseline is needed for: the target's stated baseline year, else the year before the plan starts. */
export function baselineYearOf(statedYear: number | null | undefined, periodStart: number): number {
  return statedYear ?? periodStart - 1;
}

/** The baseline a target is judged from, or null when neither the plan nor an approved figure gives one. */
export function chooseBaseline(
  plan: { baseline?: YearValue | null; statedYear?: number | null; periodStart: number },
  series: readonly SeriesFigure[],
): BaselineSource | null {
  if (plan.baseline) return { ...plan.baseline, origin: 'plan' };
  const year = baselineYearOf(plan.statedYear, plan.periodStart);
  const f = series.find((p) => p.year === year && !p.partial && (p.origin === 'reported' || p.origin === 'published'));
  return f ? { year, value: f.value, origin: f.origin as 'reported' | 'published' } : null;
}

const ORIGIN_TEXT: Record<'reported' | 'published', { zh: string; en: string }> = {
  reported: { zh: '填报审核数据', en: 'an approved reported figure' },
  published: { zh: '公开发布数据', en: 'a published figure' },
};

/** "基期取自2020年审核数据（公开发布数据）": the words that mark a baseline the plan does not give. Null for the plan's own. */
export function baselineNote(b: BaselineSource | null): { zh: string; en: string } | null {
  if (!b || b.origin === 'plan') return null;
  const o = ORIGIN_TEXT[b.origin];
  return {
    zh: `规划未给出基期值，基期取自${b.year}年审核数据（${o.zh}）`,
    en: `the plan gives no baseline; the baseline is taken from the approved ${b.year} figure (${o.en})`,
  };
}

/** "缺基期值（2020年昆明市常住人口）": the figure a target without any baseline lacks. */
export function missingBaselineText(
  year: number,
  indicator: { zh: string; en: string },
  subject?: string,
): { zh: string; en: string } {
  return {
    zh: `缺基期值（${year}年${subject ?? ''}${indicator.zh}）`,
    en: `baseline missing (${subject ? `${subject}'s ` : ''}${indicator.en} of ${year})`,
  };
}
