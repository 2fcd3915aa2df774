import type { TaskCandidate } from './candidate.schema.ts';
import type { DocumentReading } from './document-reading.ts';
import type { ReadingState, SentenceView } from './sentence-view.ts';
import { findInlineResponsibilities, findResponsibilities, findTiming } from './task-patterns.ts';
import { overlaps, skipHeadings } from './text-ranges.ts';

/**
 * Tasks closed by a responsibility clause: the measure runs back to the previous clause or the
 * last heading, whichever is later, across paragraphs (PDF text breaks paragraphs after every 。).
 */
export function responsibilityClauseTasks(
  r: DocumentReading,
  paragraph: string,
  ps: number,
  tasks: TaskCandidate[],
  state: ReadingState,
): void {
  for (const c of findResponsibilities(paragraph, r.orgs)) {
    const at = ps + c.from;
    const headingEnd = r.tree.headings.filter((h) => h.headingEnd <= at).reduce((e, h) => Math.max(e, h.headingEnd), 0);
    const from = skipHeadings(r.tree, Math.max(state.lastClauseEnd, headingEnd), at);
    state.lastClauseEnd = ps + c.to;
    if (ps + c.from - from < 4) continue;
    tasks.push({
      id: '',
      text: r.quoteOf(from, ps + c.from).trim(),
      trigger: 'responsibility',
      lead: c.lead,
      co: c.co,
      responsibleText: paragraph.slice(c.from + 1, c.to - 1),
      quote: r.quoteOf(from, ps + c.to),
      span: r.span(from, ps + c.to),
      section: r.sectionPath(from),
      confidence: c.lead.every((u) => u.code) && c.co.every((u) => u.code) ? 0.9 : 0.7,
      evidence: ['responsibility clause (…牵头;…负责)'],
    });
  }
}

/**
 * Tasks with a deadline, a recurrence, or an owner named in the sentence. A sentence that set a
 * goal is no task; one a responsibility clause already covers lends that task its deadline.
 */
export function sentenceTasks(r: DocumentReading, s: SentenceView, madeTarget: boolean, tasks: TaskCandidate[]): void {
  const { ss, se, sentence } = s;
  const timing = findTiming(sentence, r.ctx.periodStart);
  const coveredByClause = tasks.some((k) => k.trigger === 'responsibility' && overlaps(k.span, r.span(ss, se)));
  const own = coveredByClause ? [] : findInlineResponsibilities(sentence, r.orgs);
  // 二、区绩效考评机构要将…,纳入…考核: the owner may be the run-in heading's title, read as part of the sentence.
  const runIn =
    own.length === 0 && !coveredByClause && s.runInFrom !== undefined
      ? findInlineResponsibilities(r.text.slice(s.runInFrom, se), r.orgs)
      : [];
  const base = runIn.length > 0 ? s.runInFrom! : ss;
  const inline = runIn.length > 0 ? runIn : own;
  if (s.background) return;
  if (inline.length > 0) {
    // The part before the first owner is a measure of its own when it has a date or a recurrence
    // (各责任单位要在每季度…前报区人民政府办公室,区人民政府办公室将…跟踪督办).
    const first = Math.min(...inline.map((c) => c.from));
    const ahead = first > 0 ? findTiming(r.text.slice(base, base + first), r.ctx.periodStart) : null;
    if (ahead && !madeTarget && !s.cited && !reportedGoal(r, ahead))
      tasks.push(
        taskCandidate(r, base, base + first, ahead.deadline ? 'deadline' : 'recurrence', [], [], ahead, [
          ahead.deadline ? 'deadline (到…年/…前)' : `recurrence (${ahead.recurrence})`,
        ]),
      );
    for (const c of inline) {
      // The date or recurrence of that earlier part is not the owner's.
      const ownTiming = ahead ? findTiming(r.text.slice(base + c.from, base + c.to), r.ctx.periodStart) : timing;
      tasks.push(
        taskCandidate(r, base + c.from, base + c.to, 'responsibility', c.lead, c.co, ownTiming, [
          'owner named in the sentence (X负责/牵头/做好…)',
        ]),
      );
    }
  } else if (timing && !madeTarget && !s.cited && !coveredByClause && !reportedGoal(r, timing)) {
    tasks.push(
      taskCandidate(r, ss, se, timing.deadline ? 'deadline' : 'recurrence', [], [], timing, [
        timing.deadline ? 'deadline (到…年/…前)' : `recurrence (${timing.recurrence})`,
      ]),
    );
  } else if (timing && coveredByClause) {
    const k = tasks.find((x) => x.trigger === 'responsibility' && overlaps(x.span, r.span(ss, se)));
    if (k && !k.deadline && timing.deadline) k.deadline = timing.deadline;
  }
}

/**
 * A news report that names no responsible unit anywhere quotes the plan's goals (到2024年底,全市数字经济将形成…):
 * a date alone makes no task there. A recurrence still does.
 */
function reportedGoal(r: DocumentReading, timing: NonNullable<ReturnType<typeof findTiming>>): boolean {
  return r.ctx.newsReport === true && !timing.recurrence && !/牵头|责任单位|责任部门|配合单位/.test(r.text);
}

function taskCandidate(
  r: DocumentReading,
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
    text: r.quoteOf(ss, se),
    trigger,
    lead,
    co,
    ...(timing?.deadline ? { deadline: timing.deadline } : {}),
    ...(timing?.recurrence ? { recurrence: timing.recurrence } : {}),
    quote: r.quoteOf(ss, se),
    span: r.span(ss, se),
    section: r.sectionPath(ss),
    confidence: trigger === 'responsibility' ? 0.75 : 0.6,
    evidence,
  };
}
