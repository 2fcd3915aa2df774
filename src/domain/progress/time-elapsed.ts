/**
 * 时序进度: the share of the plan period that has elapsed at the end of the as-of year (or of the
 * as-of month within it). A 2021–2025 plan at the end of 2023 is 3 / 5 = 60 %.
 */
export function timeElapsedShare(periodStart: number, periodEnd: number, asOfYear: number, asOfMonth?: number): number {
  const total = periodEnd - periodStart + 1;
  if (total <= 0) return 1;
  const months = asOfMonth === undefined ? 12 : Math.min(Math.max(asOfMonth, 0), 12);
  const elapsed = asOfYear - periodStart + months / 12;
  return Math.min(Math.max(elapsed / total, 0), 1);
}

/** 时间过半、任务过半: once half the time has passed, at least half of the task must be done. */
export function halfTimeHalfTask(timeShare: number, progressShare: number | null): 'pass' | 'fail' | 'na' {
  if (progressShare === null || timeShare < 0.5) return 'na';
  return progressShare >= 0.5 ? 'pass' : 'fail';
}
