import type { ProgressJudgement } from './judge-progress.ts';
import { withDefaults, type ProgressThresholds } from './thresholds.ts';
import type { ProgressClass } from './types.ts';

export const PROGRESS_METHODS = ['official', 'unsd', 'opensdg', 'escap'] as const;
export type ProgressMethod = (typeof PROGRESS_METHODS)[number];

/** Each method's own verdict, for the side-by-side view: the official class, UNSD / Open SDG categories, ESCAP stars. */
export function methodVerdicts(j: ProgressJudgement) {
  return {
    official: j.class,
    unsd: j.methods.unsd?.category ?? null,
    opensdg: j.methods.opensdg?.category ?? null,
    escap: j.methods.escap?.stars ?? null,
  };
}

/**
 * The class of a target under the plan's chosen method, on the official scale (so summaries count
 * alike): a met target stays 提前实现 and no data stays 数据不足 under every method;
 * UNSD on track → 基本符合预期, otherwise 滞后; Open SDG substantial → 基本符合预期, moderate / limited /
 * deterioration → 滞后; ESCAP index ÷ time share against the official ahead / on-track ratios.
 */
export function classByMethod(
  j: ProgressJudgement,
  method: ProgressMethod,
  thresholds?: Partial<ProgressThresholds>,
): ProgressClass {
  if (method === 'official' || j.class === 'achieved_early' || j.class === 'insufficient_data') return j.class;
  const t = withDefaults(thresholds);
  if (method === 'unsd') {
    if (!j.methods.unsd) return 'insufficient_data';
    return j.methods.unsd.category === 'on_track' ? 'on_track' : 'behind';
  }
  if (method === 'opensdg') {
    const c = j.methods.opensdg?.category;
    if (!c) return 'insufficient_data';
    return c === 'achieved' ? 'achieved_early' : c === 'substantial_progress' ? 'on_track' : 'behind';
  }
  if (!j.methods.escap) return 'insufficient_data';
  const k = j.timeElapsedShare > 0 ? j.methods.escap.index / j.timeElapsedShare : 1;
  return k >= t.aheadRatio ? 'ahead' : k >= t.onTrackRatio ? 'on_track' : 'behind';
}
