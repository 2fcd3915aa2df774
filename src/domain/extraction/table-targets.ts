import type { ScopeRef, TargetCandidate } from './candidate.schema.ts';
import type { createIndicatorMatcher } from './indicator-matcher.ts';
import type { OffsetText } from './offset-text.ts';
import type { inferPlanContext } from './plan-context.ts';
import { convertFigures } from './resolve-target.ts';
import { headingText, type SectionTree } from './section-tree.ts';
import { findIndicatorRows, findYearSeries } from './table-rows.ts';

/**
 * Targets from flattened tables: a year series (年份 | 进出口贸易总额) gives one target for its last
 * year, with the path as trajectory and the latest row up to the plan's first year as baseline; a
 * 主要指标 row gives its target with the base-year column as baseline. Scope: the plan's subject.
 */
export function tableTargets(
  doc: OffsetText,
  paragraphs: [number, number][],
  tree: SectionTree,
  ctx: ReturnType<typeof inferPlanContext>,
  indicators: ReturnType<typeof createIndicatorMatcher>,
  span: (from: number, to: number) => { start: number; end: number },
  quoteOf: (from: number, to: number) => string,
): TargetCandidate[] {
  const paras = paragraphs.map(([a, b]) => ({ text: doc.text.slice(a, b), from: a }));
  const out: TargetCandidate[] = [];
  const scope: ScopeRef | undefined = ctx.subject?.code
    ? { code: ctx.subject.code, kind: ctx.subject.kind, name: ctx.subject.name, mention: ctx.subject.mention, from: 'plan' }
    : undefined;
  const section = (at: number) => tree.pathAt(at).map((h) => headingText(h));
  for (const s of findYearSeries(paras)) {
    // The latest row up to the plan's first year is the base (2021 77.33 in a 2021–2025 plan); later rows are the path.
    const base = [...s.points].reverse().find((p) => ctx.periodStart !== undefined && p.year <= ctx.periodStart);
    const future = s.points.filter((p) => (base ? p.year > base.year : !ctx.periodStart || p.year >= ctx.periodStart));
    const last = future[future.length - 1];
    if (!last || future.length === 0) continue;
    const indicator = indicators.match(s.name) ?? { name: s.name, mention: s.name, matchedBy: 'new' as const };
    const unit = s.unit ? cleanUnit(s.unit) : undefined;
    const conv = (v: string) => convertFigures({ value: v }, unit, indicator.unit).value ?? v;
    out.push({
      id: '',
      indicator,
      ...(scope ? { scope } : {}),
      ...(base
        ? { baseline: { year: base.year, value: conv(base.value), from: 'sentence' as const, span: span(base.from, base.to) } }
        : {}),
      target: { year: last.year, yearFrom: 'sentence', comparator: 'at_least', value: conv(last.value) },
      ...(unit ? { unit: indicator.unit ?? unit } : {}),
      trajectory: future.map((p) => ({ year: p.year, value: conv(p.value) })),
      quote: quoteOf(s.from, s.to),
      span: span(s.from, s.to),
      valueSpan: span(last.from, last.to),
      section: section(s.from),
      fromTable: true,
      confidence: indicator.code ? 0.8 : 0.6,
      evidence: ['year-series table (年份 | 指标)', `indicator: ${indicator.matchedBy}`],
    });
  }
  for (const r of findIndicatorRows(paras)) {
    const indicator = indicators.match(r.name) ?? { name: r.name, mention: r.name, matchedBy: 'new' as const };
    const unit = r.unit ? cleanUnit(r.unit) : undefined;
    const conv = (v: string | undefined) =>
      v === undefined ? undefined : (convertFigures({ value: v }, unit, indicator.unit).value ?? v);
    const comparator = r.annualGrowth !== undefined ? 'annual_growth' : r.approx ? 'exactly' : 'at_least';
    out.push({
      id: '',
      indicator,
      ...(scope ? { scope } : {}),
      ...(r.baseYear && r.baseValue
        ? { baseline: { year: r.baseYear, value: conv(r.baseValue)!, from: 'sentence' as const } }
        : {}),
      target: {
        year: r.targetYear ?? ctx.periodEnd ?? 0,
        yearFrom: 'sentence',
        comparator,
        ...(r.annualGrowth !== undefined
          ? { rate: r.annualGrowth }
          : r.targetValue !== undefined
            ? { value: conv(r.targetValue) }
            : {}),
      },
      ...(unit ? { unit: indicator.unit ?? unit } : {}),
      quote: quoteOf(r.from, r.to),
      span: span(r.from, r.to),
      valueSpan: span(r.from, r.to),
      section: section(r.from),
      fromTable: true,
      confidence: indicator.code ? 0.85 : 0.65,
      evidence: [
        'indicator table row (主要指标)',
        `indicator: ${indicator.matchedBy}`,
        ...(r.nature ? [`nature: ${r.nature}`] : []),
      ],
    });
  }
  return out;
}

function cleanUnit(u: string): string {
  return u.replace(/人民币$/, '');
}
