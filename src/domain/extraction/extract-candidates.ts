import { normaliseText } from '../text/normalise.ts';
import {
  catalogueSchema,
  type CatalogueInput,
  type ExtractionResult,
  type Mention,
  type ScopeRef,
  type TargetCandidate,
  type TaskCandidate,
} from './candidate.schema.ts';
import { dedupeParagraphs, sentenceRanges } from './dedupe-paragraphs.ts';
import { applyGenreCandidates, detectGenres, settleGenreContext } from './genre-rules.ts';
import { createIndicatorMatcher } from './indicator-matcher.ts';
import { createIndustryMatcher } from './industry-matcher.ts';
import { linkBaselines, type StatedFigure } from './link-baselines.ts';
import { normaliseDocument } from './normalise-document.ts';
import { originalRange, originalText } from './offset-text.ts';
import type { OrgMention } from './org-unit-matcher.ts';
import { citesOtherDocument, inferPlanContext } from './plan-context.ts';
import { convertFigures, resolveIndicator, resolveScope } from './resolve-target.ts';
import { buildSectionTree, headingText, type SectionTree } from './section-tree.ts';
import { tableTargets } from './table-targets.ts';
import { INDICATOR_HEAD, PAST_CUE, reportsThePast, STRONG_CUE } from './target-cues.ts';
import { clauseRanges, findTargetsInSentence, type RawTarget } from './target-patterns.ts';
import { findInlineResponsibilities, findResponsibilities, findTiming } from './task-patterns.ts';
import { findYears } from './value-expressions.ts';

export interface ExtractOptions {
  catalogue: CatalogueInput;
  /** The unit the plan is about, when known (otherwise inferred from its title and text). */
  subject?: string;
  periodStart?: number;
  periodEnd?: number;
}

/** Sections that report what happened (发展基础, 建设成效, 2023年计划执行情况) or study others (南宁…启示, 政策汇总). */
const BACKGROUND_HEADING =
  /基础|成效|成就|现状|回顾|形势|环境|机遇|挑战|启示|借鉴|经验|案例|SWOT|分析|政策汇总|简介|概况|条件|优势|瓶颈|问题|意义|背景|执行情况|完成情况/;
const GOAL_HEADING = /目标|指标|任务|展望/;
/** Appendices that study or compile (中老铁路沿线产业研究, 政策汇总) rather than plan. */
const BACKGROUND_APPENDIX = /研究|分析|启示|汇总|借鉴|案例|说明|解读/;
function isBackground(h: { title: string; kind: string }): boolean {
  return BACKGROUND_HEADING.test(h.title) || (h.kind === 'appendix' && BACKGROUND_APPENDIX.test(h.title));
}

/**
 * Reads a plan's text (as extracted from .txt, .docx or PDF) and proposes its structure, targets
 * and tasks, each tied to the exact characters of the original it came from. Pure: no I/O.
 */
