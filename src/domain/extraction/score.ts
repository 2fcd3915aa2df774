import type { Span, TargetCandidate, TaskCandidate } from './candidate.schema.ts';
import type { GoldSet, GoldTarget, GoldTask } from './gold.schema.ts';
import { normaliseDocument } from './normalise-document.ts';
import { originalRange } from './offset-text.ts';
import { sameNumber } from './quantities.ts';

/**
 * Precision, recall and F1 of extracted candidates against a gold set, per field.
 *
 * Matching: a candidate target matches a gold target when the candidate's figure (valueSpan) lies
 * in the gold quote's span of the original text; a candidate task matches a gold task when their
 * spans overlap. Each gold item takes at most one candidate and vice versa; among several, the one
 * agreeing on most fields wins. Fields are then scored on matched pairs: a field is a true positive
 * when both sides state it and agree, a false positive when the candidate states it and the pair
 * does not agree (or the candidate is unmatched), a false negative when the gold states it and the
 * pair does not agree (or the gold item is unmatched). lead and co are sets, scored per unit.
 */
export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export const TARGET_FIELDS = [
  'target',
  'indicator',
  'scope',
  'baselineYear',
  'baselineValue',
  'targetYear',
  'targetValue',
  'comparator',
] as const;
export const TASK_FIELDS = ['task', 'lead', 'co', 'deadline'] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];
export type TaskField = (typeof TASK_FIELDS)[number];

export interface ScoreReport {
  targets: Record<TargetField, PRF>;
  tasks: Record<TaskField, PRF>;
  /** Gold items whose quote is not in the text (a broken gold set). */
  unlocated: string[];
  missedTargets: string[];
  spuriousTargets: string[];
  missedTasks: string[];
  spuriousTasks: string[];
  /** Curated targets (gold items with `curated`) matched by a candidate with the same figure. */
  curatedTargetsFound: number;
  curatedTargets: number;
}

export interface Extracted {
  targets: readonly Pick<
    TargetCandidate,
    'id' | 'indicator' | 'scope' | 'baseline' | 'target' | 'valueSpan' | 'span' | 'quote'
  >[];
  tasks: readonly Pick<TaskCandidate, 'id' | 'lead' | 'co' | 'deadline' | 'span' | 'quote'>[];
}

export interface ScoreOptions {
  /** Indicator codes the extractor was given; a gold indicator outside them may be matched by a proposed name. */
  catalogueIndicators?: ReadonlySet<string>;
}

type Located<T> = T & { span: Span };

/** Finds each gold quote in the plan text (white space ignored) and returns its original offsets. */
export function locateGold(
  raw: string,
  gold: GoldSet,
): { targets: Located<GoldTarget>[]; tasks: Located<GoldTask>[]; unlocated: string[] } {
  const clean = normaliseDocument(raw);
  const positions: number[] = [];
  let compact = '';
  for (let i = 0; i < clean.text.length; i++) {
    if (/\s/.test(clean.text[i]!)) continue;
    compact += clean.text[i]!;
    positions.push(i);
  }
  const unlocated: string[] = [];
  const locate = <T extends { id: string; quote: string; occurrence: number }>(item: T): Located<T> | null => {
    const needle = normaliseDocument(item.quote).text.replace(/\s+/g, '');
    let at = -1;
    for (let n = 0; n < item.occurrence; n++) {
      at = compact.indexOf(needle, at + 1);
      if (at < 0) break;
    }
    if (at < 0) {
      unlocated.push(item.id);
      return null;
    }
    return { ...item, span: originalRange(clean, positions[at]!, positions[at + needle.length - 1]! + 1) };
  };
  return {
    targets: gold.targets.map(locate).filter((t): t is Located<GoldTarget> => t !== null),
    tasks: gold.tasks.map(locate).filter((t): t is Located<GoldTask> => t !== null),
    unlocated,
  };
}

export function scoreExtraction(raw: string, gold: GoldSet, extracted: Extracted, options: ScoreOptions = {}): ScoreReport {
  const located = locateGold(raw, gold);
  const t = scoreTargets(located.targets, extracted.targets, options);
  const k = scoreTasks(located.tasks, extracted.tasks);
  return { ...t, ...k, unlocated: located.unlocated };
}

const inside = (inner: Span, outer: Span) => inner.start < outer.end && outer.start < inner.end;

function figure(t: { value?: string; rate?: string; min?: string; max?: string }): string | undefined {
  if (t.min !== undefined || t.max !== undefined) return `${t.min ?? ''}~${t.max ?? ''}`;
  return t.value ?? t.rate;
}

