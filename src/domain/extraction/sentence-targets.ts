import type { IndicatorRef, ScopeRef, TargetCandidate } from './candidate.schema.ts';
import type { DocumentReading } from './document-reading.ts';
import { judgeFigure, type TargetYear } from './figure-judgement.ts';
import type { OrgMention } from './org-unit-matcher.ts';
import { convertFigures, resolveIndicator, resolveScope } from './resolve-target.ts';
import { headingText } from './section-tree.ts';
import type { Findings, ReadingState, SentenceView } from './sentence-view.ts';
import { INDICATOR_HEAD, STRONG_CUE } from './target-cues.ts';
import { clauseRanges, findTargetsInSentence, type RawTarget } from './target-patterns.ts';

type Baseline = NonNullable<TargetCandidate['baseline']>;
const AREA_UNIT = /^(?:万?平方米|万?平方公里|万?亩)$/;
type Converted = ReturnType<typeof convertFigures>;

/**
 * Reads the figures of one sentence: each becomes a target (one per unit it names), or a stated
 * figure for the baselines. Returns whether the sentence sets a goal (then it is no task too).
 */
export function readSentenceTargets(r: DocumentReading, s: SentenceView, found: Findings, state: ReadingState): boolean {
  const mentions = r.orgs.find(s.sentence);
  const raws = findTargetsInSentence(s.sentence);
  let madeTarget = false;
  let sentenceBaseline: { indicator: string; baseline: Baseline } | null = null;
  for (const t of raws) {
    const clauseStart = clauseRanges(s.sentence).find(([a, b]) => t.valueFrom >= a && t.valueFrom < b)?.[0] ?? 0;
    const { scopes, indicator: named } = resolveFigure(r, s, t, mentions, clauseStart);
    // 招商入驻25万平方米以上: an area figure measures the area of what the words before it name.
    const indicator =
      named && !named.code && !INDICATOR_HEAD.test(named.name) && t.unit && AREA_UNIT.test(t.unit)
        ? { ...named, name: `${named.name}面积` }
        : named;
    // A proposed indicator must read like one (…额, …率, …企业); 已核准成员之间 does not.
    if (!indicator || (!indicator.code && !INDICATOR_HEAD.test(indicator.name))) {
      if (STRONG_CUE.test(s.sentence.slice(clauseStart, t.valueTo)) && !t.pastYear) madeTarget = true;
      continue;
    }
    const contextYear = state.lastHorizon?.year ?? r.sectionHorizon(s.path);
    const { year, pastYear, past } = judgeFigure(t, s, clauseStart, r.ctx, contextYear, state.facts);
    const converted = convertFigures({ value: t.value, min: t.min, max: t.max }, t.unit, indicator.unit);
    const unit = converted.converted ? indicator.unit : t.unit && cleanUnit(t.unit);
    if (past || !year) {
      if (t.comparator !== 'annual_growth' && t.comparator !== 'cumulative_change' && converted.value !== undefined)
        for (const scope of scopes.length > 0 ? scopes : [undefined])
          found.stated.push({
            indicator,
            scope,
            value: converted.value,
            unit,
            year: pastYear,
            at: s.ss + t.valueFrom,
            background: s.background,
            span: r.span(s.ss + t.valueFrom, s.ss + t.valueTo),
          });
      continue;
    }
    if (s.cited || s.study) continue;
    madeTarget = true;
    // 2025年,高新区将力争GDP增长6.5%以上: a year named as such (not 到2025年) sets that year's own
    // growth, not a change over a period.
    const oneYear =
      t.comparator === 'cumulative_change' &&
      t.evidence.includes('cue: 增长') &&
      !t.rate?.startsWith('-') &&
      year.from === 'sentence' &&
      !s.years.some((y) => y.year === year.year && y.horizon);
    const key = indicator.code ?? indicator.name;
    for (const scope of scopes.length > 0 ? scopes : [undefined]) {
      if (!firstTime(state.seen, `${s.ss + t.valueFrom}|${key}|${scope?.code ?? ''}`)) continue;
      const own = t.baseline ? ownBaseline(r, s, t.baseline, indicator) : undefined;
      // …由2021年的77.33亿元提高至超110亿元,年均增长10%以上: the growth clause shares the base.
      const baseline = own ?? (t.inherited && sentenceBaseline?.indicator === key ? sentenceBaseline.baseline : undefined);
      if (own) sentenceBaseline = { indicator: key, baseline: own };
      found.targets.push(targetCandidate(r, s, t, { indicator, scope, baseline, year, converted, unit, oneYear }));
    }
  }
  return madeTarget;
}

