/**
 * What the monitoring report reads: the parts of the progress service's PlanProgress and
 * TargetDetail (src/services/progress/, issue-6 contract) the brief prints. Declared here
 * structurally so the layout code stays pure and the service's real output is assignable to it;
 * every figure in the brief comes from these objects, so it matches the progress API by construction.
 */
import { CLASS_LABELS, type ProgressClass } from '../../domain/progress/types.ts';

export type { ProgressClass };
export type Origin = 'reported' | 'plan' | 'synthetic';
export type WarningLevel = 'red' | 'yellow' | 'green';

export interface ReportTarget {
  key: string;
  ordinal: number;
  indicator: { code: string; name: string; unit: string };
  subject: { kind: 'org_unit' | 'group'; code: string; name: string };
  nature: 'expected' | 'binding';
  comparator: string;
  baseline: { year: number; value: string } | null;
  target: {
    year: number;
    value: string | null;
    min: string | null;
    max: string | null;
    rate: string | null;
    text: string | null;
  };
  judgement: {
    dataYear: number | null;
    current: string | null;
    currentOrigin: Origin | null;
    achievementRatio: number | null;
    progressShare: number | null;
    halfTimeHalfTask: 'pass' | 'fail' | 'na';
    requiredAnnualGrowth: number | null;
    observedAnnualGrowth: number | null;
    projection: { year: number; value: number; low: number; high: number; method: 'cagr' | 'trend' } | null;
    class: ProgressClass;
    classLabel: { zh: string; en: string };
    explanation: { zh: string; en: string };
  };
  freshness: {
    lastUpdated: string | null;
    lastPeriod: string | null;
    stale: boolean;
    owes: { orgUnit: string; orgUnitName: string; form: string; period: string; dueDate: string } | null;
  };
  warning: { level: WarningLevel; reasons: { zh: string; en: string }[] };
}

export interface ReportProgress {
  plan: { id: string; title: string; periodStart: number; periodEnd: number };
  at: string;
  method: string;
  timeElapsedShare: number;
  summary: {
    total: number;
    byClass: Record<ProgressClass, number>;
    halfTimeFail: number;
    warnings: Record<WarningLevel, number>;
  };
  targets: readonly ReportTarget[];
}

/** A behind target's history for its chart (TargetDetail minus what TargetProgress already has). */
export interface ReportTargetDetail extends ReportTarget {
  series: readonly { period: string; value: string; origin: Origin }[];
  yearly: readonly { year: number; value: string; origin: string }[];
  trajectory: readonly { year: number; value: string }[];
  band: readonly { year: number; value: number; low: number; high: number }[];
}

export interface MonitoringReportInput {
  progress: ReportProgress;
  /** Details of the behind targets, by target key (only those are charted). */
  details: ReadonlyMap<string, ReportTargetDetail>;
  /** 生成日期, ISO date (YYYY-MM-DD); passed in so the layout stays deterministic. */
  generatedOn: string;
}

/** Classes in the order the brief lists them (best first, no-data last). */
export const CLASS_ORDER: readonly ProgressClass[] = ['achieved_early', 'ahead', 'on_track', 'behind', 'insufficient_data'];

export const CLASS_ZH = (c: ProgressClass): string => CLASS_LABELS[c].zh;