function sameFigure(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const pa = a.split('~');
  const pb = b.split('~');
  return pa.length === pb.length && pa.every((x, i) => sameNumber(x, pb[i]!));
}

function compact(s: string): string {
  return s.replace(/\s+/g, '');
}

function targetFields(
  g: GoldTarget | undefined,
  c: Extracted['targets'][number] | undefined,
  options: ScoreOptions,
): Record<Exclude<TargetField, 'target'>, { gold: boolean; cand: boolean; agree: boolean }> {
  const indicatorAgrees = () => {
    if (!g || !c) return false;
    if (c.indicator.code && g.indicator.code) return c.indicator.code === g.indicator.code;
    if (g.indicator.code && options.catalogueIndicators?.has(g.indicator.code)) return false;
    const a = compact(c.indicator.name);
    const b = compact(g.indicator.mention);
    return b.length > 0 && (a.includes(b) || b.includes(a));
  };
  return {
    indicator: { gold: !!g, cand: !!c, agree: indicatorAgrees() },
    // A unit outside the catalogue is proposed by name and compared by name (docs/extraction-gold-guide.md §4).
    scope: {
      gold: g?.scope !== undefined,
      cand: c?.scope !== undefined,
      agree: !!g && !!c && c.scope !== undefined && g.scope === (c.scope.code ?? c.scope.name),
    },
    baselineYear: {
      gold: g?.baseline !== undefined,
      cand: c?.baseline !== undefined,
      agree: g?.baseline?.year === c?.baseline?.year,
    },
    baselineValue: {
      gold: g?.baseline !== undefined,
      cand: c?.baseline !== undefined,
      agree: !!g?.baseline && !!c?.baseline && sameNumber(g.baseline.value, c.baseline.value),
    },
    targetYear: { gold: !!g, cand: !!c, agree: !!g && !!c && g.target.year === c.target.year },
    targetValue: { gold: !!g, cand: !!c, agree: !!g && !!c && sameFigure(figure(g.target), figure(c.target)) },
    comparator: { gold: !!g, cand: !!c, agree: !!g && !!c && g.target.comparator === c.target.comparator },
  };
}

function scoreTargets(gold: Located<GoldTarget>[], cands: Extracted['targets'], options: ScoreOptions) {
  const agreement = (g: GoldTarget, c: Extracted['targets'][number]) =>
    Object.values(targetFields(g, c, options)).filter((f) => f.agree && f.gold).length;
  const pairs = matchPairs(gold, cands, (g, c) => inside(c.valueSpan, g.span), agreement);
  const counts = emptyCounts<TargetField>(TARGET_FIELDS);
  for (const [g, c] of pairs.pairs) {
    counts.target.tp++;
    for (const [name, f] of Object.entries(targetFields(g, c, options)) as [
      Exclude<TargetField, 'target'>,
      { gold: boolean; cand: boolean; agree: boolean },
    ][]) {
      const ok = f.gold && f.cand && f.agree;
      if (ok) counts[name].tp++;
      else {
        if (f.cand) counts[name].fp++;
        if (f.gold) counts[name].fn++;
      }
    }
  }
  for (const g of pairs.unmatchedGold) {
    counts.target.fn++;
    for (const [name, f] of Object.entries(targetFields(g, undefined, options)) as [
      Exclude<TargetField, 'target'>,
      { gold: boolean },
    ][])
      if (f.gold) counts[name].fn++;
  }
  for (const c of pairs.unmatchedCands) {
    counts.target.fp++;
    for (const [name, f] of Object.entries(targetFields(undefined, c, options)) as [
      Exclude<TargetField, 'target'>,
      { cand: boolean },
    ][])
      if (f.cand) counts[name].fp++;
  }
  const curated = gold.filter((g) => g.curated);
  const curatedFound = curated.filter((g) =>
    cands.some((c) => inside(c.valueSpan, g.span) && sameFigure(figure(g.target), figure(c.target))),
  ).length;
  return {
    targets: finish(counts),
    missedTargets: pairs.unmatchedGold.map((g) => g.id),
    spuriousTargets: pairs.unmatchedCands.map(
      (c) => `${c.id} ${c.indicator.name} ${figure(c.target) ?? ''} «${c.quote.slice(0, 40)}»`,
    ),
    curatedTargetsFound: curatedFound,
    curatedTargets: curated.length,
  };
}

