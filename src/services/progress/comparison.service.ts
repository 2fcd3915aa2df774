import type { Kysely } from 'kysely';
import type { ProgressMethod } from '../../domain/progress/method-class.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors/app-error.ts';
import type { Comparison, MapData } from '../../presenters/progress.presenter.ts';
import { findProgressPlan, groupsWithMembers, progressTargets } from '../../repositories/progress.repository.ts';
import type { Actor } from '../actor.ts';
import { readScope } from '../read-scope.ts';
import { todayIso } from '../reporting/form-context.ts';
import { referenceDate } from './freshness.ts';
import { judgeTarget, subjectOf, targetCodes } from './judge-target.ts';
import { parseAsOf, ProgressContext, type AsOf, type FigureSource, type Subject } from './progress-context.ts';

/** Group kinds behind each comparison: 板块, zone level (国家级/省级), 主体功能区 type. */
const GROUP_KINDS = { bloc: ['bloc'], zone_level: ['zone_level'], mfz_type: ['main_function_area'] } as const;

type Row = { subject: Subject; kind: string };

/**
 * Values (and classes, where a target of the indicator exists for the subject) of several subjects
 * side by side. The class comes from the target of the plan given (else any plan) whose year is
 * nearest at or after the as-of year.
 */
async function valuesFor(
  db: Kysely<DB>,
  actor: Actor,
  indicator: string,
  asOf: AsOf,
  rows: Row[],
  plan: string | undefined,
  source: FigureSource,
) {
  const ctx = await ProgressContext.load(db);
  const info = ctx.indicators.get(indicator);
  if (!info) throw notFound('indicator', indicator);
  const targets = (await progressTargets(db, { indicator, plan, unitIds: await readScope(db, actor) })).filter(
    (t) => t.target_year >= asOf.year,
  );
  // A share target is judged on its denominator too: the comparison's class must be the progress page's.
  const codes = [...new Set([...ctx.codesFor(indicator), ...targets.flatMap((t) => targetCodes(ctx, t))])];
  targets.sort((a, b) => a.target_year - b.target_year);
  const groupIds = [...new Set(targets.map((t) => t.group_id).filter((g): g is number => g !== null))];
  const members = new Map((await groupsWithMembers(db, { ids: groupIds })).map((g) => [g.id, g.members]));
  const ref = referenceDate(asOf, todayIso());
  // Whole years from the analytics table (issue 22): each row's and each target subject's subtree
  // figure, read as a few rows. A target judged on a group's stand-in reads the stand-in's figures.
  const judged = rows.map((r) => targets.find((x) => (x.org_unit_code ?? x.group_code) === r.subject.code));
  const roots = [...rows.flatMap((r) => r.subject.roots), ...judged.flatMap((t) => (t ? subjectOf(ctx, t, members).roots : []))];
  // Only the class is shown, and no class depends on freshness: no freshness marks are read.
  await ctx.loadFigures(db, ctx.subtree(roots), codes, asOf, ProgressContext.sourceOptions(source, roots));
  const plans = new Map<string, { periodStart: number; periodEnd: number; method: ProgressMethod }>();
  const out = [];
  for (const [i, r] of rows.entries()) {
    const f = ctx.figure(r.subject, indicator, { kind: 'year', year: asOf.year }) ?? null;
    const t = judged[i];
    let cls: Comparison['rows'][number]['class'] = null;
    if (t) {
      if (!plans.has(t.plan_id)) {
        const p = (await findProgressPlan(db, t.plan_id))!;
        // The plan's own method, as the overview judges it, so the map and the overview agree.
        const method = (p.progress_method as ProgressMethod | null) ?? 'official';
        plans.set(t.plan_id, { periodStart: p.period_start, periodEnd: p.period_end, method });
      }
      const plan = plans.get(t.plan_id)!;
      cls = judgeTarget(ctx, t, subjectOf(ctx, t, members), plan, asOf, plan.method, ref).progress.judgement.class;
    }
    out.push({ row: r, value: f?.value ?? null, origin: f?.origin ?? null, class: cls });
  }
  return { ctx, info, out };
}

