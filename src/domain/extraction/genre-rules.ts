import { annualTargetCandidates, applyAnnualContext, dropTimedTasksOnTargets, mergeAnnualTargets } from './annual-candidates.ts';
import { annualYear, datedYearOfWork, findAnnualZones, type AnnualZone } from './annual-targets.ts';
import type { Catalogue, TargetCandidate, TaskCandidate } from './candidate.schema.ts';
import { divisionTaskCandidates, mergeDivisionTasks } from './division-tasks.ts';
import { documentRegion, regionalMatcher, type DocumentRegion } from './document-region.ts';
import type { IndicatorMatcher } from './indicator-matcher.ts';
import { createOrgUnitMatcher, type OrgUnitMatcher } from './org-unit-matcher.ts';
import type { PlanContext } from './plan-context.ts';

/**
 * The rules for genres other than five-year plans, kept out of extractCandidates: annual plans
 * (annual-targets.ts), 分工方案 (division-tasks.ts) and plans of a region the catalogue lacks
 * (document-region.ts). extractCandidates calls the three steps below, in this order.
 */
export interface Genres {
  orgs: OrgUnitMatcher;
  region: DocumentRegion | null;
  annualZones: AnnualZone[];
  /** The year an annual document names itself by (2025年国民经济和社会发展计划), lists or not. */
  annualYear?: number;
  /** The year of the date a report of a year's work opens with (日期:2024-04-17 … 全年…突破600亿元). */
  datedYear?: number;
}

/** Before anything is read: whose units the generic words name, and where the annual lists are. */
export function detectGenres(text: string, catalogue: Catalogue): Genres {
  const region = documentRegion(text, catalogue);
  const base = createOrgUnitMatcher(catalogue);
  const year = annualYear(text);
  const dated = datedYearOfWork(text);
  return {
    orgs: region ? regionalMatcher(base, region) : base,
    region,
    annualZones: findAnnualZones(text),
    ...(year !== undefined ? { annualYear: year } : {}),
    ...(dated !== undefined ? { datedYear: dated } : {}),
  };
}

/** After the plan context is inferred: the region as subject, the annual year as period. */
export function settleGenreContext(ctx: PlanContext, genres: Genres): void {
  // Another province's plan is about that province, named but not in the catalogue.
  const name = genres.region?.name;
  if (name && !ctx.subject) ctx.subject = { name, mention: name, from: 0, to: 0, orgKind: 'province' };
  applyAnnualContext(ctx, genres.annualZones, genres.annualYear, genres.datedYear);
}

/** After the sentence rules: the annual lists' targets and the 分工方案 tasks win where they overlap. */
export function applyGenreCandidates(
  text: string,
  genres: Genres,
  ctx: PlanContext,
  found: { targets: TargetCandidate[]; tasks: TaskCandidate[] },
  deps: {
    indicators: IndicatorMatcher;
    span: (from: number, to: number) => { start: number; end: number };
    quoteOf: (from: number, to: number) => string;
    section: (at: number) => string[];
  },
): { targets: TargetCandidate[]; tasks: TaskCandidate[] } {
  const annual = annualTargetCandidates(text, genres.annualZones, {
    ...deps,
    find: (s) => genres.orgs.find(s),
    subject: ctx.subject,
  });
  const targets = mergeAnnualTargets(found.targets, annual, ctx.annual === true);
  const tasks = mergeDivisionTasks(
    dropTimedTasksOnTargets(found.tasks, text, genres.annualZones, deps.span),
    divisionTaskCandidates(text, genres.orgs, deps),
  );
  return { targets, tasks };
}
