import { Decimal } from 'decimal.js';
import type { Database } from '../../db/database.ts';
import { projectBoards } from '../../domain/projects/boards.ts';
import { STAGES } from '../../domain/projects/stages.ts';
import { industryChains, listProjects } from '../../repositories/project.repository.ts';
import type { Actor } from '../actor.ts';
import { readScope } from '../read-scope.ts';
import { todayIso } from '../reporting/form-context.ts';
import { presentProjects } from './project-view.ts';

export async function listChains(database: Database) {
  return (await industryChains(database.db)).map((c) => ({ code: c.code, name: c.name, nameEn: c.name_en }));
}

/** The boards (策划/包装/储备 and the later stages) with stalled flags, filtered by zone or prefecture and chain. */
export async function boards(database: Database, actor: Actor, q: { zone?: string; chain?: string }) {
  const db = database.db;
  const today = todayIso();
  const rows = await listProjects(db, { zoneIds: await readScope(db, actor) });
  // A zone filter also takes a prefecture: its zones' projects.
  const kept = q.zone ? rows.filter((r) => r.zone_code === q.zone || r.prefecture_code === q.zone) : rows;
  const projects = await presentProjects(db, kept, today);
  const columns = projectBoards(
    projects.map((p) => ({ ...p, zone: p.zone.code, chain: p.chain?.code ?? null, project: p })),
    { chain: q.chain },
  );
  return {
    asOf: today,
    columns: columns.map((c) => ({ ...c, projects: c.projects.map((p) => p.project) })),
    chains: await listChains(database),
    zones: [...new Map(rows.map((r) => [r.zone_code, r])).values()].map((r) => ({
      code: r.zone_code,
      name: r.zone_name,
      prefecture: r.prefecture_code ? { code: r.prefecture_code, name: r.prefecture_name ?? r.prefecture_code } : null,
    })),
  };
}

/** Projects per zone with their stages, for the map (产业地图 links a zone to its projects). */
export async function projectMap(database: Database, actor: Actor, q: { chain?: string }) {
  const db = database.db;
  const rows = await listProjects(db, { zoneIds: await readScope(db, actor), chain: q.chain });
  const projects = await presentProjects(db, rows, todayIso());
  const zones = new Map<string, { code: string; name: string; prefecture: string | null; list: typeof projects }>();
  for (const p of projects) {
    const z = zones.get(p.zone.code) ?? {
      code: p.zone.code,
      name: p.zone.name,
      prefecture: p.prefecture?.code ?? null,
      list: [],
    };
    z.list.push(p);
    zones.set(p.zone.code, z);
  }
  return {
    zones: [...zones.values()].map((z) => ({
      code: z.code,
      name: z.name,
      prefecture: z.prefecture,
      counts: Object.fromEntries(STAGES.map((s) => [s, z.list.filter((p) => p.stage === s).length])),
      stalled: z.list.filter((p) => p.stalled).length,
      totalInvestment: z.list.reduce((s, p) => s.plus(p.totalInvestment), new Decimal(0)).toFixed(),
      projects: z.list.map((p) => ({ id: p.id, name: p.name, stage: p.stage, stalled: p.stalled })),
    })),
  };
}
