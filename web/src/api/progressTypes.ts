/*
 * Shapes of the progress-monitoring API (/api/v1/progress, src/presenters/progress.presenter.ts on the
 * server), as agreed in the issue-6 contract. Figures stay decimal strings; only the engine's ratios,
 * growth rates and projections (already approximate) travel as numbers.
 */

import type { Bilingual } from './reportingTypes.ts';

export type ProgressClass = 'achieved_early' | 'ahead' | 'on_track' | 'behind' | 'insufficient_data';
export type ProgressMethod = 'official' | 'unsd' | 'opensdg' | 'escap';
export type Origin = 'reported' | 'plan' | 'synthetic';
export type WarningLevel = 'red' | 'yellow' | 'green';
export type ComparisonGrouping = 'prefecture' | 'bloc' | 'zone_level' | 'mfz_type';

/** Fixed order of the classes in charts, tiles and legends. */
export const PROGRESS_CLASSES: readonly ProgressClass[] = ['achieved_early', 'ahead', 'on_track', 'behind', 'insufficient_data'];
export const PROGRESS_METHODS: readonly ProgressMethod[] = ['official', 'unsd', 'opensdg', 'escap'];
export const COMPARISON_GROUPINGS: readonly ComparisonGrouping[] = ['prefecture', 'bloc', 'zone_level', 'mfz_type'];

export interface IndicatorRef {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
}

export interface Judgement {
  dataYear: number | null;
  current: string | null;
  currentOrigin: Origin | null;
  achievementRatio: number | null;
  progressShare: number | null;
  timeElapsedShare: number;
  halfTimeHalfTask: 'pass' | 'fail' | 'na';
  requiredAnnualGrowth: number | null;
  observedAnnualGrowth: number | null;
  projection: { year: number; value: number; low: number; high: number; method: 'cagr' | 'trend' } | null;
  class: ProgressClass;
  classLabel: Bilingual;
  methods: { unsd: unknown; opensdg: unknown; escap: unknown };
  methodClass: { official: ProgressClass; unsd: string | null; opensdg: string | null; escap: number | null };
  explanation: Bilingual;
}

export interface Freshness {
  lastUpdated: string | null;
  lastPeriod: string | null;
  stale: boolean;
  owes: { orgUnit: string; orgUnitName: string; form: string; period: string; dueDate: string } | null;
}

export interface TargetProgress {
  key: string;
  ordinal: number;
  indicator: IndicatorRef;
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
  source: { plan: string; section: string | null; quote: string };
  judgement: Judgement;
  freshness: Freshness;
  warning: { level: WarningLevel; reasons: Bilingual[] };
}

export interface PlanProgress {
  plan: { id: string; title: string; periodStart: number; periodEnd: number };
  at: string;
  method: ProgressMethod;
  timeElapsedShare: number;
  summary: {
    total: number;
    byClass: Record<ProgressClass, number>;
    halfTimeFail: number;
    warnings: Record<WarningLevel, number>;
  };
  targets: TargetProgress[];
}

export interface TargetDetail extends TargetProgress {
  series: { period: string; value: string; origin: Origin }[];
  yearly: { year: number; value: string; origin: string }[];
  trajectory: { year: number; value: string }[];
  band: { year: number; value: number; low: number; high: number }[];
}

export interface Comparison {
  indicator: IndicatorRef;
  at: string;
  by: string;
  rows: { code: string; name: string; kind: string; value: string | null; origin: string | null; class: ProgressClass | null }[];
}

export interface MapData {
  indicator: IndicatorRef;
  at: string;
  prefectures: { code: string; name: string; mapName: string; value: string | null; class: ProgressClass | null }[];
  zones: {
    code: string;
    name: string;
    prefecture: string;
    lng: number | null;
    lat: number | null;
    value: string | null;
    class: ProgressClass | null;
  }[];
}
