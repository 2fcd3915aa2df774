import { formatPeriod, parsePeriod, periodBounds } from '../../domain/period/period.ts';
import type { ProgressMethod } from '../../domain/progress/method-class.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors/app-error.ts';
import type { PlanProgress, PublishedFigureView, TargetDetail } from '../../presenters/progress.presenter.ts';

export interface PublishedByTarget {
  targetKey: string;
  figures: PublishedFigureView[];
}
import {
  findProgressPlan,
  findProgressPlans,
  groupsWithMembers,
  progressTargets,
  type ProgressTargetRow,
} from '../../repositories/progress.repository.ts';
import { publishedFiguresOf } from '../published-figures.service.ts';
import type { Executor } from '../../repositories/transaction.ts';
import type { Actor } from '../actor.ts';
import { readScope } from '../read-scope.ts';
import { todayIso } from '../reporting/form-context.ts';
import { referenceDate } from './freshness.ts';
import { band, judgeTarget, subjectOf, targetCodes } from './judge-target.ts';
import { parseAsOf, ProgressContext, type AsOf, type Subject } from './progress-context.ts';
import { countWarnings } from '../../domain/warnings/warning-tally.ts';
import { timeElapsedShare } from '../../domain/progress/time-elapsed.ts';

async function loadPlan(db: Executor, id: string) {
  const plan = await findProgressPlan(db, id);
  if (!plan) throw notFound('plan', id);
  return plan;
}

/** Everything one plan question needs: plan, targets in the reader's scope, catalogue and figures. */
async function prepare(db: Kysely<DB>, actor: Actor, q: { plan: string; at: string; target?: string }, quarters = false) {
  const plan = await loadPlan(db, q.plan);
  const asOf = parseAsOf(q.at);
  const targets = await progressTargets(db, { plan: q.plan, key: q.target, unitIds: await readScope(db, actor) });
  const ctx = await ProgressContext.load(db);
  const groupIds = [...new Set(targets.map((t) => t.group_id).filter((g): g is number => g !== null))];
  const members = new Map((await groupsWithMembers(db, { ids: groupIds })).map((g) => [g.id, g.members]));
  const subjects = targets.map((t) => subjectOf(ctx, t, members));
  const unitIds = ctx.subtree(subjects.flatMap((s) => s.roots));
  const codes = [...new Set(targets.flatMap((t) => targetCodes(ctx, t)))];
  const ref = referenceDate(asOf, todayIso());
  // Whole years come from the analytics table: each subject root's subtree figure (issue 22).
  await ctx.loadFigures(db, unitIds, codes, asOf, { quarters, roots: subjects.flatMap((s) => s.roots), ref });
  const period = { periodStart: plan.period_start, periodEnd: plan.period_end };
  return { plan, asOf, targets, ctx, subjects, period, ref };
}

/** Every target of a plan judged as of a period, with the summary by class and warning level. */
export async function planProgress(
  database: Database,
  actor: Actor,
  q: { plan: string; at: string; method?: ProgressMethod },
): Promise<PlanProgress> {
  return (await planProgressWithYearly(database, actor, q)).progress;
}

/** A plan's progress with each target's judged yearly series (complete years), by target key. */
export interface PlanProgressWithYearly {
  progress: PlanProgress;
  yearly: Map<string, { year: number; value: string }[]>;
}

type ProgressPlanRow = NonNullable<Awaited<ReturnType<typeof findProgressPlan>>>;

/** Judges a plan's targets on a context whose figures cover their subjects, and sums them up. */
function judgePlan(
  ctx: ProgressContext,
  plan: ProgressPlanRow,
  targets: readonly ProgressTargetRow[],
  subjects: readonly Subject[],
  asOf: AsOf,
  ref: string,
  requested: ProgressMethod | undefined,
): PlanProgressWithYearly {
  const period = { periodStart: plan.period_start, periodEnd: plan.period_end };
  const method = requested ?? (plan.progress_method as ProgressMethod | null) ?? 'official';
  const results = targets.map((t, i) => judgeTarget(ctx, t, subjects[i]!, period, asOf, method, ref));
  const judged = results.map((r) => r.progress);
  const yearly = new Map(
    results.map((r) => [r.progress.key, r.yearly.filter((y) => !y.partial).map((y) => ({ year: y.year, value: y.value }))]),
  );
  const byClass = { achieved_early: 0, ahead: 0, on_track: 0, behind: 0, insufficient_data: 0 };
  for (const t of judged) byClass[t.judgement.class]++;
  const progress: PlanProgress = {
    plan: { id: plan.id, title: plan.title, periodStart: plan.period_start, periodEnd: plan.period_end },
    at: asOf.text,
    method,
    timeElapsedShare: timeElapsedShare(plan.period_start, plan.period_end, asOf.year, asOf.month),
    summary: {
      total: judged.length,
      byClass,
      halfTimeFail: judged.filter((t) => t.judgement.halfTimeHalfTask === 'fail').length,
      warnings: countWarnings(judged),
    },
    targets: judged,
  };
  return { progress, yearly };
}

/** planProgress, plus each target's judged yearly series (the homes' trend arrows and sparklines), by key. */
export async function planProgressWithYearly(
  database: Database,
  actor: Actor,
  q: { plan: string; at: string; method?: ProgressMethod },
): Promise<PlanProgressWithYearly> {
  const { plan, asOf, targets, ctx, subjects, ref } = await prepare(database.db, actor, q);
  return judgePlan(ctx, plan, targets, subjects, asOf, ref, q.method);
}

