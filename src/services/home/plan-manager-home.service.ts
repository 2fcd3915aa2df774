import type { Database } from '../../db/database.ts';
import { classCounts, homeAsOf } from '../../domain/home/leader-summary.ts';
import { targetScorecards } from '../../domain/home/target-scorecard.ts';
import { countWarnings } from '../../domain/warnings/warning-tally.ts';
import type { PlanManagerHome } from '../../presenters/home.presenter.ts';
import { listPlans } from '../../repositories/plan.repository.ts';
import type { Actor } from '../actor.ts';
import { cachedAnswer } from '../answers/answer-cache.ts';
import { coverageAndProgress } from '../progress/coverage.service.ts';
import { plansProgressWithYearly } from '../progress/plan-progress.service.ts';
import { readerPrecision } from '../progress/reader-precision.service.ts';
import { todayIso } from '../reporting/form-context.ts';
import { grantedPlan } from './leader-home.service.ts';

/**
 * The plan manager's home: the plans they manage (an administrator: every plan), each with how many
 * targets have a data path, how many have a figure, how many are stale and the warning tally, judged
 * at the period the overview opens on.
 */
export function planManagerHome(database: Database, actor: Actor): Promise<PlanManagerHome> {
  return cachedAnswer(database, 'home:planner', actor, () => planManagerHomeAfresh(database, actor));
}

/** planManagerHome judged now, without the cache. */
export async function planManagerHomeAfresh(database: Database, actor: Actor): Promise<PlanManagerHome> {
  const { rows } = await listPlans(database.db, { limit: 1000, offset: 0 });
  const today = todayIso();
  const plans: PlanManagerHome['plans'] = [];
  const managed = rows.filter((p) => grantedPlan(actor, p.id, ['admin', 'plan_manager']));
  // The scorecards: every managed plan with targets judged in one question, with yearly figures for the trend.
  const batch = await plansProgressWithYearly(
    database,
    actor,
    managed.filter((p) => p.target_count > 0).map((p) => ({ plan: p.id, at: homeAsOf(p.period_start, p.period_end, today) })),
  );
  // Each plan judged once: the coverage below reuses the batch's progress.
  const progressOf = new Map(batch.map(({ progress }) => [progress.plan.id, progress]));
  const judged = batch
    .filter(({ progress }) => progress.targets.length > 0)
    .map(({ progress, yearly }) => ({
      plan: { id: progress.plan.id, title: progress.plan.title },
      at: progress.at,
      targets: progress.targets.map((t) => ({ ...t, yearly: yearly.get(t.key) ?? [] })),
    }));
  for (const p of managed) {
    const at = homeAsOf(p.period_start, p.period_end, today);
    const base = { plan: { id: p.id, title: p.title }, periodStart: p.period_start, periodEnd: p.period_end, at };
    if (p.target_count === 0) {
      plans.push({
        ...base,
        targets: 0,
        tasks: p.task_count,
        withPath: 0,
        withoutPath: 0,
        withFigure: 0,
        stale: 0,
        byClass: classCounts([]),
        warnings: countWarnings([]),
      });
      continue;
    }
    const { coverage, progress } = await coverageAndProgress(database, actor, { plan: p.id, at }, progressOf.get(p.id));
    plans.push({
      ...base,
      at: coverage.at,
      targets: coverage.summary.total,
      tasks: p.task_count,
      withPath: coverage.summary.withPath,
      withoutPath: coverage.summary.total - coverage.summary.withPath,
      withFigure: coverage.summary.withFigure,
      stale: progress.targets.filter((t) => t.freshness.stale).length,
      byClass: classCounts(progress.targets),
      warnings: progress.summary.warnings,
    });
  }
  return { plans, scorecards: targetScorecards(judged, await readerPrecision(database, actor)) };
}
