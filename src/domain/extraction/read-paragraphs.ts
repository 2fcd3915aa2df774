import type { Mention } from './candidate.schema.ts';
import { sentenceRanges } from './dedupe-paragraphs.ts';
import type { DocumentReading } from './document-reading.ts';
import { recurringCounts } from './figure-judgement.ts';
import { citesOtherDocument } from './plan-context.ts';
import { responsibilityClauseTasks, sentenceTasks } from './plan-tasks.ts';
import { sectionStance } from './section-stance.ts';
import { readSentenceTargets } from './sentence-targets.ts';
import type { Findings, ReadingState, SentenceView } from './sentence-view.ts';
import { carriesThePast, continuesThePast, reportsThePast } from './target-cues.ts';
import { skipHeadings } from './text-ranges.ts';
import { findYears } from './value-expressions.ts';

/** Reads the text paragraph by paragraph and sentence by sentence: units and industries named, targets, stated figures and tasks. */
export function readParagraphs(r: DocumentReading, paragraphs: readonly [number, number][]): Findings {
  const found: Findings = { targets: [], stated: [], tasks: [], orgCounts: new Map(), industryCounts: new Map() };
  const state: ReadingState = {
    seen: new Set(),
    lastClauseEnd: 0,
    lastHorizon: null,
    sentenceIndex: 0,
    facts: recurringCounts(r.text),
  };
  // The last paragraph that reported the past, and its section: undated paragraphs after it carry the review on.
  let review: { section: string | undefined } | null = null;
  for (const [ps, pe] of paragraphs) {
    const paragraph = r.text.slice(ps, pe);
    const cited = citesOtherDocument(paragraph, r.ctx);
    const path = r.tree.pathAt(ps);
    const section = path[path.length - 1]?.id;
    const carried: boolean =
      review !== null &&
      review.section === section &&
      !sectionStance(path).goal &&
      (carriesThePast(paragraph) || continuesThePast(paragraph));
    const pastParagraph: boolean =
      reportsThePast(paragraph, r.ctx.periodStart, r.ctx.goalsFrom) || YEAR_SO_FAR.test(paragraph) || carried;
    review = pastParagraph ? { section } : null;
    countMentions(r, paragraph, ps, found);
    responsibilityClauseTasks(r, paragraph, ps, found.tasks, state);
    for (const [ss0, se] of sentenceRanges(r.text, ps, pe)) {
      state.sentenceIndex++;
      const s = sentenceView(r, ss0, se, cited, pastParagraph);
      if (s === null) continue;
      const sectionId = s.path[s.path.length - 1]?.id;
      const last = state.lastHorizon;
      if (last && (state.sentenceIndex - last.sentence > 2 || last.section !== sectionId)) state.lastHorizon = null;
      const madeTarget = readSentenceTargets(r, s, found, state);
      sentenceTasks(r, s, madeTarget, found.tasks);
      // 规划期为2021—2025年,展望到2035年 describes the plan; it dates no goal after it.
      const ahead = s.horizon.length > 0 ? undefined : periodEndAhead(s.sentence, r.ctx.periodStart);
      if (s.horizon.length > 0 && !PLAN_PERIOD_STATEMENT.test(s.sentence))
        state.lastHorizon = { year: s.horizon[s.horizon.length - 1]!.year, sentence: state.sentenceIndex, section: sectionId };
      else if (ahead !== undefined) state.lastHorizon = { year: ahead, sentence: state.sentenceIndex, section: sectionId };
    }
  }
  return found;
}

/** A paragraph opening with the months so far (1—3月份, 1-8月, 上半年, 前三季度) reports results to date. */
const YEAR_SO_FAR =
  /^\s*(?:(?:19|20)\d\d年)?(?:(?:1|一)\s*[-—–~至到]\s*(?:\d{1,2}|[二三四五六七八九十]|十[一二])月份?|上半年|前三季度|一季度|第一季度)[,,]/;
const PLAN_PERIOD_STATEMENT = /规划期|规划期限|规划基期|基准年/;
/** 到“十四五”末, 到“十四五”期末: the end of a five-year period named as a horizon. */
const PERIOD_END_AHEAD = /(?:到|至)“?十[一二三四五六]五”?(?:末|期末)/;
const PERIOD_END_YEAR: Readonly<Record<string, number>> = { 十三五: 2020, 十四五: 2025, 十五五: 2030 };

/**
 * The year a 到“十四五”末 looks ahead to, when it is the plan's own period or later: it dates the goals of the
 * next sentences as 到2025年 does (到“十四五”末,形成…;…增加到120家。…,建成2处国家级众创空间). A 十四五 plan's
 * 到“十三五”末 is its review, and a text with no period of its own dates nothing by it.
 */
function periodEndAhead(sentence: string, periodStart: number | undefined): number | undefined {
  const m = /(?:到|至)“?(十[三四五]五)”?(?:末|期末)/.exec(sentence);
  const year = m ? PERIOD_END_YEAR[m[1]!] : undefined;
  return year !== undefined && periodStart !== undefined && year >= periodStart ? year : undefined;
}

/** A sentence with what its section, paragraph and years say of it; null for one too short to read (after a run-in heading). */
function sentenceView(r: DocumentReading, ss0: number, se: number, cited: boolean, pastParagraph: boolean): SentenceView | null {
  const ss = skipHeadings(r.tree, ss0, se);
  if (se - ss < 4) return null;
  const sentence = r.text.slice(ss, se);
  const path = r.tree.pathAt(ss);
  const years = findYears(sentence);
  const horizon = years.filter((y) => y.horizon && (!r.ctx.periodStart || y.year >= r.ctx.periodStart));
  // 到“十四五”末 looks ahead as 到2025年 does (对于已经开启的新的五年征程,…到“十四五”末,…要达到300亿元: its 已经 is no result).
  const future = horizon.length > 0 || /力争|争取|确保|预计|将/.test(sentence) || PERIOD_END_AHEAD.test(sentence);
  const runIn = r.tree.headings.find((h) => h.runIn && h.headingStart === ss0 && h.headingEnd === ss);
  const runInFrom = runIn ? runIn.headingStart + runIn.marker.length : undefined;
  return {
    ss,
    se,
    ...(runInFrom !== undefined ? { runInFrom } : {}),
    sentence,
    path,
    cited,
    pastParagraph,
    years,
    horizon,
    future,
    ...sectionStance(path),
  };
}

function countMentions(r: DocumentReading, paragraph: string, ps: number, found: Findings): void {
  for (const m of r.orgs.find(paragraph)) count(found.orgCounts, m.code, m.name, m.orgKind, r.span(ps + m.from, ps + m.to));
  for (const m of r.industries.find(paragraph))
    count(found.industryCounts, undefined, m.name, 'industry', r.span(ps + m.from, ps + m.to));
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
