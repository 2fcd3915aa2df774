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
 * - ESCAP: the share of the distance covered (index 0–1) over the time elapsed reaches the default
 *   on-track ratio 0.9 (src/domain/progress/thresholds.ts; a plan may configure another, which only
 *   the server knows — the methods page therefore asks the server for each method's class).
 */
export function onCourse(method: ProgressMethod, j: Judgement): boolean | null {
  switch (method) {
    case 'official':
      return classOnCourse(j.class);
    case 'unsd':
      return j.methodClass.unsd === null ? null : j.methodClass.unsd === 'on_track';
    case 'opensdg':
      return j.methodClass.opensdg === null
        ? null
        : j.methodClass.opensdg === 'achieved' || j.methodClass.opensdg === 'substantial_progress';
    case 'escap': {
      const index = escapIndex(j);
      if (index === null) return null;
      return j.timeElapsedShare > 0 ? index / j.timeElapsedShare >= ESCAP_ON_TRACK_RATIO : true;
    }
  }
}

const ESCAP_ON_TRACK_RATIO = 0.9;

/** ESCAP's index (0–1) from the engine's output; the stars of methodClass (0–5) when it is missing. */
export function escapIndex(j: Judgement): number | null {
  const raw = j.methods.escap;
  if (typeof raw === 'object' && raw !== null && 'index' in raw && typeof raw.index === 'number') return raw.index;
  return j.methodClass.escap === null ? null : j.methodClass.escap / 5;
}

/** On course on the official scale: achieved early / ahead / on track; null = insufficient data. */
export function classOnCourse(cls: ProgressClass): boolean | null {
  return cls === 'insufficient_data' ? null : cls !== 'behind';
}

/** Whether another method reaches a different conclusion from the official one. */
export function disagrees(method: ProgressMethod, j: Judgement): boolean {
  if (method === 'official') return false;
  const official = onCourse('official', j);
  const other = onCourse(method, j);
  return official !== null && other !== null && official !== other;
}
