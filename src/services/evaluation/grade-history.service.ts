import type { Database } from '../../db/database.ts';
import { notFound } from '../../errors/app-error.ts';
import { supervisionsOfUnit } from '../../repositories/evaluation.repository.ts';
import { findUnitByCode } from '../../repositories/org-unit-alias.repository.ts';
import { historyEntries, historyRuns, type RunGradeHistory } from '../../domain/evaluation/grade-history.ts';
import type { GradeHistory, RunView } from '../../presenters/evaluation.presenter.ts';
import type { Actor } from '../actor.ts';
import { getRun, visibleRunRows } from './run.service.ts';

/** A unit's grade history across published evaluation runs (issue 16 item 4). */

type GradeHistoryItem = GradeHistory['items'][number];

/**
 * A unit's grade in every published run that evaluated it, oldest year first within each scheme; each run
 * as the reader may see it (publication level). Draft runs are not history.
 */
export async function gradeHistory(database: Database, reader: Actor, unitCode: string): Promise<GradeHistory> {
  if (!(await findUnitByCode(database.db, unitCode))) throw notFound('org unit', unitCode);
  const tasks = new Map((await supervisionsOfUnit(database.db, unitCode)).map((s) => [s.run_id, s]));
  const items: GradeHistoryItem[] = [];
  for (const row of await visibleRunRows(database, reader, {})) {
    if (row.status !== 'published') continue;
    const run = await getRun(database, reader, row.id);
    const unit = run.units.find((u) => u.code === unitCode);
    if (!unit) continue;
    const task = tasks.get(row.id);
    items.push({
      runId: row.id,
      scheme: { code: run.scheme.code, name: run.scheme.name, nameEn: run.scheme.nameEn, version: run.scheme.version },
      year: run.year,
      publishedAt: run.publishedAt!,
      simulated: run.simulated,
      grade: unit.grade,
      gradeEn: run.grades.find((g) => g.label === unit.grade)?.labelEn ?? null,
      score: unit.score,
      rank: unit.rank,
      of: run.units.filter((u) => u.group === unit.group && u.rank !== null).length,
      status: unit.status,
      supervision: task && !unit.withheld ? { plan: task.plan_id, key: task.task_key } : null,
    });
  }
  items.sort((a, b) => a.scheme.code.localeCompare(b.scheme.code) || a.year - b.year || a.runId - b.runId);
  return { unit: unitCode, items };
}

/**
 * The grade history a run's .docx/.xlsx carry (issue 16): each unit's result in the published runs of the
 * same scheme in earlier years (the latest published per year), each read as the reader may see it, with
 * its 模拟 mark.
 */
export async function runGradeHistory(database: Database, reader: Actor, run: RunView): Promise<RunGradeHistory> {
  const rows = await visibleRunRows(database, reader, { scheme: run.scheme.code });
  const picked = historyRuns(
    rows.map((r) => ({ id: r.id, year: r.year, status: r.status, publishedAt: r.published_at?.toISOString() ?? null })),
    { id: run.id, year: run.year },
  );
  const history: RunGradeHistory = { runs: [], units: {} };
  for (const p of picked) {
    const earlier = await getRun(database, reader, p.id);
    history.runs.push({
      runId: earlier.id!,
      year: earlier.year,
      simulated: earlier.simulated,
      kind: earlier.cycle?.kind ?? null,
      publishedAt: earlier.publishedAt!,
      gradesEn: Object.fromEntries(earlier.grades.map((g) => [g.label, g.labelEn])),
    });
    for (const [code, entry] of Object.entries(historyEntries(earlier))) (history.units[code] ??= {})[earlier.id!] = entry;
  }
  return history;
}