const indicatorOut = (i: { code: string; name: string; name_en: string; unit: string }) => ({
  code: i.code,
  name: i.name,
  nameEn: i.name_en,
  unit: i.unit,
});

export async function comparison(
  database: Database,
  actor: Actor,
  q: { indicator: string; at: string; by?: Comparison['by']; plan?: string },
  source: FigureSource = 'analytics',
): Promise<Comparison> {
  const db = database.db;
  const asOf = parseAsOf(q.at);
  const by = q.by ?? 'prefecture';
  const scope = await readScope(db, actor);
  const inScope = (ids: readonly number[]) => scope === null || ids.some((id) => scope.includes(id));
  const ctx0 = await ProgressContext.load(db);
  let rows: Row[];
  if (by === 'prefecture') {
    rows = [...ctx0.units.values()]
      .filter((u) => u.kind === 'prefecture' && inScope([u.id]))
      .map((u) => ({ subject: { kind: 'org_unit' as const, code: u.code, name: u.name, roots: [u.id] }, kind: u.kind }));
  } else {
    const groups = await groupsWithMembers(db, { kinds: GROUP_KINDS[by] });
    rows = groups
      .filter((g) => inScope(ctx0.subtree(g.members)))
      .map((g) => ({ subject: { kind: 'group' as const, code: g.code, name: g.name, roots: g.members }, kind: g.kind }));
  }
  const { info, out } = await valuesFor(db, actor, q.indicator, asOf, rows, q.plan, source);
  return {
    indicator: indicatorOut(info),
    at: asOf.text,
    by,
    rows: out.map((o) => ({
      code: o.row.subject.code,
      name: o.row.subject.name,
      kind: o.row.kind,
      value: o.value,
      origin: o.origin,
      class: o.class,
    })),
  };
}

/**
 * Prefectures (mapName = the name in the shipped Yunnan geometry, dataset/geo/yunnan.json,
 * which uses the full official names such as 昆明市 and 红河哈尼族彝族自治州) and zones with their prefecture.
 */
export async function mapData(
  database: Database,
  actor: Actor,
  q: { indicator: string; at: string; plan?: string },
  source: FigureSource = 'analytics',
): Promise<MapData> {
  const db = database.db;
  const asOf = parseAsOf(q.at);
  const scope = await readScope(db, actor);
  const ctx0 = await ProgressContext.load(db);
  const visible = (id: number) => scope === null || scope.includes(id);
  const units = [...ctx0.units.values()];
  const prefectures = units.filter((u) => u.kind === 'prefecture' && visible(u.id));
  const zones = units.filter((u) => u.kind === 'development_zone' && visible(u.id));
  const rows: Row[] = [...prefectures, ...zones].map((u) => ({
    subject: { kind: 'org_unit', code: u.code, name: u.name, roots: [u.id] },
    kind: u.kind,
  }));
  const { info, out } = await valuesFor(db, actor, q.indicator, asOf, rows, q.plan, source);
  const byCode = new Map(out.map((o) => [o.row.subject.code, o]));
  const prefectureOf = (u: (typeof units)[number]) => {
    const id = u.zone_prefecture_id ?? u.parent_id;
    return id === null ? '' : (ctx0.units.get(id)?.code ?? '');
  };
  return {
    indicator: indicatorOut(info),
    at: asOf.text,
    prefectures: prefectures.map((u) => {
      const o = byCode.get(u.code)!;
      return { code: u.code, name: u.name, mapName: u.name, value: o.value, origin: o.origin, class: o.class };
    }),
    zones: zones.map((u) => {
      const o = byCode.get(u.code)!;
      return {
        code: u.code,
        name: u.name,
        prefecture: prefectureOf(u),
        lng: null,
        lat: null,
        value: o.value,
        origin: o.origin,
        class: o.class,
      };
    }),
  };
}