/**
 * planProgressWithYearly for several plans in one question, as the homes ask it: the reader's scope,
 * the catalogue, the targets and the groups are read once, and the figures once per as-of period over
 * every plan's subjects together (a subject's figures read only its own units, so loading more units
 * changes no answer). Same results, in the order asked; a plan that does not exist is left out.
 */
export async function plansProgressWithYearly(
  database: Database,
  actor: Actor,
  qs: readonly { plan: string; at: string; method?: ProgressMethod }[],
): Promise<PlanProgressWithYearly[]> {
  const db = database.db;
  const ids = [...new Set(qs.map((q) => q.plan))];
  const plans = new Map((await findProgressPlans(db, ids)).map((p) => [p.id, p]));
  const scope = await readScope(db, actor);
  const targetsOf = new Map<string, ProgressTargetRow[]>();
  for (const t of await progressTargets(db, { plans: ids, unitIds: scope })) {
    const list = targetsOf.get(t.plan_id) ?? [];
    list.push(t);
    targetsOf.set(t.plan_id, list);
  }
  const catalogue = await ProgressContext.load(db);
  const all = [...targetsOf.values()].flat();
  const groupIds = [...new Set(all.map((t) => t.group_id).filter((g): g is number => g !== null))];
  const members = new Map((await groupsWithMembers(db, { ids: groupIds })).map((g) => [g.id, g.members]));
  const today = todayIso();
  const out = new Map<number, PlanProgressWithYearly>();
  const ats = [...new Set(qs.map((q) => q.at))];
  for (const [n, at] of ats.entries()) {
    const asOf = parseAsOf(at);
    const ctx = n === 0 ? catalogue : catalogue.withoutFigures();
    const asked = qs.map((q, i) => ({ q, i, plan: plans.get(q.plan) })).filter((x) => x.q.at === at && x.plan);
    const subjectsOf = asked.map(({ q }) => (targetsOf.get(q.plan) ?? []).map((t) => subjectOf(ctx, t, members)));
    const unitIds = ctx.subtree(subjectsOf.flat().flatMap((s) => s.roots));
    const codes = [...new Set(asked.flatMap(({ q }) => (targetsOf.get(q.plan) ?? []).flatMap((t) => targetCodes(ctx, t))))];
    const ref = referenceDate(asOf, today);
    const roots = subjectsOf.flat().flatMap((s) => s.roots);
    await ctx.loadFigures(db, unitIds, codes, asOf, { roots, ref });
    for (const [k, { q, i, plan }] of asked.entries())
      out.set(i, judgePlan(ctx, plan!, targetsOf.get(q.plan) ?? [], subjectsOf[k]!, asOf, ref, q.method));
  }
  return [...out.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
}

/** The published figures behind each target of a plan up to the as-of period, with their citations (for the exports). */
export async function planPublishedFigures(
  database: Database,
  actor: Actor,
  q: { plan: string; at: string },
): Promise<PublishedByTarget[]> {
  const { asOf, targets, ctx, subjects } = await prepare(database.db, actor, q);
  const out: PublishedByTarget[] = [];
  for (const [i, t] of targets.entries()) {
    const figures = await publishedFiguresOf(database.db, ctx.subtree(subjects[i]!.roots), targetCodes(ctx, t), asOf.until);
    if (figures.length > 0) out.push({ targetKey: t.key, figures });
  }
  return out;
}

/** One target in depth: its figures period by period, the yearly series judged, the plan's path, the projection band. */
export async function targetProgressDetail(
  database: Database,
  actor: Actor,
  q: { plan: string; target: string; at: string; method?: ProgressMethod },
): Promise<TargetDetail> {
  const { plan, asOf, targets, ctx, subjects, period, ref } = await prepare(database.db, actor, q, true);
  const t = targets[0];
  if (!t) throw notFound('target', `${q.plan}:${q.target}`);
  const method = q.method ?? (plan.progress_method as ProgressMethod | null) ?? 'official';
  const subject = subjects[0]!;
  const { progress, yearly } = judgeTarget(ctx, t, subject, period, asOf, method, ref);
  // The subject's own series period by period: quarters (and the years) rolled up over its units.
  const series: TargetDetail['series'] = [];
  for (let year = Math.min(t.baseline_year ?? period.periodStart, period.periodStart - 1); year <= asOf.year; year++) {
    for (let quarter = 1 as 1 | 2 | 3 | 4; quarter <= 4; quarter = (quarter + 1) as 1 | 2 | 3 | 4) {
      const p = { kind: 'quarter' as const, year, quarter };
      if (periodBounds(p).end > asOf.until) break;
      const f = ctx.figure(subject, t.indicator_code, p);
      if (f && !f.partial)
        series.push({
          period: formatPeriod(p),
          value: f.value,
          origin: f.origin,
          cumulative: isCumulative(ctx, subject, t.indicator_code),
        });
      if (quarter === 4) break;
    }
    const y = ctx.figure(subject, t.indicator_code, parsePeriod(String(year))!);
    if (y && !y.partial) series.push({ period: String(year), value: y.value, origin: y.origin, cumulative: false });
  }
  return {
    ...progress,
    series,
    yearly: yearly.map((y) => ({ year: y.year, value: y.value, origin: y.origin, partial: y.partial })),
    trajectory: t.trajectory,
    band: band(yearly, progress.baseline, t.target_year),
    publishedFigures: await publishedFiguresOf(database.db, ctx.subtree(subject.roots), targetCodes(ctx, t), asOf.until),
  };
}

function isCumulative(ctx: ProgressContext, subject: { roots: readonly number[] }, code: string): boolean {
  return ctx.subtree(subject.roots).some((id) => ctx.marksOf(id, code)?.cumulative === true);
}
