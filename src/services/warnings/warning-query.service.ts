import type { Database } from '../../db/database.ts';
import { notFound } from '../../errors/app-error.ts';
import { findOrgUnit, subtreeUnitIds } from '../../repositories/org-unit.repository.ts';
import { listEpisodes } from '../../repositories/warning.repository.ts';
import type { Actor } from '../actor.ts';
import { readScope } from '../read-scope.ts';
import { latestClosedMonth } from './warning-monitor.service.ts';
import { planProgressSource, type ProgressSource } from './progress-source.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/**
 * Warning episodes grouped by responsible unit, within the reader's scope (group targets, which
 * no single unit answers for, only for readers of the whole tree). orgUnit narrows to a subtree.
 */
export async function listWarnings(database: Database, actor: Actor, q: { plan?: string; open?: boolean; orgUnit?: string }) {
  const db = database.db;
  let unitIds = await readScope(db, actor);
  if (q.orgUnit !== undefined) {
    if (!(await findOrgUnit(db, q.orgUnit))) throw notFound('org unit', q.orgUnit);
    const sub = await subtreeUnitIds(db, [q.orgUnit]);
    unitIds = unitIds === null ? sub : sub.filter((id) => unitIds!.includes(id));
  }
  const rows = await listEpisodes(db, { plan: q.plan, openOnly: q.open ?? false, unitIds });
  const groups = new Map<
    string,
    { orgUnit: { code: string; name: string } | null; red: number; yellow: number; episodes: unknown[] }
  >();
  const episodes = rows.map((r) => ({
    id: r.id,
    plan: r.plan_id,
    target: r.target_key,
    indicator: r.indicator_code ? { code: r.indicator_code, name: r.indicator_name!, nameEn: r.indicator_name_en! } : null,
    level: r.level,
    peakLevel: r.peak_level,
    reasons: r.reasons,
    open: r.ended_at === null,
    startedAt: iso(r.started_at)!,
    startedPeriod: r.started_period,
    endedAt: iso(r.ended_at),
    endedPeriod: r.ended_period,
    endReason: r.end_reason,
    orgUnit: r.org_unit_code ? { code: r.org_unit_code, name: r.org_unit_name! } : null,
  }));
  for (const e of episodes) {
    const key = e.orgUnit?.code ?? '';
    const g = groups.get(key) ?? { orgUnit: e.orgUnit, red: 0, yellow: 0, episodes: [] };
    if (e.open) g[e.level] += 1;
    g.episodes.push(e);
    groups.set(key, g);
  }
  const units = [...groups.values()].map((g) => ({ ...g, episodes: g.episodes as typeof episodes }));
  return {
    summary: {
      open: episodes.filter((e) => e.open).length,
      red: episodes.filter((e) => e.open && e.level === 'red').length,
      yellow: episodes.filter((e) => e.open && e.level === 'yellow').length,
      units: units.length,
    },
    units,
  };
}

/**
 * Targets whose data is stale, with when they were last updated and who owes the next figure, as
 * the progress service reports them (read with the reader's own scope).
 */
export async function staleTargets(
  database: Database,
  actor: Actor,
  q: { plan: string; at?: string },
  progress: ProgressSource = planProgressSource,
) {
  const at = q.at ?? latestClosedMonth(new Date().toISOString().slice(0, 10));
  const p = await progress(database, actor, { plan: q.plan, at });
  const targets = p.targets
    .filter((t) => t.freshness.stale)
    .map((t) => ({ key: t.key, indicator: t.indicator, subject: t.subject, freshness: t.freshness, warning: t.warning }));
  return { plan: { id: p.plan.id, title: p.plan.title }, at: p.at, total: p.targets.length, stale: targets.length, targets };
}
