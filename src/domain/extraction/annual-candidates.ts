import { annualClauses, LOOKING_BACK, type AnnualZone } from './annual-targets.ts';
import type { ScopeRef, TargetCandidate, TaskCandidate } from './candidate.schema.ts';
import type { IndicatorMatcher } from './indicator-matcher.ts';
import type { OrgMention } from './org-unit-matcher.ts';
import type { PlanContext } from './plan-context.ts';
import { convertFigures, resolveIndicator } from './resolve-target.ts';
import { INDICATOR_HEAD } from './target-cues.ts';

type Span = { start: number; end: number };

export interface AnnualDeps {
  indicators: IndicatorMatcher;
  find: (text: string) => OrgMention[];
  subject?: OrgMention;
  span: (from: number, to: number) => Span;
  quoteOf: (from: number, to: number) => string;
  section: (at: number) => string[];
}

/**
 * An annual document is about one year: its lists of 预期目标 date the targets, not a 十四五 the text
 * mentions in passing. When the plan states no period of its own, the period becomes that year; when
 * the year is nowhere in the text, no period is invented (the targets then go unproposed rather than
 * being dated to a five-year plan's end). Without lists, the year the document names itself by is its period.
 */
export function applyAnnualContext(
  ctx: PlanContext,
  zones: readonly AnnualZone[],
  documentYear?: number,
  datedYear?: number,
): void {
  if (ctx.periodFrom === 'explicit') return;
  // A document that names itself by its year (2025年国民经济和社会发展计划, 2023年…重点工作) is annual even
  // when its goals are written as prose rather than a 预期目标 list; so is a dated report of a year's work
  // (日期:2024-04-17 … 全年…突破600亿元) that names no period or horizon of its own.
  if (zones.length === 0) {
    const year = documentYear ?? (ctx.periodFrom === undefined ? datedYear : undefined);
    if (year === undefined || ctx.periodFrom === 'five-year') return;
    ctx.periodStart = year;
    ctx.periodEnd = year;
    ctx.annual = true;
    return;
  }
  const year = zones.find((z) => z.year !== undefined)?.year;
  ctx.periodStart = year;
  ctx.periodEnd = year;
  ctx.annual = true;
}

/** Target candidates from the clauses of the annual lists (see annual-targets.ts). */
export function annualTargetCandidates(text: string, zones: readonly AnnualZone[], deps: AnnualDeps): TargetCandidate[] {
  const out: TargetCandidate[] = [];
  for (const c of annualClauses(text, zones)) {
    if (c.year === undefined) continue;
    const indicator = resolveIndicator([c.indicator], deps.indicators, (n) => INDICATOR_HEAD.test(n));
    if (!indicator) continue;
    const named = deps.find(text.slice(c.from, c.valueFrom)).filter((m) => m.orgKind !== 'department');
    const unit = named[named.length - 1] ?? deps.subject;
    // A unit outside the catalogue (another province's 全省 → 四川省) is proposed by its name.
    const scope: ScopeRef | undefined = unit
      ? {
          ...(unit.code ? { code: unit.code, kind: unit.kind } : {}),
          name: unit.name,
          mention: unit.mention,
          from: named.length > 0 ? 'sentence' : 'plan',
        }
      : undefined;
    const converted = convertFigures({ value: c.value, min: c.min, max: c.max }, c.unit, indicator.unit);
    out.push({
      id: '',
      indicator,
      ...(scope ? { scope } : {}),
      target: {
        year: c.year,
        yearFrom: 'context',
        comparator: c.comparator,
        ...(converted.value !== undefined ? { value: converted.value } : {}),
        ...(converted.min !== undefined ? { min: converted.min } : {}),
        ...(converted.max !== undefined ? { max: converted.max } : {}),
        ...(c.rate !== undefined ? { rate: c.rate } : {}),
      },
      unit: converted.converted && indicator.unit ? indicator.unit : c.unit,
      quote: deps.quoteOf(c.from, c.to),
      span: deps.span(c.from, c.to),
      valueSpan: deps.span(c.valueFrom, c.valueTo),
      section: deps.section(c.from),
      fromTable: false,
      confidence: indicator.code ? 0.8 : 0.65,
      evidence: [...c.evidence, `indicator: ${indicator.matchedBy}`, 'year: the annual list'],
    });
  }
  return out;
}

/**
 * Merges the annual-list candidates into the others: where both read the same figure the annual
 * reading wins; elsewhere in an annual document a plain 增长x% is one year's growth.
 */
export function mergeAnnualTargets(
  targets: TargetCandidate[],
  annual: readonly TargetCandidate[],
  isAnnual: boolean,
): TargetCandidate[] {
  const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
  const kept = targets.filter(
    (t) => !annual.some((a) => overlaps(a.valueSpan, t.valueSpan)) && !(isAnnual && LOOKING_BACK.test(t.quote)),
  );
  if (isAnnual)
    for (const t of kept)
      if (t.target.comparator === 'cumulative_change' && t.evidence.includes('cue: 增长') && !t.target.rate?.startsWith('-')) {
        t.target.comparator = 'annual_growth';
        t.evidence.push('annual document: 增长 is one year’s growth');
      }
  return [...kept, ...annual];
}

/**
 * A sentence that states an annual target is not also a task for its date: "…二氧化碳排放降低3.8%左右,
 * …有利于有序实现2030年前碳达峰目标" explains a target, dated or not; tasks named by their units stay.
 */
export function dropTimedTasksOnTargets(
  tasks: TaskCandidate[],
  text: string,
  zones: readonly AnnualZone[],
  span: (from: number, to: number) => Span,
): TaskCandidate[] {
  const figures = annualClauses(text, zones).map((c) => span(c.valueFrom, c.valueTo));
  return tasks.filter(
    (k) => k.trigger === 'responsibility' || !figures.some((f) => f.start >= k.span.start && f.end <= k.span.end),
  );
}
