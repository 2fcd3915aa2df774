/*
 * Types of the progress-monitoring API (/api/v1/progress), inferred from the server's schemas in
 * src/presenters/progress.presenter.ts: never written here a second time. Figures stay decimal strings;
 * only the engine's ratios, growth rates and projections (already approximate) travel as numbers.
 */
import type { PlanProgress, TargetDetail, TargetProgress } from '../../../src/presenters/progress.presenter.ts';
import type { COMPARISON_BY } from '../../../src/presenters/progress.presenter.ts';

export type {
  TargetProgress,
  PlanProgress,
  TargetDetail,
  Comparison,
  MapData,
} from '../../../src/presenters/progress.presenter.ts';
export type { ProgressMethod } from '../../../src/domain/progress/method-class.ts';
export { PROGRESS_METHODS } from '../../../src/domain/progress/method-class.ts';

export type ProgressClass = TargetProgress['judgement']['class'];
export type Judgement = TargetProgress['judgement'];
export type Freshness = TargetProgress['freshness'];
export type IndicatorRef = TargetProgress['indicator'];
export type WarningLevel = TargetProgress['warning']['level'];
export type Origin = TargetDetail['series'][number]['origin'];
export type ComparisonGrouping = (typeof COMPARISON_BY)[number];
export type ProgressSummary = PlanProgress['summary'];

/** Fixed order of the classes in charts, tiles and legends (every class of the server's schema). */
export const PROGRESS_CLASSES = [
  'achieved_early',
  'ahead',
  'on_track',
  'behind',
  'insufficient_data',
] as const satisfies readonly ProgressClass[];
export const COMPARISON_GROUPINGS = [
  'prefecture',
  'bloc',
  'zone_level',
  'mfz_type',
] as const satisfies readonly ComparisonGrouping[];
