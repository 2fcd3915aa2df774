import type { Span, TargetCandidate, TaskCandidate } from '../api/types.ts';

/*
 * Candidates the reviewer makes: a target or task the extractor missed, added from a passage of
 * the document, and the second half of a candidate whose sentence holds two targets. Each keeps
 * the passage it quotes, so the plan stays traceable to its text. No React in here.
 */

/** How a reviewer's candidate came about (shown as a badge). */
export type AddedHow = 'hand' | 'split';

/** The first id with this prefix that none of the taken ids has: added-1, added-2 … or t3-2, t3-3 … */
export function freeId(prefix: string, taken: ReadonlySet<string>, first = 1): string {
  for (let n = first; ; n++) if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the passage the reviewer pasted or selected stands in the document: as written, or with
 * line breaks and spaces that the copy lost or added (a PDF's broken lines). Null when not found.
 */
export function findPassage(text: string, passage: string): Span | null {
  const wanted = passage.trim();
  if (!wanted) return null;
  const at = text.indexOf(wanted);
  if (at >= 0) return { start: at, end: at + wanted.length };
  const chars = [...wanted.replace(/\s+/g, '')];
  if (chars.length === 0) return null;
  const m = new RegExp(chars.map(escape).join('\\s*')).exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/** The section path of the candidate nearest before the offset, for a candidate added there. */
function sectionAt(candidates: readonly { span: Span; section: string[] }[], at: number): string[] {
  let best: { span: Span; section: string[] } | undefined;
  for (const c of candidates) if (c.span.start <= at && (!best || c.span.start >= best.span.start)) best = c;
  return best?.section ?? [];
}

/** A blank target on the passage; the reviewer fills in the indicator and value. */
export function handTarget(
  id: string,
  text: string,
  span: Span,
  year: number,
  near: readonly TargetCandidate[],
): TargetCandidate {
  return {
    id,
    indicator: { name: '', mention: '', matchedBy: 'new' },
    target: { year, yearFrom: 'plan', comparator: 'at_least' },
    quote: text.slice(span.start, span.end).trim(),
    span,
    valueSpan: span,
    section: sectionAt(near, span.start),
    fromTable: false,
    confidence: 1,
    evidence: [],
  };
}

export function handTask(id: string, text: string, span: Span, near: readonly TaskCandidate[]): TaskCandidate {
  const quote = text.slice(span.start, span.end).trim();
  return {
    id,
    text: quote,
    trigger: 'responsibility',
    lead: [],
    co: [],
    quote,
    span,
    section: sectionAt(near, span.start),
    confidence: 1,
    evidence: [],
  };
}

/** A copy of the candidate under a new id: the sentence's second target, edited on its own. */
export function splitCandidate<C extends { id: string }>(c: C, taken: ReadonlySet<string>): C {
  return { ...c, id: freeId(c.id, taken, 2) };
}

/** Extracted and reviewer's candidates in document order (ties: extracted first). */
export function inDocumentOrder<C extends { id: string; span: Span }>(extracted: readonly C[], added: readonly C[]): C[] {
  if (added.length === 0) return extracted as C[];
  const order = new Map([...extracted, ...added].map((c, i) => [c.id, i]));
  return [...extracted, ...added].sort((a, b) => a.span.start - b.span.start || order.get(a.id)! - order.get(b.id)!);
}

/** The place a plan's title starts with, to name a new unit after: 成都市“十四五”… → 成都市. */
export function placeInTitle(title: string): string {
  const m = /^(.{2,12}?(?:自治区|自治州|省|市|州|县|区|盟|旗))/u.exec(title.trim());
  return m?.[1] ?? '';
}