/** Who the figure is for (the units of its clause, the section's, the plan's) and which indicator it measures. */
function resolveFigure(r: DocumentReading, s: SentenceView, t: RawTarget, mentions: OrgMention[], clauseStart: number) {
  const { scopes, phrases, rawPhrases } = resolveScope(t, s.sentence, mentions, clauseStart, {
    subject: r.ctx.subject,
    section: r.sectionUnit(s.path),
    find: (x) => r.orgs.find(x),
  });
  const indicator = resolveIndicator(
    t.listedFrom && phrases.every((p) => p.length < 2) ? t.listedFrom : phrases,
    r.indicators,
    (name) => INDICATOR_HEAD.test(name),
    t.listedFrom ? [] : rawPhrases,
  );
  return { scopes, indicator };
}

function firstTime(seen: Set<string>, key: string): boolean {
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/** The base the sentence itself gives (由2021年的77.33亿元…), in the indicator's unit. */
function ownBaseline(
  r: DocumentReading,
  s: SentenceView,
  b: NonNullable<RawTarget['baseline']>,
  indicator: IndicatorRef,
): Baseline {
  const converted = convertFigures({ value: b.value }, b.unit, indicator.unit);
  return {
    year: b.year,
    value: converted.value ?? b.value,
    from: 'sentence' as const,
    span: r.span(s.ss + b.from, s.ss + b.to),
  };
}

interface TargetParts {
  indicator: IndicatorRef;
  scope: ScopeRef | undefined;
  baseline: Baseline | undefined;
  year: TargetYear;
  converted: Converted;
  unit: string | undefined;
  /** A year named as such sets that year's own growth (annual_growth), not a change over the period. */
  oneYear: boolean;
}

function targetCandidate(r: DocumentReading, s: SentenceView, t: RawTarget, p: TargetParts): TargetCandidate {
  const { indicator, scope, baseline, year, converted, unit, oneYear } = p;
  return {
    id: '',
    indicator,
    ...(scope ? { scope } : {}),
    ...(baseline ? { baseline } : {}),
    target: {
      year: year.year,
      yearFrom: year.from,
      comparator: oneYear ? 'annual_growth' : t.comparator,
      ...(converted.value !== undefined ? { value: converted.value } : {}),
      ...(converted.min !== undefined ? { min: converted.min } : {}),
      ...(converted.max !== undefined ? { max: converted.max } : {}),
      ...(t.rate !== undefined ? { rate: t.rate } : {}),
    },
    ...(unit ? { unit } : {}),
    quote: r.quoteOf(s.ss, s.se),
    span: r.span(s.ss, s.se),
    valueSpan: r.span(s.ss + t.valueFrom, s.ss + t.valueTo),
    section: s.path.map((h) => headingText(h)),
    fromTable: false,
    confidence: confidenceOf(t, indicator.matchedBy, year.from, scope, s.goal),
    evidence: [
      ...t.evidence,
      ...(oneYear ? ['a year named as such (not 到20xx年): one year’s growth'] : []),
      `indicator: ${indicator.matchedBy}`,
      `year: ${year.from}`,
      ...(converted.converted ? [`unit: ${t.unit} → ${unit}`] : []),
    ],
  };
}

function cleanUnit(u: string): string {
  return u.replace(/人民币$/, '');
}

function confidenceOf(
  t: RawTarget,
  matchedBy: TargetCandidate['indicator']['matchedBy'],
  yearFrom: TargetCandidate['target']['yearFrom'],
  scope: ScopeRef | undefined,
  goal: boolean,
): number {
  let c = 0.4;
  c += matchedBy === 'name' || matchedBy === 'synonym' ? 0.2 : matchedBy === 'alias' ? 0.15 : 0;
  c += yearFrom === 'sentence' ? 0.1 : yearFrom === 'context' ? 0.05 : 0;
  c += t.evidence.some((e) => e.startsWith('cue')) ? 0.1 : 0.05;
  c += goal ? 0.1 : 0;
  c += scope?.from === 'sentence' ? 0.05 : 0;
  c -= t.inherited ? 0.1 : 0;
  return Math.round(Math.min(0.99, Math.max(0.05, c)) * 100) / 100;
}