export function extractCandidates(raw: string, options: ExtractOptions): ExtractionResult {
  const catalogue = catalogueSchema.parse(options.catalogue);
  const clean = normaliseDocument(raw);
  const { text: doc, dropped } = dedupeParagraphs(clean);
  const text = doc.text;
  const tree = buildSectionTree(text);
  const genres = detectGenres(text, catalogue);
  const orgs = genres.orgs;
  const indicators = createIndicatorMatcher(catalogue.indicators);
  const industries = createIndustryMatcher(catalogue.industries);

  const ctx = inferPlanContext(text, orgs);
  settleGenreContext(ctx, genres);
  if (options.periodStart) ctx.periodStart = options.periodStart;
  if (options.periodEnd) ctx.periodEnd = options.periodEnd;
  if (options.subject) {
    const s = orgs.resolve(
      catalogue.orgUnits.find((u) => u.code === options.subject)?.name ??
        catalogue.groups.find((g) => g.code === options.subject)?.name ??
        '',
    );
    if (s?.code) ctx.subject = { ...s, from: 0, to: 0, orgKind: 'subject' };
  }
  const span = (from: number, to: number) => originalRange(doc, from, to);
  // Quotes show the document's own characters (Traditional stays Traditional), not the match keys;
  // only the character folding (full-width, Kangxi radicals of PDF exports) is applied.
  const quoteOf = (from: number, to: number) => originalText(raw, doc, from, to, normaliseText);
  // A heading that names a unit (第一节 建设昆明区域性国际中心城市) scopes its section.
  const headingUnits = new Map(tree.headings.map((h) => [h.id, orgs.find(h.title).filter((m) => m.orgKind !== 'department')]));
  // A section that opens with 到2035年 (二、远景展望到2035年,…; (二)发展目标。到2025年,…) dates the goals in it.
  const horizons = new Map(
    tree.headings.map(
      (h) => [h.id, /^[。.:\s]*(?:到|至)((?:19|20)\d\d)年/.exec(text.slice(h.headingEnd, h.headingEnd + 14))?.[1]] as const,
    ),
  );
  const sectionHorizon = (path: { id: string }[]) => {
    for (let i = path.length - 1; i >= 0; i--) {
      const y = horizons.get(path[i]!.id);
      if (y) return Number(y);
    }
    return undefined;
  };
  const sectionUnit = (path: { id: string }[]) => {
    for (let i = path.length - 1; i >= 0; i--) {
      const units = headingUnits.get(path[i]!.id) ?? [];
      if (units.length === 1) return units[0];
    }
    return undefined;
  };
  const sectionPath = (at: number) => tree.pathAt(at).map((h) => headingText(h));

  const targets: TargetCandidate[] = [];
  const stated: StatedFigure[] = [];
  const tasks: TaskCandidate[] = [];
  const orgCounts = new Map<string, Mention>();
  const industryCounts = new Map<string, Mention>();

  const paragraphs = paragraphRanges(text);
  const facts = recurringCounts(text);
  const seen = new Set<string>();
  let lastClauseEnd = 0;
  // The horizon of the last two sentences of the section (到2025年,…。主要经济指标…达到…) dates a sentence without its own year.
  let lastHorizon: { year: number; sentence: number; section: string | undefined } | null = null;
  let sentenceIndex = 0;
  for (const [ps, pe] of paragraphs) {
    const paragraph = text.slice(ps, pe);
    const cited = citesOtherDocument(paragraph, ctx);
    const pastParagraph = reportsThePast(paragraph, ctx.periodStart);

    for (const m of orgs.find(paragraph)) count(orgCounts, m.code, m.name, m.orgKind, span(ps + m.from, ps + m.to));
    for (const m of industries.find(paragraph))
      count(industryCounts, undefined, m.name, 'industry', span(ps + m.from, ps + m.to));

    // Tasks closed by a responsibility clause: the measure runs back to the previous clause or the
    // last heading, whichever is later, across paragraphs (PDF text breaks paragraphs after every 。).
    for (const r of findResponsibilities(paragraph, orgs)) {
      const at = ps + r.from;
      const headingEnd = tree.headings.filter((h) => h.headingEnd <= at).reduce((e, h) => Math.max(e, h.headingEnd), 0);
      const from = skipHeadings(tree, Math.max(lastClauseEnd, headingEnd), at);
      lastClauseEnd = ps + r.to;
      if (ps + r.from - from < 4) continue;
      tasks.push({
        id: '',
        text: quoteOf(from, ps + r.from).trim(),
        trigger: 'responsibility',
        lead: r.lead,
        co: r.co,
        responsibleText: paragraph.slice(r.from + 1, r.to - 1),
        quote: quoteOf(from, ps + r.to),
        span: span(from, ps + r.to),
        section: sectionPath(from),
        confidence: r.lead.every((u) => u.code) && r.co.every((u) => u.code) ? 0.9 : 0.7,
        evidence: ['responsibility clause (…牵头;…负责)'],
      });
    }

    for (const [ss0, se] of sentenceRanges(text, ps, pe)) {
      sentenceIndex++;
      const ss = skipHeadings(tree, ss0, se);
      if (se - ss < 4) continue;
      const sentence = text.slice(ss, se);
      const sPath = tree.pathAt(ss);
      const sectionId = sPath[sPath.length - 1]?.id;
      if (lastHorizon && (sentenceIndex - lastHorizon.sentence > 2 || lastHorizon.section !== sectionId)) lastHorizon = null;
      // The innermost heading that says either decides: 发展目标 under a misplaced 发展基础 is a goal.
      const decisive = [...sPath].reverse().find((h) => GOAL_HEADING.test(h.title) || isBackground(h));
      // An appendix that studies others or compiles policies (…研究, …启示, 政策汇总) sets no goals of this plan.
      const study = sPath.some((h) => h.kind === 'appendix' && BACKGROUND_APPENDIX.test(h.title));
      const goal = !study && decisive !== undefined && GOAL_HEADING.test(decisive.title);
      const background = study || (decisive !== undefined && !goal);
      const years = findYears(sentence);
      const horizon = years.filter((y) => y.horizon && (!ctx.periodStart || y.year >= ctx.periodStart));
      const future = horizon.length > 0 || /力争|争取|确保|预计|将/.test(sentence);
      const mentions = orgs.find(sentence);
      const raws = findTargetsInSentence(sentence);
      let madeTarget = false;
      let sentenceBaseline: { indicator: string; baseline: NonNullable<TargetCandidate['baseline']> } | null = null;
      for (const t of raws) {
        const clauseStart = clauseRanges(sentence).find(([a, b]) => t.valueFrom >= a && t.valueFrom < b)?.[0] ?? 0;
        const { scopes, phrases, rawPhrases } = resolveScope(t, sentence, mentions, clauseStart, {
          subject: ctx.subject,
          section: sectionUnit(sPath),
          find: (s) => orgs.find(s),
        });
        const indicator = resolveIndicator(
          t.listedFrom && phrases.every((p) => p.length < 2) ? t.listedFrom : phrases,
          indicators,
          (name) => INDICATOR_HEAD.test(name),
          t.listedFrom ? [] : rawPhrases,
        );
        // A proposed indicator must read like one (…额, …率, …企业); 已核准成员之间 does not.
        if (!indicator || (!indicator.code && !INDICATOR_HEAD.test(indicator.name))) {
          if (STRONG_CUE.test(sentence.slice(clauseStart, t.valueTo)) && !t.pastYear) madeTarget = true;
          continue;
        }
        const year = targetYear(t, ctx.periodStart, lastHorizon?.year ?? sectionHorizon(sPath), ctx.periodEnd);
        // 2021年,…达62.66亿元 in a plan for 2021–2025 reports the first year; 到2021年 would be a goal.
        const explicitNotHorizon = year?.from === 'sentence' && !years.some((y) => y.year === year.year && y.horizon);
        const pastYear =
          t.pastYear ??
          (year && (year.year < (ctx.periodStart ?? 0) || (explicitNotHorizon && year.year === ctx.periodStart && !ctx.annual))
            ? year.year
            : undefined);
        // A figure with a weak cue (形成3个…, 建设…) is a goal only in a dated or goal context;
        // a count the plan repeats (3个片区) is a fact.
        const strong =
          STRONG_CUE.test(sentence.slice(clauseStart, t.valueTo)) ||
          (t.evidence.some((e) => /= 100%/.test(e)) && /将|力争|确保|要/.test(sentence));
        const dated = year !== null && year.from !== 'plan';
        const isStated =
          t.evidence.includes('stated figure (no cue)') || (!strong && !dated && !goal) || facts.has(countKey(sentence, t));
        const past =
          pastYear !== undefined ||
          (!future && PAST_CUE.test(sentence)) ||
          (background && !future && horizon.length === 0) ||
          (pastParagraph && horizon.length === 0) ||
          isStated;
        const converted = convertFigures({ value: t.value, min: t.min, max: t.max }, t.unit, indicator.unit);
        const unit = converted.converted ? indicator.unit : t.unit && cleanUnit(t.unit);
        if (past || !year) {
          if (t.comparator !== 'annual_growth' && t.comparator !== 'cumulative_change' && converted.value !== undefined) {
            for (const scope of scopes.length > 0 ? scopes : [undefined])
              stated.push({
                indicator,
                scope,
                value: converted.value,
                unit,
                year: pastYear,
                at: ss + t.valueFrom,
                background,
                span: span(ss + t.valueFrom, ss + t.valueTo),
              });
          }
          continue;
        }
        if (cited || study) continue;
        madeTarget = true;
        // 2025年,高新区将力争GDP增长6.5%以上: a year named as such (not 到2025年) sets that year's own
        // growth, not a change over a period.
        const oneYear =
          t.comparator === 'cumulative_change' &&
          t.evidence.includes('cue: 增长') &&
          !t.rate?.startsWith('-') &&
          year.from === 'sentence' &&
          !years.some((y) => y.year === year.year && y.horizon);
        for (const scope of scopes.length > 0 ? scopes : [undefined]) {
          const key = `${ss + t.valueFrom}|${indicator.code ?? indicator.name}|${scope?.code ?? ''}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const own = t.baseline
            ? (() => {
                const b = convertFigures({ value: t.baseline!.value }, t.baseline!.unit, indicator.unit);
                return {
                  year: t.baseline!.year,
                  value: b.value ?? t.baseline!.value,
                  from: 'sentence' as const,
                  span: span(ss + t.baseline!.from, ss + t.baseline!.to),
                };
              })()
            : undefined;
          // …由2021年的77.33亿元提高至超110亿元,年均增长10%以上: the growth clause shares the base.
          const baseline =
            own ??
            (t.inherited && sentenceBaseline?.indicator === (indicator.code ?? indicator.name)
              ? sentenceBaseline.baseline
              : undefined);
          if (own) sentenceBaseline = { indicator: indicator.code ?? indicator.name, baseline: own };
          targets.push({
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
            quote: quoteOf(ss, se),
            span: span(ss, se),
            valueSpan: span(ss + t.valueFrom, ss + t.valueTo),
            section: sPath.map((h) => headingText(h)),
            fromTable: false,
            confidence: confidenceOf(t, indicator.matchedBy, year.from, scope, goal),
            evidence: [
              ...t.evidence,
              ...(oneYear ? ['a year named as such (not 到20xx年): one year’s growth'] : []),
              `indicator: ${indicator.matchedBy}`,
              `year: ${year.from}`,
              ...(converted.converted ? [`unit: ${t.unit} → ${unit}`] : []),
            ],
          });
        }
      }

      // Tasks with a deadline, a recurrence, or an owner named in the sentence.
      const timing = findTiming(sentence, ctx.periodStart);
      const coveredByClause = tasks.some((k) => k.trigger === 'responsibility' && overlaps(k.span, span(ss, se)));
      const inline = coveredByClause ? [] : findInlineResponsibilities(sentence, orgs);
      if (!background) {
        if (inline.length > 0) {
          for (const r of inline)
            tasks.push(
              task(text.slice(ss + r.from, ss + r.to), ss + r.from, ss + r.to, 'responsibility', r.lead, r.co, timing, [
                'owner named in the sentence (X负责/牵头/做好…)',
              ]),
            );
        } else if (timing && !madeTarget && !cited && !coveredByClause) {
          tasks.push(
            task(sentence, ss, se, timing.deadline ? 'deadline' : 'recurrence', [], [], timing, [
              timing.deadline ? 'deadline (到…年/…前)' : `recurrence (${timing.recurrence})`,
            ]),
          );
        } else if (timing && coveredByClause) {
          const k = tasks.find((x) => x.trigger === 'responsibility' && overlaps(x.span, span(ss, se)));
          if (k && !k.deadline && timing.deadline) k.deadline = timing.deadline;
        }
      }
      if (horizon.length > 0)
        lastHorizon = { year: horizon[horizon.length - 1]!.year, sentence: sentenceIndex, section: sectionId };
    }
  }

  function task(
    sentence: string,
    ss: number,
    se: number,
    trigger: TaskCandidate['trigger'],
    lead: TaskCandidate['lead'],
    co: TaskCandidate['co'],
    timing: ReturnType<typeof findTiming>,
    evidence: string[],
  ): TaskCandidate {
    return {
      id: '',
      text: quoteOf(ss, se),
      trigger,
      lead,
      co,
      ...(timing?.deadline ? { deadline: timing.deadline } : {}),
      ...(timing?.recurrence ? { recurrence: timing.recurrence } : {}),
      quote: quoteOf(ss, se),
      span: span(ss, se),
      section: sectionPath(ss),
      confidence: trigger === 'responsibility' ? 0.75 : 0.6,
      evidence,
    };
  }

  targets.push(...tableTargets(doc, paragraphs, tree, ctx, indicators, span, quoteOf));
  const genreFound = applyGenreCandidates(
    text,
    genres,
    ctx,
    { targets, tasks },
    { indicators, span, quoteOf, section: sectionPath },
  );
  targets.splice(0, targets.length, ...genreFound.targets);
  tasks.splice(0, tasks.length, ...genreFound.tasks);
  linkBaselines(targets, stated, ctx.periodStart);

  targets.sort((a, b) => a.valueSpan.start - b.valueSpan.start);
  tasks.sort((a, b) => a.span.start - b.span.start);
  targets.forEach((t, i) => (t.id = `t${i + 1}`));
  tasks.forEach((t, i) => (t.id = `k${i + 1}`));

  const subject: ScopeRef | undefined = ctx.subject?.code
    ? { code: ctx.subject.code, kind: ctx.subject.kind, name: ctx.subject.name, mention: ctx.subject.mention, from: 'plan' }
    : undefined;
  return {
    plan: {
      ...(ctx.title ? { title: ctx.title } : {}),
      periodStart: ctx.periodStart,
      periodEnd: ctx.periodEnd,
      ...(subject ? { defaultScope: subject } : {}),
    },
    sections: tree.headings.map((h) => ({
      id: h.id,
      ...(h.parent ? { parent: h.parent } : {}),
      kind: h.kind,
      heading: headingText(h),
      depth: h.depth,
      span: span(h.headingStart, h.headingEnd),
    })),
    targets,
    tasks,
    orgUnits: [...orgCounts.values()].sort((a, b) => b.count - a.count),
    industries: [...industryCounts.values()].sort((a, b) => b.count - a.count),
    stats: { originalLength: raw.length, cleanLength: text.length, duplicateSentencesDropped: dropped },
  };
}

function cleanUnit(u: string): string {
  return u.replace(/人民币$/, '');
}

function targetYear(
  t: RawTarget,
  periodStart: number | undefined,
  contextYear: number | undefined,
  periodEnd: number | undefined,
): { year: number; from: TargetCandidate['target']['yearFrom'] } | null {
  if (t.year !== undefined) return { year: t.year, from: 'sentence' };
  if (t.yearsFromBase !== undefined && periodStart !== undefined)
    return { year: periodStart - 1 + t.yearsFromBase, from: 'sentence' };
  if (contextYear !== undefined) return { year: contextYear, from: 'context' };
  if (periodEnd !== undefined) return { year: periodEnd, from: 'plan' };
  return null;
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

/** "N个X" counts the document repeats three times or more (3个片区): facts, not goals. */
function recurringCounts(text: string): Set<string> {
  const seen = new Map<string, number>();
  for (const m of text.matchAll(/(\d+)(个|家|项|所|条)([\u4e00-\u9fa5]{2})/g)) {
    const k = `${m[1]}${m[2]}${m[3]}`;
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, n]) => n >= 3).map(([k]) => k));
}

function countKey(sentence: string, t: RawTarget): string {
  return sentence.slice(t.valueFrom, t.valueTo).replace(/以上|左右/, '') + sentence.slice(t.valueTo, t.valueTo + 2);
}

function paragraphRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      if (i > start) out.push([start, i]);
      start = i + 1;
    }
  }
  return out;
}

/** Moves a start offset past headings that begin there (a run-in 第三节发展目标 before the sentence). */
function skipHeadings(tree: SectionTree, from: number, to: number): number {
  let at = from;
  for (const h of tree.headings) {
    if (h.headingStart >= to) break;
    if (h.headingStart <= at && h.headingEnd > at) at = h.headingEnd;
  }
  return at;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function count(
  map: Map<string, Mention>,
  code: string | undefined,
  name: string,
  kind: string,
  at: { start: number; end: number },
): void {
  const key = code ?? name;
  const m = map.get(key);
  if (m) m.count++;
  else map.set(key, { ...(code ? { code } : {}), name, kind, count: 1, first: at });
}

export type { OrgMention };
