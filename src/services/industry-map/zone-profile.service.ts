import type { Database } from '../../db/database.ts';
import type { ProgressMethod } from '../../domain/progress/method-class.ts';
import { notFound } from '../../errors/app-error.ts';
import type { ZoneProfile, ZoneTarget } from '../../presenters/industry-map.presenter.ts';
import { groupsOfOrgUnit } from '../../repositories/org-unit.repository.ts';
import { findProgressPlan, groupsWithMembers, progressTargets } from '../../repositories/progress.repository.ts';
import type { Actor } from '../actor.ts';
import { referenceDate } from '../progress/freshness.ts';
import { judgeTarget, subjectOf, targetCodes } from '../progress/judge-target.ts';
import { parseAsOf, ProgressContext, type Subject } from '../progress/progress-context.ts';
import { readScope } from '../read-scope.ts';
import { todayIso } from '../reporting/form-context.ts';
import { chainOut, industryOut } from './industry-map.service.ts';
import { mapReference } from './map-reference.ts';
import { mapZones } from './map-zones.ts';
import { zoneCounts, zoneEvaluations, zoneProjects, zoneTasks } from './zone-links.ts';

/** The last whole year before today: the default as-of period of a profile. */
export const defaultAsOf = (today: string = todayIso()): string => String(Number(today.slice(0, 4)) - 1);

/**
 * One zone's profile: its facts and chains, and every target that reaches it — set for the zone itself or
 * for a group it belongs to (国家级开发区, 全部开发区 …) — judged on the zone's own figures, with the
 * group's own judgement beside it. Outside the reader's scope the zone is reported as not found.
 */
export async function zoneProfile(database: Database, actor: Actor, code: string, q: { at?: string }): Promise<ZoneProfile> {
  const db = database.db;
  const ref = await mapReference();
  const scope = await readScope(db, actor);
  const { zones, rows } = await mapZones(db, ref, scope, await zoneCounts(database, actor, scope));
  const zone = zones.find((z) => z.code === code);
  const row = rows.get(code);
  if (!zone || !row) throw notFound('org unit', code);
  const asOf = parseAsOf(q.at ?? defaultAsOf());

  const targets = await progressTargets(db, { unitIds: [row.id] });
  const ctx = await ProgressContext.load(db);
  const groupIds = [...new Set(targets.map((t) => t.group_id).filter((g): g is number => g !== null))];
  const members = new Map((await groupsWithMembers(db, { ids: groupIds })).map((g) => [g.id, g.members]));
  const own: Subject = { kind: 'org_unit', code: row.code, name: row.name, roots: [row.id] };
  const groupSubjects = targets.map((t) => (t.group_id === null ? null : subjectOf(ctx, t, members)));
  const unitIds = ctx.subtree([row.id, ...groupSubjects.flatMap((s) => s?.roots ?? [])]);
  const codes = [...new Set(targets.flatMap((t) => targetCodes(ctx, t)))];
  // One load for every plan: figures do not depend on the plan, only the plan period does.
  await ctx.loadFigures(db, unitIds, codes, asOf);
  const refDate = referenceDate(asOf, todayIso());

  const plans = new Map<string, NonNullable<Awaited<ReturnType<typeof findProgressPlan>>>>();
  for (const id of new Set(targets.map((t) => t.plan_id))) {
    const p = await findProgressPlan(db, id);
    if (p) plans.set(id, p);
  }
  const out: ZoneTarget[] = [];
  targets.forEach((t, i) => {
    const plan = plans.get(t.plan_id);
    if (!plan) return;
    const period = { periodStart: plan.period_start, periodEnd: plan.period_end };
    const method = (plan.progress_method as ProgressMethod | null) ?? 'official';
    const progress = judgeTarget(ctx, t, own, period, asOf, method, refDate).progress;
    const g = groupSubjects[i];
    const group = g ? judgeTarget(ctx, t, g, period, asOf, method, refDate).progress : null;
    out.push({
      plan: { id: plan.id, title: plan.title },
      via: g ? { kind: 'group', code: g.code, name: g.name } : { kind: 'org_unit', code: row.code, name: row.name },
      progress,
      group: group ? { class: group.judgement.class, warning: group.warning.level, current: group.judgement.current } : null,
    });
  });

  const byClass: Record<string, number> = { achieved_early: 0, ahead: 0, on_track: 0, behind: 0, insufficient_data: 0 };
  const warnings = { red: 0, yellow: 0, green: 0 };
  for (const t of out) {
    byClass[t.progress.judgement.class] = (byClass[t.progress.judgement.class] ?? 0) + 1;
    warnings[t.progress.warning.level]++;
  }
  const chainInfo = ref.taxonomy.chains.filter((c) => zone.chains.includes(c.code));
  const industryInfo = ref.taxonomy.industries.filter((i) => zone.industries.includes(i.code));
  return {
    zone: {
      ...zone,
      areaKm2: row.area_km2,
      parent: row.parent_code,
      source: row.source_quote ? { plan: row.source_plan_id, section: row.source_section, quote: row.source_quote } : null,
      groups: await groupsOfOrgUnit(db, row.id),
    },
    // In the zone's own order, primary chain first.
    chains: zone.chains.map((c) => chainInfo.find((x) => x.code === c)!).map((c) => chainOut(ref, c)),
    industries: zone.industries.map((code) => industryInfo.find((x) => x.code === code)!).map((i) => industryOut(ref, i)),
    at: asOf.text,
    targets: out,
    summary: { total: out.length, byClass, warnings },
    projects: await zoneProjects(database, actor, zone.code, ref),
    tasks: await zoneTasks(database, actor, [
      { code: zone.code, name: zone.name },
      ...(zone.prefecture ? [zone.prefecture] : []),
    ]),
    evaluations: await zoneEvaluations(database, actor, zone.code),
  };
}
