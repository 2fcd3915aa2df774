import { authorize, isInSubtree, readableRoots, type ParentOf } from '../access/authorize.ts';
import { planOwnedResource } from '../access/plan-owned.ts';
import type { RoleGrant } from '../access/roles.ts';

/**
 * Who reads what of an evaluation run (issue 21). A draft run is the working copy of the scheme's plan's
 * managers: nobody else learns that it exists. A published run is read by everyone signed in, but a reader
 * limited to some org units (a zone's reporter, a prefecture's reviewer) sees the other units only at the
 * level the scheme publishes; indicator figures, sub-scores and explanations stay with the units' own
 * readers. One function filters the run for the JSON, the Word report and the Excel tables alike.
 */

/** How much of each unit's result a published run shows to readers outside the unit's subtree. */
export const PUBLICATION_LEVELS = ['grade', 'score', 'detail'] as const;
export type PublicationLevel = (typeof PUBLICATION_LEVELS)[number];
export const DEFAULT_PUBLICATION_LEVEL: PublicationLevel = 'score';

export const PUBLICATION_LEVEL_LABELS: Readonly<Record<PublicationLevel, { zh: string; en: string }>> = {
  grade: { zh: '仅公布等级', en: 'Grade only' },
  score: { zh: '公布排名、总分和等级', en: 'Rank, total score and grade' },
  detail: { zh: '公布全部明细（含指标原始数据和分项得分）', en: 'Everything, with indicator figures and sub-scores' },
};

/** Whether the grants manage runs of a scheme whose plans are `owners` (null = a scheme of no plan). */
export function managesScheme(grants: readonly RoleGrant[], owners: readonly (string | null)[]): boolean {
  return authorize(grants, 'define_plans', planOwnedResource(owners), () => null);
}

/** A run is visible when published, or to its scheme's plan's managers. */
export function runVisible(status: string, grants: readonly RoleGrant[], owners: readonly (string | null)[]): boolean {
  return status === 'published' || managesScheme(grants, owners);
}

/**
 * Which units' full results the reader sees: all (null) for the scheme's managers and readers of the
 * whole tree, else the units inside one of the reader's subtrees.
 */
export function fullDetailFor(
  grants: readonly RoleGrant[],
  owners: readonly (string | null)[],
  parentOf: ParentOf,
): ((unit: string) => boolean) | null {
  const roots = readableRoots(grants);
  if (roots === null || managesScheme(grants, owners)) return null;
  return (unit) => roots.some((root) => isInSubtree(unit, root, parentOf));
}

/** The part of a unit's result the filter touches (the run view's unit). */
export interface PublishedUnit {
  code: string;
  status: string;
  missing: string[];
  gradedOn?: number | null;
  floors?: unknown[];
  baseScore: number | null;
  bonus: number;
  penalty: number;
  score: number | null;
  rank: number | null;
  grade: string | null;
  vetoes: unknown[];
  contributions: unknown[];
  previous: { year: number; score: number | null; rank: number | null; grade: string | null } | null;
  explanation: { zh: string; en: string };
  sensitivity: unknown;
  topsis: unknown;
  supervision?: unknown;
  withheld?: boolean;
}

export const WITHHELD_EXPLANATION = {
  zh: '该单位的指标数据和分项得分不在您的查看范围内，仅显示公布的结果。',
  en: "This unit's indicator figures and sub-scores are outside your scope; only the published result is shown.",
};

/** One unit as a reader outside its subtree sees it at the level. */
export function withholdUnit<U extends PublishedUnit>(unit: U, level: PublicationLevel): U {
  if (level === 'detail') return unit;
  const total = level === 'score';
  return {
    ...unit,
    missing: [],
    ...(unit.gradedOn === undefined ? {} : { gradedOn: null }),
    ...(unit.floors === undefined ? {} : { floors: [] }),
    baseScore: null,
    bonus: 0,
    penalty: 0,
    score: total ? unit.score : null,
    rank: total ? unit.rank : null,
    vetoes: [],
    contributions: [],
    previous: unit.previous && {
      ...unit.previous,
      score: total ? unit.previous.score : null,
      rank: total ? unit.previous.rank : null,
    },
    explanation: WITHHELD_EXPLANATION,
    sensitivity: null,
    topsis: null,
    ...(unit.supervision === undefined ? {} : { supervision: null }),
    withheld: true,
  };
}

/**
 * The run as the reader may see it: units outside `fullDetail` (null = all inside) withheld to the level.
 * A draft or preview is shown whole (only its managers reach it).
 */
export function runForReader<R extends { status: string; units: U[] }, U extends PublishedUnit>(
  run: R,
  level: PublicationLevel,
  fullDetail: ((unit: string) => boolean) | null,
): R {
  if (fullDetail === null || run.status !== 'published') return run;
  return { ...run, units: run.units.map((u) => (fullDetail(u.code) ? u : withholdUnit(u, level))) };
}
