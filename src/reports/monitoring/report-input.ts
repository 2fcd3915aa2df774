/**
 * What the monitoring report reads: the parts of the progress API's PlanProgress and TargetDetail
 * (src/presenters/progress.presenter.ts) the brief prints, picked from those very types so the
 * two cannot drift; every figure in the brief comes from these objects, so it matches the API by
 * construction. Picks (not the whole types) keep the layout tests' fixtures small.
 */
import { CLASS_LABELS, type ProgressClass } from '../../domain/progress/types.ts';
import type { PlanProgress, PublishedFigureView, TargetDetail, TargetProgress } from '../../presenters/progress.presenter.ts';

export type { ProgressClass };
export type Origin = 'reported' | 'published' | 'plan' | 'synthetic';
export type WarningLevel = 'red' | 'yellow' | 'green';

type Judgement = TargetProgress['judgement'];

export type ReportTarget = Pick<
  TargetProgress,
  'key' | 'ordinal' | 'subject' | 'nature' | 'comparator' | 'baseline' | 'target' | 'freshness'
> & {
  indicator: Pick<TargetProgress['indicator'], 'code' | 'name' | 'unit'>;
  judgement: Pick<
    Judgement,
    | 'dataYear'
    | 'current'
    | 'currentOrigin'
    | 'achievementRatio'
    | 'progressShare'
    | 'halfTimeHalfTask'
    | 'requiredAnnualGrowth'
    | 'observedAnnualGrowth'
    | 'projection'
    | 'class'
    | 'classLabel'
    | 'explanation'
  >;
  warning: {
    level: TargetProgress['warning']['level'];
    reasons: Pick<TargetProgress['warning']['reasons'][number], 'zh' | 'en'>[];
  };
};

export type ReportProgress = Pick<PlanProgress, 'plan' | 'at' | 'method' | 'timeElapsedShare' | 'summary'> & {
  targets: readonly ReportTarget[];
  /**
   * Decimals of each indicator's figures (indicatorPrecision over every target the reader sees, as
   * the pages use); without it, over this plan's targets.
   */
  precision?: ReadonlyMap<string, number>;
};

/** A behind target's history for its chart (TargetDetail minus what TargetProgress already has). */
export type ReportTargetDetail = ReportTarget &
  Pick<TargetDetail, 'trajectory' | 'band'> & {
    series: readonly Pick<TargetDetail['series'][number], 'period' | 'value' | 'origin'>[];
    yearly: readonly Pick<TargetDetail['yearly'][number], 'year' | 'value' | 'origin'>[];
  };

export interface MonitoringReportInput {
  progress: ReportProgress;
  /** Details of the behind targets, by target key (only those are charted). */
  details: ReadonlyMap<string, ReportTargetDetail>;
  /** The published figures behind each target, with their citations (附：公开数据来源); none when left out. */
  published?: readonly { targetKey: string; figures: readonly PublishedFigureView[] }[];
  /** The responsible units' commentary on the targets for the report's period (issue 19); none when left out. */
  commentary?: readonly ReportCommentary[];
  /** 生成日期, ISO date (YYYY-MM-DD); passed in so the layout stays deterministic. */
  generatedOn: string;
}

/** Classes in the order the brief lists them (best first, no-data last). */
export const CLASS_ORDER: readonly ProgressClass[] = ['achieved_early', 'ahead', 'on_track', 'behind', 'insufficient_data'];

export const CLASS_ZH = (c: ProgressClass): string => CLASS_LABELS[c].zh;

/** One target's commentary for the period, as its responsible unit (owner) wrote it. */
export interface ReportCommentary {
  targetKey: string;
  owner: string | null;
  text: string;
}
