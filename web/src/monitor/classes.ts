import type { Judgement, ProgressClass, ProgressMethod } from '../api/progressTypes.ts';

/** Fixed colours of the five classes, the same in every chart, badge and legend. */
export const CLASS_COLOURS: Record<ProgressClass, string> = {
  achieved_early: '#1b5e20',
  ahead: '#43a047',
  on_track: '#1e6fb8',
  behind: '#c62828',
  insufficient_data: '#9aa0a6',
};

/** Colour of a missing class (no figure at all). */
export const NO_CLASS_COLOUR = '#d9dde3';

/**
 * The coarse conclusion of one method — "on course" or "not on course" — so the four methods can be
 * compared although their scales differ. null = the method gives no verdict (no data).
 * - official: achieved early / ahead / on track are on course, behind is not;
 * - UNSD: only "on track" (projected ≥ 95 % of required progress);
 * - Open SDG: "achieved" and "substantial progress" (R ≥ 0.95);
 * - ESCAP: the share of the distance covered (index 0–1) keeps up with the time elapsed.
 */
export function onCourse(method: ProgressMethod, j: Judgement): boolean | null {
  switch (method) {
    case 'official':
      return j.class === 'insufficient_data' ? null : j.class !== 'behind';
    case 'unsd':
      return j.methodClass.unsd === null ? null : j.methodClass.unsd === 'on_track';
    case 'opensdg':
      return j.methodClass.opensdg === null
        ? null
        : j.methodClass.opensdg === 'achieved' || j.methodClass.opensdg === 'substantial_progress';
    case 'escap':
      return j.methodClass.escap === null ? null : j.methodClass.escap >= j.timeElapsedShare - 1e-9;
  }
}

/** Whether another method reaches a different conclusion from the official one. */
export function disagrees(method: ProgressMethod, j: Judgement): boolean {
  if (method === 'official') return false;
  const official = onCourse('official', j);
  const other = onCourse(method, j);
  return official !== null && other !== null && official !== other;
}
