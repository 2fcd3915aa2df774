import type { Database } from '../../db/database.ts';
import { evaluationHighlight, latestPublished } from '../../domain/home/evaluation-highlights.ts';
import { homeAsOf, summarizeLeaderHome, type JudgedPlan } from '../../domain/home/leader-summary.ts';
import { targetScorecards } from '../../domain/home/target-scorecard.ts';
import type { YearValue } from '../../domain/home/trend.ts';
import type { LeaderHome } from '../../presenters/home.presenter.ts';
import type { TargetProgress } from '../../presenters/progress.presenter.ts';
import { listPlans } from '../../repositories/plan.repository.ts';
import type { Actor } from '../actor.ts';
import { cachedAnswer } from '../answers/answer-cache.ts';
import { getRun, listRuns } from '../evaluation/run.service.ts';
import { plansProgressWithYearly } from '../progress/plan-progress.service.ts';
import { readerPrecision } from '../progress/reader-precision.service.ts';
import { todayIso } from '../reporting/form-context.ts';

/** Plans a reader's grants reach (a grant without a plan list reaches every plan). */
export function grantedPlan(actor: Actor, planId: string, roles?: readonly string[]): boolean {
  return actor.grants.some(
    (g) => (roles === undefined || roles.includes(g.role)) && (g.scopePlans === null || g.scopePlans.includes(planId)),
  );
}

/** Evaluation schemes shown on the home at most (one published run each). */
const MAX_EVALUATIONS = 4;

/**
 * The leader's home: every plan with targets in the reader's scope, judged at its latest closed
 * period with the reader's own scope (as the overview does), summarised by the pure domain function,
 * and the latest published evaluation of each scheme.
 */
export function leaderHome(database: Database, actor: Actor): Promise<LeaderHome> {
  return cachedAnswer(database, 'home:leader', actor, () => leaderHomeAfresh(database, actor));
}

/** leaderHome judged now, without the cache. */
export async function leaderHomeAfresh(database: Database, actor: Actor): Promise<LeaderHome> {
  const { rows } = await listPlans(database.db, { limit: 1000, offset: 0 });
  const today = todayIso();
  const asked = rows
    .filter((p) => p.target_count > 0 && grantedPlan(actor, p.id))
    .map((p) => ({ plan: p.id, at: homeAsOf(p.period_start, p.period_end, today) }));
  // Every plan in one question: scope, catalogue and figures are read once, not once per plan.
  const judged: (JudgedPlan & { targets: (TargetProgress & { yearly: YearValue[] })[] })[] = [];
  for (const { progress, yearly } of await plansProgressWithYearly(database, actor, asked)) {
    if (progress.targets.length === 0) continue;
    judged.push({
      plan: { id: progress.plan.id, title: progress.plan.title },
      at: progress.at,
      targets: progress.targets.map((t) => ({ ...t, yearly: yearly.get(t.key) ?? [] })),
    });
  }
  const scorecards = targetScorecards(judged, await readerPrecision(database, actor));
  const runs = latestPublished((await listRuns(database, actor, {})).items).slice(0, MAX_EVALUATIONS);
  const evaluations = [];
  for (const r of runs) {
    const view = await getRun(database, actor, r.id);
    evaluations.push(
      evaluationHighlight({
        id: r.id,
        scheme: { code: view.scheme.code, name: view.scheme.name },
        year: view.year,
        publishedAt: view.publishedAt,
        grades: view.grades,
        units: view.units,
      }),
    );
  }
  return { ...summarizeLeaderHome(judged), scorecards, evaluations };
}
