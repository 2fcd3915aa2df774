/**
 * An evaluation cycle (issue 16): a full evaluation every `fullEvery` years from `firstFullYear`, a yearly
 * update in between — the parks plan's 土地集约利用评价 “五年一评价、一年一更新”. Pure: no I/O.
 *
 * How the engine uses it: an update run is computed on the scheme version its cycle's full evaluation used
 * (the published full run's frozen version: same indicators, weights, reference values and grade cut-offs),
 * so yearly updates stay comparable within the five years; only a full evaluation takes up a newer version.
 * Each run records its kind, the year of its full evaluation and that run (or that none was published).
 */

export interface EvaluationCycle {
  /** Years between full evaluations (5 for 五年一评价). */
  fullEvery: number;
  /** A year of a full evaluation; the cycle extends both ways from it. */
  firstFullYear: number;
}

export type RunKind = 'full' | 'update';

export interface CyclePosition {
  kind: RunKind;
  /** The year of the full evaluation this year belongs to (the year itself for a full evaluation). */
  fullYear: number;
}

/** Whether `year` is a full evaluation or a yearly update, and the year of its cycle's full evaluation. */
export function cyclePosition(cycle: EvaluationCycle, year: number): CyclePosition {
  const offset = (((year - cycle.firstFullYear) % cycle.fullEvery) + cycle.fullEvery) % cycle.fullEvery;
  return { kind: offset === 0 ? 'full' : 'update', fullYear: year - offset };
}

/** What a run records of its place in the cycle. */
export interface RunCycle extends CyclePosition {
  fullEvery: number;
  /** The published full evaluation an update rests on; null for a full run or when none was published. */
  fullRunId: number | null;
  /** The scheme version the run used (for an update with a full run: that run's version). */
  schemeVersion: number;
}

/**
 * Which scheme version a run of `year` uses: an update whose cycle has a published full evaluation takes
 * that evaluation's version; a full evaluation, an update without one, or an explicitly asked version
 * takes the version given.
 */
export function cycleVersion(
  position: CyclePosition,
  asked: { version: number; explicit: boolean },
  full: { runId: number; version: number } | null,
): { version: number; fullRunId: number | null } {
  if (position.kind === 'full' || asked.explicit || full === null) return { version: asked.version, fullRunId: null };
  return { version: full.version, fullRunId: full.runId };
}

/** The run kind in words (zh, en), e.g. 年度更新（基于2021年全面评价）. */
export function runKindText(c: RunCycle): { zh: string; en: string } {
  if (c.kind === 'full') return { zh: `全面评价（每${c.fullEvery}年一次）`, en: `full evaluation (every ${c.fullEvery} years)` };
  if (c.fullRunId === null)
    return {
      zh: `年度更新（未沿用${c.fullYear}年全面评价：该年全面评价尚未发布或另行指定了方案版本，按方案第${c.schemeVersion}版计算）`,
      en: `yearly update (not on the ${c.fullYear} full evaluation: none published or another version asked; scheme version ${c.schemeVersion})`,
    };
  return {
    zh: `年度更新（沿用${c.fullYear}年全面评价的方案第${c.schemeVersion}版）`,
    en: `yearly update (on scheme version ${c.schemeVersion} of the ${c.fullYear} full evaluation)`,
  };
}
