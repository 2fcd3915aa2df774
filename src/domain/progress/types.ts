import type { Measure } from '../model/indicator.schema.ts';
import type { Comparator } from '../model/target.schema.ts';

export type Direction = 'higher_better' | 'lower_better' | 'in_range';
export type Nature = 'expected' | 'binding';
export interface YearValue {
  year: number;
  /** Decimal string in the indicator's unit. */
  value: string;
}

/** The facts of one target the engine needs (a projection of Target + Indicator + Plan). */
export interface TargetFacts {
  comparator: Comparator;
  direction: Direction;
  nature: Nature;
  baseline?: YearValue;
  /** Where the baseline comes from when the plan does not give it (baseline-source.ts); absent = the plan's own. */
  baselineOrigin?: 'plan' | 'reported' | 'published';
  /** The baseline year the target states without a value (the year a missing baseline is named for). */
  baselineYear?: number;
  /** The subject's name, for naming a missing baseline (缺基期值（2020年昆明市常住人口）). */
  subjectName?: string;
  target: { year: number; value?: string; min?: string; max?: string; rate?: string };
  trajectory?: YearValue[];
  periodStart: number;
  periodEnd: number;
  /** For the explanation: indicator name and unit. */
  name?: { zh: string; en: string };
  unit?: { zh: string; en: string };
  /** A share (占比) target on an amount with no denominator named: it cannot be measured. */
  shareWithoutDenominator?: boolean;
  /** A floor or ceiling that must hold in every year of the plan, not only at the end. */
  everyYear?: boolean;
  /** What the indicator's figures state: levels (default) or yearly change rates. */
  measure?: Measure;
}

export type ProgressClass = 'achieved_early' | 'ahead' | 'on_track' | 'behind' | 'insufficient_data';

export const CLASS_LABELS: Record<ProgressClass, { zh: string; en: string }> = {
  achieved_early: { zh: '提前实现', en: 'achieved early' },
  ahead: { zh: '快于预期', en: 'ahead of schedule' },
  on_track: { zh: '基本符合预期', en: 'on track' },
  behind: { zh: '滞后', en: 'behind' },
  insufficient_data: { zh: '数据不足', en: 'insufficient data' },
};

/** Order used by the monotonicity property: more progress never gives a lower rank. */
export const CLASS_RANK: Record<ProgressClass, number> = {
  insufficient_data: -1,
  behind: 0,
  on_track: 1,
  ahead: 2,
  achieved_early: 3,
};
