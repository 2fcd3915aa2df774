import type { Decimal } from 'decimal.js';
import type { Measure } from '../model/indicator.schema.ts';
import { formatNumber } from './explain.ts';
import type { ProgressJudgement } from './judge-progress.ts';
import { plainJudgement } from './judgement-shell.ts';
import { averageChange } from './rate-series.ts';
import type { ProgressThresholds } from './thresholds.ts';
import type { TargetFacts, YearValue } from './types.ts';

/** The other indicator a relative growth target names (高于GDP增长, 与GDP增长基本同步), for the same subject. */
export interface ReferenceSeries {
  observed: readonly YearValue[];
  measure?: Measure;
  name?: { zh: string; en: string };
}

/**
 * Growth relative to another indicator, judged on both series: the average yearly change of each from the
 * baseline year (or the year before the plan starts) to the latest year both have, levels or rates alike.
 * exceeds_growth_of is met when the target's growth is above the reference's; growth_in_step_with when the two
 * differ by at most `inStepTolerance` percentage points. Met → 基本符合预期, not met → 滞后; a latest common
 * year older than the year before the as-of year → 数据不足, as for every other target.
 */
export function judgeRelativeGrowth(
  f: TargetFacts,
  observed: readonly YearValue[],
  reference: ReferenceSeries | undefined,
  asOfYear: number,
  timeElapsedShare: number,
  thresholds: ProgressThresholds,
): ProgressJudgement {
  const name = f.name ?? { zh: '指标', en: 'The indicator' };
  const refName = reference?.name ?? { zh: '参照指标', en: 'the reference indicator' };
  const from = f.baseline?.year ?? f.periodStart - 1;
  const own = [...(f.baseline && f.measure !== 'annual_change' ? [f.baseline] : []), ...observed];
  const ownYears = new Set(own.map((v) => v.year));
  const common = (reference?.observed ?? [])
    .map((v) => v.year)
    .filter((y) => ownYears.has(y) && y > from && y <= asOfYear)
    .sort((a, b) => b - a);
  const rule =
    f.comparator === 'exceeds_growth_of'
      ? { zh: `增速须高于${refName.zh}`, en: `must grow faster than ${refName.en}` }
      : {
          zh: `增速须与${refName.zh}基本同步（相差不超过${formatNumber(thresholds.inStepTolerance)}个百分点）`,
          en: `must grow in step with ${refName.en} (within ${formatNumber(thresholds.inStepTolerance)} percentage points)`,
        };
  let spanEnd: number | undefined;
  let a: Decimal | null = null;
  let b: Decimal | null = null;
  for (const y of common) {
    a = averageChange(own, f.measure ?? 'level', from, y);
    b = averageChange(reference!.observed, reference!.measure ?? 'level', from, y);
    if (a !== null && b !== null) {
      spanEnd = y;
      break;
    }
  }
  if (spanEnd === undefined || a === null || b === null || spanEnd < asOfYear - 1) {
    const why =
      spanEnd === undefined
        ? { zh: `${from}年以来两者没有可比的连续数据`, en: `no comparable figures of both since ${from}` }
        : {
            zh: `两者最新共同年份为${spanEnd}年，早于${asOfYear - 1}年`,
            en: `latest year with both: ${spanEnd}, older than ${asOfYear - 1}`,
          };
    return plainJudgement({
      dataYear: spanEnd ?? null,
      current: null,
      met: null,
      timeElapsedShare,
      class: 'insufficient_data',
      explanation: {
        zh: `${name.zh}${rule.zh}；${why.zh}，判定数据不足。`,
        en: `${name.en} ${rule.en}; ${why.en}: insufficient data.`,
      },
    });
  }
  const gap = a.minus(b);
  const met = f.comparator === 'exceeds_growth_of' ? gap.gt(0) : gap.abs().lte(thresholds.inStepTolerance);
  const pct = (d: Decimal) => `${formatNumber(d.toDecimalPlaces(1).toString())}%`;
  const span = spanEnd - from === 1 ? `${spanEnd}年` : `${from + 1}—${spanEnd}年`;
  const spanEn = spanEnd - from === 1 ? `${spanEnd}` : `${from + 1}–${spanEnd}`;
  const avg = spanEnd - from === 1 ? '' : '年均';
  return plainJudgement({
    dataYear: spanEnd,
    current: a.toDecimalPlaces(4).toString(),
    met,
    timeElapsedShare,
    class: met ? 'on_track' : 'behind',
    observedAnnualGrowth: a.div(100).toNumber(),
    explanation: {
      zh: `${name.zh}${rule.zh}：${span}${avg}增长${pct(a)}，${refName.zh}${avg}增长${pct(b)}，${met ? '基本符合预期' : '滞后'}。`,
      en: `${name.en} ${rule.en}: ${spanEn} ${pct(a)} a year against ${pct(b)}: ${met ? 'on track' : 'behind'}.`,
    },
  });
}
