import { Decimal } from 'decimal.js';
import type { Direction, Nature, ProgressClass, YearValue } from '../progress/types.ts';

export type WarningLevel = 'red' | 'yellow' | 'green';
export interface WarningReason {
  code: string;
  zh: string;
  en: string;
}

/** Configurable warning thresholds; the defaults are documented in docs/progress.md. */
export interface WarningThresholds {
  /** Red when a target is behind and its progress share trails the time share by more than this (0.2 = 20 points). */
  redShortfall: number;
  /** Yellow after this many consecutive declines (in the bad direction) of the yearly series. */
  consecutiveDeclines: number;
  /** Level of a target with too little data that nobody owes yet (data past due is red). */
  insufficientData: WarningLevel;
}

export const DEFAULT_WARNING_THRESHOLDS: Readonly<WarningThresholds> = Object.freeze({
  redShortfall: 0.2,
  consecutiveDeclines: 2,
  insufficientData: 'yellow',
});

export interface WarningInput {
  class: ProgressClass;
  nature: Nature;
  direction: Direction;
  progressShare: number | null;
  timeElapsedShare: number;
  halfTimeHalfTask: 'pass' | 'fail' | 'na';
  /** The yearly series judged (observations only, any order). */
  yearly: readonly YearValue[];
  /** No figure for the last closed period of the form that collects it, or the latest is over a year old. */
  stale: boolean;
  /** A figure is owed and its due date has passed. */
  overdue: boolean;
  /** The judgement rests on synthetic demo figures (origin synthetic): a raised warning says so. */
  synthetic?: boolean;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** Number of consecutive moves in the bad direction at the end of the series. */
export function trailingDeclines(yearly: readonly YearValue[], direction: Direction): number {
  if (direction === 'in_range') return 0;
  const s = [...yearly].sort((a, b) => a.year - b.year);
  let n = 0;
  for (let i = s.length - 1; i > 0; i--) {
    const cmp = new Decimal(s[i]!.value).comparedTo(s[i - 1]!.value);
    if ((direction === 'higher_better' && cmp < 0) || (direction === 'lower_better' && cmp > 0)) n++;
    else break;
  }
  return n;
}

/**
 * Red / yellow / green of one target, with every reason that applies (zh/en):
 * red    = behind on a binding target, or behind with progress share < time share − redShortfall, or data past due;
 * yellow = behind (expected target), the half-time test fails, consecutive declines, stale data, or too little data;
 * green  = otherwise.
 */
export function warningLevel(
  input: WarningInput,
  thresholds: Partial<WarningThresholds> = {},
): { level: WarningLevel; reasons: WarningReason[] } {
  const t = { ...DEFAULT_WARNING_THRESHOLDS, ...thresholds };
  const red: WarningReason[] = [];
  const yellow: WarningReason[] = [];
  const behind = input.class === 'behind';
  if (behind && input.nature === 'binding')
    red.push({ code: 'binding_behind', zh: '约束性指标进度滞后', en: 'binding target behind schedule' });
  if (behind && input.progressShare !== null && input.progressShare < input.timeElapsedShare - t.redShortfall)
    red.push({
      code: 'shortfall',
      zh: `完成进度${pct(input.progressShare)}，落后时序进度${pct(input.timeElapsedShare)}超过${Math.round(t.redShortfall * 100)}个百分点`,
      en: `progress ${pct(input.progressShare)} trails the elapsed time ${pct(input.timeElapsedShare)} by more than ${Math.round(t.redShortfall * 100)} points`,
    });
  if (input.overdue) red.push({ code: 'overdue', zh: '数据逾期未报', en: 'data past due' });
  if (behind && input.nature !== 'binding') yellow.push({ code: 'behind', zh: '进度滞后', en: 'behind schedule' });
  if (input.halfTimeHalfTask === 'fail')
    yellow.push({ code: 'half_time', zh: '时间过半、任务未过半', en: 'half the time gone, less than half the task done' });
  const declines = trailingDeclines(input.yearly, input.direction);
  if (declines >= t.consecutiveDeclines)
    yellow.push({ code: 'declines', zh: `连续${declines}年逆向变化`, en: `${declines} consecutive years moving the wrong way` });
  if (input.stale) yellow.push({ code: 'stale', zh: '数据未及时更新', en: 'data not up to date' });
  const reasons = [...red, ...yellow];
  if (input.class === 'insufficient_data' && !input.overdue) {
    const r = { code: 'insufficient_data', zh: '数据不足，无法判断进度', en: 'too little data to judge progress' };
    if (t.insufficientData === 'red') red.push(r);
    else if (t.insufficientData === 'yellow') yellow.push(r);
    reasons.push(r);
  }
  // A warning raised on demo figures is a demonstration, not a finding: it says so wherever it travels
  // (API, inbox and e-mail, the exports' 预警原因), without changing the level the rules give.
  if (input.synthetic && (red.length > 0 || yellow.length > 0))
    reasons.push({
      code: 'synthetic',
      zh: '依据模拟数据（演示用，非实际统计）',
      en: 'rests on synthetic demo figures, not real statistics',
    });
  return { level: red.length ? 'red' : yellow.length ? 'yellow' : 'green', reasons };
}
