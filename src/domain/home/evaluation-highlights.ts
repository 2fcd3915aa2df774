/**
 * 评价要点 on the leader's home: for each scheme, its latest published run, the units ranked first and
 * how many units fall in each grade. Units withheld from the reader (outside their scope) are not named.
 */

export interface HighlightRun {
  id: number;
  scheme: { code: string; name: string };
  year: number;
  publishedAt: string | null;
  grades: readonly { label: string }[];
  units: readonly { name: string; rank: number | null; grade: string | null; score: number | null; withheld?: boolean }[];
}

export interface EvaluationHighlight {
  run: number;
  scheme: { code: string; name: string };
  year: number;
  ranked: number;
  top: { name: string; rank: number; grade: string | null; score: number | null }[];
  grades: { label: string; count: number }[];
}

/** The newest published run of each scheme (by year, then publication), schemes in name order. */
export function latestPublished<R extends { scheme: string; year: number; status: string; publishedAt: string | null }>(
  runs: readonly R[],
): R[] {
  const best = new Map<string, R>();
  for (const r of runs) {
    if (r.status !== 'published') continue;
    const b = best.get(r.scheme);
    if (!b || r.year > b.year || (r.year === b.year && (r.publishedAt ?? '') > (b.publishedAt ?? ''))) best.set(r.scheme, r);
  }
  return [...best.values()].sort((a, b) => a.scheme.localeCompare(b.scheme));
}

export function evaluationHighlight(run: HighlightRun, top = 3): EvaluationHighlight {
  const ranked = run.units
    .filter((u): u is typeof u & { rank: number } => u.rank !== null && !u.withheld)
    .sort((a, b) => a.rank - b.rank);
  return {
    run: run.id,
    scheme: run.scheme,
    year: run.year,
    ranked: ranked.length,
    top: ranked.slice(0, top).map((u) => ({ name: u.name, rank: u.rank, grade: u.grade, score: u.score })),
    grades: run.grades.map((g) => ({ label: g.label, count: ranked.filter((u) => u.grade === g.label).length })),
  };
}
