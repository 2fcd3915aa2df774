import { createIndicatorMatcher } from '../extraction/indicator-matcher.ts';
import { normaliseDocument } from '../extraction/normalise-document.ts';
import { originalRange, originalText } from '../extraction/offset-text.ts';
import { cleanUnit, convertValue } from '../extraction/quantities.ts';
import { findValueExpressions, findYears } from '../extraction/value-expressions.ts';

/** An indicator of the plan a bulletin may state a figure for. */
export interface ProposalIndicator {
  code: string;
  name: string;
  unit: string;
  synonyms: readonly string[];
}

/** A figure a published text states for one of the plan's indicators, for a planner to accept or correct. */
export interface FigureProposal {
  indicator: string;
  indicatorName: string;
  /** The year the figure is for: the sentence's own year, else the document's. */
  year: number;
  /** In the indicator's unit (decimal text). */
  value: string;
  /** As the text printed it. */
  statedValue: string;
  statedUnit: string;
  /** The sentence as the document wrote it, and where (offsets into the text as received). */
  quote: string;
  start: number;
  end: number;
}

/** Words before a figure that make it a change on the year before, not a level: never a level's figure. */
const CHANGE_WORDS = /(?:增长|下降|提高|降低|减少|增加|上升|回落|增速|增幅|降幅|拉动)\s*$/;
/** Words between an indicator and its figure (国内生产总值为…, 达到…), and before the indicator (全年, 年末). */
const LINK_WORDS = /(?:为|达到|达|实现|完成|是|共|合计|累计|总计|突破|超过|首次|\s)+$/;
const LEAD_WORDS = /^(?:全年|年末|全省|全市|全州|全区|全国|初步核算|截至年末|截至\d{4}年底|截至\d{4}年末)+/;

/**
 * Proposes the figures a 统计公报, 政府工作报告 or official news item states for the plan's indicators
 * (issue 15 item 3): each figure with a unit, preceded in its clause by words the indicator matcher
 * recognises as one of the plan's indicators, converted into the indicator's unit (a figure whose unit
 * cannot be converted is not proposed). Figures after 增长/下降/提高 … are changes, not levels, and are
 * skipped, and so are sentences that state a target (到2025年, 力争, 预期目标). The year is one the sentence
 * names as the figure's own (not a base), else `documentYear`. Quotes keep the document's own characters.
 */
export function proposeFigures(raw: string, indicators: readonly ProposalIndicator[], documentYear: number): FigureProposal[] {
  const doc = normaliseDocument(raw);
  const matcher = createIndicatorMatcher(indicators.map((i) => ({ ...i, synonyms: [...i.synonyms] })));
  const unitOf = new Map(indicators.map((i) => [i.code, i]));
  const out: FigureProposal[] = [];
  const seen = new Set<string>();
  for (const s of sentences(doc.text)) {
    const sentence = doc.text.slice(s.from, s.to);
    const years = findYears(sentence);
    // 到2025年…达到60万人, 力争…, 预期目标…: a target stated, not a figure published.
    if (years.some((y) => y.horizon) || /(?:目标|力争|争取|预期|预计)/.test(sentence)) continue;
    const own = years.filter((y) => !y.base);
    const year = own.length === 1 ? own[0]!.year : documentYear;
    for (const v of findValueExpressions(sentence)) {
      if (!v.unit || v.max !== undefined || v.fraction) continue;
      const before = sentence.slice(0, v.from);
      if (CHANGE_WORDS.test(before)) continue;
      const clause = before.slice(Math.max(before.search(/[^，,；;：:、]*$/), 0)).replace(LINK_WORDS, '');
      const phrase = clause.replace(/(?:19|20)\d\d年(?:\d{1,2}月)?/g, '').replace(LEAD_WORDS, '');
      const m = matcher.match(phrase);
      if (!m || m.matchedBy === 'new' || !m.code) continue;
      const indicator = unitOf.get(m.code)!;
      // 人均国内生产总值 ends in 生产总值 but is not the total: a per-head or per-unit phrase needs its own indicator.
      if (/^(?:人均|每)/.test(phrase) && !/^(?:人均|每)/.test(indicator.name)) continue;
      const stated = cleanUnit(v.unit);
      const value = stated === indicator.unit ? v.value : convertValue(v.value, stated, indicator.unit);
      if (value === null) continue;
      const key = `${m.code}:${year}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const range = originalRange(doc, s.from, s.to);
      out.push({
        indicator: m.code,
        indicatorName: indicator.name,
        year,
        value,
        statedValue: v.value,
        statedUnit: stated,
        quote: originalText(raw, doc, s.from, s.to).trim(),
        start: range.start,
        end: range.end,
      });
    }
  }
  return out;
}

/** Sentences of a text (up to and including 。；; or a line break), as offsets. */
function sentences(text: string): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if ('。；;\n'.includes(text[i]!)) {
      if (i > from) out.push({ from, to: i + 1 });
      from = i + 1;
    }
  }
  if (from < text.length) out.push({ from, to: text.length });
  return out;
}
