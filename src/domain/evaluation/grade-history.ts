/**
 * A unit's grades across years in a run's report (issue 16 items 4 and 5): which earlier runs of the same
 * scheme the report shows beside the run, and each unit's result in them. Pure: no I/O.
 */

export interface HistoryCandidate {
  id: number;
  year: number;
  status: string;
  /** ISO time; null for a draft. */
  publishedAt: string | null;
}

/**
 * The runs a report shows as history: published runs of earlier years than the current run (drafts are
 * not history, later years are not history of this one), one per year — the latest published that year
 * (a re-run published after an earlier one replaces it). Oldest year first.
 */
export function historyRuns<T extends HistoryCandidate>(
  candidates: readonly T[],
  current: { id: number | null; year: number },
): T[] {
  const byYear = new Map<number, T>();
  for (const c of candidates) {
    if (c.status !== 'published' || c.publishedAt === null || c.id === current.id || c.year >= current.year) continue;
    const held = byYear.get(c.year);
    if (!held || c.publishedAt > held.publishedAt! || (c.publishedAt === held.publishedAt && c.id > held.id))
      byYear.set(c.year, c);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** One unit's result in one run of the history (as the reader may see it). */
export interface HistoryEntry {
  grade: string | null;
  score: number | null;
  rank: number | null;
  /** Ranked units of the unit's comparison group in that run. */
  of: number;
  status: string;
  withheld: boolean;
}

/** One earlier run of the history: 模拟 when it rests on any synthetic figure. */
export interface HistoryRun {
  runId: number;
  year: number;
  simulated: boolean;
  publishedAt: string;
  /** Full evaluation or yearly update, for a scheme with an evaluation cycle (cycle.ts); null otherwise. */
  kind?: 'full' | 'update' | null;
  /** Grade labels in that run's scheme version, for the English name of a grade. */
  gradesEn: Record<string, string | null>;
}

/** The history a run's report carries: the earlier runs (oldest first) and, per unit code and run id, its result. */
export interface RunGradeHistory {
  runs: HistoryRun[];
  units: Record<string, Record<number, HistoryEntry>>;
}

interface RunUnits {
  units: readonly {
    code: string;
    group: string | null;
    grade: string | null;
    score: number | null;
    rank: number | null;
    status: string;
    withheld?: boolean;
  }[];
}

/** Each unit's entry in one run: its grade, score, rank and how many were ranked in its group. */
export function historyEntries(run: RunUnits): Record<string, HistoryEntry> {
  const ranked = new Map<string | null, number>();
  for (const u of run.units) if (u.rank !== null) ranked.set(u.group, (ranked.get(u.group) ?? 0) + 1);
  return Object.fromEntries(
    run.units.map((u) => [
      u.code,
      {
        grade: u.grade,
        score: u.score,
        rank: u.rank,
        of: ranked.get(u.group) ?? 0,
        status: u.status,
        withheld: u.withheld ?? false,
      },
    ]),
  );
}
