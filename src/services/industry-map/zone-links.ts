import type { Database } from '../../db/database.ts';
import type { ZoneEvaluation, ZoneProject, ZoneTask } from '../../presenters/industry-map.presenter.ts';
import { listProjects } from '../../repositories/project.repository.ts';
import { listTrackedTasks } from '../../repositories/task-supervision.repository.ts';
import { readablePlans } from '../../domain/access/authorize.ts';
import type { Actor } from '../actor.ts';
import { getRun, visibleRunRows } from '../evaluation/run.service.ts';
import { listProjectsFor } from '../projects/project.service.ts';
import type { ReadScope } from '../read-scope.ts';
import { listTrackedTasksFor } from '../tasks/task-query.service.ts';
import type { MapReference } from './map-reference.ts';

/**
 * What the map and the profile take from the parts of issue 8 built beside them: the project pipeline
 * (projects per zone, with stage), the task board (tasks a zone or its prefecture leads or supports) and
 * evaluation runs (a zone's latest score, rank and grade). Each is read through that part's own
 * services and scope rules.
 */

export interface ZoneCounts {
  /** Projects per zone code. */
  projects: ReadonlyMap<string, number> | null;
  /** Task ids per unit code (lead or co-unit); a zone counts the union of its own and its prefecture's. */
  tasks: ReadonlyMap<string, ReadonlySet<number>> | null;
}

export async function zoneCounts(database: Database, actor: Actor, scope: ReadScope): Promise<ZoneCounts> {
  const db = database.db;
  const projects = new Map<string, number>();
  for (const p of await listProjects(db, { zoneIds: scope })) projects.set(p.zone_code, (projects.get(p.zone_code) ?? 0) + 1);
  const tasks = new Map<string, Set<number>>();
  for (const t of await listTrackedTasks(db, { unitIds: scope, plans: readablePlans(actor.grants) }))
    for (const u of t.units) {
      const ids = tasks.get(u.code) ?? new Set<number>();
      ids.add(t.id);
      tasks.set(u.code, ids);
    }
  return { projects, tasks };
}

/** The zone's projects with their stage (scope-checked by the project service). */
export async function zoneProjects(database: Database, actor: Actor, zone: string, ref: MapReference): Promise<ZoneProject[]> {
  const { items } = await listProjectsFor(database, actor, { zone });
  const chainEn = new Map(ref.taxonomy.chains.map((c) => [c.code, c.nameEn]));
  return items.map((p) => ({
    id: p.id,
    name: p.name,
    stage: p.stage,
    chain: p.chain ? { code: p.chain.code, name: p.chain.name, nameEn: chainEn.get(p.chain.code) ?? p.chain.name } : null,
    totalInvestment: p.totalInvestment,
    stalled: p.stalled,
    synthetic: p.synthetic,
  }));
}

/** Tasks the zone, or its prefecture, leads or supports; the zone's own first. */
export async function zoneTasks(
  database: Database,
  actor: Actor,
  units: readonly { code: string; name: string }[],
): Promise<ZoneTask[]> {
  const out: ZoneTask[] = [];
  const seen = new Set<string>();
  for (const unit of units) {
    const { items } = await listTrackedTasksFor(database, actor, { orgUnit: unit.code, limit: 1000, offset: 0 });
    for (const t of items) {
      const key = `${t.planId}/${t.key}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        plan: t.planId,
        key: t.key,
        title: t.text,
        role: t.lead.some((u) => u.code === unit.code) ? 'lead' : 'co',
        unit,
        status: t.status,
        overdue: t.overdue,
        deadline: t.deadlineOn,
      });
    }
  }
  return out;
}

/**
 * The zone's latest result in each evaluation scheme: the newest published run (a draft only when the
 * scheme has none published and the reader may see its drafts), as that run states it to the reader.
 */
export async function zoneEvaluations(database: Database, actor: Actor, zone: string): Promise<ZoneEvaluation[]> {
  const rows = await visibleRunRows(database, actor, {});
  const best = new Map<string, (typeof rows)[number]>();
  const rankOf = (r: (typeof rows)[number]) => [r.status === 'published' ? 1 : 0, r.year, r.created_at.getTime(), r.id];
  for (const r of rows) {
    const cur = best.get(r.scheme_code);
    if (!cur) {
      best.set(r.scheme_code, r);
      continue;
    }
    const a = rankOf(r);
    const b = rankOf(cur);
    const i = a.findIndex((v, k) => v !== b[k]);
    if (i >= 0 && a[i]! > b[i]!) best.set(r.scheme_code, r);
  }
  const out: ZoneEvaluation[] = [];
  for (const r of best.values()) {
    const run = await getRun(database, actor, r.id);
    const unit = run.units.find((u) => u.code === zone);
    if (!unit) continue;
    out.push({
      runId: r.id,
      scheme: { code: run.scheme.code, name: run.scheme.name, nameEn: run.scheme.nameEn },
      year: run.year,
      status: run.status,
      score: unit.score,
      rank: unit.rank,
      grade: unit.grade,
      units: run.units.filter((u) => u.rank !== null).length,
    });
  }
  return out.sort((a, b) => b.year - a.year || a.scheme.code.localeCompare(b.scheme.code));
}