function unitKey(u: { code?: string; name: string }): string {
  return u.code ?? u.name;
}

function scoreTasks(gold: Located<GoldTask>[], cands: Extracted['tasks']) {
  const agreement = (g: GoldTask, c: Extracted['tasks'][number]) =>
    c.lead.filter((u) => g.lead.includes(unitKey(u))).length +
    c.co.filter((u) => g.co.includes(unitKey(u))).length +
    (g.deadline === c.deadline ? 1 : 0);
  const pairs = matchPairs(gold, cands, (g, c) => inside(c.span, g.span), agreement);
  const counts = emptyCounts<TaskField>(TASK_FIELDS);
  const units = (field: 'lead' | 'co', g: GoldTask | undefined, c: Extracted['tasks'][number] | undefined) => {
    const gs = new Set(g?.[field] ?? []);
    const cs = new Set((c?.[field] ?? []).map(unitKey));
    for (const u of cs)
      if (gs.has(u)) counts[field].tp++;
      else counts[field].fp++;
    for (const u of gs) if (!cs.has(u)) counts[field].fn++;
  };
  const deadline = (g: GoldTask | undefined, c: Extracted['tasks'][number] | undefined) => {
    const gd = g?.deadline;
    const cd = c?.deadline;
    if (gd !== undefined && cd !== undefined && gd === cd) counts.deadline.tp++;
    else {
      if (cd !== undefined) counts.deadline.fp++;
      if (gd !== undefined) counts.deadline.fn++;
    }
  };
  for (const [g, c] of pairs.pairs) {
    counts.task.tp++;
    units('lead', g, c);
    units('co', g, c);
    deadline(g, c);
  }
  for (const g of pairs.unmatchedGold) {
    counts.task.fn++;
    units('lead', g, undefined);
    units('co', g, undefined);
    deadline(g, undefined);
  }
  for (const c of pairs.unmatchedCands) {
    counts.task.fp++;
    units('lead', undefined, c);
    units('co', undefined, c);
    deadline(undefined, c);
  }
  return {
    tasks: finish(counts),
    missedTasks: pairs.unmatchedGold.map((g) => g.id),
    spuriousTasks: pairs.unmatchedCands.map((c) => `${c.id} «${c.quote.slice(0, 40)}»`),
  };
}

/** Greedy one-to-one matching: pairs that agree on more fields first, then in document order. */
function matchPairs<G, C>(gold: G[], cands: readonly C[], can: (g: G, c: C) => boolean, agreement: (g: G, c: C) => number) {
  const options: { g: G; c: C; score: number; order: number }[] = [];
  gold.forEach((g, gi) =>
    cands.forEach((c, ci) => can(g, c) && options.push({ g, c, score: agreement(g, c), order: gi * 10000 + ci })),
  );
  options.sort((a, b) => b.score - a.score || a.order - b.order);
  const usedG = new Set<G>();
  const usedC = new Set<C>();
  const pairs: [G, C][] = [];
  for (const o of options) {
    if (usedG.has(o.g) || usedC.has(o.c)) continue;
    usedG.add(o.g);
    usedC.add(o.c);
    pairs.push([o.g, o.c]);
  }
  return { pairs, unmatchedGold: gold.filter((g) => !usedG.has(g)), unmatchedCands: cands.filter((c) => !usedC.has(c)) };
}

function emptyCounts<F extends string>(fields: readonly F[]): Record<F, { tp: number; fp: number; fn: number }> {
  return Object.fromEntries(fields.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<F, { tp: number; fp: number; fn: number }>;
}

export function prf(c: { tp: number; fp: number; fn: number }): PRF {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision: round(precision), recall: round(recall), f1: round(f1) };
}

function finish<F extends string>(counts: Record<F, { tp: number; fp: number; fn: number }>): Record<F, PRF> {
  return Object.fromEntries(
    Object.entries(counts).map(([k, v]) => [k, prf(v as { tp: number; fp: number; fn: number })]),
  ) as Record<F, PRF>;
}

/** Adds counts across plans (micro-average). */
export function sumReports<F extends string>(parts: readonly Record<F, PRF>[]): Record<F, PRF> {
  const out = {} as Record<F, { tp: number; fp: number; fn: number }>;
  for (const p of parts)
    for (const [k, v] of Object.entries(p) as [F, PRF][]) {
      const o = (out[k] ??= { tp: 0, fp: 0, fn: 0 });
      o.tp += v.tp;
      o.fp += v.fp;
      o.fn += v.fn;
    }
  return finish(out);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
